/**
 * The PartnerStack emulator over real loopback HTTP: the API through `fetch` with HTTP Basic,
 * deliveries caught by a small node:http receiver that records the exact request path (query
 * string included) and headers.
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type Answer, type Receiver, callJson, closeHarness, dataOf, startHarness } from '../../test/emulator/harness';

const { public_key: PUBLIC_KEY, api_key: SECRET_KEY } = EMULATOR_CREDENTIALS.partnerstack;

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

let emulator: Emulator;
let receiver: Receiver;
const clock = Date.UTC(2025, 9, 6, 12, 0, 15);

/** Calls the emulated API at `path` (relative to /api/v2) with Basic public:secret unless `authorization` says otherwise. */
async function api(path: string, options: { method?: string; body?: unknown; authorization?: string | null } = {}): Promise<Answer> {
  const authorization = options.authorization === undefined ? basic(PUBLIC_KEY, SECRET_KEY) : options.authorization;
  return callJson(`${emulator.url}/partnerstack/api/v2${path}`, { ...options, authorization });
}

function itemsOf(answer: Answer): Record<string, unknown>[] {
  return (answer.json.data as { items: Record<string, unknown>[] }).items;
}

/** Subscribes `events` to the receiver at `path` and returns the webhook key. */
async function subscribe(path: string, events: string[]): Promise<string> {
  const answer = await api('/webhooks', { body: { target: `${receiver.url}${path}`, events } });
  expect(answer.status).toBe(200);
  return dataOf(answer).key as string;
}

/** The one delivery to `path`, checked to be a plain unsigned JSON POST, parsed. */
function delivery(path: string): Record<string, unknown> {
  const caught = receiver.at(path);
  expect(caught).toHaveLength(1);
  expect(caught[0].headers['content-type']).toBe('application/json');
  expect(Object.keys(caught[0].headers).filter((name) => /signature/i.test(name))).toEqual([]);
  return JSON.parse(caught[0].body) as Record<string, unknown>;
}

beforeEach(async () => {
  ({ emulator, receiver } = await startHarness(() => clock));
});

afterEach(() => closeHarness({ emulator, receiver }));

describe('auth: HTTP Basic, public key as user name, secret key as password', () => {
  it('accepts Basic public:secret and answers in the {data, message, status} envelope', async () => {
    const answer = await api('/partnerships?limit=1');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ message: 'Page returned successfully', status: 200, data: { has_more: true } });
    expect(itemsOf(answer)).toHaveLength(1);
    expect(emulator.credentials.partnerstack).toEqual({ public_key: PUBLIC_KEY, api_key: SECRET_KEY });
  });

  it.each([
    ['the keys swapped', basic(SECRET_KEY, PUBLIC_KEY)],
    ['a wrong secret', basic(PUBLIC_KEY, 'sk_wrong')],
    ['Bearer with the secret key', `Bearer ${SECRET_KEY}`],
    ['no header', null],
  ])('rejects %s with 401 {message, status: 401}', async (_label, authorization) => {
    const answer = await api('/partnerships', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unauthorized', status: 401 });
  });
});

describe('webhooks API', () => {
  it('creates (key wh_…, created_at in ms), lists, gets, patches and archives a webhook', async () => {
    const created = await api('/webhooks', { body: { target: 'https://hooks.zapier.com/hooks/standard/1/abc/', events: ['partnership.created'] } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ status: 200 });
    const webhook = dataOf(created);
    expect(webhook).toEqual({ key: expect.stringMatching(/^wh_[A-Za-z0-9]{14}$/), target: 'https://hooks.zapier.com/hooks/standard/1/abc/', events: ['partnership.created'], created_at: clock });

    expect(itemsOf(await api('/webhooks'))).toEqual([webhook]);
    expect(dataOf(await api(`/webhooks/${String(webhook.key)}`))).toEqual(webhook);

    const patched = await api(`/webhooks/${String(webhook.key)}`, { method: 'PATCH', body: { events: ['partnership.created', 'transaction.created'] } });
    expect(dataOf(patched).events).toEqual(['partnership.created', 'transaction.created']);

    const archived = await api(`/webhooks/${String(webhook.key)}`, { method: 'DELETE' });
    expect(archived.status).toBe(200);
    expect(itemsOf(await api('/webhooks'))).toEqual([]);
    const again = await api(`/webhooks/${String(webhook.key)}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ message: expect.any(String), status: 404 });
  });

  it.each([
    ['target_url instead of target', { target_url: 'https://hooks.zapier.com/1', events: ['partnership.created'] }, 'target is required'],
    ['no events', { target: 'https://hooks.zapier.com/1' }, 'events is required'],
    ['a v1 underscore event name', { target: 'https://hooks.zapier.com/1', events: ['partnership_created'] }, expect.stringContaining('partnership_created')],
    ['a target that is not a URL', { target: 'hooks.zapier.com/1', events: ['partnership.created'] }, 'target must be a valid URL'],
  ])('answers 400 for %s', async (_label, body, message) => {
    const answer = await api('/webhooks', { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message, status: 400 });
  });

  it('404s an unknown webhook key', async () => {
    expect((await api('/webhooks/wh_unknown')).json).toEqual({ message: 'Webhook wh_unknown not found', status: 404 });
  });
});

describe('deliveries', () => {
  it('POSTs plain JSON to the exact target URL, query string kept; body event = the v1 underscore name', async () => {
    await subscribe('/zap/hook?token=s3cr%20et&x=1', ['partnership.created']);
    const records = await emulator.fire('partnerstack', 'partnership.created');
    expect(records).toEqual([expect.objectContaining({ vendor: 'partnerstack', event: 'partnership.created', targetUrl: `${receiver.url}/zap/hook?token=s3cr%20et&x=1`, ok: true })]);
    expect(delivery('/zap/hook?token=s3cr%20et&x=1')).toEqual({
      id: 123,
      partner_key: 'JohnSmith',
      first_name: 'John',
      last_name: 'Smith',
      email: '[email protected]',
      group: { id: 22, name: 'Top Sellers', slug: 'topsellers' },
      event: 'partnership_created',
      archived: 'false',
    });
  });

  it('sends to every subscriber of the event and to none of another', async () => {
    await subscribe('/a', ['customer.updated']);
    await subscribe('/b', ['customer.created', 'customer.updated']);
    await subscribe('/c', ['customer.created']);
    await emulator.fire('partnerstack', 'customer.updated', { name: 'Roger Axel Jr.' });
    expect(delivery('/a')).toMatchObject({ key: 'crust_a1xlr0s3', name: 'Roger Axel Jr.', event: 'customer_updated', created_at: 1537205154288 });
    expect(delivery('/b')).toMatchObject({ event: 'customer_updated' });
    expect(receiver.at('/c')).toHaveLength(0);
  });

  it('constructs transaction.created and reward.created with cents and epoch-ms times', async () => {
    await subscribe('/t', ['transaction.created', 'reward.created']);
    await emulator.fire('partnerstack', 'transaction.created');
    await emulator.fire('partnerstack', 'reward.created');
    const [transaction, reward] = receiver.at('/t').map((caught) => JSON.parse(caught.body) as Record<string, unknown>);
    expect(transaction).toEqual({
      key: 'txn_Wq9ErT2yUi5OpA',
      amount: 4900,
      currency: 'EUR',
      customer_key: 'cust_P1kDf7GsN4rYe8',
      customer_email: 'hello@patchwork.studio',
      partner_key: 'lenaschmidt',
      product_key: 'prod_cloudfolio_starter',
      approved: false,
      created_at: Date.parse('2025-08-09T17:50:02Z'),
      event: 'transaction_created',
    });
    expect(reward).toMatchObject({ key: 'rwrd_Zx4CvB7nMq1WeR', amount: 980, partnership_key: 'part_K2sWq9LmF4tHbx', status: 'pending', event: 'reward_created' });
  });

  it('sends nothing after a webhook is archived', async () => {
    const key = await subscribe('/gone', ['application.created']);
    await api(`/webhooks/${key}`, { method: 'DELETE' });
    expect(await emulator.fire('partnerstack', 'application.created')).toEqual([]);
    await expect(emulator.fire('partnerstack', 'partnership_created')).rejects.toThrow(/no event/);
  });
});

describe('actions deliver their events after answering', () => {
  it('creating a partnership answers it under data and delivers partnership.created in the documented shape', async () => {
    await subscribe('/p', ['partnership.created']);
    const created = await api('/partnerships', { body: { email: 'sofia.ruiz@brightpath.mx', first_name: 'Sofía', last_name: 'Ruiz', group_key: 'grup_yHXm98PlYOKhhK', tags: ['latam'] } });
    expect(created.status).toBe(200);
    const partnership = dataOf(created);
    expect(partnership).toMatchObject({ key: expect.stringMatching(/^part_/), partner_key: 'sofiaruiz', email: 'sofia.ruiz@brightpath.mx', group: { key: 'grup_yHXm98PlYOKhhK', name: 'Top Sellers', slug: 'topsellers' }, tags: ['latam'], created_at: clock });
    await emulator.settled();
    expect(delivery('/p')).toEqual({
      id: partnership.id,
      partner_key: 'sofiaruiz',
      first_name: 'Sofía',
      last_name: 'Ruiz',
      email: 'sofia.ruiz@brightpath.mx',
      group: { id: 22, name: 'Top Sellers', slug: 'topsellers' },
      archived: 'false',
      event: 'partnership_created',
    });
    expect(dataOf(await api(`/partnerships/${String(partnership.key)}`)).email).toBe('sofia.ruiz@brightpath.mx');
    expect(dataOf(await api('/partnerships/sofia.ruiz@brightpath.mx')).key).toBe(partnership.key);
  });

  it('validates partnership creation: email required (400), taken (422), unknown group (404)', async () => {
    expect((await api('/partnerships', { body: { first_name: 'No', last_name: 'Email' } })).json).toEqual({ message: 'email is required', status: 400 });
    expect((await api('/partnerships', { body: { email: 'amelia@clarkeandco.io' } })).status).toBe(422);
    expect((await api('/partnerships', { body: { email: 'new@partner.io', group_key: 'grup_nope' } })).status).toBe(404);
    await emulator.settled();
    expect(emulator.deliveries).toEqual([]);
  });

  it('approving the pending application delivers application.approved, then partnership.created for it', async () => {
    await subscribe('/apps', ['application.approved', 'application.declined']);
    await subscribe('/partners', ['partnership.created']);
    const pending = itemsOf(await api('/applications')).filter((application) => application.approved === null);
    expect(pending.map((application) => application.key)).toEqual(['appl_8WePUs6tWFsW4h']);

    const decided = await api('/applications/appl_8WePUs6tWFsW4h/decision', { method: 'PATCH', body: { approved: true } });
    expect(decided.status).toBe(200);
    expect(dataOf(decided)).toMatchObject({ key: 'appl_8WePUs6tWFsW4h', approved: true, partnership_key: 'part_mGXzJol7h633Ft' });
    await emulator.settled();
    expect(delivery('/apps')).toMatchObject({ key: 'appl_8WePUs6tWFsW4h', approved: true, event: 'application_approved', content: { email: 'john@teamjohnsmith.com' }, group: { key: 'grup_yHXm98PlYOKhhK' } });
    expect(delivery('/partners')).toMatchObject({ partner_key: 'johnsmith354', email: 'john@teamjohnsmith.com', event: 'partnership_created' });
    expect(emulator.deliveries.map((record) => record.event)).toEqual(['application.approved', 'partnership.created']);
    expect(dataOf(await api('/partnerships/part_mGXzJol7h633Ft')).partner_key).toBe('johnsmith354');

    const twice = await api('/applications/appl_8WePUs6tWFsW4h/decision', { method: 'PATCH', body: { approved: false } });
    expect(twice.status).toBe(422);
  });

  it('declining delivers application.declined with approved false and the reason; approved must be boolean', async () => {
    await subscribe('/apps', ['application.declined']);
    expect((await api('/applications/appl_8WePUs6tWFsW4h/decision', { method: 'PATCH', body: { approved: 'yes' } })).status).toBe(400);
    expect((await api('/applications/appl_unknown/decision', { method: 'PATCH', body: { approved: true } })).status).toBe(404);
    await api('/applications/appl_8WePUs6tWFsW4h/decision', { method: 'PATCH', body: { approved: false, decline_reason: 'Audience outside our markets.' } });
    await emulator.settled();
    expect(delivery('/apps')).toMatchObject({ approved: false, decline_reason: 'Audience outside our markets.', event: 'application_declined' });
  });

  it('creating a transaction by customer e-mail delivers transaction.created with the amount in cents', async () => {
    await subscribe('/tx', ['transaction.created']);
    const created = await api('/transactions', { body: { customer_email: 'finance@lumenhr.io', amount: 49900, product_key: 'prod_cloudfolio_business' } });
    expect(created.status).toBe(200);
    expect(dataOf(created)).toMatchObject({ amount: 49900, currency: 'USD', customer_key: 'cust_H6vTm2XcJ9bWq4', partner_key: 'northwind-agency', created_at: clock });
    await emulator.settled();
    expect(delivery('/tx')).toMatchObject({ key: dataOf(created).key, amount: 49900, event: 'transaction_created' });
  });

  it.each([
    ['no customer identifier', { amount: 100 }, 400],
    ['two customer identifiers', { customer_key: 'cust_R3nYp8QwZs1Lk0', customer_email: 'ops@brightledger.com', amount: 100 }, 400],
    ['a decimal amount', { customer_external_key: 'acct_88213', amount: 12.5 }, 400],
    ['an unknown customer', { customer_key: 'cust_nope', amount: 100 }, 404],
  ])('refuses a transaction with %s', async (_label, body, status) => {
    const answer = await api('/transactions', { body });
    expect(answer.status).toBe(status);
    expect(answer.json.status).toBe(status);
  });
});

describe('lists: newest first, cursor pagination by key', () => {
  it('pages with limit and starting_after / ending_before', async () => {
    const all = itemsOf(await api('/partnerships')).map((partnership) => partnership.key);
    expect(all).toEqual(['part_T8yGd3VnC6pQaz', 'part_K2sWq9LmF4tHbx', 'part_Vh7cN1pZr5YdJe', 'part_Qm4XbT2nLw8sRk']);

    const first = await api('/partnerships?limit=2');
    expect((first.json.data as { has_more: boolean }).has_more).toBe(true);
    expect(itemsOf(first).map((partnership) => partnership.key)).toEqual(all.slice(0, 2));
    const second = await api(`/partnerships?limit=2&starting_after=${all[1]}`);
    expect((second.json.data as { has_more: boolean }).has_more).toBe(false);
    expect(itemsOf(second).map((partnership) => partnership.key)).toEqual(all.slice(2));
    const back = await api(`/partnerships?limit=1&ending_before=${all[2]}`);
    expect(itemsOf(back).map((partnership) => partnership.key)).toEqual([all[1]]);
    expect((back.json.data as { has_more: boolean }).has_more).toBe(true);
  });

  it.each(['limit=0', 'limit=251', 'limit=ten', 'starting_after=part_nope'])('answers 400 for %s', async (query) => {
    const answer = await api(`/partnerships?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json.status).toBe(400);
  });

  it('serves groups, customers, rewards, transactions and payouts (one pending)', async () => {
    expect(itemsOf(await api('/groups')).map((group) => group.slug)).toEqual(['agencies', 'referral', 'topsellers']);
    expect(itemsOf(await api('/customers'))[0]).toEqual({ id: 9103, key: 'cust_P1kDf7GsN4rYe8', email: 'hello@patchwork.studio', name: 'Patchwork Studio', partner_key: 'lenaschmidt', created_at: Date.parse('2025-08-09T17:45:56Z'), updated_at: Date.parse('2025-08-09T17:45:56Z'), archived: false });
    expect(itemsOf(await api('/rewards'))).toHaveLength(3);
    expect(itemsOf(await api('/transactions?min_created=1751328000000')).map((transaction) => transaction.key)).toEqual(['txn_Wq9ErT2yUi5OpA', 'txn_Yu7IoP3aSd6FgH']);
    expect(itemsOf(await api('/payouts')).filter((payout) => payout.status === 'pending')).toHaveLength(1);
  });
});
