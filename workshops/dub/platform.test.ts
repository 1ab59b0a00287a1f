/**
 * Dub Partners' quirks, beyond the shared contract: the plan gate's 403, the undocumented webhook
 * API (a refusal names the dashboard trigger), the secret Dub issues, clawbacks, Deny Referral with
 * the status the user chooses, the actions Dub does not offer, sales tracked in cents, applications
 * decided by partner id, and page-number lists.
 */
import nock from 'nock';
import { appTester, connection, createOperation, runsOf, searchOperation, triggerOperation } from '../../test/helpers/app';
import { hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { useFixtureClock } from '../../test/helpers/fixture-clock';
import { actionFieldsFor } from '../../fields/editor-fields';
import { spec as denyReferral } from '../../fields/actions/deny_referral';
import { dub } from '../../platforms/dub';
import commissionCreated from './fixtures/commission.created.json';
import { DUB_KEY, DUB_ORIGIN, DUB_SECRET, dubKit } from './kit';

const authData = dubKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const api = () => dubKit.api();
const subscribeData = { id: 'wh_1', platform: 'dub', subscriptions: [{ events: ['commission.created'], id: 'wh_1', secret: DUB_SECRET }] };
/** A commission as `GET /commissions` lists it (OpenAPI field list; values ours). */
const listed = (id: string, status: string) => ({ ...commissionCreated.data, id, status, invoiceId: `inv_${id}` });

function performNewReferral(rawBody: string, headers: Record<string, string>) {
  return runsOf<Record<string, unknown>>(appTester(triggerOperation('new_referral').perform, { authData, subscribeData, ...hookRequest(rawBody, headers, {}) }, true));
}

afterEach(() => nock.cleanAll());

describe('Dub Partners connection', () => {
  it('tests the key with GET /partners?pageSize=1 as a Bearer token', async () => {
    const scope = nock(DUB_ORIGIN).get('/partners').query({ pageSize: 1 }).matchHeader('authorization', `Bearer ${DUB_KEY}`).reply(200, []);
    await expect(appTester(connection.test, { authData })).resolves.toMatchObject({ platform: 'dub' });
    expect(scope.isDone()).toBe(true);
  });

  it("says a 403 means Dub's Business plan, with Dub's own message", async () => {
    api().get('/partners').query(true).reply(403, { error: { code: 'forbidden', message: 'Unauthorized: Need higher plan.', doc_url: 'https://dub.co/docs/api-reference/errors#forbidden' } });
    const message = await rejectionMessage(appTester(connection.test, { authData }) as Promise<unknown>);
    expect(message).toMatch(/Need higher plan/);
    expect(message).toMatch(/Business plan or higher/);
  });
});

describe('Dub Partners subscriptions', () => {
  it('creates one webhook with name, url and triggers, and keeps the secret Dub issues', async () => {
    let sent: Record<string, unknown> = {};
    const scope = api()
      .post('/webhooks', (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 'wh_9', secret: DUB_SECRET, triggers: ['partner.enrolled'] });
    const stored = (await appTester(triggerOperation('affiliate_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as typeof subscribeData;
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({ name: 'Affiliate Hub', url: TARGET_URL, triggers: ['partner.enrolled'] });
    expect(stored.subscriptions).toEqual([{ events: ['partner.enrolled'], id: 'wh_9', secret: DUB_SECRET }]);
  });

  it.each([
    ['a removed route', 404, { error: { code: 'not_found', message: 'The requested resource was not found.' } }, /not found/],
    ['an event the workspace lacks', 400, { error: { code: 'bad_request', message: "The 'payout.confirmed' trigger is not currently available for your workspace." } }, /payout\.confirmed/],
  ])("names the dashboard trigger when Dub refuses the webhook API (%s)", async (_case, status, body, vendorWords) => {
    api().post('/webhooks').reply(status, body);
    const message = await rejectionMessage(appTester(triggerOperation('new_payout').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} }) as Promise<unknown>);
    expect(message).toMatch(vendorWords);
    expect(message).toMatch(/New Event from Dashboard Webhook/);
  });

  it('passes an expired key on as such, without the dashboard advice', async () => {
    api().post('/webhooks').reply(401, { error: { code: 'unauthorized', message: 'Unauthorized: Invalid API key.' } });
    const message = await rejectionMessage(appTester(triggerOperation('new_referral').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} }) as Promise<unknown>);
    expect(message).toMatch(/did not accept the API key/);
    expect(message).not.toMatch(/Dashboard Webhook/);
  });

  it('removes the webhook by id; one already gone counts as removed', async () => {
    const scope = api().delete('/webhooks/wh_1').reply(404, { error: { code: 'not_found', message: 'Webhook not found.' } });
    await appTester(triggerOperation('new_referral').performUnsubscribe, { authData, subscribeData });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Dub Partners deliveries', () => {
  useFixtureClock('dub');

  it('verifies Dub-Signature over the raw body with the issued secret, and refuses another secret', async () => {
    const raw = JSON.stringify(commissionCreated);
    expect(await performNewReferral(raw, { 'Dub-Signature': hmacHex(DUB_SECRET, raw) })).toEqual([expect.objectContaining({ id: 'cm_1K09DJTBCRT24P6BRD515CK29', commission_amount: 100 })]);
    expect(await performNewReferral(raw, { 'Dub-Signature': hmacHex('whsec_other', raw) })).toEqual([]);
  });

  it('keeps a clawback negative (a commission with negative earnings)', async () => {
    const clawback = { ...commissionCreated, id: 'evt_clawback00000000000000001', data: { ...commissionCreated.data, id: 'cm_claw', amount: -50000, earnings: -10000, status: 'refunded' } };
    const raw = JSON.stringify(clawback);
    expect(await performNewReferral(raw, { 'Dub-Signature': hmacHex(DUB_SECRET, raw) })).toEqual([
      expect.objectContaining({ id: 'cm_claw', sale_amount: -500, commission_amount: -100, status: 'refunded' }),
    ]);
  });
});

describe('Dub Partners actions', () => {
  it('denies a commission with the status the user chooses, offered as a dropdown', async () => {
    const field = actionFieldsFor(denyReferral, dub).find((item) => item.key === 'denial_status');
    expect(field).toMatchObject({ required: true, choices: { canceled: 'Canceled', fraud: 'Fraud', duplicate: 'Duplicate', refunded: 'Refunded' } });
    const scope = api().patch('/commissions/cm_1', { status: 'duplicate' }).reply(200, listed('cm_1', 'duplicate'));
    await expect(appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: 'cm_1', denial_status: 'duplicate' } })).resolves.toMatchObject({
      id: 'cm_1',
      event: 'referral.denied',
      status: 'denied',
      vendor_status: 'duplicate',
    });
    expect(scope.isDone()).toBe(true);
  });

  it("passes on Dub's refusal to change a paid commission", async () => {
    api().patch('/commissions/cm_1').reply(400, { error: { code: 'bad_request', message: 'Paid commissions cannot be updated.' } });
    const message = await rejectionMessage(appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: 'cm_1', denial_status: 'fraud' } }) as Promise<unknown>);
    expect(message).toMatch(/Paid commissions cannot be updated/);
  });

  it.each([
    ['approve_referral', { referral_id: 'cm_1' }, /Dub Partners has no call to approve a commission/],
    ['mark_payout_paid', { payout_id: 'po_1' }, /Dub Partners' API cannot mark a payout paid/],
  ])('refuses %s naming Dub, without calling it', async (key, inputData, words) => {
    expect(await rejectionMessage(appTester(createOperation(key).perform, { authData, inputData }) as Promise<unknown>)).toMatch(words);
  });

  it('tracks a sale in cents, once per Order ID (invoiceId)', async () => {
    const scope = api()
      .post('/track/sale', { customerExternalId: 'TaMD05AnuyqeI', amount: 12050, currency: 'USD', invoiceId: 'in_77', paymentProcessor: 'custom' })
      .reply(200, { eventName: 'Purchase', customer: { id: 'cus_1', externalId: 'TaMD05AnuyqeI' }, sale: { amount: 12050, currency: 'usd', paymentProcessor: 'custom', invoiceId: 'in_77' } });
    await expect(
      appTester(createOperation('create_referral').perform, { authData, inputData: { customer_email: 'TaMD05AnuyqeI', order_id: 'in_77', sale_amount: '120.50', currency: 'USD' } }),
    ).resolves.toMatchObject({ id: 'in_77', order_id: 'in_77', event: 'referral.created' });
    expect(scope.isDone()).toBe(true);
  });

  it('creates (or updates) a partner by email with one name, and reads the enrolled partner back', async () => {
    const scope = api()
      .post('/partners', { email: 'nia@example.com', name: 'Nia New' })
      .reply(201, { id: 'pn_9', email: 'nia@example.com', name: 'Nia New', status: 'approved', programId: 'prog_1', links: [{ shortLink: 'https://dub.sh/nia' }], createdAt: '2025-08-01T00:00:00.000Z' });
    await expect(appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'nia@example.com', first_name: 'Nia', last_name: 'New' } })).resolves.toMatchObject({
      id: 'pn_9',
      status: 'active',
      referral_link: 'https://dub.sh/nia',
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['approve_affiliate', 'approve', 'active'],
    ['deny_affiliate', 'reject', 'denied'],
  ])('%s decides the application by partner id', async (key, route, status) => {
    const scope = api().post(`/partners/applications/${route}`, { partnerId: 'pn_7' }).reply(200, { partnerId: 'pn_7' });
    await expect(appTester(createOperation(key).perform, { authData, inputData: { affiliate: 'pn_7' } })).resolves.toMatchObject({ id: 'pn_7', status });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Dub Partners lists and searches', () => {
  it('pages commissions newest first by page / pageSize and stops at a short page', async () => {
    const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => listed(`cm_${from - index}`, 'pending'));
    const scope = api()
      .get('/commissions')
      .query({ page: 1, pageSize: 100, sortBy: 'createdAt', sortOrder: 'desc' })
      .reply(200, page(500, 100))
      .get('/commissions')
      .query({ page: 2, pageSize: 100, sortBy: 'createdAt', sortOrder: 'desc' })
      .reply(200, page(400, 3));
    const records = (await appTester(triggerOperation('new_referral_polling').perform, { authData, inputData: {}, meta: { limit: 300 } })) as { id: string; sale_amount: number }[];
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(103);
    expect(records[0]).toMatchObject({ id: 'cm_500', sale_amount: 500 });
  });

  it('finds a referral by invoiceId, exact match only', async () => {
    const scope = api()
      .get('/commissions')
      .query((query) => query.invoiceId === 'inv_cm_2')
      .reply(200, [listed('cm_2', 'pending')]);
    const found = (await appTester(searchOperation('find_referral').perform, { authData, inputData: { order_id: 'inv_cm_2' } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(found.map((item) => item.id)).toEqual(['cm_2']);
  });
});
