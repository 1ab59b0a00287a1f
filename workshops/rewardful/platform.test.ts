/**
 * Rewardful: HTTP Basic with the API secret and an empty password, form-encoded writes,
 * dashboard-registered webhooks signed with X-Rewardful-Signature (lower-case hex HMAC-SHA256 of
 * the raw body, no timestamp), the documented envelope, and its actions and searches. Fixtures:
 * workshops/rewardful/fixtures/ (documented objects; envelopes constructed around them, see the README).
 */
import { deliveredPayload } from '../../test/helpers/payload';
import nock from 'nock';
import { appTester, createOperation, searchOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hmacBase64, hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import affiliateObject from './fixtures/affiliate.object.json';
import affiliateCreated from './fixtures/affiliate.created.json';
import commissionObject from './fixtures/commission.object.json';
import commissionCreated from './fixtures/commission.created.json';
import commissionPaid from './fixtures/commission.paid.json';
import markPaidResponse from './fixtures/mark-payout-paid.response.json';
import payoutPaid from './fixtures/payout.paid.json';
import referralCreated from './fixtures/referral.created.json';
import unauthorized from './fixtures/unauthorized.401.response.json';
import { useFixtureClock } from '../../test/helpers/fixture-clock';

const SECRET = 'rf_whsec_5d1c0e';
const API_SECRET = 'rf_api_secret_93b1';
const authData = { platform: 'rewardful', api_key: API_SECRET };
/** `curl -u SECRET:` [DOC]: the secret as user name, an empty password. */
const BASIC = `Basic ${Buffer.from(`${API_SECRET}:`).toString('base64')}`;
const FORM = 'application/x-www-form-urlencoded';
const dashboard = triggerOperation('dashboard_webhook');

function api() {
  return nock('https://api.getrewardful.com', { reqheaders: { authorization: BASIC } });
}

function signed(payload: unknown, sign: (secret: string, body: string) => string = hmacHex, secret = SECRET) {
  const rawBody = JSON.stringify(payload);
  return { rawBody, request: hookRequest(rawBody, { 'X-Rewardful-Signature': sign(secret, rawBody) }) };
}

function perform(request: ReturnType<typeof hookRequest>, inputData: Record<string, unknown> = { signing_secret: SECRET }) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...request }));
}

afterEach(() => nock.cleanAll());

describe('Rewardful connection', () => {
  const auth = connection;

  it('tests the secret with HTTP Basic (empty password) on the affiliate list', async () => {
    const scope = api().get('/v1/affiliates').query({ limit: '1' }).reply(200, { pagination: {}, data: [] });
    const tested = await appTester(auth.test, { authData });
    expect(scope.isDone()).toBe(true);
    expect(await appTester(auth.connectionLabel, { authData, inputData: tested as Record<string, unknown> })).toBe('Rewardful');
  });

  it("turns Rewardful's 401 into a reconnect error with its message, never showing the secret", async () => {
    api().get('/v1/affiliates').query(true).reply(401, unauthorized);
    const message = await rejectionMessage(appTester(auth.test, { authData }));
    expect(message).toMatch(/Rewardful/);
    expect(message).toContain('Invalid API Secret.');
    expect(message).not.toContain(API_SECRET);
    expect(message).not.toContain(BASIC.slice(6));
  });
});

describe('Rewardful deliveries through the dashboard webhook trigger', () => {
  useFixtureClock('rewardful');
  it('normalizes a signed commission.created: cents to major units, the sale and its affiliate', async () => {
    const { rawBody, request } = signed(commissionCreated);
    expect(await perform(request)).toEqual([
      {
        id: '7d2886ca-8764-4e43-9230-013ad00037e7',
        platform: 'rewardful',
        event: 'referral.created',
        vendor_event: 'commission.created',
        event_name: 'Referral created',
        order_id: 'ch_ABC1234',
        sale_amount: 25,
        commission_amount: 7.5,
        currency: 'USD',
        affiliate_id: 'dc939584-a94a-4bdf-b8f4-8d255aae729c',
        affiliate_email: 'james@mi6.co.uk',
        affiliate_name: 'James Bond',
        customer_email: 'fred@example.com',
        created_at: '2020-05-02T21:40:35.357Z',
        raw: JSON.stringify(JSON.parse(rawBody)),
      },
    ]);
  });

  it.each([
    ['commission.paid', commissionPaid, { event: 'referral.status_changed', status: 'paid', vendor_status: 'paid' }],
    ['affiliate.created', affiliateCreated, { event: 'affiliate.created', id: affiliateObject.id, email: 'adam.jones@example.com', name: 'Adam Jones', program_name: 'Best Friends of Kyle', referral_link: 'http://www.example.com/?via=adam' }],
    ['payout.paid', payoutPaid, { event: 'payout.paid', status: 'paid', vendor_status: 'paid', amount: 14.7, currency: 'USD', affiliate_email: 'joe@example.com', paid_at: '2022-10-12T14:55:11.242Z' }],
    ['referral.created', referralCreated, { event: 'other' }],
  ])('normalizes a signed %s, keeping the envelope under raw', async (vendorEvent, payload, expected) => {
    const results = await perform(signed(payload).request);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ platform: 'rewardful', vendor_event: vendorEvent, ...expected });
    expect(deliveredPayload(results[0].raw)).toEqual(payload);
  });

  it('reads commission states from either document version (due, pending, paid, voided)', async () => {
    const states = { due: 'approved', pending: 'pending', paid: 'paid', voided: 'denied' };
    for (const [state, status] of Object.entries(states)) {
      const payload = { ...commissionCreated, object: { ...commissionObject, state }, event: { ...commissionCreated.event, type: 'commission.updated', id: `evt-${state}` } };
      expect((await perform(signed(payload).request))[0]).toMatchObject({ event: 'referral.status_changed', status, vendor_status: state });
    }
  });

  it('runs a retried delivery once: the repeat check on event.id is the only replay defence (nothing time-based is signed)', async () => {
    const { request } = signed(commissionCreated);
    const store = fakeCacheRpc();
    const run = () => appTester(withCache(dashboard.perform, store), { authData, inputData: { signing_secret: SECRET }, ...request });
    expect(await run()).toHaveLength(1);
    expect(await run()).toEqual([]);
  });

  it.each([
    ['a tampered body', () => {
      const { rawBody, request } = signed(commissionCreated);
      return { ...request, rawRequest: { ...request.rawRequest, content: rawBody.replace('"amount":750', '"amount":75000') } };
    }],
    ['another secret', () => signed(commissionCreated, hmacHex, 'rf_whsec_someone_else').request],
    ['a base64 signature (Rewardful documents hex)', () => signed(commissionCreated, hmacBase64).request],
    ['no signature header', () => hookRequest(JSON.stringify(commissionCreated), {})],
  ])('produces no run for %s', async (_case, build) => {
    expect(await perform(build())).toEqual([]);
  });
});

describe('Rewardful actions', () => {
  it('creates an affiliate with a form-encoded body', async () => {
    let seen: { type?: string; body?: string } = {};
    const scope = api()
      .post('/v1/affiliates', (body) => {
        seen.body = typeof body === 'string' ? body : new URLSearchParams(body as Record<string, string>).toString();
        return true;
      })
      .reply(function reply() {
        seen = { ...seen, type: String(this.req.headers['content-type']) };
        return [200, affiliateObject];
      });
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'adam.jones@example.com', first_name: 'Adam', last_name: 'Jones' },
    });
    expect(scope.isDone()).toBe(true);
    expect(seen.type).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ first_name: 'Adam', last_name: 'Jones', email: 'adam.jones@example.com' });
    expect(result).toMatchObject({ id: affiliateObject.id, event: 'affiliate.created', email: 'adam.jones@example.com', program_id: 'a638ebe4-291d-47cd-a1dc-1519f9331bbd' });
  });

  it("passes Rewardful's 422 validation detail on", async () => {
    api().post('/v1/affiliates').reply(422, { error: 'Validation failed', details: ['Email has already been taken'] });
    const message = await rejectionMessage(
      appTester(createOperation('create_affiliate').perform, { authData, inputData: { email: 'adam.jones@example.com', first_name: 'Adam', last_name: 'Jones' } }),
    );
    expect(message).toMatch(/^Rewardful/);
    expect(message).toContain('Email has already been taken');
  });

  it.each([
    ['approve_affiliate', 'active', 'affiliate.approved', 'active'],
    ['deny_affiliate', 'disabled', 'affiliate.denied', 'inactive'],
  ])('%s sends state=%s form-encoded and reads the state Rewardful answers', async (action, state, event, status) => {
    const scope = api()
      .matchHeader('content-type', (value) => value.startsWith(FORM))
      .put(`/v1/affiliates/${affiliateObject.id}`, `state=${state}`)
      .reply(200, { ...affiliateObject, state });
    const result = await appTester(createOperation(action).perform, { authData, inputData: { affiliate: affiliateObject.id } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: affiliateObject.id, event, status, vendor_status: state });
  });

  it('refuses to report a denial Rewardful did not make (the answer still says active)', async () => {
    api().put(`/v1/affiliates/${affiliateObject.id}`).reply(200, { ...affiliateObject, state: 'active' });
    const message = await rejectionMessage(appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: affiliateObject.id } }));
    expect(message).toMatch(/^Rewardful accepted "Deny Affiliate".*"active", not done/);
  });

  it('reads a 404 on the state update (confirmed since issue 25) as an unknown affiliate, not as an action not offered', async () => {
    api().put(`/v1/affiliates/${affiliateObject.id}`).reply(404, { error: 'Affiliate not found.' });
    const message = await rejectionMessage(appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: affiliateObject.id } }));
    expect(message).toMatch(/Rewardful found nothing at PUT \/affiliates\/.*Affiliate not found\..*Check the ID you mapped/);
    expect(message).not.toMatch(/does not offer/);
  });

  it('marks a payout paid without claiming paid while Rewardful says processing', async () => {
    const scope = api().put(`/v1/payouts/${markPaidResponse.id}/pay`).reply(200, markPaidResponse);
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: markPaidResponse.id } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: markPaidResponse.id, event: 'payout.paid', status: 'pending', vendor_status: 'processing', amount: 14.7 });
  });

  it.each([
    ['approve_referral', /Rewardful's API cannot approve or deny a commission/, { referral_id: 'x' }],
    ['deny_referral', /Rewardful's API cannot approve or deny a commission/, { referral_id: 'x' }],
    ['create_referral', /Rewardful's API cannot create a referral/, { affiliate: 'a@example.com' }],
  ])('refuses %s before any request, saying what to do instead', async (action, pattern, inputData) => {
    expect(await rejectionMessage(appTester(createOperation(action).perform, { authData, inputData }))).toMatch(pattern);
  });
});

describe('Rewardful searches and polling', () => {
  it('finds an affiliate through the documented email filter', async () => {
    const scope = api().get('/v1/affiliates').query({ email: 'adam.jones@example.com', limit: '25' }).reply(200, { pagination: {}, data: [affiliateObject] });
    const found = await appTester(searchOperation('find_affiliate').perform, { authData, inputData: { email: 'adam.jones@example.com' } });
    expect(scope.isDone()).toBe(true);
    expect(found).toMatchObject([{ id: affiliateObject.id, email: 'adam.jones@example.com' }]);
  });

  it("finds a referral by the sale's Stripe charge id among the newest commissions (expand[]=sale)", async () => {
    const other = { ...commissionObject, id: 'other', sale: { ...commissionObject.sale, stripe_charge_id: 'ch_OTHER' } };
    const scope = api().get('/v1/commissions').query({ page: '1', limit: '100', 'expand[]': 'sale' }).reply(200, { pagination: {}, data: [other, commissionObject] });
    const found = await appTester(searchOperation('find_referral').perform, { authData, inputData: { order_id: 'ch_ABC1234' } });
    expect(scope.isDone()).toBe(true);
    expect(found).toMatchObject([{ id: commissionObject.id, order_id: 'ch_ABC1234' }]);
  });

  it('polls new referrals from page 1 of the commissions, newest first, with their sale', async () => {
    const scope = api().get('/v1/commissions').query((query) => query.page === '1' && query['expand[]'] === 'sale').reply(200, { pagination: {}, data: [commissionObject] });
    const found = (await appTester(triggerOperation('new_referral_polling').perform, { authData, inputData: {} })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(found).toMatchObject([{ id: commissionObject.id, event: 'referral.created', order_id: 'ch_ABC1234' }]);
  });
});
