/**
 * The FirstPromoter emulator over real loopback HTTP: both auth headers, bare-array lists, the
 * webhook API with custom headers sent back on every delivery, and bulk answers (≤ 5 ids done now,
 * more queued with 202).
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type Receiver, callJson, closeHarness, startHarness } from '../../test/emulator/harness';

const { api_key: KEY, account_id: ACCOUNT } = EMULATOR_CREDENTIALS.firstpromoter;
let emulator: Emulator;
let receiver: Receiver;

beforeAll(async () => {
  ({ emulator, receiver } = await startHarness(() => Date.UTC(2025, 4, 1, 12)));
});
afterAll(() => closeHarness({ emulator, receiver }));

function api(path: string, options: { method?: string; body?: unknown; account?: string | null } = {}) {
  const headers: Record<string, string> = options.account === null ? {} : { 'ACCOUNT-ID': options.account ?? ACCOUNT };
  return callJson(`${emulator.url}/firstpromoter/api/v2${path}`, { ...options, authorization: `Bearer ${KEY}`, headers });
}

it('refuses a call without ACCOUNT-ID with a 401 and no body', async () => {
  expect(await api('/company/promoters', { account: null })).toEqual({ status: 401, json: {} });
  expect(await api('/company/promoters', { account: 'other' })).toEqual({ status: 401, json: {} });
});

it('serves promoters as {data, meta} and commissions as a bare array', async () => {
  const promoters = await api('/company/promoters?per_page=1');
  expect(promoters.status).toBe(200);
  expect((promoters.json.data as unknown[]).length).toBe(1);
  const commissions = await api('/company/commissions?per_page=2');
  expect(Array.isArray(commissions.json)).toBe(true);
});

it('sends the subscription custom header with each delivery, in the documented envelope', async () => {
  const created = await api('/company/webhooks', { body: { url: `${receiver.url}/fp`, event_types: ['commission.approved'], headers: { 'X-Token': 'abc' } } });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ id: expect.any(Number), event_types: ['commission.approved'], headers: { 'X-Token': 'abc' } });
  const approved = await api('/company/commissions/approve', { body: { ids: [13533002] } });
  expect(approved).toMatchObject({ status: 200, json: { status: 'completed', failed_count: 0 } });
  await emulator.settled();
  const [delivery] = receiver.at('/fp');
  expect(delivery.headers['x-token']).toBe('abc');
  expect(delivery.headers['x-event-type']).toBe('commission.approved');
  expect(JSON.parse(delivery.body)).toMatchObject({ event_type: 'commission.approved', entity_type: 'commission', changes: { status: ['pending', 'approved'] }, data: { id: 13533002, status: 'approved' } });
  expect(delivery.headers['x-event-id']).toBe(JSON.parse(delivery.body).event_id);
});

it('queues more than five ids (202, pending) and refuses an unknown event type (422)', async () => {
  expect(await api('/company/commissions/deny', { body: { ids: [1, 2, 3, 4, 5, 6] } })).toMatchObject({ status: 202, json: { status: 'pending' } });
  expect(await api('/company/webhooks', { body: { url: `${receiver.url}/x`, event_types: ['no.such'] } })).toMatchObject({ status: 422, json: { code: 'invalid_params' } });
});

it('tracks a refund as a negative, approved commission; 204 without a referral, 409 on a repeated refund id', async () => {
  const refund = { email: 'testme@test1.com', event_id: 'emu_refund_1', amount: 1000, sale_event_id: 'emu_sale_1' };
  const tracked = await api('/track/refund', { body: refund });
  expect(tracked).toMatchObject({ status: 200, json: { type: 'refund', amount_cents: -1000, reward: { status: 'approved', amount: -200, event_id: 'emu_refund_1', lead: { email: 'testme@test1.com' } } } });
  expect(await api('/track/refund', { body: refund })).toMatchObject({ status: 409, json: { message: "The 'refund' event with the id 'emu_refund_1' already exists." } });
  expect((await api('/track/refund', { body: { ...refund, email: 'nobody@example.com', event_id: 'emu_refund_2' } })).status).toBe(204);
  expect(await api('/track/refund', { body: { ...refund, amount: 'ten', event_id: 'emu_refund_3' } })).toMatchObject({ status: 400 });
});
