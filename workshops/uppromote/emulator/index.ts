/**
 * The UpPromote emulator (API v2, shared/platforms/README.md section 1), mounted under
 * `/uppromote`: the documented base `https://aff-api.uppromote.com/api/v2` is
 * `${emulator.url}/uppromote/api/v2`. Written from UpPromote's documents, never from platforms/.
 *
 * - Auth [DOC]: `Authorization: <key>`, raw (no `Bearer `, that was v1); anything else → 401
 *   `{"message": "Unauthorized"}` [INF].
 * - Rate limit [DOC]: 120 calls per key in fixed 60-s windows, every call counting; beyond → 429
 *   `{"message": "Too Many Requests"}` with `Retry-After` (status and header our choice, [UNK]).
 * - Envelope [INF] (PostHog fixtures): `{status: 200, message: "success", data}`; errors
 *   `{status, message}` with 422 for parameters [DOC] and 404 for unknown objects.
 * - Lists [DOC]: `page` / `per_page` (default 10 [INF], no cap), no paging metadata, newest first
 *   (order [UNK]); `from_date` / `to_date` ISO-8601, inclusive.
 * - Webhooks [DOC]: one subscription per event [INF], keyed by event for PUT / DELETE [INF]; the
 *   target must answer an unsigned empty POST with 200 first [INF]; deliveries are the bare object
 *   with `X-UpPromote-Signature: <hex HMAC-SHA256 of the raw body>` [DOC] (hex [INF]).
 * - Actions answer first and send their webhooks afterwards, one after another.
 *
 * Money is a decimal string in major units ("120.00"), times ISO-8601 UTC without fraction, as in
 * the documented fragments. seed.json: ids and values from the documented fragments (program
 * 29486, affiliates 2014227 / 2029238 / 2029241, referral 1781959, payment 26154 = the verbatim
 * payment.paid example under `examples`); every other value constructed, consistent across objects.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard, type Answer } from '../../../playground/emulator/common/guard';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, oneOfOr, text } from '../../../playground/emulator/common/request';
import { isEmail, nextId, sameEmail, type IdParam, type Query } from '../../../playground/emulator/common/routes';
import { seeded, storeOf } from '../../../playground/emulator/common/seed';
import { isoSeconds } from '../../../playground/emulator/common/time';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { asciiOnlyJson, hmacSha256Hex, isEventOf, isHttpUrl } from '../../../playground/emulator/common/webhooks';
import seed from './seed.json';

/** The key the emulator accepts (UpPromote's key format is not documented). */
export const API_KEY = 'upk_emu_7f3a9c2e41b84d0f9a6e5c1b2d8f4a37';

/** The nine events [DOC] (docs.uppromote.com, apidog "Webhook Event Payload"). */
export const EVENTS = [
  'referral.new', 'referral.approved', 'referral.denied', 'referral.status-changed',
  'affiliate.new', 'affiliate.approved', 'affiliate.inactive', 'affiliate.status-changed', 'payment.paid',
] as const;
type Event = (typeof EVENTS)[number];

const RATE_LIMIT = 120;
const RATE_WINDOW_MS = 60_000;
/** [INF] (polymetrics risk note): at most 150 API-created affiliates per day. */
const DAILY_AFFILIATE_CAP = 150;
const DEFAULT_PER_PAGE = 10;
/** [DOC] GET /payments/paid filter values. */
const PAYMENT_METHODS = ['paypal', 'bank', 'wise', 'debit', 'cheque', 'venmo', 'paytm', 'upi', 'store_credit', 'other'] as const;
/** The affiliate fields a create body may fill; every other documented field starts null. */
const AFFILIATE_TEXT = ['first_name', 'last_name', 'company', 'address', 'city', 'state', 'zipcode', 'country', 'phone'] as const;

type ReferralStatus = 'pending' | 'approved' | 'denied' | 'paid';
interface Program { id: number; name: string; status: string; is_default: boolean; commission_type: string; commission_rate: string }
/** Every documented affiliate field [INF: PostHog column docs], in README order; program_name and totals are derived. */
type Affiliate = Record<string, unknown> & { id: number; email: string; first_name: string | null; last_name: string | null; status: string; email_verified: string; program_id: number; created_at: string };
/** A referral in README order, `affiliate_id` standing where the view nests `affiliate`. */
type Referral = Record<string, unknown> & {
  id: number; order_id: number | null; order_number: string | null; status: ReferralStatus; commission: string;
  commission_rule: { program_id: number }; affiliate_id: number; created_at: string;
};
/** The documented payment.paid fields [DOC]; list items look the same [INF]. */
interface Payment { payment_id: number; affiliate_id: number; status: 'SUCCESS'; affiliate_email: string; total_referrals: number; total_processed: number; payment_method: string; processed_at: string }
interface State { programs: Program[]; affiliates: Affiliate[]; referrals: Referral[]; payments: Payment[] }
/** A list item [INF] (PostHog fixtures). */
interface Subscription { event: Event; target_url: string; status: 'active'; secret_key: string; created_at: string }

/** A 404 or 422 answered as `{"status", "message"}`. */
class UpError extends Error {
  constructor(readonly status: 404 | 422, message: string) {
    super(message);
  }
}

const success = (data?: unknown) => (data === undefined ? { status: 200, message: 'success' } : { status: 200, message: 'success', data });
const money = (amount: number) => amount.toFixed(2);

function guard(server: FastifyInstance, now: () => number): void {
  let window = { start: -1, count: 0 };
  const admit = (authorization: string | undefined): Answer | undefined => {
    if (authorization !== API_KEY) return { status: 401, body: { message: 'Unauthorized' } };
    const time = now();
    const start = time - (time % RATE_WINDOW_MS);
    if (window.start !== start) window = { start, count: 0 };
    window.count += 1;
    if (window.count <= RATE_LIMIT) return undefined;
    const retryAfter = Math.max(1, Math.ceil((start + RATE_WINDOW_MS - time) / 1000));
    return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'Too Many Requests' } };
  };
  installGuard(server, {
    admit: (request) => admit(request.headers.authorization),
    ownError: (error) => (error instanceof UpError ? { status: error.status, body: { status: error.status, message: error.message } } : undefined),
    clientError: (message) => ({ status: 422, body: { status: 422, message } }),
    serverError: () => ({ status: 500, body: { status: 500, message: 'Server Error' } }),
    notFound: (request) => ({ status: 404, body: { status: 404, message: `Route ${request.method} ${request.url} not found` } }),
  });
}

function required(source: Record<string, unknown>, name: string): string {
  const value = text(source, name);
  if (value === undefined) throw new UpError(422, `The ${name} field is required.`);
  return value;
}

function oneOf<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, () => new UpError(422, `The selected ${name} is invalid. Allowed: ${allowed.join(', ')}.`));
}

function positiveInt(source: Record<string, unknown>, name: string, fallback?: number): number | undefined {
  return integerParam(source, name, { min: 1 }, () => new UpError(422, `The ${name} must be a positive integer.`), fallback);
}

function paginate<T>(items: T[], query: Record<string, unknown>): T[] {
  return pageOf(items, positiveInt(query, 'page', 1) ?? 1, positiveInt(query, 'per_page', DEFAULT_PER_PAGE) ?? DEFAULT_PER_PAGE);
}

/** `from_date` / `to_date` as an inclusive range; `from_date` alone → 422 when `requirePair` ([INF] PostHog, referrals). */
function dateRange(query: Record<string, unknown>, requirePair: boolean): (iso: string) => boolean {
  const [from, to] = (['from_date', 'to_date'] as const).map((name) => {
    const value = text(query, name);
    const time = value === undefined ? undefined : Date.parse(value);
    if (time !== undefined && Number.isNaN(time)) throw new UpError(422, `The ${name} is not a valid date.`);
    return time;
  });
  if (requirePair && from !== undefined && to === undefined) throw new UpError(422, 'The to_date field is required when from_date is present.');
  if (from !== undefined && to !== undefined && to < from) throw new UpError(422, 'The to_date must be a date after or equal to from_date.');
  return (iso) => (from === undefined || Date.parse(iso) >= from) && (to === undefined || Date.parse(iso) <= to);
}

function newestFirst<T>(items: T[], timeOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(timeOf(b)) - Date.parse(timeOf(a)));
}

const idOf = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : undefined);

/** The body bytes as PHP's `json_encode` writes them by default (`/` and non-ASCII escaped): our choice, the real bytes are [UNK]. */
function encodeBody(payload: unknown): string {
  // `/` occurs only inside JSON strings, so escaping it cannot touch the syntax.
  return asciiOnlyJson(JSON.stringify(payload).replace(/\//g, '\\/'));
}

/** One store's subscriptions and its signed sender. */
class Webhooks {
  private readonly byEvent = new Map<Event, Subscription>();
  constructor(private readonly log: DeliveryLog, private readonly now: () => number) {}

  list(): Subscription[] {
    return [...this.byEvent.values()].map((subscription) => ({ ...subscription }));
  }

  /** The bare payload [INF: no envelope, no event name] to the event's subscriber, signed. */
  async send(event: Event, payload: unknown): Promise<DeliveryRecord[]> {
    const subscription = this.byEvent.get(event);
    if (!subscription) return [];
    const body = encodeBody(payload);
    const headers = { 'Content-Type': 'application/json', 'X-UpPromote-Signature': hmacSha256Hex(subscription.secret_key, body) };
    return [await this.log.send({ vendor: 'uppromote', event, targetUrl: subscription.target_url, body, headers })];
  }

  /** [INF] (two third-party receivers): an unsigned empty POST must answer 200; the JSON content type is ours. */
  private async checkUrl(event: Event, targetUrl: string): Promise<void> {
    const record = await this.log.send({ vendor: 'uppromote', event: `url-check:${event}`, targetUrl, body: '', headers: { 'Content-Type': 'application/json' } });
    if (record.status !== 200) throw new UpError(422, 'target_url did not respond with 200');
  }

  private static input(body: unknown): { event: Event; targetUrl: string } {
    const source = bodyOf(body);
    const event = required(source, 'event');
    if (!isEventOf(EVENTS, event)) throw new UpError(422, `The selected event is invalid. Allowed: ${EVENTS.join(', ')}.`);
    const targetUrl = required(source, 'target_url');
    if (!isHttpUrl(targetUrl)) throw new UpError(422, 'The target url must be a valid URL.');
    return { event, targetUrl };
  }

  /** The event's subscription when it already goes to `targetUrl`; 422 when it goes elsewhere (our reading, [UNK]). */
  private existing(event: Event, targetUrl: string): Subscription | undefined {
    const existing = this.byEvent.get(event);
    if (existing && existing.target_url !== targetUrl) throw new UpError(422, `The event ${event} has already been subscribed`);
    return existing && { ...existing };
  }

  async subscribe(body: unknown): Promise<Subscription> {
    const { event, targetUrl } = Webhooks.input(body);
    const before = this.existing(event, targetUrl);
    if (before) return before;
    await this.checkUrl(event, targetUrl);
    // Re-check: another subscribe for this event may have completed while the URL was checked.
    const raced = this.existing(event, targetUrl);
    if (raced) return raced;
    const subscription: Subscription = { event, target_url: targetUrl, status: 'active', secret_key: randomBytes(20).toString('hex'), created_at: isoSeconds(this.now()) };
    this.byEvent.set(event, subscription);
    return { ...subscription };
  }

  /** PUT keyed by event [INF] (polymetrics): a new target_url, checked like a new one; the secret stays. */
  async update(body: unknown): Promise<Subscription> {
    const { event, targetUrl } = Webhooks.input(body);
    const existing = this.byEvent.get(event);
    if (!existing) throw new UpError(404, `No subscription for the event ${event}`);
    if (existing.target_url !== targetUrl) await this.checkUrl(event, targetUrl);
    existing.target_url = targetUrl;
    return { ...existing };
  }

  /** DELETE with JSON body `{event}` [INF]. */
  remove(body: unknown): void {
    const event = oneOf(bodyOf(body), 'event', EVENTS);
    if (event === undefined) throw new UpError(422, 'The event field is required.');
    if (!this.byEvent.delete(event)) throw new UpError(404, `No subscription for the event ${event}`);
  }
}

/** The affiliate as the API and affiliate.* webhooks show it: stored fields, program_name after program_id, commission totals. */
function affiliateView(state: State, affiliate: Affiliate): Record<string, unknown> {
  const own = state.referrals.filter((referral) => referral.affiliate_id === affiliate.id);
  const total = (status: ReferralStatus) => money(own.filter((referral) => referral.status === status).reduce((sum, referral) => sum + Number(referral.commission), 0));
  const paid = state.payments.filter((payment) => payment.affiliate_id === affiliate.id).reduce((sum, payment) => sum + payment.total_processed, 0);
  const program = state.programs.find((candidate) => candidate.id === affiliate.program_id);
  const fields = Object.entries(structuredClone(affiliate)).flatMap(([key, value]) => (key === 'program_id' ? [[key, value], ['program_name', program?.name ?? null]] : [[key, value]]));
  return { ...Object.fromEntries(fields), paid_amount: money(paid), approved_amount: total('approved'), pending_amount: total('pending'), denied_amount: total('denied') };
}

/** The referral as the API and referral.* webhooks show it: `affiliate {id, email, first_name, last_name}` [INF] in place of affiliate_id. */
function referralView(state: State, referral: Referral): Record<string, unknown> {
  const affiliate = state.affiliates.find((candidate) => candidate.id === referral.affiliate_id);
  const nested = { id: referral.affiliate_id, email: affiliate?.email ?? null, first_name: affiliate?.first_name ?? null, last_name: affiliate?.last_name ?? null };
  return Object.fromEntries(Object.entries(structuredClone(referral)).map(([key, value]) => (key === 'affiliate_id' ? ['affiliate', nested] : [key, value])));
}

function affiliateByEmail(state: State, email: string): Affiliate {
  const affiliate = state.affiliates.find((candidate) => sameEmail(candidate.email, email));
  if (!affiliate) throw new UpError(404, `Affiliate with email ${email} not found`);
  return affiliate;
}

/** A non-negative decimal given as a number or numeric string (422 otherwise). */
function amount(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new UpError(422, `The ${name} must be a number.`);
  return parsed;
}

/** Laravel's `boolean` rule values (our leniency; the real validation is [UNK]); validated only. */
function checkFlag(source: Record<string, unknown>, name: string): void {
  const value = source[name];
  if (value === undefined || value === null || [true, false, 1, 0, '1', '0', 'true', 'false'].includes(value as never)) return;
  throw new UpError(422, `The ${name} field must be true or false.`);
}

function readRoutes(server: FastifyInstance, state: State): void {
  server.get<Query>('/api/v2/referrals', async ({ query }) => {
    const inRange = dateRange(query, true);
    const orderId = text(query, 'order_id');
    const email = text(query, 'affiliate_email');
    const programId = positiveInt(query, 'program_id');
    const items = state.referrals.filter((referral) => {
      const affiliate = state.affiliates.find((candidate) => candidate.id === referral.affiliate_id);
      return (orderId === undefined || String(referral.order_id) === orderId) && (programId === undefined || referral.commission_rule.program_id === programId)
        && (email === undefined || (affiliate !== undefined && sameEmail(affiliate.email, email))) && inRange(referral.created_at);
    });
    return success(paginate(newestFirst(items, (item) => item.created_at), query).map((item) => referralView(state, item)));
  });
  server.get<Query>('/api/v2/affiliates', async ({ query }) => {
    const email = text(query, 'affiliate_email');
    const status = oneOf(query, 'status', ['active', 'inactive', 'pending']);
    const verified = oneOf(query, 'email_verified', ['verified', 'unverified']);
    const inRange = dateRange(query, false);
    const items = state.affiliates.filter((item) => (email === undefined || sameEmail(item.email, email)) && (status === undefined || item.status === status)
      && (verified === undefined || item.email_verified === verified) && inRange(item.created_at));
    return success(paginate(newestFirst(items, (item) => item.created_at), query).map((item) => affiliateView(state, item)));
  });
  server.get<Query>('/api/v2/payments/paid', async ({ query }) => {
    const method = oneOf(query, 'payment_method', PAYMENT_METHODS);
    const inRange = dateRange(query, false); // [INF] filters on the processed time
    return success(paginate(newestFirst(state.payments.filter((item) => (method === undefined || item.payment_method === method) && inRange(item.processed_at)), (item) => item.processed_at), query));
  });
  server.get<Query>('/api/v2/programs', async ({ query }) => {
    const status = oneOf(query, 'status', ['active', 'inactive']);
    const name = text(query, 'program_name')?.toLowerCase();
    return success(paginate(state.programs.filter((item) => (status === undefined || item.status === status) && (name === undefined || item.name.toLowerCase().includes(name))), query));
  });
  // One object by id; [INF] an affiliate's `data` "may be object or 1-item array": the object here.
  const byId = <T>(path: string, what: string, items: () => T[], keyOf: (item: T) => number, view: (item: T) => unknown) =>
    server.get<IdParam>(path, async ({ params }) => {
      const item = items().find((candidate) => keyOf(candidate) === idOf(params.id));
      if (item === undefined) throw new UpError(404, `${what} ${params.id} not found`);
      return success(view(item));
    });
  byId('/api/v2/referrals/:id', 'Referral', () => state.referrals, (item) => item.id, (item) => referralView(state, item));
  byId('/api/v2/affiliates/:id', 'Affiliate', () => state.affiliates, (item) => item.id, (item) => affiliateView(state, item));
  byId('/api/v2/payments/:id', 'Payment', () => state.payments, (item) => item.payment_id, (item) => item);
}

/** Approve / deny ([DOC] endpoints, [INF] paths and bodies; answers [UNK], ours: the updated object). Only a real change fires. */
function statusRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog): void {
  server.post<IdParam>('/api/v2/referral/:id/status', async (request, reply) => {
    const referral = state.referrals.find((candidate) => candidate.id === idOf(request.params.id));
    if (!referral) throw new UpError(404, `Referral ${request.params.id} not found`);
    const status = oneOf(bodyOf(request.body), 'status', ['approved', 'denied']);
    if (status === undefined) throw new UpError(422, 'The status field is required.');
    // Our choice: a paid referral is settled and cannot be re-judged.
    if (referral.status === 'paid') throw new UpError(422, `Referral ${referral.id} has already been paid`);
    const previous = referral.status;
    referral.status = status;
    const view = referralView(state, referral);
    if (previous !== status) {
      afterResponse(reply, log, async () => {
        await hooks.send(status === 'approved' ? 'referral.approved' : 'referral.denied', view);
        // [INF] shaped like the documented affiliate diff.
        await hooks.send('referral.status-changed', { referral_id: referral.id, previous_status: previous, current_status: status });
      });
    }
    return success(view);
  });

  server.post('/api/v2/affiliate/active', async (request, reply) => {
    const body = bodyOf(request.body);
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const decision = oneOf(body, 'status', ['approved', 'denied']);
    if (decision === undefined) throw new UpError(422, 'The status field is required.');
    const previous = affiliate.status;
    affiliate.status = decision === 'approved' ? 'active' : 'inactive';
    const view = affiliateView(state, affiliate);
    if (previous !== affiliate.status) {
      afterResponse(reply, log, async () => {
        await hooks.send(decision === 'approved' ? 'affiliate.approved' : 'affiliate.inactive', view);
        await hooks.send('affiliate.status-changed', { affiliate_id: affiliate.id, previous_status: previous, current_status: affiliate.status }); // [DOC] shape
      });
    }
    return success(view);
  });
}

/** A new affiliate with every documented field, unknown ones null (the seed's first affiliate gives the field list). */
function newAffiliate(state: State, known: Pick<Affiliate, 'id' | 'email' | 'status' | 'program_id' | 'created_at'> & Record<string, unknown>): Affiliate {
  const blank = Object.fromEntries(Object.keys(state.affiliates[0] ?? {}).map((key) => [key, null]));
  // The affiliate link style UpPromote shows (`?sca_ref=<id>.<token>`); the token is invented.
  const link = `https://brightlane-goods.myshopify.com?sca_ref=${known.id}.${known.id.toString(36).toUpperCase()}k2Qx`;
  return { ...blank, first_name: null, last_name: null, email_verified: 'unverified', default_affiliate_link: link, custom_fields: [], coupons: [], ...known };
}

/** `POST /api/v2/affiliates` [DOC]; body [INF] (polymetrics): `email` required; sends affiliate.new. */
function createAffiliateRoute(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  const createdPerDay = new Map<string, number>();
  server.post('/api/v2/affiliates', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = required(body, 'email');
    if (!isEmail(email)) throw new UpError(422, 'The email must be a valid email address.');
    if (state.affiliates.some((item) => sameEmail(item.email, email))) throw new UpError(422, 'The email has already been taken.');
    const programId = positiveInt(body, 'program_id');
    const program = state.programs.find((candidate) => (programId === undefined ? candidate.is_default : candidate.id === programId));
    if (!program) throw new UpError(422, 'The selected program id is invalid.');
    const status = oneOf(body, 'status', ['active', 'inactive']) ?? 'active'; // default: our choice
    checkFlag(body, 'send_email'); // the emulator sends no e-mail
    const day = isoSeconds(now()).slice(0, 10);
    const createdToday = createdPerDay.get(day) ?? 0;
    if (createdToday >= DAILY_AFFILIATE_CAP) throw new UpError(422, `You can create at most ${DAILY_AFFILIATE_CAP} affiliates per day through the API.`);
    const given = Object.fromEntries(AFFILIATE_TEXT.map((name) => [name, text(body, name) ?? null]));
    const affiliate = newAffiliate(state, { ...given, id: nextId(state.affiliates.map((item) => item.id)), email, status, program_id: program.id, created_at: isoSeconds(now()) });
    state.affiliates.push(affiliate);
    createdPerDay.set(day, createdToday + 1);
    const view = affiliateView(state, affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.new', view));
    return success(view);
  });
}

/** The referrals a manual payment covers: the listed ids, else every approved one of the affiliate (our choice). */
function referralsToPay(state: State, affiliate: Affiliate, raw: string | undefined): Referral[] {
  if (raw === undefined) {
    const approved = state.referrals.filter((item) => item.affiliate_id === affiliate.id && item.status === 'approved');
    if (approved.length === 0) throw new UpError(422, `Affiliate ${affiliate.email} has no approved referrals to pay.`);
    return approved;
  }
  return raw.split(',').map((part) => {
    const referral = state.referrals.find((candidate) => candidate.id === idOf(part.trim()));
    if (!referral || referral.affiliate_id !== affiliate.id) throw new UpError(422, `Referral ${part.trim()} does not belong to ${affiliate.email}.`);
    if (referral.status !== 'approved') throw new UpError(422, `Referral ${referral.id} is ${referral.status}; only approved referrals can be paid.`);
    return referral;
  });
}

/** Mark-as-paid [DOC] (body [INF] `{affiliate_email, referral_ids, …}`) and create referral [DOC] (body [INF]). */
function moneyRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  server.post('/api/v2/payments/mark-as-paid', async (request, reply) => {
    const body = bodyOf(request.body);
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const referrals = referralsToPay(state, affiliate, text(body, 'referral_ids'));
    for (const referral of referrals) referral.status = 'paid';
    // The documented payment.paid fields; "other" because it was paid outside UpPromote (our choice).
    const payment: Payment = {
      payment_id: nextId(state.payments.map((item) => item.payment_id)), affiliate_id: affiliate.id, status: 'SUCCESS', affiliate_email: affiliate.email,
      total_referrals: referrals.length, total_processed: Number(money(referrals.reduce((sum, item) => sum + Number(item.commission), 0))),
      payment_method: 'other', processed_at: isoSeconds(now()),
    };
    state.payments.push(payment);
    afterResponse(reply, log, () => hooks.send('payment.paid', { ...payment }));
    return success(payment);
  });

  // type use_order_id (an order; number, customer and totals constructed: no Shopify here) or fixed_amount (like the documented manual referral).
  server.post('/api/v2/referrals', async (request, reply) => {
    const body = bodyOf(request.body);
    const type = oneOf(body, 'type', ['use_order_id', 'fixed_amount']);
    if (type === undefined) throw new UpError(422, 'The type field is required.');
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const program = state.programs.find((candidate) => candidate.id === affiliate.program_id) ?? state.programs[0];
    const rule = { program_id: program.id, program_name: program.name, commission_type: program.commission_type, commission_rate: program.commission_rate };
    const totalSale = amount(body, 'total_sale') ?? 0;
    const commission = amount(body, 'commission');
    const orderId = type === 'use_order_id' ? positiveInt(body, 'order_id') : undefined;
    if (type === 'use_order_id' && orderId === undefined) throw new UpError(422, 'The order_id field is required when type is use_order_id.');
    if (orderId !== undefined && state.referrals.some((item) => item.order_id === orderId)) throw new UpError(422, `Order ${orderId} already has a referral.`);
    if (type === 'fixed_amount' && commission === undefined) throw new UpError(422, 'The commission field is required when type is fixed_amount.');
    const referral: Referral = {
      id: nextId(state.referrals.map((item) => item.id)), order_id: orderId ?? null,
      order_number: orderId === undefined ? null : `#${nextId(state.referrals.map((item) => Number(item.order_number?.slice(1) ?? 0)))}`,
      customer_id: null, quantity: orderId === undefined ? null : 1, total_sales: money(totalSale),
      commission_rule: type === 'fixed_amount' ? { ...rule, commission_type: 'fixed_amount', commission_rate: money(commission ?? 0) } : rule,
      commission_adjustment: '0.00', status: 'pending', commission: money(commission ?? (totalSale * Number(program.commission_rate)) / 100),
      refund_id: null, tracking_type: 'manual', affiliate_id: affiliate.id, coupon_applied: null, customer_email: null, created_at: isoSeconds(now()),
    };
    state.referrals.push(referral);
    const view = referralView(state, referral);
    afterResponse(reply, log, () => hooks.send('referral.new', view));
    return success(view);
  });
}

/** `/api/v2/webhook-subscriptions`: GET list and POST [DOC], PUT and DELETE by event [DOC methods, INF bodies]. */
function webhookRoutes(server: FastifyInstance, hooks: Webhooks): void {
  const path = '/api/v2/webhook-subscriptions';
  // The answer's fields follow the brief: {event, target_url, secret_key, created_at} ([INF]: PostHog reads data.secret_key).
  const shown = ({ event, target_url, secret_key, created_at }: Subscription) => success({ event, target_url, secret_key, created_at });
  server.get<Query>(path, async ({ query }) => {
    const event = text(query, 'event');
    return success(paginate(hooks.list().filter((item) => event === undefined || item.event === event), query));
  });
  server.post(path, async (request) => shown(await hooks.subscribe(request.body)));
  server.put(path, async (request) => shown(await hooks.update(request.body)));
  server.delete(path, async (request) => {
    hooks.remove(request.body);
    return success();
  });
}

/**
 * `fire`'s payload: payment.paid the verbatim documented example; referral.* / affiliate.* the
 * seeded objects constructed from the documented field lists (the documented fragments are cut);
 * the status-changed diffs `{<object>_id, previous_status, current_status}` ([DOC] for affiliates,
 * by analogy for referrals).
 */
function examplePayload(state: State, event: Event): Record<string, unknown> {
  const referral = (id: number) => referralView(state, seeded(state.referrals, id, 'referral'));
  const affiliate = (id: number) => affiliateView(state, seeded(state.affiliates, id, 'affiliate'));
  switch (event) {
    case 'referral.new': return referral(1782410);
    case 'referral.approved': return referral(1782398);
    case 'referral.denied': return referral(1782377);
    case 'referral.status-changed': return { referral_id: 1782398, previous_status: 'pending', current_status: 'approved' };
    case 'affiliate.new': return affiliate(2029238);
    case 'affiliate.approved': return affiliate(2031502);
    case 'affiliate.inactive': return affiliate(2029241);
    case 'affiliate.status-changed': return { affiliate_id: 2029241, previous_status: 'active', current_status: 'inactive' };
    case 'payment.paid': return { ...seed.examples['payment.paid'] };
  }
}

/** UpPromote for the emulator: credentials `{ api_key }` and a fresh seeded store per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_KEY },
  create({ now, log }) {
    const state = storeOf<State>(seed);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server, now);
        webhookRoutes(server, hooks);
        readRoutes(server, state);
        statusRoutes(server, state, hooks, log);
        createAffiliateRoute(server, state, hooks, log, now);
        moneyRoutes(server, state, hooks, log, now);
      },
      ...webhookFiring('UpPromote', EVENTS, hooks, (event, overrides) => ({ ...examplePayload(state, event), ...overrides })),
    };
  },
};
