/**
 * UpPromote's quirks, beyond the shared contract: the raw-key auth header, the unsigned empty URL
 * check, one subscription per event, header renaming, its error responses and its actions.
 */
import nock from 'nock';
import { appTester, createOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import referralNew from './fixtures/referral.new.json';
import { UPPROMOTE_KEY, UPPROMOTE_ORIGIN, upPromoteKit, upPromoteSecret } from './kit';

const authData = upPromoteKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const newReferral = triggerOperation('new_referral');
const api = () => upPromoteKit.api();

const stored = {
  id: 'referral.new',
  platform: 'uppromote',
  subscriptions: [{ events: ['referral.new'], secret: upPromoteSecret('referral.new'), target: `${TARGET_URL}?ah_event=referral.new` }],
};

/** Each call starts with an empty z.cache, so a repeated body is not taken for a retried delivery. */
function performNewReferral(request: ReturnType<typeof hookRequest>, subscribeData: typeof stored = stored, freshCache = true) {
  return runsOf(appTester(newReferral.perform, { authData, subscribeData, ...request }, freshCache));
}

describe('UpPromote connection', () => {
  const auth = connection;

  it('sends the raw key without Bearer and labels the connection with the platform and account', async () => {
    const scope = nock(UPPROMOTE_ORIGIN, { badheaders: ['x-unused'] })
      .get('/api/v2/affiliates')
      .query({ page: '1', per_page: '1' })
      .matchHeader('authorization', UPPROMOTE_KEY)
      .reply(200, { status: 200, message: 'success', data: [] });
    const tested = await appTester(auth.test, { authData: { ...authData, account_name: 'Northwind' } });
    expect(scope.isDone()).toBe(true);
    expect(await appTester(auth.connectionLabel, { authData, inputData: tested as Record<string, unknown> })).toBe('UpPromote: Northwind');
  });

  it('turns a 401 into a reconnect error carrying the vendor message', async () => {
    api().get('/api/v2/affiliates').query(true).reply(401, { message: 'Unauthorized' });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/UpPromote did not accept the API key \("Unauthorized"\)\. Reconnect/);
  });
});

describe('UpPromote deliveries', () => {
  const body = JSON.stringify(referralNew);
  const signature = hmacHex(upPromoteSecret('referral.new'), body);

  it('ignores the unsigned empty request UpPromote sends to a new target URL', async () => {
    expect(await performNewReferral(hookRequest('', {}))).toEqual([]);
  });

  it('ignores that request without an error when it arrives before subscribe has returned', async () => {
    const result = appTester(newReferral.perform, { authData, ...hookRequest('', {}) }, true);
    await expect(result).resolves.toEqual([]);
    const signedButUnknown = appTester(newReferral.perform, { authData, ...hookRequest(body, { 'X-UpPromote-Signature': signature }) }, true);
    await expect(signedButUnknown).resolves.toEqual([]);
  });

  it.each([
    ['renamed by Zapier (Http-X-Uppromote-Signature)', true],
    ['as the vendor sent it (X-UpPromote-Signature)', false],
  ])('finds the signature header %s', async (_case, rename) => {
    const results = await performNewReferral(hookRequest(body, { 'X-UpPromote-Signature': signature }, {}, rename));
    expect(results).toHaveLength(1);
  });

  it('finds the header whatever its case', async () => {
    const results = await performNewReferral(hookRequest(body, { 'x-uppromote-signature': signature.toUpperCase() }, {}, false));
    expect(results).toHaveLength(1);
  });

  it.each([
    ['signed with another secret', hmacHex('not-the-secret', body)],
    ['signature truncated', signature.slice(0, 40)],
    ['signature not hex', 'z'.repeat(64)],
  ])('produces no run when %s', async (_case, value) => {
    expect(await performNewReferral(hookRequest(body, { 'X-UpPromote-Signature': value }))).toEqual([]);
  });

  it('runs a retried delivery once per Zap, remembered in z.cache', async () => {
    const request = hookRequest(body, { 'X-UpPromote-Signature': signature });
    const store = fakeCacheRpc();
    const run = (meta: { zap: { id: string } }) =>
      appTester(withCache(newReferral.perform, store), { authData, subscribeData: stored, meta, ...request }) as Promise<unknown[]>;
    expect(await run({ zap: { id: '101' } })).toHaveLength(1);
    expect(await run({ zap: { id: '101' } })).toEqual([]);
    expect(await run({ zap: { id: '202' } })).toHaveLength(1);
  });

  it('applies the status filter of Referral Status Changed', async () => {
    const changed = JSON.stringify({ referral_id: 7, previous_status: 'pending', current_status: 'denied' });
    const subscribeData = {
      id: 'referral.status-changed',
      platform: 'uppromote',
      subscriptions: [{ events: ['referral.status-changed'], secret: 's3cret' }],
    };
    const run = (status: string) =>
      appTester(triggerOperation('referral_status_changed').perform, {
        authData,
        inputData: { status },
        subscribeData,
        ...hookRequest(changed, { 'X-UpPromote-Signature': hmacHex('s3cret', changed) }),
      }, true);
    expect(await run('denied')).toHaveLength(1);
    expect(await run('paid')).toEqual([]);
  });
});

describe('UpPromote subscriptions', () => {
  it('subscribes Referral Status Changed filtered on approved to referral.approved alone', async () => {
    const scope = api();
    upPromoteKit.expectSubscribe(scope, 'referral.approved');
    const data = await appTester(triggerOperation('referral_status_changed').performSubscribe, {
      authData,
      inputData: { status: 'approved' },
      targetUrl: TARGET_URL,
    });
    expect(scope.isDone()).toBe(true);
    expect(data).toMatchObject({ subscriptions: [{ events: ['referral.approved'], secret: upPromoteSecret('referral.approved') }] });
  });

  it('explains the one-webhook-per-event limit instead of overwriting another URL', async () => {
    api()
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { data: [{ event: 'referral.new', target_url: 'https://other-tool.example.com/hook', secret_key: 'x', status: 'active' }] });
    expect(await rejectionMessage(appTester(newReferral.performSubscribe, { authData, targetUrl: TARGET_URL }))).toMatch(/UpPromote allows only one webhook per event, and "referral.new" is already sent to another address \(other-tool.example.com\)/);
  });

  it('reuses its own existing subscription and secret without subscribing again', async () => {
    const ownUrl = `${TARGET_URL}?ah_event=referral.new`;
    const scope = api()
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { data: [{ event: 'referral.new', target_url: ownUrl, secret_key: 'kept-secret', status: 'active' }] });
    const data = await appTester(newReferral.performSubscribe, { authData, targetUrl: TARGET_URL });
    expect(scope.isDone()).toBe(true);
    expect(data).toMatchObject({ subscriptions: [{ events: ['referral.new'], secret: 'kept-secret' }] });
  });

  it('takes the webhook back when UpPromote returns no secret, so nothing is orphaned', async () => {
    const scope = api()
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { data: [] })
      .post('/api/v2/webhook-subscriptions')
      .reply(200, { status: 200, message: 'success', data: {} })
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { data: [{ event: 'referral.new', target_url: `${TARGET_URL}?ah_event=referral.new` }] })
      .delete('/api/v2/webhook-subscriptions', { event: 'referral.new' })
      .reply(200, { status: 200, message: 'success' });
    expect(await rejectionMessage(appTester(newReferral.performSubscribe, { authData, targetUrl: TARGET_URL }))).toBe(
      'UpPromote accepted the webhook but returned no signing secret, so its deliveries could not be verified. It was removed again; try once more.',
    );
    expect(scope.isDone()).toBe(true);
  });

  it('fails at subscribe for a trigger UpPromote cannot serve, naming what it offers', async () => {
    expect(await rejectionMessage(appTester(triggerOperation('new_payout').performSubscribe, { authData, targetUrl: TARGET_URL }))).toMatch(/UpPromote sends no event for "New Payout" \(it offers: referral.new, .*payment.paid\)\./);
  });

  it('treats a webhook already gone as unsubscribed', async () => {
    const scope = api()
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { data: [{ event: 'referral.new', target_url: stored.subscriptions[0].target }] })
      .delete('/api/v2/webhook-subscriptions', { event: 'referral.new' })
      .reply(404, { message: 'Not found' });
    await expect(appTester(newReferral.performUnsubscribe, { authData, subscribeData: stored })).resolves.toEqual({ removed: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('lists recent referrals for performList, normalized like deliveries', async () => {
    api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '3' })
      .reply(200, { status: 200, message: 'success', data: [referralNew] });
    const listed = (await appTester(newReferral.performList, { authData, meta: { limit: 3 } })) as Record<string, unknown>[];
    expect(listed).toEqual([expect.objectContaining({ id: '1781959', event: 'referral.created', vendor_event: 'referral.new', sale_amount: 120 })]);
  });
});

describe('UpPromote errors reach the user with the vendor message', () => {
  const list = () => appTester(newReferral.performList, { authData });

  it.each([
    [404, { message: 'Referral not found' }, /UpPromote found nothing at GET \/referrals \("Referral not found"\)/],
    [422, { status: 422, message: 'The to date field is required when from date is present.' }, /UpPromote rejected GET \/referrals \(HTTP 422\): The to date field is required/],
    [500, { message: 'Server Error' }, /UpPromote had a server error \(HTTP 500\) on GET \/referrals \("Server Error"\)\. This is usually temporary/],
    [403, { message: 'Plan does not include API' }, /UpPromote refused GET \/referrals: the API key lacks a permission it needs \("Plan does not include API"\)/],
  ])('HTTP %i', async (status, body, expected) => {
    api().get('/api/v2/referrals').query(true).reply(status, body);
    expect(await rejectionMessage(list())).toMatch(expected);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 203.0.113.7:443'), { code: 'ECONNREFUSED' }), /^UpPromote could not be reached \(GET \/referrals\)\. This is usually temporary/],
    ['a timeout', Object.assign(new Error('connect ETIMEDOUT 203.0.113.7:443'), { code: 'ETIMEDOUT' }), /^UpPromote did not answer within 20 s \(GET \/referrals\)/],
  ])('names the platform on %s', async (_case, failure, expected) => {
    api().get('/api/v2/referrals').query(true).replyWithError(failure);
    expect(await rejectionMessage(list())).toMatch(expected);
  });

  it('HTTP 429 becomes a ThrottledError honouring Retry-After', async () => {
    api().get('/api/v2/referrals').query(true).reply(429, { message: 'Too Many Requests' }, { 'Retry-After': '42' });
    const error: unknown = await list().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: 'ThrottledError' });
    expect(JSON.parse((error as Error).message)).toEqual({ message: 'UpPromote is rate-limiting this account ("Too Many Requests"); retry in 42 s.', delay: 42 });
  });
});

describe('UpPromote actions', () => {
  it('approves a referral with the inferred status endpoint and returns the normalized record', async () => {
    const scope = api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(200, { status: 200, message: 'success', data: { ...referralNew, status: 'approved' } });
    const result = await appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '1781959' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '1781959', event: 'referral.approved', vendor_event: 'referral.approved', status: 'approved', sale_amount: 120 });
  });

  it('falls back to what the inputs say when the response carries no object', async () => {
    api().post('/api/v2/referral/55/status', { status: 'denied' }).reply(200, { status: 200, message: 'success' });
    const result = await appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: '55' } });
    expect(result).toMatchObject({ id: '55', platform: 'uppromote', event: 'referral.denied', status: 'denied' });
  });

  it('approves an affiliate by email', async () => {
    const scope = api().post('/api/v2/affiliate/active', { affiliate_email: 'ana@example.com', status: 'approved' }).reply(200, { status: 200, message: 'success' });
    const result = await appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: 'ana@example.com' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ email: 'ana@example.com', status: 'active', event: 'affiliate.approved' });
  });

  it('refuses an affiliate ID where UpPromote needs an email, before calling UpPromote', async () => {
    expect(await rejectionMessage(appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: '2029238' } }))).toMatch(/UpPromote identifies this by email address: "Affiliate" must be an email, not "2029238"/);
  });

  it('creates an affiliate, sending only the fields given', async () => {
    const scope = api()
      .post('/api/v2/affiliates', { email: 'new@example.com', first_name: 'Nia', send_email: true })
      .reply(200, { status: 200, message: 'success', data: { id: 3001, email: 'new@example.com', first_name: 'Nia', status: 'active' } });
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'new@example.com', first_name: 'Nia', send_welcome_email: true },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '3001', email: 'new@example.com', name: 'Nia', status: 'active', event: 'affiliate.created' });
  });
});
