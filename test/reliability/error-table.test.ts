/**
 * Every error status the vendors can answer, per platform, from one table: the user sees the
 * platform's name and the vendor's own message; 401 asks to reconnect (ExpiredAuthError); 429 is a
 * ThrottledError honouring Retry-After; 5xx and network failures read as temporary.
 */
import nock from 'nock';
import { appTester, createOperation } from '../helpers/app';
import { userMessage } from '../helpers/errors';

/** One platform: an action that names an id, the request it makes, and how the vendor words an error. */
interface ErrorCase {
  name: string;
  authData: Record<string, string>;
  action: string;
  inputData: Record<string, unknown>;
  origin: string;
  method: 'post' | 'patch';
  path: string;
  /** The vendor's error body carrying `message` (shapes from each vendor's documents, or inferred). */
  errorBody: (message: string) => Record<string, unknown>;
}

const PLATFORMS: ErrorCase[] = [
  {
    name: 'UpPromote',
    authData: { platform: 'uppromote', api_key: 'upk_errors' },
    action: 'approve_referral',
    inputData: { referral_id: '1781959' },
    origin: 'https://aff-api.uppromote.com',
    method: 'post',
    path: '/api/v2/referral/1781959/status',
    errorBody: (message) => ({ status: 0, message }),
  },
  {
    name: 'PartnerStack',
    authData: { platform: 'partnerstack', api_key: 'sk_errors', public_key: 'pk_errors' },
    action: 'approve_affiliate',
    inputData: { affiliate: 'appl_8WePUs6tWFsW4h' },
    origin: 'https://api.partnerstack.com',
    method: 'patch',
    path: '/api/v2/applications/appl_8WePUs6tWFsW4h/decision',
    errorBody: (message) => ({ message, status: 'error' }),
  },
  {
    name: 'Rebus AI',
    authData: { platform: 'rebus', api_key: 'sk_test_errors' },
    action: 'mark_payout_paid',
    inputData: { payout_id: '901' },
    origin: 'https://rebusai.com',
    method: 'post',
    path: '/api/v1/affiliate/payouts/901/process/',
    errorBody: (message) => ({ success: false, error: { code: 'error', message } }),
  },
  {
    name: 'Tamio',
    authData: { platform: 'tamio', api_key: 'sk_tamio_errors' },
    action: 'approve_affiliate',
    inputData: { affiliate: 'a5af6690-1622-4726-b201-f829df269d28' },
    origin: 'https://api.tamio.com',
    method: 'post',
    path: '/v2/affiliates/approve/a5af6690-1622-4726-b201-f829df269d28',
    errorBody: (message) => ({ status: 0, error: message, error_code: 1002 }),
  },
];

/** Status → what the user must be told, besides the platform's name and the vendor's message. */
const STATUSES: [number, RegExp][] = [
  [400, /rejected .* \(HTTP 400\): vendor says: email is invalid/],
  [401, /did not accept the API key .*Reconnect/],
  [403, /lacks a permission it needs|needs the "[a-z.-]+" permission/],
  [404, /found nothing at (POST|PATCH) \/\S*(1781959|appl_8WePUs6tWFsW4h|901|a5af6690-1622-4726-b201-f829df269d28)\S*.*Check the ID/],
  [409, /rejected .* \(HTTP 409\)/],
  [422, /rejected .* \(HTTP 422\)/],
  [500, /server error \(HTTP 500\).*temporary/],
  [502, /server error \(HTTP 502\).*temporary/],
  [503, /server error \(HTTP 503\).*temporary/],
];

const TABLE = PLATFORMS.flatMap((platform) => STATUSES.map(([status, expected]) => [platform.name, status, platform, expected] as const));

function run(platform: ErrorCase): Promise<unknown> {
  return appTester(createOperation(platform.action).perform as never, { authData: platform.authData, inputData: platform.inputData });
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
