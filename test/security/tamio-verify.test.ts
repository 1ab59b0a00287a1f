/**
 * Issue 22 items 5 and 10: Tamio without a signing secret verifies through Tamio's verify call,
 * which spends the merchant's rate limit. Forgeries that fail cheap local checks never reach it;
 * a 429 makes the delivery a throttled (retried) run, never a silent drop; the call carries the
 * signature's value alone, under one canonical name, whatever name the sender gave it.
 */
import nock from 'nock';
import { appTester, runsOf, triggerOperation } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { VERIFY_PATH, expectVerify, nowSeconds, tamioApi, tamioAuth, tamioSignature, type VerifyCall } from '../../workshops/tamio/kit';
import affiliateApproved from '../../workshops/tamio/fixtures/affiliate-approved.json';
import { runThroughCore } from './core-run';

const dashboard = triggerOperation('dashboard_webhook');
const body = JSON.stringify(affiliateApproved);

function perform(request: ReturnType<typeof hookRequest>) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData: tamioAuth, inputData: {}, ...request }));
}

describe('Tamio: forgeries that fail cheap checks never reach the verify call', () => {
  // nock.disableNetConnect (test/setup.ts): any call to Tamio here would fail the delivery with an error.
  const { event_id: _id, ...withoutId } = affiliateApproved;
  it.each([
    ['a body that is not JSON', 'not json at all'],
    ['an event Tamio does not send', JSON.stringify({ ...affiliateApproved, event_type: 'affiliate-teleported' })],
    ['no event id', JSON.stringify(withoutId)],
    ['a JSON array', '[1,2,3]'],
  ])('%s: refused without a call', async (_case, rawBody) => {
    expect(await perform(hookRequest(rawBody, { 'Tamio-Signature': tamioSignature(rawBody) }))).toEqual([]);
  });

  it.each([
    ['no signature header', {}],
    ['a header without the t=…,s=… shape', { 'Tamio-Signature': 'sha256=abc' }],
    ['a time ten minutes old', { 'Tamio-Signature': tamioSignature(body, undefined, nowSeconds() - 600) }],
  ])('%s: refused without a call', async (_case, headers: Record<string, string>) => {
    expect(await perform(hookRequest(body, headers))).toEqual([]);
  });
});

describe("Tamio's verify call answering 429", () => {
  it('throws a ThrottledError (Zapier retries it) with a short message, never a silent refusal', async () => {
    const scope = tamioApi().post(VERIFY_PATH).reply(429, { status: 429, error: 'Too many requests' }, { 'Retry-After': '30' });
    const run = await runThroughCore('triggers.dashboard_webhook.operation.perform', {
      authData: tamioAuth,
      inputData: {},
      ...hookRequest(body, { 'Tamio-Signature': tamioSignature(body) }),
    });
    expect(scope.isDone()).toBe(true);
    expect(run.results).toBeUndefined();
    expect(run.error?.name).toBe('ThrottledError');
    expect(JSON.parse(run.error?.message ?? '{}')).toEqual({
      message: 'Tamio is rate-limiting POST /webhook-endpoints/verify-signature, so a webhook delivery could not be verified yet; it is retried later.',
      delay: 30,
    });
    expect(run.logText).not.toContain('john@example.com');
  });

  it('waits a minute when Tamio names no time', async () => {
    tamioApi().post(VERIFY_PATH).reply(429, { status: 429 });
    const thrown = await perform(hookRequest(body, { 'Tamio-Signature': tamioSignature(body) })).catch((error: Error) => error);
    expect(thrown).toMatchObject({ name: 'ThrottledError' });
    expect(JSON.parse((thrown as Error).message)).toMatchObject({ delay: 60 });
  });
});

describe("Tamio's verify call carries the signature under its canonical name only", () => {
  it.each(['Transfer-Encoding', 'Trailer', 'X-Sender-Chosen'])('a signature the sender sent as %s is sent on as Tamio-Signature, nothing else', async (name) => {
    const calls: VerifyCall[] = [];
    const signature = tamioSignature(body);
    const scope = expectVerify(nock('https://api.tamio.com', { badheaders: ['transfer-encoding', 'trailer', 'x-sender-chosen', 'x-note'] }), calls);
    const runs = await perform(hookRequest(body, { [name]: signature, 'X-Note': 'sender text' }));
    expect(scope.isDone()).toBe(true);
    expect(calls).toEqual([{ body, signature, contentType: 'application/json' }]);
    expect(runs).toHaveLength(1);
  });
});
