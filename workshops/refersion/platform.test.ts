/**
 * Refersion: every call a POST with a JSON body and both key headers; dashboard webhooks signed
 * with `Refersion-Signature` (base64 HMAC-SHA256 of the raw body) and named by `Refersion-Topic`;
 * repeats told by topic, record id and status; batch answers checked through `ids_changed`; a
 * password generated for Create Affiliate only when left empty; what Refersion lacks refused by name.
 * Signatures are computed here from Refersion's webhook-validation page, not with the app's code.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { appTester, connection, createOperation, runsOf, triggerOperation } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import { rejectionMessage } from '../../test/helpers/errors';
import { zapPolls } from '../../test/polling/poll';
import conversionApproved from './fixtures/conversion.approved.json';
import affiliateStatusChange from './fixtures/affiliate.status-change.json';
import paymentNew from './fixtures/payment.new.json';
import listAffiliates from './fixtures/list-affiliates.response.json';
import statusChanged from './fixtures/conversion-status-change.response.json';
import newAffiliate from './fixtures/new-affiliate.response.json';
import unauthorized from './fixtures/unauthorized.401.response.json';

const SECRET = 'refersion-webhook-signing-secret';
const authData = { platform: 'refersion', api_key: 'sec_test_5f1e', public_key: 'pub_test_9a2b' };
const API = 'https://api.refersion.com';
const KEYS = { 'refersion-public-key': authData.public_key, 'refersion-secret-key': authData.api_key };
const dashboard = triggerOperation('dashboard_webhook');

function signed(body: unknown, topic: string, secret = SECRET) {
  const rawBody = JSON.stringify(body);
  return hookRequest(rawBody, { 'Refersion-Topic': topic, 'Refersion-Signature': createHmac('sha256', secret).update(rawBody).digest('base64') });
}

function perform(request: ReturnType<typeof hookRequest>, inputData: Record<string, unknown> = { signing_secret: SECRET }) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...request }));
}

afterEach(() => nock.cleanAll());

describe('Refersion connection', () => {
  it('tests the keys with POST /v2/affiliate/list and a body (an empty body is a 404 there)', async () => {
    const scope = nock(API, { reqheaders: KEYS }).post('/v2/affiliate/list', { limit: '1', page: '1' }).reply(200, listAffiliates);
    await appTester(connection.test, { authData });
    expect(scope.isDone()).toBe(true);
  });

  it('says on a 401 that the keys, or the plan, may be why', async () => {
    nock(API).post('/v2/affiliate/list').reply(401, unauthorized);
    const message = await rejectionMessage(appTester(connection.test, { authData }));
    expect(message).toMatch(/Refersion did not accept the API key \("Invalid API credentials \(error 2\)\."\).*only on some plans/);
  });
});

describe('Refersion dashboard webhooks', () => {
  it('reads the topic from Refersion-Topic and normalizes the conversion (text money, zone-less UTC time)', async () => {
    const [run] = await perform(signed(conversionApproved, 'APPROVED_CONVERSION'));
    expect(run).toMatchObject({
      id: '987654321', event: 'referral.approved', vendor_event: 'APPROVED_CONVERSION', status: 'approved', vendor_status: 'APPROVED',
      sale_amount: 59, commission_amount: 5.9, currency: 'USD', order_id: '1001', affiliate_id: '37567438',
      affiliate_email: 'testing@refersion.com', affiliate_name: 'Bill Smith', customer_email: 'casey.buyer@example.com', created_at: '2020-02-14T18:48:42.000Z',
    });
  });

  it('maps UNQUALIFIED to denied and keeps the vendor word', async () => {
    const [run] = await perform(signed({ ...conversionApproved, status: 'UNQUALIFIED' }, 'DENIED_CONVERSION'));
    expect(run).toMatchObject({ event: 'referral.denied', status: 'denied', vendor_status: 'UNQUALIFIED' });
  });

  it('reads an affiliate status change with its offer as program', async () => {
    const [run] = await perform(signed(affiliateStatusChange, 'AFFILIATE_STATUS_CHANGE'));
    expect(run).toMatchObject({ id: '37567439', event: 'affiliate.status_changed', status: 'active', program_id: '1234', program_name: 'Default offer', company: 'Verde Media' });
  });

  it('passes a payment batch to New Platform Event whole, as no one Payout stands for it', async () => {
    const [run] = await perform(signed(paymentNew, 'NEW_PAYMENT'));
    expect(run).toMatchObject({ event: 'other', vendor_event: 'NEW_PAYMENT' });
    expect(JSON.stringify(run.raw)).toContain('5501');
  });

  it('runs a delivery once per topic, record and status; the same body under another topic or status is another event', async () => {
    const store = fakeCacheRpc();
    const run = (request: ReturnType<typeof hookRequest>) =>
      runsOf<Record<string, unknown>>(appTester(withCache(dashboard.perform, store), { authData, inputData: { signing_secret: SECRET }, ...request }));
    expect(await run(signed(affiliateStatusChange, 'AFFILIATE_STATUS_CHANGE'))).toHaveLength(1);
    expect(await run(signed(affiliateStatusChange, 'AFFILIATE_STATUS_CHANGE'))).toEqual([]);
    expect(await run(signed(affiliateStatusChange, 'AFFILIATE_DETAILS_CHANGE'))).toHaveLength(1);
    expect(await run(signed({ ...affiliateStatusChange, status: 'DISABLED' }, 'AFFILIATE_STATUS_CHANGE'))).toHaveLength(1);
  });

  it('refuses a wrong signature and a topic Refersion does not document, visibly and without a run', async () => {
    const store = fakeCacheRpc();
    const run = (request: ReturnType<typeof hookRequest>) => appTester(withCache(dashboard.perform, store), { authData, inputData: { signing_secret: SECRET }, ...request });
    expect(await rejectionMessage(run(signed(conversionApproved, 'APPROVED_CONVERSION', 'another-secret')))).toMatch(/signature check failed/);
    expect(await rejectionMessage(run(signed(conversionApproved, 'SOMETHING_ELSE')))).toMatch(/catalogue does not list/);
  });
});

describe('Refersion actions', () => {
  it('approves a conversion through /conversion/status_change and checks ids_changed', async () => {
    const scope = nock(API, { reqheaders: KEYS }).post('/v2/conversion/status_change', { ids: [123], status: 'APPROVED' }).reply(200, statusChanged);
    const result = await appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '123' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '123', status: 'approved', vendor_status: 'APPROVED' });
  });

  it('fails, naming the id, when Refersion answers 200 without changing it', async () => {
    nock(API).post('/v2/conversion/status_change', { ids: [456], status: 'DENIED' }).reply(200, statusChanged);
    const message = await rejectionMessage(appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: '456' } }));
    expect(message).toMatch(/Refersion answered "Deny Referral" without changing .* 456/);
  });

  it('generates a strong password only when none is given, and never returns it', async () => {
    let sent: Record<string, unknown> = {};
    nock(API).post('/v2/affiliate/new', (body) => ((sent = body), true)).reply(200, newAffiliate);
    const inputData = { email: 'new@example.com', first_name: 'Nia', last_name: 'Park' };
    const result = await appTester(createOperation('create_affiliate').perform, { authData, inputData });
    expect(sent).toMatchObject({ ...inputData, status: 'ACTIVE' });
    expect(String(sent.password)).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{24}$/);
    expect(JSON.stringify(result)).not.toContain(String(sent.password));
    nock(API).post('/v2/affiliate/new', (body) => ((sent = body), true)).reply(200, newAffiliate);
    await appTester(createOperation('create_affiliate').perform, { authData, inputData: { ...inputData, password_to_set: 'Given-Pass-42!' } });
    expect(sent.password).toBe('Given-Pass-42!');
  });

  it('credits a commission by numeric affiliate id and reads the conversion id', async () => {
    const scope = nock(API).post('/v2/conversion/manual_credit', { id: 37567438, commission: 12.5, status: 'PENDING', currency: 'USD' }).reply(200, { conversion_id: 12345 });
    const result = await appTester(createOperation('create_referral').perform, { authData, inputData: { affiliate: '37567438', commission_amount: '12.5', currency: 'USD' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '12345', status: 'pending', commission_amount: 12.5 });
  });

  it('refuses Mark Payout Paid naming Refersion, without a call', async () => {
    const message = await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '1' } }));
    expect(message).toMatch(/not available for Refersion.*no payment endpoints/);
  });
});

describe('Refersion polling', () => {
  it('polls affiliates through POST /affiliate/list (the code is the id there)', async () => {
    nock(API).post('/v2/affiliate/list', (body) => body.page === 1 || body.page === '1').reply(200, listAffiliates).persist();
    const poll = zapPolls('new_affiliate_polling', { authData, inputData: {} });
    await poll();
    nock.cleanAll();
    const added = { ...listAffiliates, results: [...listAffiliates.results, { id: 'zz9', offer_id: '1234', status: 'PENDING', first_name: 'Zoe', last_name: 'Zed', email: 'zoe@example.com', custom_fields: [] }] };
    nock(API).post('/v2/affiliate/list').reply(200, added).persist();
    const second = await poll();
    expect(second.map((record) => record.id)).toEqual(['zz9']);
  });

  it('refuses New Referral (Polling) with the reason: no REST list of conversions', async () => {
    const message = await rejectionMessage(appTester(triggerOperation('new_referral_polling').perform, { authData, inputData: {} }));
    expect(message).toMatch(/Refersion's REST API lists no conversions.*GraphQL beta/);
  });
});
