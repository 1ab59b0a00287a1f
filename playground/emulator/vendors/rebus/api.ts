/**
 * Rebus AI's data and action endpoints over the seeded program (platforms README §4 "Base URL,
 * auth, test" and "Polling / actions"; api-examples). Lists are newest first (order [UNK], our
 * choice: what a trigger's performList expects); actions answer first and send their webhooks
 * afterwards. There are no approve / reject endpoints: none is documented.
 */
import type { FastifyInstance } from 'fastify';
import {
  AFFILIATE_STATUSES,
  COMMISSION_STATUSES,
  PAYOUT_STATUSES,
  type RbAffiliate,
  type RbCommission,
  type RbPayout,
  type RebusState,
  affiliateById,
  affiliatePayload,
  affiliateView,
  commissionView,
  nextBatchId,
  payoutPayload,
  payoutView,
} from './data';
import { afterResponse, bodyOf, text } from '../../common/request';
import { type ApiContext, type IdParam, type Query, isEmail, nextId, sameEmail } from '../../common/routes';
import { isoSeconds } from '../../common/time';
import { RebusError, boolParam, choice, intParam, invalid, money, paginate, success } from './http';
import type { RebusWebhooks } from './webhooks';

/** What the routes work on. */
export type RebusApiContext = ApiContext<RebusState, RebusWebhooks>;

const BASE = '/api/v1/affiliate';

function newestFirst<T extends { id: number }>(items: readonly T[], dateOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(dateOf(b)) - Date.parse(dateOf(a)) || b.id - a.id);
}

/** A decimal query/body value in major units (number or numeric string), or undefined; 400 otherwise. */
function amountParam(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const amount = Number(value);
  if (!Number.isFinite(amount) || amount < 0) throw invalid({ [name]: ['A valid non-negative number is required.'] });
  return amount;
}

/** `date_from` / `date_to`: `YYYY-MM-DD` (a whole day, inclusive) or ISO-8601, as unix ms; 400 otherwise. */
function dateParam(source: Record<string, unknown>, name: string, endOfDay: boolean): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : value);
  if (Number.isNaN(time)) throw invalid({ [name]: ['Enter a valid date (YYYY-MM-DD or ISO-8601).'] });
  return time;
}

/** `GET /status/` [DOC-3P]: the documented health data. */
function statusRoute(server: FastifyInstance, { now }: RebusApiContext): void {
  server.get(`${BASE}/status/`, async () => success({ status: 'healthy', version: '1.0', services: { database: 'healthy', authentication: 'healthy' } }, 'API is healthy', now()));
}

/**
 * `GET /affiliates/` [DOC-3P]: `page`, `page_size` (≤100, default 20), `status`
 * (pending|approved|rejected), `tier` (1–5), `search` (case-insensitive substring of name or
 * e-mail, our reading), `active` (true|false) → `{results, pagination}`.
 */
function listAffiliatesRoute(server: FastifyInstance, { state, now }: RebusApiContext): void {
  server.get<Query>(`${BASE}/affiliates/`, async ({ query }) => {
    const status = choice(query, 'status', AFFILIATE_STATUSES);
    const tier = intParam(query, 'tier', 1, 5);
    const search = text(query, 'search')?.toLowerCase();
    const active = boolParam(query, 'active');
    const items = state.affiliates.filter(
      (affiliate) =>
        (status === undefined || affiliate.status === status) &&
        (tier === undefined || affiliate.tier === tier) &&
        (active === undefined || affiliate.active === active) &&
        (search === undefined || affiliate.name.toLowerCase().includes(search) || affiliate.email.toLowerCase().includes(search)),
    );
    const page = paginate(newestFirst(items, (affiliate) => affiliate.join_date), query, '/affiliates/');
    return success({ results: page.results.map(affiliateView), pagination: page.pagination }, 'Affiliates retrieved successfully', now());
  });
}

/**
 * `POST /affiliates/` [DOC-3P]; visible body `{name, email, phone, website, address, payment_methods,
 * marketing_channels, …}`; `name` and `email` required [INF] (400 otherwise), e-mail unique (400,
 * DRF style). New affiliates are `pending`, tier 1, 10 % (our choices: affiliates are approved
 * later). Answers 201 with the affiliate; sends affiliate.created.
 */
function createAffiliateRoute(server: FastifyInstance, { state, hooks, log, now }: RebusApiContext): void {
  server.post(`${BASE}/affiliates/`, async (request, reply) => {
    const body = bodyOf(request.body);
    const name = text(body, 'name');
    const email = text(body, 'email');
    const details: Record<string, string[]> = {};
    if (name === undefined) details.name = ['This field is required.'];
    if (email === undefined) details.email = ['This field is required.'];
    else if (!isEmail(email)) details.email = ['Enter a valid email address.'];
    else if (state.affiliates.some((affiliate) => sameEmail(affiliate.email, email))) details.email = ['affiliate with this email already exists.'];
    if (Object.keys(details).length > 0) throw invalid(details);
    const tier = intParam(body, 'tier', 1, 5, 1) ?? 1;

    const affiliate: RbAffiliate = {
      id: nextId(state.affiliates.map((candidate) => candidate.id)),
      name: name ?? '',
      email: email ?? '',
      status: 'pending',
      tier,
      commission_rate: 10.0,
      join_date: isoSeconds(now()),
      active: true,
      phone: text(body, 'phone') ?? null,
      website: text(body, 'website') ?? null,
      performance_metrics: { total_sales: 0, total_commissions: 0, conversion_rate: 0, total_clicks: 0 },
    };
    state.affiliates.push(affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.created', affiliatePayload(affiliate)));
    return reply.code(201).send(success(affiliateView(affiliate), 'Affiliate created successfully', now()));
  });
}

/**
 * `GET /commissions/` [DOC-3P]: `status` (pending|approved|rejected|paid), `affiliate_id`,
 * `date_from` / `date_to` (on created_date), `min_amount` / `max_amount`, paged like affiliates
 * [INF] → `{results, summary, pagination}`; `summary` (documented keys) covers every match, not
 * only the page.
 */
function listCommissionsRoute(server: FastifyInstance, { state, now }: RebusApiContext): void {
  server.get<Query>(`${BASE}/commissions/`, async ({ query }) => {
    const status = choice(query, 'status', COMMISSION_STATUSES);
    const affiliateId = intParam(query, 'affiliate_id', 1, Number.MAX_SAFE_INTEGER);
    const from = dateParam(query, 'date_from', false);
    const to = dateParam(query, 'date_to', true);
    const min = amountParam(query, 'min_amount');
    const max = amountParam(query, 'max_amount');
    const matches = state.commissions.filter((commission) => {
      const created = Date.parse(commission.created_date);
      return (
        (status === undefined || commission.status === status) &&
        (affiliateId === undefined || commission.affiliate_id === affiliateId) &&
        (from === undefined || created >= from) &&
        (to === undefined || created <= to) &&
        (min === undefined || commission.commission_amount >= min) &&
        (max === undefined || commission.commission_amount <= max)
      );
    });
    const count = (wanted: RbCommission['status']): number => matches.filter((commission) => commission.status === wanted).length;
    const summary = {
      total_commissions: matches.length,
      total_amount: money(matches.reduce((total, commission) => total + commission.commission_amount, 0)),
      pending_count: count('pending'),
      approved_count: count('approved'),
      paid_count: count('paid'),
    };
    const page = paginate(newestFirst(matches, (commission) => commission.created_date), query, '/commissions/');
    return success({ results: page.results.map((commission) => commissionView(state, commission)), summary, pagination: page.pagination }, 'Commissions retrieved successfully', now());
  });
}

/** `GET /payouts/` [DOC-3P "filtering and pagination"]: `status`, `affiliate_id`, `batch_id` (filters ours) → `{results, pagination}`. */
function listPayoutsRoute(server: FastifyInstance, { state, now }: RebusApiContext): void {
  server.get<Query>(`${BASE}/payouts/`, async ({ query }) => {
    const status = choice(query, 'status', PAYOUT_STATUSES);
    const affiliateId = intParam(query, 'affiliate_id', 1, Number.MAX_SAFE_INTEGER);
    const batchId = text(query, 'batch_id');
    const items = state.payouts.filter(
      (payout) => (status === undefined || payout.status === status) && (affiliateId === undefined || payout.affiliate_id === affiliateId) && (batchId === undefined || payout.batch_id === batchId),
    );
    const page = paginate(newestFirst(items, (payout) => payout.created_date), query, '/payouts/');
    return success({ results: page.results.map((payout) => payoutView(state, payout)), pagination: page.pagination }, 'Payouts retrieved successfully', now());
  });
}

function affiliateIdsOf(state: RebusState, body: Record<string, unknown>): RbAffiliate[] {
  const ids = body.affiliate_ids;
  if (ids === undefined) return state.affiliates;
  if (!Array.isArray(ids) || !ids.every((id): id is number => Number.isInteger(id))) throw invalid({ affiliate_ids: ['A list of integer affiliate ids is required.'] });
  const unknown = ids.filter((id) => affiliateById(state, id) === undefined);
  if (unknown.length > 0) throw invalid({ affiliate_ids: [`Unknown affiliate id(s): ${unknown.join(', ')}.`] });
  return state.affiliates.filter((affiliate) => ids.includes(affiliate.id));
}

/**
 * `POST /payouts/generate/` [DOC-3P request/response]: body `{affiliate_ids?, minimum_amount?
 * (major units), payment_method?, description?, payment_date? (ISO)}`. For each affiliate (all
 * when `affiliate_ids` is absent) the approved commissions not yet in a payout are summed; a sum
 * ≥ minimum_amount becomes one pending payout of a new batch. Answers 200 with the documented
 * batch summary; sends payout.created per payout (one event per payout: our reading of "payout
 * batch created"). Nothing eligible → 400 `no_eligible_commissions` (our choice).
 */
function generatePayoutsRoute(server: FastifyInstance, { state, hooks, log, now }: RebusApiContext): void {
  server.post(`${BASE}/payouts/generate/`, async (request, reply) => {
    const body = bodyOf(request.body);
    const affiliates = affiliateIdsOf(state, body);
    const minimum = amountParam(body, 'minimum_amount') ?? 0;
    const paymentMethod = text(body, 'payment_method') ?? 'paypal';
    const paymentDate = text(body, 'payment_date');
    if (paymentDate !== undefined && Number.isNaN(Date.parse(paymentDate))) throw invalid({ payment_date: ['Enter a valid ISO-8601 date-time.'] });
    const created = isoSeconds(now());
    const scheduled = paymentDate === undefined ? created : isoSeconds(Date.parse(paymentDate));
    const batchId = nextBatchId(state, now());

    const payouts: RbPayout[] = [];
    for (const affiliate of affiliates) {
      const due = state.commissions.filter((commission) => commission.affiliate_id === affiliate.id && commission.status === 'approved' && commission.payout_id === null);
      const amount = money(due.reduce((total, commission) => total + commission.commission_amount, 0));
      if (due.length === 0 || amount < minimum) continue;
      const payout: RbPayout = {
        id: nextId([...state.payouts, ...payouts].map((candidate) => candidate.id)),
        batch_id: batchId,
        affiliate_id: affiliate.id,
        amount,
        payment_method: paymentMethod,
        status: 'pending',
        commission_count: due.length,
        description: text(body, 'description') ?? null,
        created_date: created,
        scheduled_date: scheduled,
        processed_date: null,
      };
      for (const commission of due) commission.payout_id = payout.id;
      payouts.push(payout);
    }
    if (payouts.length === 0) throw new RebusError(400, 'no_eligible_commissions', `No affiliate has approved, unpaid commissions of at least ${minimum}.`);
    state.payouts.push(...payouts);

    const data = {
      batch_id: batchId,
      total_affiliates: payouts.length,
      total_amount: money(payouts.reduce((total, payout) => total + payout.amount, 0)),
      payment_method: paymentMethod,
      created_date: created,
      scheduled_date: scheduled,
      status: 'pending',
      payouts: payouts.map((payout) => ({ affiliate_id: payout.affiliate_id, affiliate_name: affiliateById(state, payout.affiliate_id)?.name ?? '', amount: payout.amount, commission_count: payout.commission_count })),
    };
    const events = payouts.map((payout) => payoutPayload(state, payout));
    afterResponse(reply, log, async () => {
      for (const payload of events) await hooks.send('payout.created', payload);
    });
    return success(data, 'Payouts generated successfully', now());
  });
}

/**
 * `POST /payouts/{id}/process/` [DOC-3P] "process a pending payout and send payment": pending →
 * processed (processed_date = now; its commissions become paid). Answers 200 with the payout;
 * sends payout.processed. Unknown id → 404; not pending → 400 `invalid_status` (our choice).
 */
function processPayoutRoute(server: FastifyInstance, { state, hooks, log, now }: RebusApiContext): void {
  server.post<IdParam>(`${BASE}/payouts/:id/process/`, async (request, reply) => {
    const payout = /^\d+$/.test(request.params.id) ? state.payouts.find((candidate) => candidate.id === Number(request.params.id)) : undefined;
    if (!payout) throw new RebusError(404, 'not_found', `Payout ${request.params.id} not found.`);
    if (payout.status !== 'pending') throw new RebusError(400, 'invalid_status', `Payout ${payout.id} is ${payout.status}; only pending payouts can be processed.`);
    payout.status = 'processed';
    payout.processed_date = isoSeconds(now());
    for (const commission of state.commissions) if (commission.payout_id === payout.id) commission.status = 'paid';
    const payload = payoutPayload(state, payout);
    afterResponse(reply, log, () => hooks.send('payout.processed', payload));
    return success(payoutView(state, payout), 'Payout processed successfully', now());
  });
}

/** Mounts every data and action route on the (guarded) Rebus plugin. */
export function apiRoutes(server: FastifyInstance, context: RebusApiContext): void {
  statusRoute(server, context);
  listAffiliatesRoute(server, context);
  createAffiliateRoute(server, context);
  listCommissionsRoute(server, context);
  listPayoutsRoute(server, context);
  generatePayoutsRoute(server, context);
  processPayoutRoute(server, context);
}
