/**
 * Tapfiliate: dashboard "Triggers" that are unsigned and name no event (one URL per event, the Zap
 * says which), proved by the merchant's secret in the URL (`ah_token`) or in a "Webhook (custom)"
 * header; repeats told by the record's id and state; `X-Api-Key` (and the older `Api-Key`) auth,
 * bare-array lists of 25 paged by `?page=`, and the actions on the third-party-documented endpoints.
 */
import nock from 'nock';
import { z as zod } from 'zod';
import { deliveredPayload } from '../../test/helpers/payload';
import { appTester, createOperation, searchOperation, triggerOperation, runsOf, connection, type OperationFunction } from '../../test/helpers/app';
import { jsonAs } from '../../test/helpers/json-as';
import { hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import { zapPolls } from '../../test/polling/poll';
import commission from './fixtures/commission.pending.constructed.json';
import approvedCommission from './fixtures/approve-commission.response.json';
import conversion from './fixtures/conversion.object.pipedream-test-event.json';
import affiliate from './fixtures/affiliate.object.pipedream-test-event.json';
import listCommissions from './fixtures/list-commissions.response.json';

const authData = { platform: 'tapfiliate', api_key: 'tapfiliate_test_key_7c2' };
const API = 'https://api.tapfiliate.com';
const SECRET = 'merchant-chosen-secret-01';
const dashboard = triggerOperation('dashboard_webhook');

/** An editor field, as far as these tests read it. */
type EditorFieldView = { key: string; required?: boolean; choices?: Record<string, string> };

/**
 * The dashboard trigger's operation as far as `editorFields` reads it: its input fields, each a
 * field or a function of the connection listing fields. The tester's `Operation` type names only
 * the operation's functions, and the single-platform build (AFFILIATE_HUB_BUILD) rewrites the
 * definition, so the fields are read from the very operation the tests run, checked.
 */
const withInputFields = zod.looseObject({
  inputFields: zod.array(
    zod.union([
      zod.custom<OperationFunction>((value) => typeof value === 'function', 'a function'),
      zod.looseObject({ key: zod.string(), required: zod.boolean().optional(), choices: zod.record(zod.string(), zod.string()).optional() }),
    ]),
  ),
});

/** Runs the dashboard trigger for a Zap set up for `vendorEvent`, with the delivery's query and headers. */
function deliver(vendorEvent: string | undefined, payload: unknown, query: Record<string, string> = { ah_token: SECRET }, headers: Record<string, string> = {}) {
  const inputData = { signing_secret: SECRET, ...(vendorEvent ? { vendor_event: vendorEvent } : {}) };
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...hookRequest(JSON.stringify(payload), headers, query) }));
}

/** The dashboard trigger's resolved input fields for a Tapfiliate connection. */
async function editorFields(): Promise<EditorFieldView[]> {
  const fields: EditorFieldView[] = [];
  for (const field of jsonAs(withInputFields, dashboard, 'the dashboard trigger').inputFields) {
    if (typeof field === 'function') fields.push(...((await appTester(field, { authData, inputData: {} })) as EditorFieldView[]));
    else fields.push(field);
  }
  return fields;
}

afterEach(() => nock.cleanAll());

describe('Tapfiliate connection', () => {
  it('tests the key on GET /1.6/programs/ with X-Api-Key, and the older Api-Key beside it', async () => {
    const scope = nock(API, { reqheaders: { 'x-api-key': authData.api_key, 'api-key': authData.api_key } }).get('/1.6/programs/').reply(200, []);
    await appTester(connection.test, { authData });
    expect(scope.isDone()).toBe(true);
  });

  it("turns a 401 into a reconnect error carrying Tapfiliate's message", async () => {
    nock(API).get('/1.6/programs/').reply(401, { message: 'Invalid API key' });
    expect(await rejectionMessage(appTester(connection.test, { authData }))).toMatch(/Invalid API key/);
  });
});

describe('Tapfiliate deliveries through the dashboard webhook trigger', () => {
  it('asks which Tapfiliate event the URL receives (required, from the catalogue) instead of an event filter', async () => {
    const fields = await editorFields();
    const event = fields.find((field) => field.key === 'vendor_event');
    expect(event).toMatchObject({ required: true });
    expect(Object.keys(event?.choices ?? {})).toEqual(expect.arrayContaining(['commission-created', 'commission-updated', 'payment-created']));
    expect(fields.map((field) => field.key)).not.toContain('events');
    expect(fields.find((field) => field.key === 'signing_secret')).toMatchObject({ required: true });
  });

  it.each([
    ['commission-created', commission, { event: 'referral.created', id: '4050887', status: 'pending', vendor_status: 'pending', commission_amount: 123, sale_amount: 50.8, currency: 'USD', affiliate_id: 'foobar', affiliate_name: 'Foo1 Bar1' }],
    ['commission-updated', approvedCommission, { event: 'referral.status_changed', id: '1027047', status: 'approved', vendor_status: 'approved', created_at: '2019-05-10T05:50:56.000Z' }],
    ['conversion-created', conversion, { event: 'referral.created', id: '1', order_id: 'ORD123', sale_amount: 550, commission_amount: 55, currency: 'USD', status: 'approved', created_at: '2021-03-03T12:39:19.000Z' }],
    ['affiliate-created', affiliate, { event: 'affiliate.created', id: 'janejameson', email: 'jane@example-blog.inc', first_name: 'Jane', last_name: 'Jameson', name: 'Jane Jameson', company: 'Example blog Inc.' }],
  ])('reads a %s delivery as the event its Zap was set up for', async (vendorEvent, payload, expected) => {
    nock(API).get(/\/1\.6\/affiliates\/.*/).reply(200, affiliate).persist();
    const results = await deliver(vendorEvent, payload);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ platform: 'tapfiliate', vendor_event: vendorEvent, ...expected });
    expect(deliveredPayload(results[0].raw)).toEqual(payload);
  });

  it("fills a commission's affiliate email from GET /affiliates/{id}/ (commissions name the affiliate by id only)", async () => {
    const scope = nock(API).get('/1.6/affiliates/foobar/').reply(200, { ...affiliate, id: 'foobar', email: 'foo1@example.com' });
    const [record] = await deliver('commission-created', commission);
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ affiliate_email: 'foo1@example.com' });
  });

  it('accepts the secret in the Webhook (custom) header instead of the URL', async () => {
    expect(await deliver('affiliate-created', affiliate, {}, { 'X-Affiliate-Hub-Token': SECRET })).toHaveLength(1);
  });

  it.each([
    ['no secret at all', {}, {}],
    ['a wrong URL token', { ah_token: 'guessed' }, {}],
    ['a wrong header', {}, { 'X-Affiliate-Hub-Token': 'guessed' }],
  ])('refuses a delivery with %s (no run)', async (_case, query, headers) => {
    expect(await deliver('affiliate-created', affiliate, query, headers)).toEqual([]);
  });

  it('refuses to run without the event the URL receives, saying what to choose', async () => {
    expect(await rejectionMessage(deliver(undefined, affiliate))).toMatch(/Event Sent to This URL/);
  });

  it("ignores an ah_event added to the URL: the Zap's own event decides", async () => {
    expect(await deliver('affiliate-created', affiliate, { ah_token: SECRET, ah_event: 'payment-created' })).toEqual([]);
  });

  it('runs a commission once per state: a repeat is dropped, its approval then runs', async () => {
    const inputData = { signing_secret: SECRET, vendor_event: 'commission-updated' };
    const store = fakeCacheRpc();
    const send = (payload: unknown) =>
      runsOf(appTester(withCache(dashboard.perform, store), { authData, inputData, ...hookRequest(JSON.stringify(payload), {}, { ah_token: SECRET }) }));
    nock(API).get(/\/1\.6\/affiliates\/.*/).reply(200, affiliate).persist();
    expect(await send(commission)).toHaveLength(1);
    // The same state again, reformatted: the same record in the same state, so a repeat.
    expect(await send({ ...commission, comment: 'retry' })).toEqual([]);
    expect(await send({ ...commission, approved: true })).toHaveLength(1);
  });
});

describe('Tapfiliate lists and polls', () => {
  it('samples the chosen event from its list: commissions, 25 a page, page 1', async () => {
    const scope = nock(API).get('/1.6/commissions/').query({ page: '1' }).reply(200, listCommissions).get(/\/1\.6\/affiliates\/.*/).reply(200, affiliate);
    const results = (await appTester(dashboard.performList, { authData, inputData: { signing_secret: SECRET, vendor_event: 'commission-updated' } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(results[0]).toMatchObject({ id: '1027047', vendor_event: 'commission-updated', status: 'pending', vendor_status: 'pending' });
  });

  /** 25 commissions (a full page), ids from `first` down, newest first. */
  const fullPage = (first: number) => Array.from({ length: 25 }, (_, index) => ({ ...listCommissions[0], id: first - index }));
  const link = (next: boolean) => [...(next ? ['<https://api.tapfiliate.com/1.6/commissions/?page=2>; rel="next"'] : []), '<https://api.tapfiliate.com/1.6/commissions/?page=2>; rel="last"'].join(', ');

  it("reads the next page only while the Link header names one (rel=\"next\"), even after a full page", async () => {
    const polls = zapPolls('new_referral_polling', { authData, inputData: {} });
    const last = nock(API).get('/1.6/commissions/').query({ page: '1' }).reply(200, fullPage(100), { Link: link(false) });
    await polls();
    expect(last.isDone()).toBe(true);
    const more = nock(API)
      .get('/1.6/commissions/').query({ page: '1' }).reply(200, fullPage(200), { Link: link(true) })
      .get('/1.6/commissions/').query({ page: '2' }).reply(200, fullPage(175), { Link: link(false) });
    await polls();
    expect(more.isDone()).toBe(true);
  });

  it('refuses Affiliate Status Changed (Polling): affiliates carry no status', async () => {
    expect(await rejectionMessage(appTester(triggerOperation('affiliate_status_polling').perform, { authData, inputData: {} }))).toMatch(/per program/);
  });
});

describe('Tapfiliate actions', () => {
  it.each([
    ['approve_referral', 'put', { event: 'referral.approved', status: 'approved' }],
    ['deny_referral', 'delete', { event: 'referral.denied', status: 'denied' }],
  ] as const)('%s calls %s /commissions/{id}/approved/', async (action, method, expected) => {
    const scope = nock(API)[method]('/1.6/commissions/1027047/approved/').reply(200, { ...approvedCommission, approved: method === 'put' });
    const result = await appTester(createOperation(action).perform, { authData, inputData: { referral_id: '1027047' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '1027047', ...expected });
  });

  it('says a 404 may mean the third-party endpoint is wrong', async () => {
    nock(API).put('/1.6/commissions/1/approved/').reply(404, { message: 'Not found' });
    expect(await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '1' } }))).toMatch(/third-party/);
  });

  it('approves an affiliate for a program', async () => {
    const scope = nock(API).put('/1.6/programs/johns-affiliate-program/affiliates/janejameson/approved/').reply(200, { ...affiliate, approved: true });
    const result = await appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: 'janejameson', program_id: 'johns-affiliate-program' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'affiliate.approved', id: 'janejameson', status: 'active' });
  });

  it('creates an affiliate with firstname, lastname, email and company', async () => {
    const scope = nock(API)
      .post('/1.6/affiliates/', { firstname: 'Jane', lastname: 'Jameson', email: 'jane@example-blog.inc', company: { name: 'Example blog Inc.' } })
      .reply(201, affiliate);
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'jane@example-blog.inc', first_name: 'Jane', last_name: 'Jameson', company: 'Example blog Inc.' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'affiliate.created', id: 'janejameson', email: 'jane@example-blog.inc' });
  });

  it('records an external payment for Mark Payout Paid (POST /payments/ with the affiliate and amount)', async () => {
    const scope = nock(API)
      .post('/1.6/payments/', { affiliates: [{ affiliate: { id: 'janejameson' }, amount: 55.5 }] })
      .reply(201, { id: 42, affiliate: { id: 'janejameson' }, amount: 55.5, currency: 'USD', created_at: '2021-04-01T10:00:00+00:00' });
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { affiliate: 'janejameson', amount: '55.5' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'payout.paid', id: '42', amount: 55.5, status: 'paid', affiliate_id: 'janejameson' });
  });

  it('creates a conversion by order ID, amount and referral code', async () => {
    const scope = nock(API).post('/1.6/conversions/', { external_id: 'ORD124', amount: 99.5, referral_code: 'janejameson' }).reply(201, { ...conversion, id: 2, external_id: 'ORD124' });
    const result = await appTester(createOperation('create_referral').perform, { authData, inputData: { affiliate: 'janejameson', order_id: 'ORD124', sale_amount: '99.5' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'referral.created', order_id: 'ORD124' });
  });

  it('finds an affiliate by exact email, and refuses Find Referral saying why', async () => {
    const scope = nock(API).get('/1.6/affiliates/').query({ email: 'jane@example-blog.inc' }).reply(200, [affiliate]);
    const found = (await appTester(searchOperation('find_affiliate').perform, { authData, inputData: { email: 'jane@example-blog.inc' } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(found.map((item) => item.id)).toEqual(['janejameson']);
    expect(await rejectionMessage(appTester(searchOperation('find_referral').perform, { authData, inputData: { order_id: 'ORD123' } }))).toMatch(/order ID/);
  });
});
