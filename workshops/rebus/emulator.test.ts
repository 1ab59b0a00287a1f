/**
 * The Rebus AI emulator over real loopback HTTP: the API through `fetch` with a Bearer key,
 * deliveries caught by a small node:http receiver. The `X-Webhook-Signature` header is recomputed
 * here with node:crypto over the raw body received, never trusted.
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type Answer, type Receiver, callJson, closeHarness, dataOf, hmacSha256Hex, startHarness } from '../../test/emulator/harness';

const KEY = EMULATOR_CREDENTIALS.rebus.api_key;
const SECRET = 'whsec_zap_7d1e4b9a2c6f';

function sha256Hex(secret: string, body: string): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}

let emulator: Emulator;
let receiver: Receiver;
const clock = Date.UTC(2025, 9, 6, 12, 0, 15);
const clockSeconds = Math.floor(clock / 1000);

/** Calls the emulated API at `path` (relative to /api/v1/affiliate, trailing slash included) with `Bearer <key>` unless told otherwise. */
async function api(path: string, options: { method?: string; body?: unknown; authorization?: string | null } = {}): Promise<Answer> {
  const authorization = options.authorization === undefined ? `Bearer ${KEY}` : options.authorization;
  return callJson(`${emulator.url}/rebus/api/v1/affiliate${path}`, { ...options, authorization });
}

function resultsOf(answer: Answer): Record<string, unknown>[] {
  return (answer.json.data as { results: Record<string, unknown>[] }).results;
}

/** Subscribes `events` to the receiver at `path` with {@link SECRET}; returns the webhook id. */
async function subscribe(path: string, events: string[], secret = SECRET): Promise<number> {
  const answer = await api('/webhooks/', { body: { url: `${receiver.url}${path}`, events, secret, active: true } });
  expect(answer.status).toBe(201);
  return dataOf(answer).id as number;
}

/** The deliveries to `path`, each checked: header = sha256= HMAC of the raw body with `secret`; parsed. */
function verified(path: string, secret = SECRET): Record<string, unknown>[] {
  return receiver.at(path).map((caught) => {
    expect(caught.headers['content-type']).toBe('application/json');
    expect(caught.headers['x-webhook-signature']).toBe(sha256Hex(secret, caught.body));
    return JSON.parse(caught.body) as Record<string, unknown>;
  });
}

function only(path: string): Record<string, unknown> {
  const deliveries = verified(path);
  expect(deliveries).toHaveLength(1);
  return deliveries[0];
}

beforeEach(async () => {
  ({ emulator, receiver } = await startHarness(() => clock));
});

afterEach(() => closeHarness({ emulator, receiver }));

describe('auth: Authorization: Bearer sk_test_… / sk_live_…', () => {
  it('accepts the Bearer key; GET /status/ answers the documented health data in the envelope', async () => {
    expect(KEY).toMatch(/^sk_test_/);
    const answer = await api('/status/');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      success: true,
      data: { status: 'healthy', version: '1.0', services: { database: 'healthy', authentication: 'healthy' } },
      message: expect.any(String),
      timestamp: clockSeconds,
      api_version: '1.0',
    });
    expect(emulator.credentials.rebus).toEqual({ api_key: KEY });
  });

  it.each([
    ['the raw key without Bearer', KEY],
    ['another key', 'Bearer sk_test_notthekey'],
    ['the JWT scheme', `JWT ${KEY}`],
    ['no header', null],
  ])('rejects %s with 401 {success: false, error: {code: "unauthorized"}}', async (_label, authorization) => {
    const answer = await api('/status/', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ success: false, error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('has no route without the trailing slash', async () => {
    const answer = await api('/status');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ success: false, error: { code: 'not_found' } });
  });
});

describe('webhooks API', () => {
  it('creates (201, integer id, no secret echoed), lists and deletes (204) a webhook', async () => {
    const created = await api('/webhooks/', { body: { url: 'https://hooks.zapier.com/hooks/standard/1/abc/', events: ['commission.approved', 'payout.processed'], secret: SECRET, active: true } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ success: true, timestamp: clockSeconds, api_version: '1.0' });
    const webhook = dataOf(created);
    expect(webhook).toEqual({ id: 1, url: 'https://hooks.zapier.com/hooks/standard/1/abc/', events: ['commission.approved', 'payout.processed'], active: true, created_date: '2025-10-06T12:00:15Z' });

    expect(resultsOf(await api('/webhooks/'))).toEqual([webhook]);
    const removed = await api('/webhooks/1/', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(resultsOf(await api('/webhooks/'))).toEqual([]);
    const again = await api('/webhooks/1/', { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ success: false, error: { code: 'not_found' } });
  });

  it.each([
    ['no secret', { url: 'https://hooks.zapier.com/1', events: ['commission.approved'] }, 'secret'],
    ['no url', { events: ['commission.approved'], secret: SECRET }, 'url'],
    ['an unknown event', { url: 'https://hooks.zapier.com/1', events: ['commission.paid'], secret: SECRET }, 'events'],
    ['empty events', { url: 'https://hooks.zapier.com/1', events: [], secret: SECRET }, 'events'],
  ])('answers 400 validation_error for %s', async (_label, body, field) => {
    const answer = await api('/webhooks/', { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ success: false, error: { code: 'validation_error', details: { [field]: [expect.any(String)] } } });
  });
});

describe('deliveries', () => {
  it('sends the documented commission.approved data; header = sha256= HMAC of the exact raw body', async () => {
    await subscribe('/hooks/rebus?zap=42', ['commission.approved']);
    const records = await emulator.fire('rebus', 'commission.approved');
    expect(records).toEqual([expect.objectContaining({ vendor: 'rebus', event: 'commission.approved', targetUrl: `${receiver.url}/hooks/rebus?zap=42`, ok: true })]);
    const payload = only('/hooks/rebus?zap=42');
    expect(payload).toEqual({
      event: 'commission.approved',
      timestamp: clockSeconds,
      data: { commission_id: 123, affiliate_id: 456, affiliate_name: 'John Smith', amount: 85.5, commission_rate: 15, order_id: 789, product_name: 'Advanced Course', approved_by: 'admin@rebusai.com', approved_date: '2024-01-20T14:30:00Z' },
      signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
  });

  it('signs raw bytes a re-serialised body would not reproduce; the in-body signature covers the body without it', async () => {
    await subscribe('/raw', ['affiliate.created']);
    await emulator.fire('rebus', 'affiliate.created', { name: 'Zoë Müller' });
    const [caught] = receiver.at('/raw');
    expect(caught.body).toContain('"event": "affiliate.created", ');
    expect(caught.body).toContain('Zo\\u00eb M\\u00fcller');
    const parsed = JSON.parse(caught.body) as Record<string, unknown>;
    expect(sha256Hex(SECRET, JSON.stringify(parsed))).not.toBe(caught.headers['x-webhook-signature']);
    expect(sha256Hex(SECRET, caught.body)).toBe(caught.headers['x-webhook-signature']);
    // The in-body field is not the header's value: it cannot sign the bytes that contain it.
    expect(parsed.signature).not.toBe(caught.headers['x-webhook-signature']);
    const withoutSignature = caught.body.replace(/, "signature": "sha256=[0-9a-f]{64}"}$/, '}');
    expect(parsed.signature).toBe(sha256Hex(SECRET, withoutSignature));
  });

  it('signs each webhook with its own secret and skips inactive ones and other events', async () => {
    await subscribe('/one', ['payout.failed']);
    await subscribe('/two', ['payout.failed'], 'another_secret_9f3e');
    await api('/webhooks/', { body: { url: `${receiver.url}/off`, events: ['payout.failed'], secret: SECRET, active: false } });
    await subscribe('/other', ['payout.created']);
    await emulator.fire('rebus', 'payout.failed');
    expect(only('/one')).toMatchObject({ event: 'payout.failed', data: { payout_id: 903, status: 'failed' } });
    expect(verified('/two', 'another_secret_9f3e')).toHaveLength(1);
    expect(receiver.at('/off')).toHaveLength(0);
    expect(receiver.at('/other')).toHaveLength(0);
  });

  it.each([
    ['commission.created', { commission_id: 572, status: 'pending', amount: 100.44, order_total: 837 }],
    ['commission.rejected', { commission_id: 570, status: 'rejected' }],
    ['conversion.recorded', { commission_id: 572, order_id: 811 }],
    ['affiliate.approved', { affiliate_id: 124, status: 'approved', tier: 3 }],
    ['affiliate.rejected', { affiliate_id: 127, status: 'rejected' }],
    ['payout.created', { payout_id: 901, status: 'pending', amount: 125.55 }],
    ['payout.processed', { payout_id: 902, status: 'processed' }],
    ['link.clicked', { link_id: 789, affiliate_id: 123, timestamp: clockSeconds }],
    ['code.redeemed', { code: 'SAVE20', affiliate_id: 123 }],
  ])('fires %s with constructed data', async (event, expected) => {
    await subscribe('/e', [event]);
    await emulator.fire('rebus', event);
    expect(only('/e')).toMatchObject({ event, timestamp: clockSeconds, data: expected });
  });
});

describe('actions deliver their events after answering', () => {
  it('creating an affiliate answers 201 and delivers affiliate.created; name and email are required', async () => {
    await subscribe('/a', ['affiliate.created']);
    const created = await api('/affiliates/', { body: { name: 'Hana Sato', email: 'hana@satostudio.jp', website: 'https://satostudio.jp' } });
    expect(created.status).toBe(201);
    expect(dataOf(created)).toMatchObject({ id: 129, name: 'Hana Sato', email: 'hana@satostudio.jp', status: { value: 'pending', display: 'Pending' }, tier: 1, join_date: '2025-10-06T12:00:15Z' });
    await emulator.settled();
    expect(only('/a')).toMatchObject({ event: 'affiliate.created', data: { affiliate_id: 129, id: 129, name: 'Hana Sato', email: 'hana@satostudio.jp', status: 'pending' } });

    const missing = await api('/affiliates/', { body: { website: 'https://nobody.example' } });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ success: false, error: { code: 'validation_error', details: { name: [expect.any(String)], email: [expect.any(String)] } } });
    expect((await api('/affiliates/', { body: { name: 'Dup', email: 'JOHN@example.com' } })).status).toBe(400);
  });

  it('generating payouts answers the documented batch summary and delivers payout.created per payout', async () => {
    await subscribe('/p', ['payout.created']);
    const generated = await api('/payouts/generate/', { body: { affiliate_ids: [123, 124], minimum_amount: 50.0, payment_method: 'paypal', description: 'October 2025 Payouts', payment_date: '2025-11-01T00:00:00Z' } });
    expect(generated.status).toBe(200);
    expect(dataOf(generated)).toEqual({
      batch_id: 'PAYOUT_2025_10_001',
      total_affiliates: 2,
      total_amount: 189.85,
      payment_method: 'paypal',
      created_date: '2025-10-06T12:00:15Z',
      scheduled_date: '2025-11-01T00:00:00Z',
      status: 'pending',
      payouts: [
        { affiliate_id: 123, affiliate_name: 'John Smith', amount: 125.5, commission_count: 1 },
        { affiliate_id: 124, affiliate_name: 'Priya Raman', amount: 64.35, commission_count: 1 },
      ],
    });
    await emulator.settled();
    expect(verified('/p').map((payload) => payload.data)).toEqual([
      expect.objectContaining({ batch_id: 'PAYOUT_2025_10_001', affiliate_id: 123, amount: 125.5, status: 'pending' }),
      expect.objectContaining({ batch_id: 'PAYOUT_2025_10_001', affiliate_id: 124, amount: 64.35, status: 'pending' }),
    ]);
    // Those commissions are now in a payout: nothing is left to generate.
    const again = await api('/payouts/generate/', { body: {} });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ success: false, error: { code: 'no_eligible_commissions' } });
  });

  it('processing the pending payout marks it processed and delivers payout.processed; 400 when not pending, 404 unknown', async () => {
    await subscribe('/done', ['payout.processed']);
    const pending = resultsOf(await api('/payouts/?status=pending'));
    expect(pending.map((payout) => payout.id)).toEqual([901]);
    const processed = await api('/payouts/901/process/', { body: {} });
    expect(processed.status).toBe(200);
    expect(dataOf(processed)).toMatchObject({ id: 901, status: { value: 'processed', display: 'Processed' }, processed_date: '2025-10-06T12:00:15Z' });
    await emulator.settled();
    expect(only('/done')).toMatchObject({ event: 'payout.processed', data: { payout_id: 901, affiliate_id: 124, status: 'processed', processed_date: '2025-10-06T12:00:15Z' } });
    expect(resultsOf(await api('/commissions/?affiliate_id=124&status=paid')).map((commission) => commission.id)).toEqual([569]);

    const twice = await api('/payouts/901/process/', { body: {} });
    expect(twice.status).toBe(400);
    expect(twice.json).toMatchObject({ success: false, error: { code: 'invalid_status' } });
    expect((await api('/payouts/999/process/', { body: {} })).status).toBe(404);
  });
});

describe('lists: page / page_size with a pagination block', () => {
  it('pages affiliates with the documented pagination fields', async () => {
    const first = await api('/affiliates/?page=1&page_size=4');
    expect(first.json).toMatchObject({ success: true, message: 'Affiliates retrieved successfully', timestamp: clockSeconds, api_version: '1.0' });
    expect(resultsOf(first)).toHaveLength(4);
    expect((first.json.data as { pagination: unknown }).pagination).toEqual({
      page: 1,
      page_size: 4,
      total_pages: 2,
      total_count: 6,
      has_next: true,
      has_previous: false,
      next_url: '/api/v1/affiliate/affiliates/?page_size=4&page=2',
      previous_url: null,
    });
    const second = await api('/affiliates/?page=2&page_size=4');
    expect(resultsOf(second).map((affiliate) => affiliate.id)).toEqual([124, 123]);
    expect((second.json.data as { pagination: { has_next: boolean; has_previous: boolean } }).pagination).toMatchObject({ has_next: false, has_previous: true });
    expect((await api('/affiliates/?page=3&page_size=4')).status).toBe(404);
  });

  it('filters affiliates by status, tier, search and active; shows the documented item', async () => {
    expect(resultsOf(await api('/affiliates/?status=pending')).map((affiliate) => affiliate.id)).toEqual([128, 125]);
    expect(resultsOf(await api('/affiliates/?tier=3')).map((affiliate) => affiliate.id)).toEqual([124]);
    expect(resultsOf(await api('/affiliates/?search=RAMAN')).map((affiliate) => affiliate.id)).toEqual([124]);
    expect(resultsOf(await api('/affiliates/?active=false')).map((affiliate) => affiliate.id)).toEqual([127, 126]);
    expect(resultsOf(await api('/affiliates/?search=john@example.com'))).toEqual([
      {
        id: 123,
        name: 'John Smith',
        email: 'john@example.com',
        status: { value: 'approved', display: 'Approved' },
        tier: 2,
        commission_rate: 12,
        join_date: '2024-01-15T10:30:00Z',
        active: true,
        phone: null,
        website: null,
        performance_metrics: { total_sales: 15000, total_commissions: 1800, conversion_rate: 12.5, total_clicks: 2500 },
      },
    ]);
  });

  it.each(['page_size=101', 'page_size=0', 'page=0', 'status=active', 'tier=6', 'active=yes'])('answers 400 for %s', async (query) => {
    const answer = await api(`/affiliates/?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ success: false, error: { code: 'validation_error' } });
  });

  it('lists commissions with the documented summary over all matches, filtered by status, affiliate and dates', async () => {
    const all = await api('/commissions/?page_size=2');
    expect((all.json.data as { summary: unknown }).summary).toEqual({ total_commissions: 7, total_amount: 516.47, pending_count: 2, approved_count: 3, paid_count: 1 });
    expect(resultsOf(all).map((commission) => commission.id)).toEqual([572, 568]);
    expect(resultsOf(await api('/commissions/?date_from=2024-01-15&date_to=2024-01-15'))[0]).toMatchObject({ id: 567, affiliate_name: 'John Smith', commission_amount: 125.5, status: { value: 'approved', display: 'Approved' } });
    expect(resultsOf(await api('/commissions/?affiliate_id=124&status=pending')).map((commission) => commission.id)).toEqual([568]);
    expect((await api('/commissions/?date_from=yesterday')).status).toBe(400);
  });
});
