/**
 * The UpPromote emulator over real loopback HTTP: the API through `fetch`, deliveries caught by a
 * small node:http receiver. Signatures are recomputed here with node:crypto, never trusted.
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { type HeadedAnswer, type Receiver, callJsonWithHeaders, closeHarness, dataOf, hmacSha256Hex, startHarness } from '../../test/emulator/harness';

const KEY = EMULATOR_CREDENTIALS.uppromote.api_key;

let emulator: Emulator;
let receiver: Receiver;
let clock: number;

/** Calls the emulated UpPromote API at `path` (relative to /api/v2) with the raw key unless `authorization` says otherwise. */
async function api(path: string, options: { method?: string; body?: unknown; authorization?: string | null } = {}): Promise<HeadedAnswer> {
  const authorization = options.authorization === undefined ? KEY : options.authorization;
  return callJsonWithHeaders(`${emulator.url}/uppromote/api/v2${path}`, { ...options, authorization });
}

/** Subscribes `event` to the receiver at `/hooks/<event>` and returns the secret key. */
async function subscribe(event: string): Promise<string> {
  const answer = await api('/webhook-subscriptions', { body: { event, target_url: `${receiver.url}/hooks/${event}` } });
  expect(answer.status).toBe(200);
  const data = answer.json.data as { secret_key: string };
  return data.secret_key;
}

function listOf(answer: HeadedAnswer): Record<string, unknown>[] {
  return answer.json.data as Record<string, unknown>[];
}

/** The one signed delivery to `/hooks/<event>`, checked against `secret`, parsed. */
function signedDelivery(event: string, secret: string): Record<string, unknown> {
  const deliveries = receiver.at(`/hooks/${event}`).filter((request) => request.body !== '');
  expect(deliveries).toHaveLength(1);
  const [delivery] = deliveries;
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers['x-uppromote-signature']).toBe(hmacSha256Hex(secret, delivery.body));
  return JSON.parse(delivery.body) as Record<string, unknown>;
}

beforeEach(async () => {
  clock = Date.UTC(2025, 9, 6, 12, 0, 15); // 15 s into a minute window
  ({ emulator, receiver } = await startHarness(() => clock, (path) => (path.startsWith('/fail') ? 500 : 200)));
});

afterEach(() => closeHarness({ emulator, receiver }));

describe('auth: Authorization carries the raw key', () => {
  it('accepts the raw key and answers in the {status, message, data} envelope', async () => {
    const answer = await api('/affiliates?page=1&per_page=1');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 200, message: 'success' });
    expect(listOf(answer)).toHaveLength(1);
    expect(emulator.credentials.uppromote).toEqual({ api_key: KEY });
  });

  it.each([
    ['a Bearer prefix', `Bearer ${KEY}`],
    ['a wrong key', 'upk_not_the_key'],
    ['no header', null],
  ])('rejects %s with 401 {"message": "Unauthorized"}', async (_label, authorization) => {
    const answer = await api('/affiliates', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unauthorized' });
  });
});

describe('webhook subscriptions', () => {
  it('pings the target with an unsigned empty POST before accepting, then lists the subscription', async () => {
    const answer = await api('/webhook-subscriptions', { body: { event: 'referral.new', target_url: `${receiver.url}/hooks/referral.new` } });
    expect(answer.status).toBe(200);
    const data = dataOf(answer);
    expect(data).toEqual({ event: 'referral.new', target_url: `${receiver.url}/hooks/referral.new`, secret_key: expect.any(String), created_at: '2025-10-06T12:00:15Z' });

    // The ping had already arrived when the subscribe call answered.
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].body).toBe('');
    expect(receiver.requests[0].headers['x-uppromote-signature']).toBeUndefined();
    expect(emulator.deliveries.map((delivery) => delivery.event)).toEqual(['url-check:referral.new']);

    const list = await api('/webhook-subscriptions?page=1&per_page=10&event=referral.new');
    expect(listOf(list)).toEqual([{ event: 'referral.new', target_url: `${receiver.url}/hooks/referral.new`, status: 'active', secret_key: data.secret_key, created_at: '2025-10-06T12:00:15Z' }]);
  });

  it('refuses a target that does not answer the ping with 200', async () => {
    const answer = await api('/webhook-subscriptions', { body: { event: 'referral.new', target_url: `${receiver.url}/fail` } });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({ status: 422, message: 'target_url did not respond with 200' });
    expect(receiver.at('/fail')).toHaveLength(1);
    expect(listOf(await api('/webhook-subscriptions'))).toEqual([]);
  });

  it.each([
    ['an unknown event', { event: 'referral.created', target_url: 'https://hooks.zapier.com/1' }],
    ['a missing target_url', { event: 'referral.new' }],
    ['a target_url that is not a URL', { event: 'referral.new', target_url: 'hooks.zapier.com/1' }],
  ])('answers 422 for %s, without pinging', async (_label, body) => {
    const answer = await api('/webhook-subscriptions', { body });
    expect(answer.status).toBe(422);
    expect(answer.json.status).toBe(422);
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps one subscription per event: another URL clashes, the same URL returns the existing one', async () => {
    const secret = await subscribe('referral.new');
    const clash = await api('/webhook-subscriptions', { body: { event: 'referral.new', target_url: `${receiver.url}/other` } });
    expect(clash.status).toBe(422);
    expect(clash.json).toEqual({ status: 422, message: 'The event referral.new has already been subscribed' });
    expect(receiver.at('/other')).toHaveLength(0);

    const again = await api('/webhook-subscriptions', { body: { event: 'referral.new', target_url: `${receiver.url}/hooks/referral.new` } });
    expect(again.status).toBe(200);
    expect(dataOf(again).secret_key).toBe(secret);
  });

  it('deletes by event (JSON body), then 404s, then lets the event be subscribed elsewhere', async () => {
    const first = await subscribe('referral.new');
    const removed = await api('/webhook-subscriptions', { method: 'DELETE', body: { event: 'referral.new' } });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ status: 200, message: 'success' });
    const missing = await api('/webhook-subscriptions', { method: 'DELETE', body: { event: 'referral.new' } });
    expect(missing.status).toBe(404);
    expect(missing.json.status).toBe(404);

    const moved = await api('/webhook-subscriptions', { body: { event: 'referral.new', target_url: `${receiver.url}/moved` } });
    expect(moved.status).toBe(200);
    expect(dataOf(moved).secret_key).not.toBe(first);
  });

  it('updates the target URL by event with PUT, keeping the secret', async () => {
    const secret = await subscribe('affiliate.new');
    const updated = await api('/webhook-subscriptions', { method: 'PUT', body: { event: 'affiliate.new', target_url: `${receiver.url}/hooks/elsewhere` } });
    expect(updated.status).toBe(200);
    expect(dataOf(updated)).toMatchObject({ target_url: `${receiver.url}/hooks/elsewhere`, secret_key: secret });
    expect(receiver.at('/hooks/elsewhere')).toHaveLength(1); // the new URL was checked
  });
});

describe('deliveries', () => {
  it('signs the exact raw body with the subscription secret (lower-case hex HMAC-SHA256) and sends the bare documented payment.paid', async () => {
    const secret = await subscribe('payment.paid');
    const records = await emulator.fire('uppromote', 'payment.paid');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ vendor: 'uppromote', event: 'payment.paid', status: 200, ok: true });

    const payload = signedDelivery('payment.paid', secret);
    expect(payload).toEqual({
      payment_id: 26154,
      affiliate_id: 2014227,
      status: 'SUCCESS',
      affiliate_email: 'test223@gmail.com',
      total_referrals: 1,
      total_processed: 100,
      payment_method: 'debit',
      processed_at: '2025-09-24T10:52:59Z',
    });
    expect(records[0].headers['X-UpPromote-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs bytes a re-serialised body would not reproduce (escaped slashes), so only a raw-body HMAC verifies', async () => {
    const secret = await subscribe('affiliate.new');
    await emulator.fire('uppromote', 'affiliate.new');
    const [delivery] = receiver.at('/hooks/affiliate.new').filter((request) => request.body !== '');
    expect(delivery.body).toContain('https:\\/\\/');
    const reserialised = JSON.stringify(JSON.parse(delivery.body));
    expect(hmacSha256Hex(secret, reserialised)).not.toBe(delivery.headers['x-uppromote-signature']);
    expect(hmacSha256Hex(secret, delivery.body)).toBe(delivery.headers['x-uppromote-signature']);
  });

  it('sends nothing for an event without subscriber, and applies overrides', async () => {
    expect(await emulator.fire('uppromote', 'referral.new')).toEqual([]);
    const secret = await subscribe('affiliate.status-changed');
    await emulator.fire('uppromote', 'affiliate.status-changed', { current_status: 'pending' });
    expect(signedDelivery('affiliate.status-changed', secret)).toEqual({ affiliate_id: 2029241, previous_status: 'active', current_status: 'pending' });
  });

  it('rejects an event UpPromote does not send', async () => {
    await expect(emulator.fire('uppromote', 'referral.created')).rejects.toThrow(/no event "referral.created"/);
  });

  it('fires over the control endpoints and lists deliveries and subscriptions', async () => {
    await subscribe('referral.new');
    const fired = await fetch(`${emulator.url}/_emulator/uppromote/fire/referral.new`, { method: 'POST' });
    expect(fired.status).toBe(200);
    expect(await fired.json()).toEqual([expect.objectContaining({ event: 'referral.new', ok: true })]);
    const log = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()) as { event: string }[];
    expect(log.map((record) => record.event)).toEqual(['url-check:referral.new', 'referral.new']);
    const subscriptions = (await (await fetch(`${emulator.url}/_emulator/uppromote/subscriptions`)).json()) as { event: string }[];
    expect(subscriptions.map((subscription) => subscription.event)).toEqual(['referral.new']);
  });
});

describe('actions deliver their events after answering', () => {
  it('approving a referral updates it and delivers referral.approved (full object) and referral.status-changed (diff)', async () => {
    const approvedSecret = await subscribe('referral.approved');
    const changedSecret = await subscribe('referral.status-changed');
    await subscribe('referral.denied');

    const answer = await api('/referral/1782410/status', { body: { status: 'approved' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 200, message: 'success', data: { id: 1782410, status: 'approved' } });
    await emulator.settled();

    const referral = signedDelivery('referral.approved', approvedSecret);
    expect(referral).toMatchObject({
      id: 1782410,
      status: 'approved',
      total_sales: '120.00',
      commission: '18.00',
      commission_rule: { program_id: 29873 },
      affiliate: { id: 2031502, email: 'maya.chen@brightlane-creators.com', first_name: 'Maya', last_name: 'Chen' },
    });
    expect(referral).not.toHaveProperty('event');
    expect(signedDelivery('referral.status-changed', changedSecret)).toEqual({ referral_id: 1782410, previous_status: 'pending', current_status: 'approved' });
    expect(receiver.at('/hooks/referral.denied').filter((request) => request.body !== '')).toHaveLength(0);
    expect(dataOf(await api('/referrals/1782410')).status).toBe('approved');
  });

  it('answers 404 for an unknown referral and 422 for a bad status, delivering nothing', async () => {
    await subscribe('referral.status-changed');
    expect((await api('/referral/999/status', { body: { status: 'approved' } })).json).toMatchObject({ status: 404 });
    expect((await api('/referral/1782410/status', { body: { status: 'paid' } })).status).toBe(422);
    await emulator.settled();
    expect(receiver.at('/hooks/referral.status-changed').filter((request) => request.body !== '')).toHaveLength(0);
  });

  it('approving an affiliate by email makes it active and delivers affiliate.approved and affiliate.status-changed', async () => {
    const approvedSecret = await subscribe('affiliate.approved');
    const changedSecret = await subscribe('affiliate.status-changed');
    const answer = await api('/affiliate/active', { body: { affiliate_email: 'jonas.weber@trailpost.de', status: 'approved' } });
    expect(answer.status).toBe(200);
    await emulator.settled();
    expect(signedDelivery('affiliate.approved', approvedSecret)).toMatchObject({ id: 2031877, email: 'jonas.weber@trailpost.de', status: 'active' });
    expect(signedDelivery('affiliate.status-changed', changedSecret)).toEqual({ affiliate_id: 2031877, previous_status: 'pending', current_status: 'active' });
  });

  it('creating an affiliate answers it under data and delivers affiliate.new; email is required', async () => {
    const secret = await subscribe('affiliate.new');
    const created = await api('/affiliates', { body: { email: 'ines.duarte@luzcraft.pt', first_name: 'Inês', last_name: 'Duarte', program_id: 29873 } });
    expect(created.status).toBe(200);
    expect(dataOf(created)).toMatchObject({ email: 'ines.duarte@luzcraft.pt', status: 'active', program_id: 29873, program_name: 'Creators Program', created_at: '2025-10-06T12:00:15Z' });
    await emulator.settled();
    expect(signedDelivery('affiliate.new', secret)).toMatchObject({ id: dataOf(created).id, first_name: 'Inês' });

    const missing = await api('/affiliates', { body: { first_name: 'No', last_name: 'Email' } });
    expect(missing.status).toBe(422);
    expect(missing.json).toEqual({ status: 422, message: 'The email field is required.' });
  });

  it('marking an approved referral paid delivers payment.paid', async () => {
    const secret = await subscribe('payment.paid');
    const answer = await api('/payments/mark-as-paid', { body: { affiliate_email: 'maya.chen@brightlane-creators.com', referral_ids: '1782398', note: 'September' } });
    expect(answer.status).toBe(200);
    await emulator.settled();
    expect(signedDelivery('payment.paid', secret)).toMatchObject({ affiliate_id: 2031502, total_referrals: 1, total_processed: 12.98, status: 'SUCCESS', processed_at: '2025-10-06T12:00:15Z' });
    expect(dataOf(await api('/referrals/1782398')).status).toBe('paid');
  });

  it('creating a fixed-amount referral delivers referral.new', async () => {
    const secret = await subscribe('referral.new');
    const answer = await api('/referrals', { body: { type: 'fixed_amount', affiliate_email: 'test223@gmail.com', commission: 15 } });
    expect(answer.status).toBe(200);
    await emulator.settled();
    expect(signedDelivery('referral.new', secret)).toMatchObject({ order_id: null, total_sales: '0.00', commission: '15.00', status: 'pending', affiliate: { id: 2014227 } });
  });
});

describe('rate limit: 120 requests per fixed 60-s window', () => {
  it('answers the 121st call with 429 and Retry-After up to the window end, then recovers in the next window', async () => {
    for (let call = 0; call < 120; call += 1) expect((await api('/programs')).status).toBe(200);
    const limited = await api('/programs');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.json).toEqual({ message: 'Too Many Requests' });

    clock += 44_000;
    expect((await api('/programs')).status).toBe(429);
    expect((await api('/programs')).headers.get('retry-after')).toBe('1');
    clock += 1_000;
    expect((await api('/programs')).status).toBe(200);
  });
});

describe('lists and filters', () => {
  it('filters referrals by affiliate_email, order_id and program_id, newest first, paged by page/per_page', async () => {
    const byEmail = listOf(await api('/referrals?affiliate_email=maya.chen@brightlane-creators.com'));
    expect(byEmail.map((referral) => referral.id)).toEqual([1782410, 1782398]);
    expect(listOf(await api('/referrals?order_id=6108239441709')).map((referral) => referral.id)).toEqual([1782398]);
    expect(listOf(await api('/referrals?program_id=29873')).map((referral) => referral.id)).toEqual([1782410, 1782398]);
    const all = listOf(await api('/referrals'));
    expect(all).toHaveLength(6);
    expect(listOf(await api('/referrals?page=2&per_page=4')).map((referral) => referral.id)).toEqual(all.slice(4).map((referral) => referral.id));
    expect(listOf(await api('/referrals?page=3&per_page=4'))).toEqual([]);
  });

  it('requires to_date with from_date on referrals and filters on created_at', async () => {
    const lonely = await api('/referrals?from_date=2025-10-01T00:00:00Z');
    expect(lonely.status).toBe(422);
    expect(lonely.json.status).toBe(422);
    const ranged = listOf(await api('/referrals?from_date=2025-10-01T00:00:00Z&to_date=2025-10-31T23:59:59Z'));
    expect(ranged.map((referral) => referral.id)).toEqual([1782455, 1782410]);
  });

  it('filters affiliates by status and affiliate_email and 404s an unknown id', async () => {
    const inactive = listOf(await api('/affiliates?status=inactive'));
    expect(inactive.map((affiliate) => affiliate.id).sort()).toEqual([2029238, 2029241]);
    expect(listOf(await api('/affiliates?affiliate_email=TEST234@gmail.com')).map((affiliate) => affiliate.id)).toEqual([2029241]);
    expect((await api('/affiliates?status=banned')).status).toBe(422);
    const missing = await api('/affiliates/1');
    expect(missing.status).toBe(404);
    expect(missing.json.status).toBe(404);
  });

  it('serves paid payments, one payment and programs', async () => {
    expect(listOf(await api('/payments/paid?payment_method=debit')).map((payment) => payment.payment_id)).toEqual([26154]);
    expect(dataOf(await api('/payments/26154'))).toMatchObject({ affiliate_email: 'test223@gmail.com' });
    expect(listOf(await api('/programs')).map((program) => program.id)).toEqual([29486, 29873]);
  });
});
