/**
 * The Rebus AI emulator (shared/platforms/README.md section 4; seeds/003), mounted under `/rebus`:
 * the documented base `https://rebusai.com/api/v1/affiliate` is `${emulator.url}/rebus/api/v1/affiliate`.
 * Written from Rebus AI's documents (a customer-hosted copy, [DOC-3P]), never from platforms/.
 *
 * - Auth [DOC-3P]: `Authorization: Bearer <key>` (`sk_live_…` / `sk_test_…`), the scheme word
 *   matched case-insensitively as Django REST Framework does; anything else → 401 `unauthorized`
 *   (the documented `JWT <token>` alternative is not emulated).
 * - Envelope [DOC-3P]: `{success: true, data, message, timestamp (unix s), api_version: "1.0"}`.
 *   Only `"success": false` of the error body is documented; the rest is ours: `{success: false,
 *   error: {code, message, details?}, timestamp, api_version}`, `details` DRF-style `{field: [messages]}`.
 * - Every path ends in `/` (a path without one is a 404 here); where the docs are silent the
 *   emulator follows DRF's defaults (201 on create, 204 on delete, "Invalid page." 404) and says so.
 * - Lists [DOC-3P]: `page`, `page_size` (≤100, default 20) and a `pagination` block; newest first
 *   (order [UNK], ours). Money in major units as JSON numbers, dates `2024-01-15T10:30:00Z`.
 * - Webhooks [DOC-3P]: `POST /webhooks/ {url, events, secret, active}` (GET and DELETE [INF]);
 *   deliveries `{event, timestamp, data, signature}` with `X-Webhook-Signature: sha256=<hex
 *   HMAC-SHA256 of the raw body>` (what the documented Python verifier checks). A body cannot hold
 *   an HMAC of itself, so the in-body `signature` signs the body without that field (our reading).
 * - No approve / reject endpoint is documented, so none is emulated; actions answer first and send
 *   their webhooks afterwards.
 *
 * seed.json: affiliate 123 and commission 567 are the documented list items (its amount the doc's,
 * not 15 % of 837.00), `examples` the verbatim commission.approved data; the rest is constructed.
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, oneOfOr, text } from '../../../playground/emulator/common/request';
import { isEmail, nextId, sameEmail, type IdParam, type Query } from '../../../playground/emulator/common/routes';
import { seeded, storeOf } from '../../../playground/emulator/common/seed';
import { isoSeconds, unixSeconds } from '../../../playground/emulator/common/time';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { asciiOnlyJson, hmacSha256Hex, isEventOf, isHttpUrl } from '../../../playground/emulator/common/webhooks';
import seed from './seed.json';

/** The sandbox key the emulator accepts ([DOC-3P] format `sk_test_…`). */
export const API_KEY = 'sk_test_emu4f9c2a7b1d8e3f6a0c5b9d2e7f1a4c8';

/** The twelve events [DOC-3P] (webhooks page table). */
export const EVENTS = [
  'affiliate.created', 'affiliate.approved', 'affiliate.rejected', 'commission.created', 'commission.approved', 'commission.rejected',
  'payout.created', 'payout.processed', 'payout.failed', 'link.clicked', 'conversion.recorded', 'code.redeemed',
] as const;
type Event = (typeof EVENTS)[number];

const BASE = '/api/v1/affiliate';
const AFFILIATE_STATUSES = ['pending', 'approved', 'rejected'] as const;
const COMMISSION_STATUSES = ['pending', 'approved', 'rejected', 'paid'] as const;
/** `pending` [DOC-3P generate response]; `processed` / `failed` from the event names [INF]. */
const PAYOUT_STATUSES = ['pending', 'processed', 'failed'] as const;

type Affiliate = Record<string, unknown> & { id: number; name: string; email: string; status: string; tier: number; active: boolean; join_date: string };
/** `payout_id` (internal, hidden) links a commission to the payout that pays it. */
type Commission = Record<string, unknown> & {
  id: number; affiliate_id: number; order_id: number; product_name: string; commission_amount: number; commission_rate: number;
  order_total: number; status: string; created_date: string; payout_id: number | null;
};
/** One affiliate's share of a batch (generate example fields plus the event fields). */
interface Payout {
  id: number; batch_id: string; affiliate_id: number; amount: number; payment_method: string; status: string; commission_count: number;
  description: string | null; created_date: string; scheduled_date: string | null; processed_date: string | null;
}
interface State { affiliates: Affiliate[]; commissions: Commission[]; payouts: Payout[] }
interface Webhook { id: number; url: string; events: Event[]; active: boolean; created_date: string; secret: string }

class RebusError extends Error {
  constructor(readonly status: 400 | 401 | 404, readonly code: string, message: string, readonly details?: Record<string, string[]>) {
    super(message);
  }
}

/** A 400 `validation_error` naming the offending fields. */
const invalid = (details: Record<string, string[]>) => new RebusError(400, 'validation_error', `Invalid input: ${Object.keys(details).join(', ')}`, details);
const money = (amount: number) => Math.round(amount * 100) / 100;
const titled = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
/** A DRF choice field as the documented lists show it: `{"value": "approved", "display": "Approved"}`. */
const choiceView = (value: string) => ({ value, display: titled(value) });

function guard(server: FastifyInstance, now: () => number): void {
  const stamp = () => ({ timestamp: unixSeconds(now()), api_version: '1.0' });
  const refusal = (error: RebusError) => ({ status: error.status, body: { success: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }, ...stamp() } });
  installGuard(server, {
    admit: (request) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (match && match[1] === API_KEY) return undefined;
      const message = match ? 'Invalid API key.' : 'Authentication credentials were not provided.';
      return { ...refusal(new RebusError(401, 'unauthorized', message)), headers: { 'WWW-Authenticate': 'Bearer' } };
    },
    ownError: (error) => (error instanceof RebusError ? refusal(error) : undefined),
    clientError: (message) => refusal(new RebusError(400, 'parse_error', message)),
    serverError: () => ({ status: 500, body: { success: false, error: { code: 'server_error', message: 'Internal server error.' }, ...stamp() } }),
    notFound: (request) => refusal(new RebusError(404, 'not_found', `No route ${request.method} ${request.url}.`)),
  });
}

function intParam(source: Record<string, unknown>, name: string, min: number, max = Number.MAX_SAFE_INTEGER, fallback?: number): number | undefined {
  return integerParam(source, name, { min, max }, () => invalid({ [name]: [`Must be an integer between ${min} and ${max}.`] }), fallback);
}

function choice<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, (value) => invalid({ [name]: [`"${value}" is not a valid choice. Allowed: ${allowed.join(', ')}.`] }));
}

/** A non-negative decimal in major units (number or numeric string), or undefined. */
function amountParam(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const amount = Number(value);
  if (!Number.isFinite(amount) || amount < 0) throw invalid({ [name]: ['A valid non-negative number is required.'] });
  return amount;
}

/** `YYYY-MM-DD` (a whole day, inclusive) or ISO-8601, as unix ms. */
function dateParam(source: Record<string, unknown>, name: string, endOfDay: boolean): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : value);
  if (Number.isNaN(time)) throw invalid({ [name]: ['Enter a valid date (YYYY-MM-DD or ISO-8601).'] });
  return time;
}

/**
 * One page and its `pagination` block [DOC-3P]. `next_url` / `previous_url` are paths like the
 * documented `/api/v1/affiliate/affiliates/?page=2`, keeping the other query parameters (ours).
 * `page_size` outside 1–100 → 400 (DRF would clamp); past the last page → 404 "Invalid page." (DRF).
 */
function paginate<T>(items: readonly T[], query: Record<string, unknown>, path: string) {
  const pageSize = intParam(query, 'page_size', 1, 100, 20) ?? 20;
  const page = intParam(query, 'page', 1, undefined, 1) ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (page > totalPages) throw new RebusError(404, 'not_found', 'Invalid page.');
  const urlFor = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[0] !== 'page' && typeof entry[1] === 'string'));
    params.set('page', String(target));
    return `${BASE}${path}?${params.toString()}`;
  };
  const pagination = {
    page, page_size: pageSize, total_pages: totalPages, total_count: items.length, has_next: page < totalPages, has_previous: page > 1,
    next_url: page < totalPages ? urlFor(page + 1) : null, previous_url: page > 1 ? urlFor(page - 1) : null,
  };
  return { results: pageOf(items, page, pageSize), pagination };
}

/**
 * JSON as Python's `json.dumps` writes it by default (`", "` / `": "`, non-ASCII escaped). Our
 * choice: the sender looks like Django, and these bytes differ from `JSON.stringify` of the parsed
 * body, so a verifier that re-serialises instead of hashing the raw body fails as it would there.
 */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    return `{${entries.map(([key, entry]) => `${asciiOnlyJson(JSON.stringify(key))}: ${pythonJson(entry)}`).join(', ')}}`;
  }
  return asciiOnlyJson(JSON.stringify(value) ?? 'null');
}

const sign = (secret: string, payload: string) => `sha256=${hmacSha256Hex(secret, payload)}`;

/** One program's webhooks (the secret chosen by the caller [DOC-3P], never echoed: ours) and the signed sender. */
class Webhooks {
  private readonly hooks: Webhook[] = [];
  private nextId = 1;
  constructor(private readonly log: DeliveryLog, private readonly now: () => number) {}

  list(): Omit<Webhook, 'secret'>[] {
    return this.hooks.map(({ secret: _secret, ...shown }) => ({ ...shown, events: [...shown.events] }));
  }

  /** Validates `{url, events, secret, active}` (active defaults to true, ours), every problem in one 400. */
  create(body: unknown): Omit<Webhook, 'secret'> {
    const { url, events, secret, active } = bodyOf(body);
    const details: Record<string, string[]> = {};
    if (typeof url !== 'string' || url.trim() === '') details.url = ['This field is required.'];
    else if (!isHttpUrl(url)) details.url = ['Enter a valid URL.'];
    if (!Array.isArray(events) || events.length === 0) details.events = ['This field is required.'];
    else if (!events.every((event) => isEventOf(EVENTS, event))) details.events = [`Unknown event(s): ${events.filter((event) => !isEventOf(EVENTS, event)).map(String).join(', ')}.`];
    if (typeof secret !== 'string' || secret === '') details.secret = ['This field is required.'];
    if (active !== undefined && typeof active !== 'boolean') details.active = ['Must be a valid boolean.'];
    if (Object.keys(details).length > 0) throw invalid(details);
    const hook: Webhook = { id: this.nextId, url: String(url), events: [...new Set(events as Event[])], active: active !== false, created_date: isoSeconds(this.now()), secret: String(secret) };
    this.nextId += 1;
    this.hooks.push(hook);
    const { secret: _secret, ...shown } = hook;
    return { ...shown, events: [...shown.events] };
  }

  remove(id: string): void {
    const index = /^\d+$/.test(id) ? this.hooks.findIndex((hook) => hook.id === Number(id)) : -1;
    if (index < 0) throw new RebusError(404, 'not_found', `Webhook ${id} not found.`);
    this.hooks.splice(index, 1);
  }

  /** Each active subscriber gets its own bytes, keys in the documented order event, timestamp, data, signature. */
  async send(event: Event, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const timestamp = unixSeconds(this.now());
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.filter((candidate) => candidate.active && candidate.events.includes(event))) {
      const unsigned = { event, timestamp, data };
      const body = pythonJson({ ...unsigned, signature: sign(hook.secret, pythonJson(unsigned)) });
      records.push(await this.log.send({ vendor: 'rebus', event, targetUrl: hook.url, body, headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': sign(hook.secret, body) } }));
    }
    return records;
  }
}

const nameOf = (state: State, id: number) => state.affiliates.find((affiliate) => affiliate.id === id)?.name ?? '';
const affiliateView = (affiliate: Affiliate) => ({ ...structuredClone(affiliate), status: choiceView(affiliate.status) });
function commissionView(state: State, commission: Commission): Record<string, unknown> {
  const { payout_id: _internal, status, ...rest } = commission;
  return { ...rest, affiliate_name: nameOf(state, commission.affiliate_id), status: choiceView(status) };
}
const payoutView = (state: State, payout: Payout) => ({ ...payout, affiliate_name: nameOf(state, payout.affiliate_id), status: choiceView(payout.status) });

/** Webhook `data`, constructed from the documented field names with plain status strings (the one documented example has none). */
const affiliatePayload = ({ id, name, email, status, tier, join_date }: Affiliate) => ({ affiliate_id: id, id, name, email, status, tier, join_date });
function commissionPayload(state: State, item: Commission): Record<string, unknown> {
  const { affiliate_id, commission_rate, order_id, order_total, product_name, status, created_date } = item;
  return { commission_id: item.id, affiliate_id, affiliate_name: nameOf(state, affiliate_id), amount: item.commission_amount, commission_rate, order_id, order_total, product_name, status, created_date };
}
function payoutPayload(state: State, payout: Payout): Record<string, unknown> {
  const { batch_id, affiliate_id, amount, payment_method, status, created_date, processed_date } = payout;
  return { payout_id: payout.id, batch_id, affiliate_id, affiliate_name: nameOf(state, affiliate_id), amount, payment_method, status, created_date, processed_date };
}

/** The success envelope [DOC-3P] on the emulator clock. */
function envelope(now: () => number): (data: unknown, message: string) => Record<string, unknown> {
  return (data, message) => ({ success: true, data, message, timestamp: unixSeconds(now()), api_version: '1.0' });
}

function newestFirst<T extends { id: number }>(items: readonly T[], dateOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(dateOf(b)) - Date.parse(dateOf(a)) || b.id - a.id);
}

/** GET lists [DOC-3P]: affiliates (search = name or e-mail substring, our reading), commissions (with `summary` of every match), payouts (filters ours). */
function listRoutes(server: FastifyInstance, state: State, now: () => number): void {
  const success = envelope(now);
  server.get(`${BASE}/status/`, async () => success({ status: 'healthy', version: '1.0', services: { database: 'healthy', authentication: 'healthy' } }, 'API is healthy'));
  server.get<Query>(`${BASE}/affiliates/`, async ({ query }) => {
    const status = choice(query, 'status', AFFILIATE_STATUSES);
    const tier = intParam(query, 'tier', 1, 5);
    const search = text(query, 'search')?.toLowerCase();
    const active = text(query, 'active')?.toLowerCase();
    if (active !== undefined && active !== 'true' && active !== 'false') throw invalid({ active: ['Must be true or false.'] });
    const items = state.affiliates.filter((item) => (status === undefined || item.status === status) && (tier === undefined || item.tier === tier)
      && (active === undefined || item.active === (active === 'true'))
      && (search === undefined || item.name.toLowerCase().includes(search) || item.email.toLowerCase().includes(search)));
    const page = paginate(newestFirst(items, (item) => item.join_date), query, '/affiliates/');
    return success({ results: page.results.map(affiliateView), pagination: page.pagination }, 'Affiliates retrieved successfully');
  });
  server.get<Query>(`${BASE}/commissions/`, async ({ query }) => {
    const status = choice(query, 'status', COMMISSION_STATUSES);
    const affiliateId = intParam(query, 'affiliate_id', 1);
    const [from, to] = [dateParam(query, 'date_from', false), dateParam(query, 'date_to', true)];
    const [min, max] = [amountParam(query, 'min_amount'), amountParam(query, 'max_amount')];
    const matches = state.commissions.filter((item) => {
      const created = Date.parse(item.created_date);
      return (status === undefined || item.status === status) && (affiliateId === undefined || item.affiliate_id === affiliateId) && (from === undefined || created >= from)
        && (to === undefined || created <= to) && (min === undefined || item.commission_amount >= min) && (max === undefined || item.commission_amount <= max);
    });
    const count = (wanted: string) => matches.filter((item) => item.status === wanted).length;
    const total = money(matches.reduce((sum, item) => sum + item.commission_amount, 0));
    const summary = { total_commissions: matches.length, total_amount: total, pending_count: count('pending'), approved_count: count('approved'), paid_count: count('paid') };
    const page = paginate(newestFirst(matches, (item) => item.created_date), query, '/commissions/');
    return success({ results: page.results.map((item) => commissionView(state, item)), summary, pagination: page.pagination }, 'Commissions retrieved successfully');
  });
  server.get<Query>(`${BASE}/payouts/`, async ({ query }) => {
    const status = choice(query, 'status', PAYOUT_STATUSES);
    const affiliateId = intParam(query, 'affiliate_id', 1);
    const batchId = text(query, 'batch_id');
    const items = state.payouts.filter((item) => (status === undefined || item.status === status) && (affiliateId === undefined || item.affiliate_id === affiliateId)
      && (batchId === undefined || item.batch_id === batchId));
    const page = paginate(newestFirst(items, (item) => item.created_date), query, '/payouts/');
    return success({ results: page.results.map((item) => payoutView(state, item)), pagination: page.pagination }, 'Payouts retrieved successfully');
  });
}

function actionRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  const success = envelope(now);

  // [DOC-3P] body {name, email, phone, website, …}; name and email required [INF], e-mail unique; new affiliates pending, tier 1, 10 % (ours).
  server.post(`${BASE}/affiliates/`, async (request, reply) => {
    const body = bodyOf(request.body);
    const [name, email] = [text(body, 'name'), text(body, 'email')];
    const details: Record<string, string[]> = {};
    if (name === undefined) details.name = ['This field is required.'];
    if (email === undefined) details.email = ['This field is required.'];
    else if (!isEmail(email)) details.email = ['Enter a valid email address.'];
    else if (state.affiliates.some((item) => sameEmail(item.email, email))) details.email = ['affiliate with this email already exists.'];
    if (Object.keys(details).length > 0) throw invalid(details);
    const affiliate: Affiliate = {
      id: nextId(state.affiliates.map((item) => item.id)), name: name ?? '', email: email ?? '', status: 'pending', tier: intParam(body, 'tier', 1, 5, 1) ?? 1,
      commission_rate: 10.0, join_date: isoSeconds(now()), active: true, phone: text(body, 'phone') ?? null, website: text(body, 'website') ?? null,
      performance_metrics: { total_sales: 0, total_commissions: 0, conversion_rate: 0, total_clicks: 0 },
    };
    state.affiliates.push(affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.created', affiliatePayload(affiliate)));
    return reply.code(201).send(success(affiliateView(affiliate), 'Affiliate created successfully'));
  });

  /**
   * [DOC-3P request / response] Each affiliate's approved commissions not yet in a payout, summed;
   * a sum ≥ minimum_amount is one pending payout of a new batch. One payout.created per payout (our
   * reading of "payout batch created"); nothing eligible → 400 `no_eligible_commissions` (ours).
   */
  server.post(`${BASE}/payouts/generate/`, async (request, reply) => {
    const body = bodyOf(request.body);
    const ids = body.affiliate_ids;
    if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))) throw invalid({ affiliate_ids: ['A list of integer affiliate ids is required.'] });
    const unknown = ((ids ?? []) as number[]).filter((id) => !state.affiliates.some((item) => item.id === id));
    if (unknown.length > 0) throw invalid({ affiliate_ids: [`Unknown affiliate id(s): ${unknown.join(', ')}.`] });
    const affiliates = ids === undefined ? state.affiliates : state.affiliates.filter((item) => (ids as number[]).includes(item.id));
    const minimum = amountParam(body, 'minimum_amount') ?? 0;
    const paymentMethod = text(body, 'payment_method') ?? 'paypal';
    const paymentDate = text(body, 'payment_date');
    if (paymentDate !== undefined && Number.isNaN(Date.parse(paymentDate))) throw invalid({ payment_date: ['Enter a valid ISO-8601 date-time.'] });
    const created = isoSeconds(now());
    const scheduled = paymentDate === undefined ? created : isoSeconds(Date.parse(paymentDate));
    // The documented style `PAYOUT_2024_01_001`: the month of now, numbered within it.
    const prefix = `PAYOUT_${created.slice(0, 4)}_${created.slice(5, 7)}_`;
    let serial = 1;
    while (state.payouts.some((item) => item.batch_id === `${prefix}${String(serial).padStart(3, '0')}`)) serial += 1;
    const batchId = `${prefix}${String(serial).padStart(3, '0')}`;
    const payouts: Payout[] = [];
    for (const affiliate of affiliates) {
      const due = state.commissions.filter((item) => item.affiliate_id === affiliate.id && item.status === 'approved' && item.payout_id === null);
      const amount = money(due.reduce((sum, item) => sum + item.commission_amount, 0));
      if (due.length === 0 || amount < minimum) continue;
      const payout: Payout = {
        id: nextId([...state.payouts, ...payouts].map((item) => item.id)), batch_id: batchId, affiliate_id: affiliate.id, amount, payment_method: paymentMethod, status: 'pending',
        commission_count: due.length, description: text(body, 'description') ?? null, created_date: created, scheduled_date: scheduled, processed_date: null,
      };
      for (const item of due) item.payout_id = payout.id;
      payouts.push(payout);
    }
    if (payouts.length === 0) throw new RebusError(400, 'no_eligible_commissions', `No affiliate has approved, unpaid commissions of at least ${minimum}.`);
    state.payouts.push(...payouts);
    const events = payouts.map((payout) => payoutPayload(state, payout));
    afterResponse(reply, log, async () => {
      for (const payload of events) await hooks.send('payout.created', payload);
    });
    return success({
      batch_id: batchId, total_affiliates: payouts.length, total_amount: money(payouts.reduce((sum, item) => sum + item.amount, 0)), payment_method: paymentMethod,
      created_date: created, scheduled_date: scheduled, status: 'pending',
      payouts: payouts.map((item) => ({ affiliate_id: item.affiliate_id, affiliate_name: nameOf(state, item.affiliate_id), amount: item.amount, commission_count: item.commission_count })),
    }, 'Payouts generated successfully');
  });

  // [DOC-3P] "process a pending payout and send payment": its commissions become paid; not pending → 400 `invalid_status` (ours).
  server.post<IdParam>(`${BASE}/payouts/:id/process/`, async (request, reply) => {
    const payout = /^\d+$/.test(request.params.id) ? state.payouts.find((item) => item.id === Number(request.params.id)) : undefined;
    if (!payout) throw new RebusError(404, 'not_found', `Payout ${request.params.id} not found.`);
    if (payout.status !== 'pending') throw new RebusError(400, 'invalid_status', `Payout ${payout.id} is ${payout.status}; only pending payouts can be processed.`);
    payout.status = 'processed';
    payout.processed_date = isoSeconds(now());
    for (const item of state.commissions) if (item.payout_id === payout.id) item.status = 'paid';
    const payload = payoutPayload(state, payout);
    afterResponse(reply, log, () => hooks.send('payout.processed', payload));
    return success(payoutView(state, payout), 'Payout processed successfully');
  });

  server.get<Query>(`${BASE}/webhooks/`, async ({ query }) => success(paginate(hooks.list(), query, '/webhooks/'), 'Webhooks retrieved successfully'));
  server.post(`${BASE}/webhooks/`, async (request, reply) => reply.code(201).send(success(hooks.create(request.body), 'Webhook created successfully')));
  server.delete<IdParam>(`${BASE}/webhooks/:id/`, async (request, reply) => {
    hooks.remove(request.params.id);
    return reply.code(204).send();
  });
}

/** `fire`'s data: commission.approved the verbatim documented example [DOC-3P]; the rest constructed from seeded objects. */
function exampleData(state: State, event: Event, now: number): Record<string, unknown> {
  const commission = (id: number) => seeded(state.commissions, id, 'commission');
  const affiliate = (id: number) => affiliatePayload(seeded(state.affiliates, id, 'affiliate'));
  const payout = (id: number) => payoutPayload(state, seeded(state.payouts, id, 'payout'));
  const john = seeded(state.affiliates, 123, 'affiliate');
  switch (event) {
    case 'commission.approved': return { ...seed.examples['commission.approved'] };
    case 'commission.created': return commissionPayload(state, commission(572));
    case 'commission.rejected': return commissionPayload(state, commission(570));
    case 'affiliate.created': return affiliate(128);
    case 'affiliate.approved': return affiliate(124);
    case 'affiliate.rejected': return affiliate(127);
    case 'payout.created': return payout(901);
    case 'payout.processed': return payout(902);
    case 'payout.failed': return { ...payout(903), failure_reason: 'Bank account details are invalid.' };
    case 'conversion.recorded': {
      const sale = commission(572);
      const { order_id, order_total, product_name, created_date } = sale;
      return { conversion_id: 30000 + sale.id, commission_id: sale.id, affiliate_id: sale.affiliate_id, affiliate_name: nameOf(state, sale.affiliate_id), order_id, order_total, product_name, created_date };
    }
    // Link fields from the documented generate-link example.
    case 'link.clicked':
      return {
        link_id: 789, affiliate_id: john.id, product_id: 456, url: `https://rebusai.com/product/awesome-course?ref=AFFILIATE${john.id}&utm_source=email`,
        short_url: 'https://rebusai.co/a/abc123', referrer: 'https://mail.google.com/', country: 'US', device: 'desktop', timestamp: unixSeconds(now),
      };
    case 'code.redeemed':
      return { code: 'SAVE20', affiliate_id: john.id, affiliate_name: john.name, order_id: 812, order_total: 249.0, discount_amount: money(249.0 * 0.2), timestamp: unixSeconds(now) };
  }
}

/** Rebus AI for the emulator: credentials `{ api_key }` (a `sk_test_` key) and a fresh seeded program per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_KEY },
  create({ now, log }) {
    const state = storeOf<State>(seed);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server, now);
        listRoutes(server, state, now);
        actionRoutes(server, state, hooks, log, now);
      },
      ...webhookFiring('Rebus AI', EVENTS, hooks, (event, overrides) => ({ ...exampleData(state, event, now()), ...overrides })),
    };
  },
};
