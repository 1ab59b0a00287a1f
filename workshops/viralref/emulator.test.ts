/**
 * The ViralRef emulator (a webhook sender only) over real loopback HTTP: dashboard endpoints,
 * the constructed envelope, `X-ViralRef-Signature` recomputed here with node:crypto, the event
 * filter, and the bounded retry.
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type Receiver, closeHarness, hmacSha256Hex, startHarness } from '../../test/emulator/harness';

function expectedSignature(secret: string, body: string): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}

/** The statuses each flaky path answers in turn before it answers 200. */
const FAILURES: Record<string, number[]> = { '/flaky': [500, 503], '/down': [500, 500, 500, 500] };

let emulator: Emulator;
let receiver: Receiver;
const clock = Date.UTC(2025, 9, 6, 12, 0, 15);

beforeEach(async () => {
  ({ emulator, receiver } = await startHarness(() => clock, (path, earlier) => FAILURES[path]?.[earlier] ?? 200));
});

afterEach(() => closeHarness({ emulator, receiver }));

it('has an API key only for the connection screen and no API routes', async () => {
  expect(emulator.credentials.viralref).toEqual({ api_key: EMULATOR_CREDENTIALS.viralref.api_key });
  expect(EMULATOR_CREDENTIALS.viralref.api_key).toMatch(/^vr_/);
  expect((await fetch(`${emulator.url}/viralref/api/v1/conversions`)).status).toBe(404);
});

it('signs the exact raw body with the endpoint secret and sends the constructed envelope', async () => {
  const { secret } = emulator.registerDashboardEndpoint('viralref', `${receiver.url}/hooks`, ['conversion.created']);
  const [record] = await emulator.fire('viralref', 'conversion.created');
  expect(record).toMatchObject({ vendor: 'viralref', event: 'conversion.created', status: 200, ok: true });

  const [delivery] = receiver.at('/hooks');
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers['x-viralref-signature']).toBe(expectedSignature(secret, delivery.body));
  const payload = JSON.parse(delivery.body) as Record<string, unknown>;
  expect(payload).toEqual({
    id: expect.stringMatching(/^evt_[0-9a-f]{24}$/),
    event: 'conversion.created',
    created_at: '2025-10-06T12:00:15Z',
    data: {
      id: expect.any(String),
      status: 'pending',
      amount: 49.99,
      currency: 'USD',
      order_id: expect.any(String),
      customer_email: expect.any(String),
      affiliate: { id: expect.any(String), email: expect.any(String), name: expect.any(String) },
      created_at: '2025-10-06T12:00:15Z',
    },
  });
});

it('delivers only to endpoints whose event list includes the event (empty = all), each with its own secret', async () => {
  const conversions = emulator.registerDashboardEndpoint('viralref', `${receiver.url}/conversions`, ['conversion.created', 'conversion.updated']);
  const everything = emulator.registerDashboardEndpoint('viralref', `${receiver.url}/all`, []);
  emulator.registerDashboardEndpoint('viralref', `${receiver.url}/payouts`, ['payout.created']);

  await emulator.fire('viralref', 'conversion.updated', { status: 'fraud' });
  await emulator.fire('viralref', 'affiliate.created');
  await emulator.fire('viralref', 'affiliate.updated');

  expect(receiver.at('/payouts')).toHaveLength(0);
  const [conversion] = receiver.at('/conversions');
  expect(receiver.at('/conversions')).toHaveLength(1);
  expect(conversion.headers['x-viralref-signature']).toBe(expectedSignature(conversions.secret, conversion.body));
  expect(JSON.parse(conversion.body)).toMatchObject({ event: 'conversion.updated', data: { status: 'fraud' } });

  const all = receiver.at('/all');
  expect(all.map((request) => (JSON.parse(request.body) as { event: string }).event)).toEqual(['conversion.updated', 'affiliate.created', 'affiliate.updated']);
  for (const request of all) expect(request.headers['x-viralref-signature']).toBe(expectedSignature(everything.secret, request.body));
  expect(JSON.parse(all[1].body).data).toMatchObject({ email: expect.any(String), status: 'pending', referral_link: expect.stringMatching(/^https:\/\//) });
});

it('retries a failing endpoint with backoff, resending the same signed body, and logs every attempt', async () => {
  emulator.registerDashboardEndpoint('viralref', `${receiver.url}/flaky`, []);
  const records = await emulator.fire('viralref', 'payout.created');
  expect(records.map((record) => record.status)).toEqual([500, 503, 200]);
  const attempts = receiver.at('/flaky');
  expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
  expect(new Set(attempts.map((attempt) => attempt.headers['x-viralref-signature'])).size).toBe(1);
  expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(45);
  expect(attempts[2].receivedAt - attempts[1].receivedAt).toBeGreaterThanOrEqual(95);
  expect(emulator.deliveries.filter((record) => record.targetUrl.endsWith('/flaky'))).toHaveLength(3);
  expect(JSON.parse(attempts[0].body).data).toMatchObject({ amount: 842.75, currency: 'USD', affiliate_count: 7 });
});

it('gives up after 3 attempts', async () => {
  emulator.registerDashboardEndpoint('viralref', `${receiver.url}/down`, ['payout.created']);
  const records = await emulator.fire('viralref', 'payout.created');
  expect(records.map((record) => record.ok)).toEqual([false, false, false]);
  expect(receiver.at('/down')).toHaveLength(3);
});

it('refuses unknown events and bad URLs at registration, and lists endpoints on the control route', async () => {
  expect(() => emulator.registerDashboardEndpoint('viralref', `${receiver.url}/x`, ['conversion.approved'])).toThrow(/no event/);
  expect(() => emulator.registerDashboardEndpoint('viralref', 'not a url', [])).toThrow(/URL/);
  const created = await fetch(`${emulator.url}/_emulator/viralref/dashboard-endpoints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${receiver.url}/x`, events: ['affiliate.created'] }),
  });
  const { secret } = (await created.json()) as { secret: string };
  const listed = (await (await fetch(`${emulator.url}/_emulator/viralref/subscriptions`)).json()) as { url: string; secret: string }[];
  expect(listed).toEqual([expect.objectContaining({ url: `${receiver.url}/x`, events: ['affiliate.created'], secret })]);
  await expect(emulator.fire('viralref', 'conversion.approved')).rejects.toThrow(/no event/);
});
