/**
 * Rebus AI's quirks, beyond the shared contract: Bearer auth, the `sha256=` signature prefix, the
 * secret we choose and send at subscribe, unsubscribe by id, page-number lists with `{value}`
 * statuses, the payout action and the approvals its API does not document.
 */
import nock from 'nock';
import { appTester, createOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import commissionApproved from './fixtures/commission.approved.json';
import listAffiliates from './fixtures/list-affiliates.response.json';
import listCommissions from './fixtures/list-commissions.response.json';
import status from './fixtures/status.response.json';
import { REBUS_KEY, REBUS_ORIGIN, rebusKit, rebusSignature } from './kit';
import { useFixtureClock } from '../../test/helpers/fixture-clock';

const authData = rebusKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const SECRET = 'c0ffee'.repeat(10);
const api = () => rebusKit.api();
const subscribeData = { id: '77', platform: 'rebus', subscriptions: [{ events: ['commission.approved'], id: '77', secret: SECRET }] };

function performNewStatus(rawBody: string, headers: Record<string, string>, rename = true) {
  return runsOf<Record<string, unknown>>(appTester(
    triggerOperation('referral_status_changed').perform,
    { authData, subscribeData, ...hookRequest(rawBody, headers, {}, rename) },
    true,
  ));
}

describe('Rebus AI connection', () => {
  it('sends the key as a Bearer token to GET /status/', async () => {
    const scope = nock(REBUS_ORIGIN).get('/api/v1/affiliate/status/').matchHeader('authorization', `Bearer ${REBUS_KEY}`).reply(200, status);
    const auth = connection;
    await expect(appTester(auth.test, { authData })).resolves.toMatchObject({ platform: 'rebus', platform_name: 'Rebus AI' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Rebus AI signatures', () => {
  useFixtureClock('rebus');
  const body = JSON.stringify(commissionApproved);

  it.each([
    ['renamed by Zapier', true],
    ['as sent', false],
  ])('accepts X-Webhook-Signature: sha256=<hex HMAC of the raw body> (%s)', async (_case, rename) => {
    const results = await performNewStatus(body, { 'X-Webhook-Signature': rebusSignature(SECRET, body) }, rename);
    expect(results).toEqual([expect.objectContaining({ id: '123', event: 'referral.approved', status: 'approved', commission_amount: 85.5 })]);
  });

  it('also accepts the bare hex digest without the prefix', async () => {
    expect(await performNewStatus(body, { 'X-Webhook-Signature': hmacHex(SECRET, body) })).toHaveLength(1);
  });

  it.each([
    ['signed with another secret', rebusSignature('another-secret', body)],
    ['signed over re-serialized JSON', rebusSignature(SECRET, JSON.stringify(commissionApproved, null, 2))],
    ['the prefix names another algorithm', `sha1=${hmacHex(SECRET, body)}`],
  ])('produces no run when %s', async (_case, signature) => {
    expect(await performNewStatus(body, { 'X-Webhook-Signature': signature })).toEqual([]);
  });

  it("accepts the body's own signature field over the body without it (issue 13 item 12 hedge), not a forged one", async () => {
    const { signature: _documented, ...envelope } = commissionApproved;
    const before = JSON.stringify(envelope);
    const unsigned = JSON.stringify({ ...commissionApproved, signature: rebusSignature(SECRET, before) });
    expect(await performNewStatus(unsigned, {})).toHaveLength(1);
    const forged = JSON.stringify({ ...commissionApproved, signature: rebusSignature('another secret', before) });
    expect(await performNewStatus(forged, {})).toEqual([]);
  });

  it('honours the status filter with the status the event name implies', async () => {
    const run = (wanted: string) =>
      appTester(
        triggerOperation('referral_status_changed').perform,
        { authData, subscribeData, inputData: { status: wanted }, ...hookRequest(body, { 'X-Webhook-Signature': rebusSignature(SECRET, body) }) },
        true,
      );
    expect(await run('approved')).toHaveLength(1);
    expect(await run('denied')).toEqual([]);
  });
});

describe('Rebus AI subscriptions', () => {
  it('generates a secret, sends it in the subscribe body and keeps it with the webhook id', async () => {
    let sent: { url?: string; events?: string[]; secret?: string; active?: boolean } = {};
    const scope = api()
      .post('/api/v1/affiliate/webhooks/', (body: typeof sent) => {
        sent = body;
        return true;
      })
      .reply(201, { success: true, data: { id: 77, active: true }, message: 'Webhook created successfully' });
    const data = await appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL });
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({ url: TARGET_URL, events: ['commission.approved', 'commission.rejected'], secret: expect.stringMatching(/^[0-9a-f]{64}$/), active: true });
    expect(data).toEqual({ id: '77', platform: 'rebus', subscriptions: [{ events: ['commission.approved', 'commission.rejected'], id: '77', secret: sent.secret }] });
  });

  it('chooses a new secret for every subscription', async () => {
    const secrets: string[] = [];
    api()
      .post('/api/v1/affiliate/webhooks/', (body: { secret: string }) => secrets.push(body.secret) > 0)
      .twice()
      .reply(201, { success: true, data: { id: 78 } });
    for (let i = 0; i < 2; i += 1) await appTester(triggerOperation('new_payout').performSubscribe, { authData, targetUrl: TARGET_URL });
    expect(new Set(secrets).size).toBe(2);
  });

  it('unsubscribes by the webhook id (inferred DELETE /webhooks/{id}/), a 404 counting as removed', async () => {
    const scope = api().delete('/api/v1/affiliate/webhooks/77/').reply(404, { success: false, message: 'Not found' });
    await expect(appTester(triggerOperation('referral_status_changed').performUnsubscribe, { authData, subscribeData })).resolves.toEqual({ removed: 1 });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Rebus AI lists', () => {
  it('loads a test step of affiliates (3, whatever limit Zapier asks), reading {value} statuses', async () => {
    const scope = api().get('/api/v1/affiliate/affiliates/').query({ page: '1', page_size: '3' }).reply(200, listAffiliates);
    const listed = await appTester(triggerOperation('new_affiliate').performList, { authData, meta: { limit: 500 } });
    expect(scope.isDone()).toBe(true);
    expect(listed).toEqual([expect.objectContaining({ id: '123', name: 'John Smith', email: 'john@example.com', status: 'active', vendor_status: 'approved' })]);
  });

  it('loads commissions for New Referral', async () => {
    const scope = api().get('/api/v1/affiliate/commissions/').query({ page: '1', page_size: '3' }).reply(200, listCommissions);
    const listed = await appTester(triggerOperation('new_referral').performList, { authData });
    expect(scope.isDone()).toBe(true);
    expect(listed).toEqual([expect.objectContaining({ id: '567', commission_amount: 125.5, sale_amount: 837, status: 'approved', order_id: '789' })]);
  });
});

describe('Rebus AI actions', () => {
  it('creates an affiliate with one name field', async () => {
    const scope = api()
      .post('/api/v1/affiliate/affiliates/', { name: 'Nia Obi', email: 'nia@example.com' })
      .reply(201, { success: true, data: { id: 321, name: 'Nia Obi', email: 'nia@example.com', status: { value: 'pending', display: 'Pending' } } });
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'nia@example.com', first_name: 'Nia', last_name: 'Obi' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '321', name: 'Nia Obi', status: 'pending', event: 'affiliate.created' });
  });

  it('processes a payout (which sends the payment) without claiming it paid before Rebus AI says so', async () => {
    const scope = api().post('/api/v1/affiliate/payouts/901/process/').reply(200, { success: true, message: 'Payout processed' });
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '901' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '901', platform: 'rebus', event: 'payout.paid', status: 'pending', vendor_status: 'processing' });
  });

  it.each([
    ['processing', 'pending'],
    ['processed', 'paid'],
  ])('reads the processed payout Rebus AI answers with (status %s → %s)', async (vendorStatus, normalized) => {
    api()
      .post('/api/v1/affiliate/payouts/902/process/')
      .reply(200, { success: true, data: { id: 902, status: vendorStatus, amount: 40.5 }, message: 'Payout processed successfully' });
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '902' } });
    expect(result).toMatchObject({ id: '902', status: normalized, vendor_status: vendorStatus, amount: 40.5 });
  });

  it('asks for the payout before calling Rebus AI', async () => {
    expect(await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: {} }))).toMatch(/Rebus AI needs "Payout" for Mark Payout Paid/);
  });

  it.each([
    ['approve_referral', { referral_id: '567' }],
    ['deny_referral', { referral_id: '567' }],
    ['approve_affiliate', { affiliate: '123' }],
    ['deny_affiliate', { affiliate: '123' }],
  ])('%s says Rebus AI documents no such endpoint instead of guessing one', async (action, inputData) => {
    const message = await rejectionMessage(appTester(createOperation(action).perform, { authData, inputData }));
    expect(message).toMatch(/is not available for Rebus AI: Rebus AI's API documentation describes no endpoint to approve or reject/);
  });
});
