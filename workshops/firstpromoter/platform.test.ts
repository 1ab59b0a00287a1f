/**
 * FirstPromoter's quirks, beyond the shared contract: two auth headers, our token in a custom
 * header (and a vendor `secret_key` kept when the create answer has one), a refused event name
 * reaching the user with FirstPromoter's message, test deliveries, batch answers that are not done,
 * bare-array lists paged until a short page, the per-campaign affiliate decisions and the tracking API.
 */
import nock from 'nock';
import { appTester, createOperation, searchOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import commissionApproved from './fixtures/commission.approved.json';
import testDelivery from './fixtures/test-delivery.commission.created.json';
import trackSale from './fixtures/track-sale.200.response.json';
import trackSale409 from './fixtures/track-sale.409.response.json';
import promoter400 from './fixtures/create-promoter.400.response.json';
import { FP_ACCOUNT, FP_KEY, FP_ORIGIN, FP_TOKEN_HEADER, firstpromoterKit } from './kit';
import { useFixtureClock } from '../../test/helpers/fixture-clock';

const authData = firstpromoterKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const TOKEN = 'ab12'.repeat(16);
const api = () => firstpromoterKit.api();
const subscribeData = { id: '4821', platform: 'firstpromoter', subscriptions: [{ events: ['commission.approved', 'commission.denied'], id: '4821', secret: TOKEN }] };

function performStatus(rawBody: string, headers: Record<string, string>, data: unknown = subscribeData) {
  return runsOf<Record<string, unknown>>(appTester(triggerOperation('referral_status_changed').perform, { authData, subscribeData: data, ...hookRequest(rawBody, headers, {}) }, true));
}

afterEach(() => nock.cleanAll());

describe('FirstPromoter connection', () => {
  it('sends the key as a Bearer token and the ACCOUNT-ID header to GET /company/promoters', async () => {
    const scope = nock(FP_ORIGIN)
      .get('/api/v2/company/promoters')
      .query({ per_page: 1 })
      .matchHeader('authorization', `Bearer ${FP_KEY}`)
      .matchHeader('account-id', FP_ACCOUNT)
      .reply(200, { data: [], meta: { pending_count: 0 } });
    const auth = connection;
    await expect(appTester(auth.test, { authData })).resolves.toMatchObject({ platform: 'firstpromoter' });
    expect(scope.isDone()).toBe(true);
  });

  it('names the missing Account ID instead of calling the API', async () => {
    const auth = connection;
    expect(await rejectionMessage(appTester(auth.test, { authData: { platform: 'firstpromoter', api_key: FP_KEY } }) as Promise<unknown>)).toMatch(/FirstPromoter needs its Account ID/);
  });
});

describe('FirstPromoter subscriptions', () => {
  useFixtureClock('firstpromoter');
  it('sends both status events of Referral Status Changed in one webhook with our token header and max_retries', async () => {
    let sent: Record<string, unknown> = {};
    const scope = api()
      .post('/api/v2/company/webhooks', (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 4821, event_types: ['commission.approved', 'commission.denied'] });
    const stored = (await appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as typeof subscribeData;
    expect(scope.isDone()).toBe(true);
    expect(sent).toMatchObject({ url: TARGET_URL, event_types: ['commission.approved', 'commission.denied'], max_retries: 10, active: true });
    const token = (sent.headers as Record<string, string>)[FP_TOKEN_HEADER];
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.subscriptions[0]).toEqual({ events: ['commission.approved', 'commission.denied'], id: '4821', secret: token });
  });

  it('keeps a secret_key the create answer carries, and a delivery HMAC-signed with it verifies', async () => {
    api().post('/api/v2/company/webhooks').reply(201, { id: 4822, secret_key: 'whsk_vendor_issued_secret' });
    const stored = (await appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as {
      subscriptions: { issuedSecret?: string }[];
    };
    expect(stored.subscriptions[0].issuedSecret).toBe('whsk_vendor_issued_secret');
    const body = JSON.stringify(commissionApproved);
    const signed = await performStatus(body, { 'X-FirstPromoter-Signature': hmacHex('whsk_vendor_issued_secret', body) }, stored);
    expect(signed).toEqual([expect.objectContaining({ id: '13533003', status: 'approved' })]);
    expect(await performStatus(body, { 'X-FirstPromoter-Signature': hmacHex('another', body) }, stored)).toEqual([]);
  });

  it("turns a refused event name, refused again as its *.updated fallback, into FirstPromoter's own message", async () => {
    api()
      .post('/api/v2/company/webhooks')
      .reply(422, { message: 'Validation failed: Event types contains unknown event types: commission.approved', code: 'invalid_params' })
      .post('/api/v2/company/webhooks', (body: { event_types?: unknown }) => JSON.stringify(body.event_types) === '["commission.updated"]')
      .reply(422, { message: 'Validation failed: Event types contains unknown event types: commission.approved', code: 'invalid_params' });
    const message = await rejectionMessage(appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} }) as Promise<unknown>);
    expect(message).toMatch(/FirstPromoter/);
    expect(message).toMatch(/unknown event types: commission\.approved/);
  });

  it('removes the webhook by id; one already gone counts as removed', async () => {
    const scope = api().delete('/api/v2/company/webhooks/4821').reply(404, { message: 'Record not found', code: 'not_found' });
    await appTester(triggerOperation('referral_status_changed').performUnsubscribe, { authData, subscribeData });
    expect(scope.isDone()).toBe(true);
  });
});

describe('FirstPromoter deliveries', () => {
  useFixtureClock('firstpromoter');
  const body = JSON.stringify(commissionApproved);

  it('accepts our token in the custom header, renamed by Zapier or not', async () => {
    expect(await performStatus(body, { [FP_TOKEN_HEADER]: TOKEN })).toEqual([
      expect.objectContaining({ id: '13533003', event: 'referral.approved', status: 'approved', previous_status: 'pending', commission_amount: 4 }),
    ]);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { [FP_TOKEN_HEADER]: TOKEN.replace(/.$/, '0') }],
    ['the token in another header', { 'X-Other-Token': TOKEN }],
  ])('produces no run with %s', async (_case, headers) => {
    expect(await performStatus(body, headers)).toEqual([]);
  });

  it('a test delivery ({"data": {"test": true}}) neither throws nor makes a record', async () => {
    const raw = JSON.stringify(testDelivery);
    const result = await appTester(
      triggerOperation('new_referral').perform,
      { authData, subscribeData: { ...subscribeData, subscriptions: [{ events: ['commission.created'], id: '1', secret: TOKEN }] }, ...hookRequest(raw, { [FP_TOKEN_HEADER]: TOKEN }, {}) },
      true,
    );
    expect(result).toEqual([]);
  });
});

describe('FirstPromoter lists', () => {
  it('pages the bare commission array by page / per_page and stops at a short page', async () => {
    const item = (id: number) => ({ id, status: 'pending', amount: 100, sale_amount: 500, unit: 'cash', event_id: `o${id}`, created_at: '2025-04-25T09:39:42Z' });
    const scope = api()
      .get('/api/v2/company/commissions')
      .query({ page: 1, per_page: 100, 'sorting[created_at]': 'desc' })
      .reply(200, Array.from({ length: 100 }, (_, index) => item(1000 - index)))
      .get('/api/v2/company/commissions')
      .query({ page: 2, per_page: 100, 'sorting[created_at]': 'desc' })
      .reply(200, [item(1), item(2)]);
    const records = (await appTester(triggerOperation('new_referral_polling').perform, { authData, inputData: {}, meta: { limit: 300 } })) as { id: string; sale_amount: number }[];
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(102);
    expect(records[0]).toMatchObject({ id: '1000', sale_amount: 5, order_id: 'o1000' });
  });
});

describe('FirstPromoter actions', () => {
  const batch = (status: string, extra: Record<string, unknown> = {}) => ({ id: 77, status, total: 1, processed_count: 1, failed_count: 0, processing_errors: [], ...extra });

  it('approves one commission with {ids: [id]} and reports a completed batch as approved', async () => {
    const scope = api().post('/api/v2/company/commissions/approve', { ids: [13533003] }).reply(200, batch('completed'));
    await expect(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '13533003' } })).resolves.toMatchObject({
      id: '13533003',
      status: 'approved',
      event: 'referral.approved',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('does not report a queued (202) batch as done', async () => {
    api().post('/api/v2/company/commissions/deny', { ids: [13533003] }).reply(202, batch('pending', { processed_count: 0 }));
    const message = await rejectionMessage(appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: '13533003' } }) as Promise<unknown>);
    expect(message).toMatch(/FirstPromoter accepted "Deny Referral" \(job 77\) but reports it as "pending", not done/);
  });

  it("reports a completed batch with failed items, with FirstPromoter's item error", async () => {
    api().post('/api/v2/company/commissions/approve').reply(200, batch('completed', { failed_count: 1, processing_errors: ['Commission 5: Record not found'] }));
    const message = await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '5' } }) as Promise<unknown>);
    expect(message).toMatch(/1 item\(s\) failed: "Commission 5: Record not found"/);
  });

  it('accepts an affiliate per campaign and needs the campaign', async () => {
    const scope = api().post('/api/v2/company/promoters/accept', { campaign_id: 28004, ids: [8262623] }).reply(200, batch('completed'));
    await expect(appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: '8262623', program_id: '28004' } })).resolves.toMatchObject({
      id: '8262623',
      status: 'active',
      program_id: '28004',
    });
    expect(scope.isDone()).toBe(true);
    expect(await rejectionMessage(appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: '8262623' } }) as Promise<unknown>)).toMatch(/FirstPromoter needs "Program"/);
  });

  it('marks a payout paid, reading the batch under data, and names the path conflict on a 404', async () => {
    api().post('/api/v2/company/payouts/mark_as_paid', { ids: [7001] }).reply(200, { data: batch('completed'), meta: { total: 1400 } });
    await expect(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '7001' } })).resolves.toMatchObject({ id: '7001', status: 'paid' });
    api().post('/api/v2/company/payouts/mark_as_paid').reply(404, { message: 'Record not found', code: 'not_found' });
    const message = await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '7001' } }) as Promise<unknown>);
    expect(message).toMatch(/batch\/mark_as_paid/);
  });

  it('creates a referral through the tracking API in cents and returns the commission', async () => {
    const scope = api().post('/api/v2/track/sale', { email: 'testme@test1.com', event_id: 'order_9', amount: 2000, currency: 'USD' }).reply(200, trackSale);
    await expect(
      appTester(createOperation('create_referral').perform, { authData, inputData: { customer_email: 'testme@test1.com', order_id: 'order_9', sale_amount: '20', currency: 'USD' } }),
    ).resolves.toMatchObject({ id: '13533003', status: 'approved', sale_amount: 20, commission_amount: 4, affiliate_id: '8262622', affiliate_email: 'test@promoter.com', order_id: 'order_9' });
    expect(scope.isDone()).toBe(true);
  });

  it("passes on the tracking API's duplicate-order message", async () => {
    api().post('/api/v2/track/sale').reply(409, trackSale409);
    const message = await rejectionMessage(
      appTester(createOperation('create_referral').perform, { authData, inputData: { customer_email: 'testme@test1.com', order_id: 'test_sale_12340987', sale_amount: '20' } }) as Promise<unknown>,
    );
    expect(message).toMatch(/already exists/);
  });

  it("creates an affiliate with the profile nested, passing on a duplicate email's message", async () => {
    const scope = api()
      .post('/api/v2/company/promoters', { email: 'new@example.com', profile: { first_name: 'Nia', last_name: 'New' }, initial_campaign_id: 28004 })
      .reply(201, { id: 9, email: 'new@example.com', name: 'Nia New', profile: { first_name: 'Nia', last_name: 'New' }, joined_at: '2025-05-01T00:00:00Z', promoter_campaigns: [{ state: 'accepted', campaign: { id: 28004, name: 'Partners' } }] });
    await expect(
      appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'new@example.com', first_name: 'Nia', last_name: 'New', program_id: '28004' } }),
    ).resolves.toMatchObject({ id: '9', status: 'active', program_name: 'Partners', first_name: 'Nia' });
    expect(scope.isDone()).toBe(true);
    api().post('/api/v2/company/promoters').reply(400, promoter400);
    expect(await rejectionMessage(appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'test@promoter.com' } }) as Promise<unknown>)).toMatch(
      /Email has already been taken/,
    );
  });
});

describe('FirstPromoter searches', () => {
  it('finds a referral by order id through q, exact match only', async () => {
    const scope = api()
      .get('/api/v2/company/commissions')
      .query((query) => query.q === 'order_1002')
      .reply(200, [
        { id: 1, event_id: 'order_10020', status: 'pending' },
        { id: 2, event_id: 'order_1002', status: 'pending' },
      ]);
    const found = (await appTester(searchOperation('find_referral').perform, { authData, inputData: { order_id: 'order_1002' } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(found.map((item) => item.id)).toEqual(['2']);
  });
});
