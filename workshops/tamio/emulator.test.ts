/**
 * The Tamio emulator over real loopback HTTP: the API through `fetch`, deliveries caught by a
 * small node:http receiver. Deliveries are checked through the emulated verify-signature call
 * (the way the app must verify them), never by trusting the emulator's own helpers.
 */
import { EMULATOR_CREDENTIALS, type Emulator } from '../../playground/emulator/server';
import { RESTRICTED_KEY as TAMIO_RESTRICTED_KEY } from './emulator';
import { type Answer, type Caught, type Receiver, callJson, closeHarness, startHarness } from '../../test/emulator/harness';

const KEY = EMULATOR_CREDENTIALS.tamio.api_key;
const JANE = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
const JOHN = 'a5af6690-1622-4726-b201-f829df269d28';
const AMARA = '3f6c2a1e-8b4d-4e7a-9c05-1d2e3f4a5b6c';
const LUKAS = '7b9e0d2c-4a61-4f38-8e27-5c6d7e8f9a0b';

let emulator: Emulator;
let receiver: Receiver;
let clock: number;

/** Calls `${url}/tamio/v2${path}` with `Authorization: Bearer <KEY>` unless `authorization` says otherwise. */
async function api(path: string, options: { method?: string; authorization?: string | null; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const authorization = options.authorization === undefined ? `Bearer ${KEY}` : options.authorization;
  // The body is sent as given: verify-signature must see the delivery's exact bytes.
  return callJson(`${emulator.url}/tamio/v2${path}`, { method: options.method ?? 'GET', authorization, headers: options.headers, raw: options.body });
}

/** Asks the emulated Tamio whether `signature` over `body` is genuine, as the app would. */
function verify(signature: string, body: string, headerName = 'Tamio-Signature'): Promise<Answer> {
  return api('/webhook-endpoints/verify-signature', { method: 'POST', headers: { 'Content-Type': 'application/json', [headerName]: signature }, body });
}

function deliveriesTo(path: string): { caught: Caught; payload: Record<string, unknown> }[] {
  return receiver.at(path).map((caught) => ({ caught, payload: JSON.parse(caught.body) as Record<string, unknown> }));
}

function signatureOf(caught: Caught): string {
  const value = caught.headers['tamio-signature'];
  if (typeof value !== 'string') throw new Error('The delivery has no Tamio-Signature header.');
  return value;
}

beforeEach(async () => {
  clock = Date.UTC(2025, 9, 6, 12, 0, 0);
  ({ emulator, receiver } = await startHarness(() => clock));
});

afterEach(() => closeHarness({ emulator, receiver }));

describe('auth', () => {
  it('accepts the secret key as Bearer and answers the documented list envelope', async () => {
    const answer = await api('/affiliates/list?page=1&per_page=1');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 200, total_results: 5 });
    expect(answer.json.affiliates).toHaveLength(1);
    expect(emulator.credentials.tamio).toEqual({ api_key: KEY, restricted_api_key: TAMIO_RESTRICTED_KEY });
  });

  it.each([
    ['the raw key without Bearer', KEY],
    ['a wrong key', 'Bearer tamio_sk_wrong'],
    ['no header', null],
  ])('rejects %s with 401 {"status": 401, "error": "Unauthorized"}', async (_label, authorization) => {
    const answer = await api('/affiliates/list', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ status: 401, error: 'Unauthorized' });
  });

  it('answers 403 to a key restricted without affiliates.view, but lets it list programs', async () => {
    const forbidden = { status: 403, error: 'This API key does not have the affiliates.view permission' };
    for (const path of ['/affiliates/list', `/affiliates/retrieve/${JANE}`]) {
      const answer = await api(path, { authorization: `Bearer ${TAMIO_RESTRICTED_KEY}` });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual(forbidden);
    }
    expect((await api('/affiliate-programs/list', { authorization: `Bearer ${TAMIO_RESTRICTED_KEY}` })).status).toBe(200);
  });
});

describe('lists and retrieve', () => {
  it('retrieves the documented affiliate shape (minor units, unix seconds)', async () => {
    const answer = await api(`/affiliates/retrieve/${JANE}`);
    expect(answer.status).toBe(200);
    const affiliate = answer.json.affiliate as Record<string, unknown>;
    expect(Object.keys(affiliate)).toEqual([
      'object', 'email', 'name', 'surname', 'address', 'city', 'state', 'country', 'postcode', 'vat', 'telephone', 'billing_information',
      'id', 'bonus', 'approved', 'date_joined', 'language', 'payments', 'has_notes', 'sales', 'referrals', 'affiliate_program_id',
      'affiliate_program_label', 'currency', 'balance',
    ]);
    expect(affiliate).toMatchObject({ object: 'affiliate', id: JANE, bonus: 500, balance: 15000, date_joined: 1706140800, approved: true, affiliate_program_label: 'Default Program', currency: 'USD' });
  });

  it('answers 400 / error_code 1002 for an unknown affiliate', async () => {
    const answer = await api('/affiliates/retrieve/00000000-0000-0000-0000-000000000000');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ status: 400, error: 'Affiliate not found', error_code: 1002 });
  });

  it('caps per_page at 50 and pages with total_results', async () => {
    expect((await api('/affiliates/list?per_page=50')).status).toBe(200);
    const tooMany = await api('/affiliates/list?per_page=51');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toMatchObject({ status: 400, error_code: expect.any(Number) });
    const second = await api('/affiliates/list?page=2&per_page=2&sort_by=email&order=asc');
    expect(second.json.total_results).toBe(5);
    expect((second.json.affiliates as { email: string }[]).map((affiliate) => affiliate.email)).toEqual(['john@example.com', 'lukas.brandt@wanderpost.at']);
  });

  it('filters by status, substring and program', async () => {
    const ids = async (query: string): Promise<string[]> => ((await api(`/affiliates/list?${query}`)).json.affiliates as { id: string }[]).map((affiliate) => affiliate.id).sort();
    expect(await ids('status=pending')).toEqual([AMARA, LUKAS].sort());
    expect(await ids('status=approved')).toEqual([JANE, JOHN].sort());
    expect(await ids('filter=DOE')).toEqual([JANE]);
    expect(await ids('affiliate_program_id=9d1c6ac2-bf2c-403f-9261-96235d18e5be')).toEqual([AMARA, JOHN].sort());
    expect((await api('/affiliates/list?status=declined')).status).toBe(400);
  });

  it('lists payouts and programs', async () => {
    const payouts = await api('/affiliates/payouts/list');
    expect(payouts.json).toMatchObject({ status: 200, total_results: 2 });
    const payout = (payouts.json.payouts as Record<string, unknown>[]).find((candidate) => candidate.number === 173);
    expect(payout).toMatchObject({ object: 'payout', paid: false, total: 12000, payment: 'bankaccount', date: 1709684304, status: 'new', affiliate_program: { label: 'Default Program' }, affiliate_partner: { id: JANE } });
    expect((await api(`/affiliates/payouts/list?affiliate_partner_id=${JOHN}`)).json.total_results).toBe(1);
    const programs = await api('/affiliate-programs/list');
    expect(programs.json).toMatchObject({ status: 200, total_results: 3 });
    expect(programs.json.programs).toEqual(expect.arrayContaining([expect.objectContaining({ id: '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b', object: 'affiliate_program', affiliates: 0 })]));
  });
});

describe('dashboard endpoints, approve / decline and deliveries', () => {
  it('approving delivers affiliate-approved to subscribed endpoints in the documented envelope; the genuine delivery verifies', async () => {
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/approved`, ['affiliate-approved']);
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/all`, []);
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/declined`, ['affiliate-declined']);

    const answer = await api(`/affiliates/approve/${AMARA}`, { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 200, affiliate: { id: AMARA, approved: true } });
    await emulator.settled();

    expect(receiver.at('/declined')).toHaveLength(0);
    const [approved] = deliveriesTo('/approved');
    const [all] = deliveriesTo('/all');
    for (const { caught, payload } of [approved, all]) {
      expect(caught.headers['content-type']).toBe('application/json');
      expect(signatureOf(caught)).toMatch(/^t=1759752000,s=[0-9a-f]+$/);
      expect(payload).toMatchObject({ event_type: 'affiliate-approved', api_version: 2, object: 'event', data: { affiliate: { id: AMARA, approved: true, timezone: 'Africa/Lagos' } } });
      expect(payload.event_id).toMatch(/^whev_[0-9a-z]{16}$/);
      expect(payload.endpoint_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await verify(signatureOf(caught), caught.body)).toEqual({ status: 200, json: { status: 200, valid: true } });
    }
    expect(approved.payload.event_id).not.toBe(all.payload.event_id);
    expect(approved.payload.endpoint_id).not.toBe(all.payload.endpoint_id);

    const again = await api(`/affiliates/approve/${AMARA}`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ status: 400, error_code: 1002 });
  });

  it('declining delivers affiliate-declined with approved false', async () => {
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/declined`, ['affiliate-declined']);
    const answer = await api(`/affiliates/decline/${LUKAS}`, { method: 'POST' });
    expect(answer.json).toMatchObject({ status: 200, affiliate: { id: LUKAS, approved: false } });
    await emulator.settled();
    const [{ payload }] = deliveriesTo('/declined');
    expect(payload).toMatchObject({ event_type: 'affiliate-declined', data: { affiliate: { id: LUKAS, approved: false } } });
  });

  it('fires documented payloads: affiliate-approved verbatim, program-updated with changes, removed events as ids', async () => {
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/hooks`, []);
    await emulator.fire('tamio', 'affiliate-approved');
    await emulator.fire('tamio', 'affiliate-program-updated');
    await emulator.fire('tamio', 'affiliate-program-removed');
    await emulator.fire('tamio', 'affiliate-removed', { id: JOHN });
    const [approved, updated, programRemoved, removed] = deliveriesTo('/hooks').map(({ payload }) => payload);
    expect(approved.data).toEqual({
      affiliate: {
        object: 'affiliate', email: 'john@example.com', name: 'John', surname: null, address: 'Super Street', city: 'Frankfurt', state: null, country: 'de',
        postcode: 'ABC123', vat: null, telephone: '+49123456789', id: JOHN, affiliate_program_id: '9d1c6ac2-bf2c-403f-9261-96235d18e5be',
        affiliate_program_label: '20% Commission', currency: 'EUR', sales: 0, referrals: 0, balance: 0, bonus: 0, approved: true, payments: null,
        language: 'en', timezone: 'Europe/Berlin', timezone_offset: 3600,
      },
    });
    expect(updated.data).toMatchObject({ affiliate_program: { id: '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b', affiliates: 0, sales: 0 }, changes: ['products'] });
    expect(programRemoved.data).toEqual({ affiliate_program: { id: '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b' } });
    expect(removed.data).toEqual({ affiliate: { id: JOHN } });
  });

  it('registers over the control route and refuses vendors without dashboards or unknown events', async () => {
    const post = (vendor: string, body: unknown): Promise<Response> =>
      fetch(`${emulator.url}/_emulator/${vendor}/dashboard-endpoints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const created = await post('tamio', { url: `${receiver.url}/c`, events: ['affiliate-signup'] });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ secret: expect.stringMatching(/^whsec_/) });
    expect((await post('tamio', { url: `${receiver.url}/c`, events: ['referral.new'] })).status).toBe(400);
    expect((await post('uppromote', { url: `${receiver.url}/c`, events: [] })).status).toBe(404);
    expect(() => emulator.registerDashboardEndpoint('uppromote', `${receiver.url}/c`, [])).toThrow(/dashboard/);
    const subscriptions = (await (await fetch(`${emulator.url}/_emulator/tamio/subscriptions`)).json()) as { url: string; events: string[] }[];
    expect(subscriptions).toEqual([expect.objectContaining({ url: `${receiver.url}/c`, events: ['affiliate-signup'] })]);
  });
});

describe('verify-signature', () => {
  async function genuine(): Promise<Caught> {
    emulator.registerDashboardEndpoint('tamio', `${receiver.url}/hooks`, ['affiliate-signup']);
    await emulator.fire('tamio', 'affiliate-signup');
    const [caught] = receiver.at('/hooks');
    return caught;
  }

  const INVALID = { status: 400, json: { status: 400, valid: false, errors: ['invalid payload'] } };

  it('accepts the header under any name containing "signature", and rejects a tampered body', async () => {
    const caught = await genuine();
    expect((await verify(signatureOf(caught), caught.body, 'X-Webhook-Signature')).status).toBe(200);
    expect(await verify(signatureOf(caught), caught.body.replace('"approved":null', '"approved":true'))).toEqual(INVALID);
    // Same JSON, different bytes: the check is over the raw body.
    expect(await verify(signatureOf(caught), JSON.stringify(JSON.parse(caught.body), null, 2))).toEqual(INVALID);
  });

  it('rejects a stale timestamp (more than 5 minutes old by the emulator clock)', async () => {
    const caught = await genuine();
    clock += 300_000;
    expect((await verify(signatureOf(caught), caught.body)).status).toBe(200);
    clock += 1_000;
    expect(await verify(signatureOf(caught), caught.body)).toEqual(INVALID);
  });

  it('rejects a wrong, malformed or missing signature header, and needs the API key', async () => {
    const caught = await genuine();
    const { t } = /t=(?<t>\d+)/.exec(signatureOf(caught))?.groups ?? {};
    expect(await verify(`t=${t},s=${'0'.repeat(64)}`, caught.body)).toEqual(INVALID);
    expect(await verify(signatureOf(caught).replace(/t=\d+/, `t=${Number(t) + 1}`), caught.body)).toEqual(INVALID);
    expect(await verify('garbage', caught.body)).toEqual(INVALID);
    expect(await verify(signatureOf(caught), caught.body, 'X-Tamio-Token')).toEqual(INVALID);
    const anonymous = await api('/webhook-endpoints/verify-signature', { method: 'POST', authorization: null, headers: { 'Tamio-Signature': signatureOf(caught) }, body: caught.body });
    expect(anonymous.status).toBe(401);
  });

  it('answers the configured status during an emulated outage, then recovers', async () => {
    const caught = await genuine();
    const outage = (verifyStatus: number | null): Promise<Response> =>
      fetch(`${emulator.url}/_emulator/tamio/outage`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ verify: verifyStatus }) });
    expect(await (await outage(503)).json()).toEqual({ verify: 503 });
    const down = await verify(signatureOf(caught), caught.body);
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({ status: 503 });
    await outage(null);
    expect((await verify(signatureOf(caught), caught.body)).status).toBe(200);
    expect((await outage(200)).status).toBe(400);
  });
});
