/**
 * Every error status the vendors can answer, per platform, from one table: the user sees the
 * platform's name and the vendor's own message; 401 asks to reconnect (ExpiredAuthError); 429 is a
 * ThrottledError honouring Retry-After; 5xx and network failures read as temporary.
 */
import nock from 'nock';
import { appTester, createOperation } from '../helpers/app';
import { userMessage } from '../helpers/errors';
import { PLATFORMS as REGISTERED } from '../../platforms/registry';
import { errorCaseOf, type ErrorCase } from './error-case';

/** Every registered platform that has an API to answer errors (ViralRef publishes none). */
const PLATFORMS: ErrorCase[] = REGISTERED.filter((platform) => platform.connectionTest !== null).map((platform) => errorCaseOf(platform.id));

/** Status → what the user must be told, besides the platform's name and the vendor's message. */
const STATUSES: [number, RegExp][] = [
  [400, /rejected .* \(HTTP 400\): vendor says: email is invalid/],
  [401, /did not accept the API key .*Reconnect/],
  // The third form: a call whose permission rule carries a note instead of a permission name (platforms/middleware.ts).
  [403, /lacks a permission it needs|needs the "[a-z.-]+" permission|refused (POST|PATCH|PUT) \/\S+ \(".+"\): \S/],
  // An action whose endpoint rests on a third party only (`unconfirmed`) says first that the id is unknown, then that the API may not offer it.
  [404, /found nothing at (POST|PATCH|PUT) \/\S+.*Check the ID|has no [a-z ]+ ".+" on your account: it answered (POST|PATCH|PUT) \/\S+ with HTTP 404.*Check the ID|does not offer ".+" through your .+ API: it answered (POST|PATCH|PUT) \/\S+ with HTTP 404.*check the ID/],
  [409, /rejected .* \(HTTP 409\)/],
  [422, /rejected .* \(HTTP 422\)/],
  [500, /server error \(HTTP 500\).*temporary/],
  [502, /server error \(HTTP 502\).*temporary/],
  [503, /server error \(HTTP 503\).*temporary/],
];

const TABLE = PLATFORMS.flatMap((platform) => STATUSES.map(([status, expected]) => [platform.name, status, platform, expected] as const));

function run(platform: ErrorCase): Promise<unknown> {
  return appTester(createOperation(platform.action).perform, { authData: platform.authData, inputData: platform.inputData });
}

async function failure(platform: ErrorCase): Promise<Error> {
  return run(platform).then(
    () => {
      throw new Error('expected the action to fail');
    },
    (error: unknown) => error as Error,
  );
}

describe('vendor errors reach the user', () => {
  it.each(TABLE)('%s HTTP %i', async (_name, status, platform, expected) => {
    const vendorMessage = status === 400 ? 'vendor says: email is invalid' : `vendor says: status ${status}`;
    const scope = nock(platform.origin)[platform.method](platform.path).reply(status, platform.errorBody(vendorMessage));
    const error = await failure(platform);
    expect(scope.isDone()).toBe(true);
    const message = userMessage(error);
    expect(message.startsWith(platform.name)).toBe(true);
    expect(message).toContain(vendorMessage);
    expect(message).toMatch(expected);
    if (status === 401) expect(error.name).toBe('ExpiredAuthError');
  });

  it.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s HTTP 429 is a ThrottledError honouring Retry-After', async (_name, platform) => {
    nock(platform.origin)[platform.method](platform.path).reply(429, platform.errorBody('slow down'), { 'Retry-After': '30' });
    const error = await failure(platform);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({ message: `${platform.name} is rate-limiting this account ("slow down"); retry in 30 s.`, delay: 30 });
  });

  it.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s unreachable reads as temporary, naming the platform', async (_name, platform) => {
    nock(platform.origin)[platform.method](platform.path).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(userMessage(await failure(platform))).toMatch(new RegExp(`^${platform.name} could not be reached .*temporary`));
  });
});
