/**
 * The Tolt emulator over real loopback HTTP: Bearer auth and the v2 error body, cursor paging and
 * the updated_after window, an action's commission.updated delivery, and Svix's signature checked
 * with the Standard Webhooks library (as Svix's own `svix` package does), never with the
 * emulator's own helper.
 */
import { Webhook } from 'standardwebhooks';
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type Answer, type Receiver, callJson, closeHarness, startHarness } from '../../test/emulator/harness';

const KEY = EMULATOR_CREDENTIALS.tolt.api_key;
let emulator: Emulator;
let receiver: Receiver;
let clock: number;

function api(path: string, options: { method?: string; authorization?: string | null; body?: string } = {}): Promise<Answer> {
  const authorization = options.authorization === undefined ? `Bearer ${KEY}` : options.authorization;
  return callJson(`${emulator.url}/tolt/v2${path}`, { method: options.method ?? 'GET', authorization, headers: options.body ? { 'Content-Type': 'application/json' } : {}, raw: options.body });
}

beforeEach(async () => {
  clock = Date.UTC(2025, 9, 6, 12, 0, 0);
  ({ emulator, receiver } = await startHarness(() => clock));
});

afterEach(() => closeHarness({ emulator, receiver }));

it('refuses a wrong key with the v2 error body', async () => {
  const answer = await api('/partners', { authorization: 'Bearer nope' });
  expect(answer.status).toBe(401);
  expect(answer.json).toMatchObject({ success: false, code: 'unauthorized', doc_url: 'https://docs.tolt.com/errors#unauthorized' });
});

it('pages partners by cursor, newest first', async () => {
  const first = await api('/partners?limit=2');
  expect(first.json).toMatchObject({ success: true, has_more: true });
  const ids = (first.json.data as { id: string }[]).map((item) => item.id);
  expect(ids).toEqual(['part_9fQ2xLLmN3kP8dRvT1wYbHcS', 'part_NLYzgNKuSuASvrvoxNtau6SY']);
  const second = await api(`/partners?limit=2&starting_after=${String(first.json.next_cursor)}`);
  expect((second.json.data as { id: string }[]).map((item) => item.id)).toEqual(['part_s7mbzRGn46BhVgNFHD6fDgXW']);
  expect(second.json.has_more).toBe(false);
});

it('signs an approval\'s commission.updated the Svix way, and lists it by updated_after', async () => {
  const url = `${receiver.url}/hook`;
  const { secret } = emulator.registerDashboardEndpoint('tolt', url, ['commission.updated']);
  const approved = await api('/commissions/comm_1234567890/approve', { method: 'POST', body: '{}' });
  expect(approved.json).toMatchObject({ success: true, data: { id: 'comm_1234567890', status: 'approved' } });
  await emulator.settled();
  const [caught] = receiver.at('/hook');
  const headers = { 'webhook-id': String(caught.headers['svix-id']), 'webhook-timestamp': String(caught.headers['svix-timestamp']), 'webhook-signature': String(caught.headers['svix-signature']) };
  // The library checks its own 5-minute window against the real clock: verify at the emulator's time.
  jest.useFakeTimers({ now: clock, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
  try {
    expect(new Webhook(secret).verify(caught.body, headers)).toMatchObject({ type: 'commission.updated', data: { id: 'comm_1234567890', status: 'approved' } });
  } finally {
    jest.useRealTimers();
  }
  const changed = await api(`/commissions?sort=updated_at&updated_after=${new Date(clock - 60_000).toISOString()}`);
  expect((changed.json.data as { id: string }[]).map((item) => item.id)).toEqual(['comm_1234567890']);
});
