/**
 * Tolt: dashboard-registered webhooks sent and signed by Svix (`svix-id`, `svix-timestamp`,
 * `svix-signature`; base64 HMAC-SHA256 of "id.timestamp.body" keyed by the base64 after `whsec_`),
 * verified through the Standard Webhooks library; the `{type, data, timestamp}` envelope; Bearer
 * auth and Tolt's v2 error body; the actions, the search and the polls against the v2 lists.
 * Signatures are computed here from Tolt's verify page, independently of the app's scheme code.
 */
import { deliveredPayload } from '../../test/helpers/payload';
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { appTester, createOperation, searchOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hookRequest, signedHookRequest } from '../../test/helpers/deliveries';
import { tolt } from '../../platforms/tolt';
import { rejectionMessage } from '../../test/helpers/errors';
import { zapPolls } from '../../test/polling/poll';
import commissionCreated from './fixtures/postback.commission.created.json';
import commissionUpdated from './fixtures/commission.updated.json';
import partnerCreated from './fixtures/partner.created.json';
import partnerUpdated from './fixtures/partner.updated.json';
import transactionCreated from './fixtures/transaction.created.json';
import rateLimited from './fixtures/rate-limited.429.json';
import v1CreatePartner from './fixtures/v1-create-partner.response.json';

/** A `whsec_` secret as Svix issues them: base64 after the prefix. */
const TOLT_SECRET = `whsec_${Buffer.from('tolt-endpoint-signing-key-0001').toString('base64')}`;
const authData = { platform: 'tolt', api_key: 'tlt_live_test_key_5f1e' };
const API = 'https://platform.tolt.com';
const dashboard = triggerOperation('dashboard_webhook');

/** Svix's signature of `rawBody` [DOC: docs.tolt.com/webhooks/verify], computed by hand. */
function svixHeaders(rawBody: string, secret = TOLT_SECRET, seconds = Math.floor(Date.now() / 1000), id = 'msg_2aVz9LqT0tolt') {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${seconds}.${rawBody}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(seconds), 'svix-signature': `v1,${signature}` };
}

function perform(request: ReturnType<typeof hookRequest>, inputData: Record<string, unknown> = { signing_secret: TOLT_SECRET }) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...request }));
}

function delivery(payload: unknown, headers?: Record<string, string>) {
  const rawBody = JSON.stringify(payload);
  return { rawBody, request: hookRequest(rawBody, headers ?? svixHeaders(rawBody)) };
}

afterEach(() => nock.cleanAll());

describe('Tolt connection', () => {
  const auth = connection;

  it('tests the key with a Bearer call to GET /v2/partners?limit=1 and labels the connection', async () => {
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${authData.api_key}` } })
      .get('/v2/partners')
      .query({ limit: '1' })
      .reply(200, { success: true, message: 'Success', data: [], has_more: false, next_cursor: null });
    const tested = await appTester(auth.test, { authData });
    expect(scope.isDone()).toBe(true);
    expect(await appTester(auth.connectionLabel, { authData, inputData: tested as Record<string, unknown> })).toBe('Tolt');
  });

  it("turns a 401 into a reconnect error with Tolt's v2 message", async () => {
    nock(API).get('/v2/partners').query(true).reply(401, { success: false, message: 'Invalid API key.', code: 'unauthorized', doc_url: 'https://docs.tolt.com/errors#unauthorized' });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/Tolt did not accept the API key \("Invalid API key\."\)/);
  });

  it("reads v1's nested error message too", async () => {
    nock(API).get('/v2/partners').query(true).reply(401, { success: false, error: { message: 'Invalid API key provided', type: 'authentication_error' } });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/Invalid API key provided/);
  });

  it('passes on the documented 429 with its message', async () => {
    nock(API).get('/v2/partners').query(true).reply(429, rateLimited, { 'Retry-After': '1' });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/Too many requests/);
  });

  it('refuses a list answered 200 whose envelope says success: false', async () => {
    nock(API).get('/v2/partners').query(true).reply(200, { success: false, message: 'Something went wrong' });
    expect(await rejectionMessage(appTester(triggerOperation('new_affiliate_polling').perform, { authData, inputData: {} }))).toMatch(/Something went wrong/);
  });
});

describe('Tolt deliveries through the dashboard webhook trigger (Svix-signed)', () => {
  it.each([
    ['commission.created', commissionCreated, { event: 'referral.created', id: 'comm_1234567890', status: 'pending', vendor_status: 'pending', commission_amount: 50, affiliate_id: 'part_1234567890', created_at: '2025-09-26T14:26:58.524Z' }],
    ['commission.updated', commissionUpdated, { event: 'referral.status_changed', id: 'comm_1234567890', status: 'denied', vendor_status: 'rejected', commission_amount: 9.8, sale_amount: 49, currency: 'USD' }],
    ['partner.created', partnerCreated, { event: 'affiliate.created', id: 'part_123', status: 'pending', email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe', name: 'Jane Doe', company: 'Doe Media', program_id: 'prg_123', created_at: '2025-04-23T13:00:50.900Z' }],
    ['partner.updated', partnerUpdated, { event: 'affiliate.status_changed', id: 'part_123', status: 'inactive', vendor_status: 'suspended' }],
    ['transaction.created', transactionCreated, { event: 'other', id: 'txn_eK9bzRGn46BhVgNFHD6fDgXW' }],
  ])('normalizes a genuine %s, keeping it under raw', async (vendorEvent, payload, expected) => {
    const results = await perform(delivery(payload).request);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ platform: 'tolt', vendor_event: vendorEvent, ...expected });
    expect(deliveredPayload(results[0].raw)).toEqual(payload);
  });

  it('accepts the headers in any case, with or without Zapier\'s Http- prefix', async () => {
    const rawBody = JSON.stringify(commissionCreated);
    const upper = Object.fromEntries(Object.entries(svixHeaders(rawBody)).map(([name, value]) => [name.toUpperCase(), value]));
    expect(await perform(hookRequest(rawBody, upper))).toHaveLength(1);
    expect(await perform(hookRequest(rawBody, svixHeaders(rawBody), {}, false))).toHaveLength(1);
  });

  it("signs through the app's own scheme under svix-* names (what the bench and live-check send)", async () => {
    const rawBody = JSON.stringify(partnerUpdated);
    const request = signedHookRequest(tolt, rawBody, TOLT_SECRET);
    expect(Object.keys(request.rawRequest.headers)).toEqual(expect.arrayContaining(['Http-Svix-Id', 'Http-Svix-Timestamp', 'Http-Svix-Signature']));
    expect(await perform(request)).toHaveLength(1);
  });

  it('accepts the unbranded webhook-* headers (the same scheme)', async () => {
    const rawBody = JSON.stringify(partnerCreated);
    const unbranded = Object.fromEntries(Object.entries(svixHeaders(rawBody)).map(([name, value]) => [name.replace('svix-', 'webhook-'), value]));
    expect(await perform(hookRequest(rawBody, unbranded))).toHaveLength(1);
  });

  it('accepts a signature list where one v1 entry matches (secret rotation)', async () => {
    const rawBody = JSON.stringify(partnerCreated);
    const headers = svixHeaders(rawBody);
    const other = svixHeaders(rawBody, `whsec_${Buffer.from('previous-key').toString('base64')}`)['svix-signature'];
    expect(await perform(hookRequest(rawBody, { ...headers, 'svix-signature': `${other} ${headers['svix-signature']}` }))).toHaveLength(1);
  });

  it('produces no run for a forged delivery (body changed, signature kept)', async () => {
    const { rawBody, request } = delivery(commissionCreated);
    const forged = rawBody.replace('5000', '9000');
    expect(forged).not.toBe(rawBody);
    expect(await perform({ ...request, rawRequest: { ...request.rawRequest, content: forged } })).toEqual([]);
  });

  it('produces no run for a signature made with another secret', async () => {
    const rawBody = JSON.stringify(commissionCreated);
    expect(await perform(hookRequest(rawBody, svixHeaders(rawBody, `whsec_${Buffer.from('someone-else').toString('base64')}`)))).toEqual([]);
  });

  it.each([
    ['six minutes old', -360],
    ['six minutes ahead', 360],
  ])('produces no run for a stale delivery (%s)', async (_case, offset) => {
    const rawBody = JSON.stringify(commissionCreated);
    expect(await perform(hookRequest(rawBody, svixHeaders(rawBody, TOLT_SECRET, Math.floor(Date.now() / 1000) + offset)))).toEqual([]);
  });

  it('accepts a delivery four minutes old (inside the ±5-minute window)', async () => {
    const rawBody = JSON.stringify(commissionCreated);
    expect(await perform(hookRequest(rawBody, svixHeaders(rawBody, TOLT_SECRET, Math.floor(Date.now() / 1000) - 240)))).toHaveLength(1);
  });

  it('produces no run for an unsigned delivery or one missing svix-id', async () => {
    const rawBody = JSON.stringify(commissionCreated);
    expect(await perform(hookRequest(rawBody, {}))).toEqual([]);
    const { 'svix-id': _id, ...rest } = svixHeaders(rawBody);
    expect(await perform(hookRequest(rawBody, rest))).toEqual([]);
  });

  it('asks for the whsec_ signing secret instead of dropping deliveries when none is set', async () => {
    expect(await rejectionMessage(perform(delivery(commissionCreated).request, {}))).toMatch(/Tolt signs its webhooks: enter the webhook's signing secret .*Settings → Webhooks/);
  });

  it('passes on only the chosen events', async () => {
    const only = { signing_secret: TOLT_SECRET, events: ['affiliate.created'] };
    expect(await perform(delivery(commissionCreated).request, only)).toEqual([]);
    expect(await perform(delivery(partnerCreated).request, only)).toHaveLength(1);
  });

  it('loads a sample from the commission list when referral events are chosen', async () => {
    const scope = nock(API)
      .get('/v2/commissions')
      .query((query) => query.sort === 'created_at' && query.order === 'desc')
      .reply(200, { success: true, message: 'Success', data: [commissionUpdated.data], has_more: false, next_cursor: null });
    const listed = (await appTester(dashboard.performList, { authData, inputData: { signing_secret: TOLT_SECRET, events: ['referral.created'] } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(listed[0]).toMatchObject({ id: 'comm_1234567890', status: 'denied', commission_amount: 9.8 });
  });
});

describe('Tolt instant triggers', () => {
  it('refuses a REST hook, naming the dashboard trigger and the polling trigger', async () => {
    const subscribe = triggerOperation('new_referral').performSubscribe;
    expect(await rejectionMessage(appTester(subscribe, { authData, targetUrl: 'https://hooks.zapier.com/x' }))).toMatch(
      /Tolt registers webhooks only in its dashboard.*Use "New Referral \(Polling\)" or "New Event from Dashboard Webhook" instead\./,
    );
  });
});

describe('Tolt polling', () => {
  const list = (items: unknown[]) => ({ success: true, message: 'Success', data: items, has_more: false, next_cursor: null });

  it('reads new partners forward from the last day (sort=created_at, order=asc, created_after)', async () => {
    let asked: Record<string, unknown> = {};
    const scope = nock(API)
      .get('/v2/partners')
      .query((query) => {
        asked = query;
        return true;
      })
      .reply(200, list([partnerCreated.data]));
    const results = (await appTester(triggerOperation('new_affiliate_polling').perform, { authData, inputData: {} })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(asked).toMatchObject({ limit: '100', sort: 'created_at', order: 'asc' });
    expect(Math.abs(Date.now() - 24 * 3600 * 1000 - Date.parse(String(asked.created_after)))).toBeLessThan(60_000);
    expect(results.map((item) => item.id)).toEqual(['part_123']);
  });

  it('reads status changes forward from its previous poll (sort=updated_at, order=asc, updated_after)', async () => {
    const nextPoll = zapPolls('referral_status_polling', { authData, inputData: {} });
    // The first poll only notes where to start: what changed before the Zap was on is not reported.
    expect(await nextPoll()).toEqual([]);
    let asked: Record<string, unknown> = {};
    const scope = nock(API)
      .get('/v2/commissions')
      .query((query) => {
        asked = query;
        return true;
      })
      .reply(200, list([commissionUpdated.data]));
    const results = await nextPoll();
    expect(scope.isDone()).toBe(true);
    expect(asked).toMatchObject({ sort: 'updated_at', order: 'asc', limit: '100' });
    expect(Math.abs(Date.now() - Date.parse(String(asked.updated_after)))).toBeLessThan(60_000);
    expect(results).toEqual([expect.objectContaining({ record_id: 'comm_1234567890', status: 'denied' })]);
    expect(String(results[0].id)).toMatch(/^comm_1234567890:denied:/);
  });

  it('refuses New Payout (Polling): Tolt lists no payouts', async () => {
    expect(await rejectionMessage(appTester(triggerOperation('new_payout_polling').perform, { authData, inputData: {} }))).toMatch(/Tolt offers no API list of payouts/);
  });
});

describe('Tolt actions', () => {
  const ok = (data: unknown) => ({ success: true, message: 'Success', data });

  it('approves a commission', async () => {
    const scope = nock(API).post('/v2/commissions/comm_1234567890/approve').reply(200, ok({ ...commissionUpdated.data, status: 'approved' }));
    const result = await appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: 'comm_1234567890' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'referral.approved', id: 'comm_1234567890', status: 'approved', commission_amount: 9.8 });
  });

  it('declines a commission (Tolt calls it rejected)', async () => {
    const scope = nock(API).post('/v2/commissions/comm_1234567890/decline').reply(200, ok(commissionUpdated.data));
    const result = await appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: 'comm_1234567890' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'referral.denied', id: 'comm_1234567890', status: 'denied', vendor_status: 'rejected' });
  });

  it('creates a partner with email and program_id, reading the one-item array v1 answers with', async () => {
    const scope = nock(API)
      .post('/v2/partners', { email: 'michael.scott@dundermifflin.com', first_name: 'Michael', last_name: 'Scott', company_name: 'Dunder Mifflin', program_id: 'prg_YRsbPDAKhWfdqJbFACheh', notify_partner: true })
      .reply(201, { ...v1CreatePartner, data: [v1CreatePartner.data] });
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'michael.scott@dundermifflin.com', first_name: 'Michael', last_name: 'Scott', company: 'Dunder Mifflin', program_id: 'prg_YRsbPDAKhWfdqJbFACheh', send_welcome_email: true },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'affiliate.created', id: 'part_s7mbzRGn46BhVgNFHD6fDgXW', status: 'active', email: 'michael.scott@dundermifflin.com', company: 'Dunder Mifflin' });
  });

  it("passes on Tolt's 409 already_exists for a repeated email", async () => {
    nock(API)
      .post('/v2/partners')
      .reply(409, { success: false, message: 'A partner with this email already exists.', code: 'already_exists', doc_url: 'https://docs.tolt.com/errors#already_exists', errors: [{ field: 'email' }] });
    expect(
      await rejectionMessage(appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'a@example.com', program_id: 'prg_1' } })),
    ).toMatch(/A partner with this email already exists/);
  });

  it('asks for the program before calling Tolt', async () => {
    expect(await rejectionMessage(appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'a@example.com' } }))).toMatch(/Program/);
  });

  it.each([
    ['approve_affiliate', 'approve', { status: 'active' }, { event: 'affiliate.approved', status: 'active' }],
    ['deny_affiliate', 'reject', { status: 'rejected' }, { event: 'affiliate.denied', status: 'denied', vendor_status: 'rejected' }],
  ])('%s posts to /v2/partners/{id}/%s', async (action, path, change, expected) => {
    const scope = nock(API).post(`/v2/partners/part_123/${path}`).reply(200, ok({ ...partnerCreated.data, ...change }));
    const result = await appTester(createOperation(action).perform, { authData, inputData: { affiliate: 'part_123' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'part_123', ...expected });
  });

  it('marks a payout paid, and explains a 404 as the unconfirmed payouts API', async () => {
    const scope = nock(API).post('/v2/payouts/pout_Hq4XcN8rTb2VmK7sWp3LdYf9/mark-as-paid').reply(200, ok({ id: 'pout_Hq4XcN8rTb2VmK7sWp3LdYf9', status: 'paid' }));
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: 'pout_Hq4XcN8rTb2VmK7sWp3LdYf9' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'payout.paid', id: 'pout_Hq4XcN8rTb2VmK7sWp3LdYf9', status: 'paid' });
    nock(API).post('/v2/payouts/pout_x/mark-as-paid').reply(404, { success: false, message: 'Not found.', code: 'not_found' });
    expect(await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: 'pout_x' } }))).toMatch(/MCP page/);
  });

  it('refuses Create Referral and Find Referral, saying why', async () => {
    expect(await rejectionMessage(appTester(createOperation('create_referral').perform, { authData, inputData: { order_id: '1', sale_amount: 10 } }))).toMatch(/Tolt records a sale as a transaction/);
    expect(await rejectionMessage(appTester(searchOperation('find_referral').perform, { authData, inputData: { order_id: 'ch_1' } }))).toMatch(/no way to look a commission up by order/);
  });

  it('finds an affiliate by exact email among search results', async () => {
    const near = { ...partnerCreated.data, id: 'part_999', email: 'jane.doe@example.com.au' };
    const scope = nock(API).get('/v2/partners').query({ search: 'Jane.Doe@example.com', limit: '25' }).reply(200, { success: true, data: [near, partnerCreated.data], has_more: false });
    const found = (await appTester(searchOperation('find_affiliate').perform, { authData, inputData: { email: 'Jane.Doe@example.com' } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(found.map((item) => item.id)).toEqual(['part_123']);
  });
});
