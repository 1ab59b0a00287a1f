/**
 * PartnerStack's quirks, beyond the shared contract: Basic auth with two keys, the URL token that
 * stands in for a signature, v1 event names in bodies, cents and epoch milliseconds, cursor lists,
 * application decisions and the actions its API does not offer.
 */
import { appTester, createOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import partnershipCreated from './fixtures/partnership_created.json';
import transactionCreated from './fixtures/transaction.created.json';
import { PARTNERSTACK_ORIGIN, partnerStackKit } from './kit';
import nock from 'nock';

const authData = partnerStackKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const TOKEN = 'a'.repeat(64);
const api = () => partnerStackKit.api();

function stored(events: string[]) {
  return { id: 'whk_1', platform: 'partnerstack', subscriptions: [{ events, id: 'whk_1' }], token: TOKEN };
}

function perform(trigger: string, body: unknown, query: Record<string, string>, events: string[], inputData: Record<string, unknown> = {}) {
  return runsOf<Record<string, unknown>>(appTester(
    triggerOperation(trigger).perform,
    { authData, inputData, subscribeData: stored(events), ...hookRequest(JSON.stringify(body), {}, query) },
    true,
  ));
}

describe('PartnerStack connection', () => {
  const auth = connection;

  it('sends HTTP Basic with the public key as user name and the secret key as password', async () => {
    // base64("pk_3kQv8TnR2wXa:sk_7HmZ4cLp9YbE"), written out so a swapped order or separator fails.
    const scope = nock(PARTNERSTACK_ORIGIN)
      .get('/api/v2/partnerships')
      .query({ limit: '1' })
      .matchHeader('authorization', 'Basic cGtfM2tRdjhUblIyd1hhOnNrXzdIbVo0Y0xwOVliRQ==')
      .reply(200, { data: { has_more: false, items: [] }, message: 'Page returned successfully', status: 200 });
    await expect(appTester(auth.test, { authData })).resolves.toMatchObject({ platform: 'partnerstack', platform_name: 'PartnerStack' });
    expect(scope.isDone()).toBe(true);
  });

  it('shows the message of an error body {message, status}', async () => {
    api().get('/api/v2/partnerships').query(true).reply(401, { message: 'Invalid credentials', status: 401 });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/PartnerStack did not accept the API key \("Invalid credentials"\)/);
  });
});

describe('PartnerStack subscriptions', () => {
  it('puts a random token in the target URL, keeps it in subscribeData and sends every event in one webhook', async () => {
    let target = '';
    const scope = api()
      .post('/api/v2/webhooks', (body: { target: string; events: string[] }) => {
        target = body.target;
        return body.events.join() === 'application.approved,application.declined';
      })
      .reply(200, { data: { key: 'whk_Zp81' }, message: 'Webhook created', status: 200 });
    const data = (await appTester(triggerOperation('affiliate_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL })) as {
      token: string;
      subscriptions: { id: string }[];
    };
    expect(scope.isDone()).toBe(true);
    expect(data.token).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(target).searchParams.get('ah_token')).toBe(data.token);
    expect(target.startsWith(TARGET_URL)).toBe(true);
    expect(data.subscriptions).toEqual([{ events: ['application.approved', 'application.declined'], id: 'whk_Zp81' }]);
  });

  it('refuses to keep a webhook whose key it was not told, rather than orphan it', async () => {
    api().post('/api/v2/webhooks').reply(200, { message: 'Webhook created', status: 200 });
    expect(await rejectionMessage(appTester(triggerOperation('new_affiliate').performSubscribe, { authData, targetUrl: TARGET_URL }))).toMatch(/PartnerStack accepted the webhook but returned no id/);
  });

  it('archives the webhook by its key, and counts one already gone as removed', async () => {
    const scope = api().delete('/api/v2/webhooks/whk_1').reply(404, { message: 'Webhook not found', status: 404 });
    await expect(appTester(triggerOperation('new_affiliate').performUnsubscribe, { authData, subscribeData: stored(['partnership.created']) })).resolves.toEqual({ removed: 1 });
    expect(scope.isDone()).toBe(true);
  });
});

describe('PartnerStack deliveries (no signature: the URL token is the proof)', () => {
  const events = ['partnership.created'];

  it('runs for the right token', async () => {
    expect(await perform('new_affiliate', partnershipCreated, { ah_token: TOKEN }, events)).toHaveLength(1);
  });

  it.each([
    ['the token is missing', {}],
    ['the token is wrong', { ah_token: 'b'.repeat(64) }],
    ['the token is a prefix of the right one', { ah_token: TOKEN.slice(0, 32) }],
  ])('produces no run when %s', async (_case, query: Record<string, string>) => {
    expect(await perform('new_affiliate', partnershipCreated, query, events)).toEqual([]);
  });

  it.each([
    ['partnership_created', 'partnership.created', 'new_affiliate'],
    ['partnership.created', 'partnership.created', 'new_affiliate'],
  ])('takes the body event %s as %s', async (bodyEvent, vendorEvent, trigger) => {
    const [result] = await perform(trigger, { ...partnershipCreated, event: bodyEvent }, { ah_token: TOKEN }, [vendorEvent]);
    expect(result).toMatchObject({ vendor_event: vendorEvent, event: 'affiliate.created', id: 'JohnSmith' });
  });

  it('reads a v1 group change as a partnership update: an Affiliate record under event "other"', async () => {
    const body = { ...partnershipCreated, event: 'partnership_group_updated' };
    const [result] = await perform('new_platform_event', body, { ah_token: TOKEN }, ['partnership.updated'], { event: 'partnership.updated' });
    expect(result).toMatchObject({ event: 'other', vendor_event: 'partnership.updated', id: 'JohnSmith', program_name: 'Top Sellers' });
  });

  it('converts cents to major units and epoch milliseconds to ISO-8601', async () => {
    const body = { ...transactionCreated, amount: 1999, created_at: 1700000000123 };
    const [result] = await perform('new_referral', body, { ah_token: TOKEN }, ['transaction.created']);
    expect(result).toMatchObject({ sale_amount: 19.99, currency: 'USD', created_at: '2023-11-14T22:13:20.123Z' });
  });
});

describe('PartnerStack lists', () => {
  it('loads a test step of transactions for New Referral (3 items, whatever limit Zapier asks)', async () => {
    const scope = api()
      .get('/api/v2/transactions')
      .query({ limit: '3' })
      .reply(200, { data: { has_more: true, items: [transactionCreated] }, message: 'Page returned successfully', status: 200 });
    const listed = (await appTester(triggerOperation('new_referral').performList, { authData, meta: { limit: 1000 } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(listed).toEqual([expect.objectContaining({ id: 'tran_4Rk2yQmZp7vN1s', event: 'referral.created', sale_amount: 125 })]);
  });
});

describe('PartnerStack actions', () => {
  it.each([
    ['approve_affiliate', true, 'affiliate.approved', 'active'],
    ['deny_affiliate', false, 'affiliate.denied', 'denied'],
  ])('%s decides the application (inferred body {approved: %s})', async (action, approved, event, status) => {
    const scope = api().patch('/api/v2/applications/appl_8WePUs6tWFsW4h/decision', { approved }).reply(200, { message: 'Application updated', status: 200 });
    const result = await appTester(createOperation(action).perform, { authData, inputData: { affiliate: 'appl_8WePUs6tWFsW4h' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'appl_8WePUs6tWFsW4h', platform: 'partnerstack', event, status });
  });

  it('creates a partnership in the chosen group', async () => {
    const scope = api()
      .post('/api/v2/partnerships', { email: 'nia@example.com', first_name: 'Nia', group_key: 'grup_hs8kJ3YZJEoXl7' })
      .reply(200, { data: { key: 'part_x1', partner_key: 'nia', email: 'nia@example.com', first_name: 'Nia', created_at: 1707403201441 }, message: 'Partnership created', status: 200 });
    const result = await appTester(createOperation('create_affiliate').perform, {
      authData,
      inputData: { email: 'nia@example.com', first_name: 'Nia', group_key: 'grup_hs8kJ3YZJEoXl7' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'nia', email: 'nia@example.com', event: 'affiliate.created', created_at: '2024-02-08T14:40:01.441Z' });
  });

  it('creates a transaction with the amount in cents', async () => {
    const scope = api()
      .post('/api/v2/transactions', { customer_email: 'roger@example.com', amount: 12050, currency: 'USD' })
      .reply(200, { data: { key: 'tran_9', amount: 12050, currency: 'usd' }, message: 'Transaction created', status: 200 });
    const result = await appTester(createOperation('create_referral').perform, {
      authData,
      inputData: { customer_email: 'roger@example.com', sale_amount: '120.50', currency: 'USD' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'tran_9', sale_amount: 120.5, currency: 'USD', event: 'referral.created' });
  });

  it.each([
    ['approve_referral', 'Approve Referral'],
    ['deny_referral', 'Deny Referral'],
  ])('%s says PartnerStack has no referral approval, without calling it', async (action, label) => {
    const message = await rejectionMessage(appTester(createOperation(action).perform, { authData, inputData: { referral_id: 'tran_9' } }));
    expect(message).toMatch(new RegExp(`^${label} is not available for PartnerStack: PartnerStack's API has no endpoint to`));
  });
});
