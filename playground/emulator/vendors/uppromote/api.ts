/**
 * UpPromote's data and action endpoints over the seeded store (platforms README §1 "Polling /
 * list endpoints" and "Actions"). Actions answer first and send their webhooks afterwards, one
 * after another, through {@link UpPromoteWebhooks}.
 */
import type { FastifyInstance } from 'fastify';
import {
  PAYMENT_METHODS,
  type StoredAffiliate,
  type StoredReferral,
  type UpPayment,
  type UpPromoteState,
  affiliateView,
  makeAffiliate,
  money,
  referralView,
  ruleOf,
} from './data';
import { afterResponse, bodyOf, text } from '../../common/request';
import { type ApiContext, type IdParam, type Query, isEmail, nextId, sameEmail } from '../../common/routes';
import { isoSeconds } from '../../common/time';
import {
  UpPromoteError,
  dateRange,
  inRange,
  newestFirst,
  oneOf,
  paginate,
  positiveInt,
  required,
  success,
} from './http';
import type { UpPromoteWebhooks } from './webhooks';

/** [INF] (polymetrics risk note): UpPromote caps API-created affiliates at 150 per day. */
export const DAILY_AFFILIATE_CAP = 150;


/** What the routes work on. */
export type UpPromoteApiContext = ApiContext<UpPromoteState, UpPromoteWebhooks>;

function idOf(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function affiliateByEmail(state: UpPromoteState, email: string): StoredAffiliate {
  const affiliate = state.affiliates.find((candidate) => sameEmail(candidate.email, email));
  if (!affiliate) throw new UpPromoteError(404, `Affiliate with email ${email} not found`);
  return affiliate;
}

/** A decimal amount given as a number or numeric string (422 otherwise). */
function amount(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new UpPromoteError(422, `The ${name} must be a number.`);
  return parsed;
}

/** Laravel's `boolean` rule values; our choice of leniency (the real validation is [UNK]). */
function flag(source: Record<string, unknown>, name: string): boolean | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  throw new UpPromoteError(422, `The ${name} field must be true or false.`);
}

/** GET endpoints [DOC]; filters as listed in the README, newest first, no pagination metadata. */
function readRoutes(server: FastifyInstance, { state }: UpPromoteApiContext): void {
  server.get<Query>('/api/v2/referrals', async ({ query }) => {
    const range = dateRange(query, true);
    const orderId = text(query, 'order_id');
    const email = text(query, 'affiliate_email');
    const programId = positiveInt(query, 'program_id');
    const affiliateIds = email === undefined ? undefined : new Set(state.affiliates.filter((affiliate) => sameEmail(affiliate.email, email)).map((affiliate) => affiliate.id));
    const items = state.referrals.filter(
      (referral) =>
        (orderId === undefined || String(referral.order_id) === orderId) &&
        (programId === undefined || referral.commission_rule.program_id === programId) &&
        (affiliateIds === undefined || affiliateIds.has(referral.affiliate_id)) &&
        inRange(referral.created_at, range),
    );
    return success(paginate(newestFirst(items, (referral) => referral.created_at), query).map((referral) => referralView(state, referral)));
  });

  server.get<IdParam>('/api/v2/referrals/:id', async ({ params }) => {
    const referral = state.referrals.find((candidate) => candidate.id === idOf(params.id));
    if (!referral) throw new UpPromoteError(404, `Referral ${params.id} not found`);
    return success(referralView(state, referral));
  });

  server.get<Query>('/api/v2/affiliates', async ({ query }) => {
    const email = text(query, 'affiliate_email');
    const status = oneOf(query, 'status', ['active', 'inactive', 'pending']);
    const verified = oneOf(query, 'email_verified', ['verified', 'unverified']);
    const range = dateRange(query, false);
    const items = state.affiliates.filter(
      (affiliate) =>
        (email === undefined || sameEmail(affiliate.email, email)) &&
        (status === undefined || affiliate.status === status) &&
        (verified === undefined || affiliate.email_verified === verified) &&
        inRange(affiliate.created_at, range),
    );
    return success(paginate(newestFirst(items, (affiliate) => affiliate.created_at), query).map((affiliate) => affiliateView(state, affiliate)));
  });

  // [INF] data "may be object or 1-item array"; the emulator answers the object.
  server.get<IdParam>('/api/v2/affiliates/:id', async ({ params }) => {
    const affiliate = state.affiliates.find((candidate) => candidate.id === idOf(params.id));
    if (!affiliate) throw new UpPromoteError(404, `Affiliate ${params.id} not found`);
    return success(affiliateView(state, affiliate));
  });

  server.get<Query>('/api/v2/payments/paid', async ({ query }) => {
    const method = oneOf(query, 'payment_method', PAYMENT_METHODS);
    const range = dateRange(query, false); // [INF] from_date filters on the processed time
    const items = state.payments.filter((payment) => (method === undefined || payment.payment_method === method) && inRange(payment.processed_at, range));
    return success(paginate(newestFirst(items, (payment) => payment.processed_at), query));
  });

  server.get<IdParam>('/api/v2/payments/:id', async ({ params }) => {
    const payment = state.payments.find((candidate) => candidate.payment_id === idOf(params.id));
    if (!payment) throw new UpPromoteError(404, `Payment ${params.id} not found`);
    return success(payment);
  });

  server.get<Query>('/api/v2/programs', async ({ query }) => {
    const status = oneOf(query, 'status', ['active', 'inactive']);
    const name = text(query, 'program_name')?.toLowerCase();
    const items = state.programs.filter((program) => (status === undefined || program.status === status) && (name === undefined || program.name.toLowerCase().includes(name)));
    return success(paginate(items, query));
  });
}

/** Approve / deny a referral and an affiliate ([DOC] endpoints, [INF] paths and bodies; responses [UNK], ours: the updated object under `data`). */
function statusRoutes(server: FastifyInstance, { state, hooks, log }: UpPromoteApiContext): void {
  server.post<IdParam>('/api/v2/referral/:id/status', async (request, reply) => {
    const referral = state.referrals.find((candidate) => candidate.id === idOf(request.params.id));
    if (!referral) throw new UpPromoteError(404, `Referral ${request.params.id} not found`);
    const status = oneOf(bodyOf(request.body), 'status', ['approved', 'denied']);
    if (status === undefined) throw new UpPromoteError(422, 'The status field is required.');
    // Our choice: a paid referral is settled and cannot be re-judged.
    if (referral.status === 'paid') throw new UpPromoteError(422, `Referral ${referral.id} has already been paid`);
    const previous = referral.status;
    referral.status = status;
    const view = referralView(state, referral);
    // Only a real change fires (the events say "approved" / "status changed").
    if (previous !== status) {
      const diff = { referral_id: referral.id, previous_status: previous, current_status: status }; // [INF] analogous to the affiliate diff
      afterResponse(reply, log, async () => {
        await hooks.send(status === 'approved' ? 'referral.approved' : 'referral.denied', view);
        await hooks.send('referral.status-changed', diff);
      });
    }
    return success(view);
  });

  server.post('/api/v2/affiliate/active', async (request, reply) => {
    const body = bodyOf(request.body);
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const decision = oneOf(body, 'status', ['approved', 'denied']);
    if (decision === undefined) throw new UpPromoteError(422, 'The status field is required.');
    const previous = affiliate.status;
    affiliate.status = decision === 'approved' ? 'active' : 'inactive';
    const view = affiliateView(state, affiliate);
    if (previous !== affiliate.status) {
      const diff = { affiliate_id: affiliate.id, previous_status: previous, current_status: affiliate.status }; // [DOC] shape
      afterResponse(reply, log, async () => {
        await hooks.send(decision === 'approved' ? 'affiliate.approved' : 'affiliate.inactive', view);
        await hooks.send('affiliate.status-changed', diff);
      });
    }
    return success(view);
  });
}

const OPTIONAL_AFFILIATE_TEXT = ['first_name', 'last_name', 'company', 'address', 'city', 'state', 'zipcode', 'country', 'phone'] as const;

/** `POST /api/v2/affiliates` [DOC]; body [INF] (polymetrics): `email` required; sends affiliate.new. */
function createAffiliateRoute(server: FastifyInstance, { state, hooks, log, now }: UpPromoteApiContext): void {
  server.post('/api/v2/affiliates', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = required(body, 'email');
    if (!isEmail(email)) throw new UpPromoteError(422, 'The email must be a valid email address.');
    if (state.affiliates.some((affiliate) => sameEmail(affiliate.email, email))) throw new UpPromoteError(422, 'The email has already been taken.');
    const programId = positiveInt(body, 'program_id');
    const program = programId === undefined ? state.programs.find((candidate) => candidate.is_default) : state.programs.find((candidate) => candidate.id === programId);
    if (!program) throw new UpPromoteError(422, 'The selected program id is invalid.');
    const status = oneOf(body, 'status', ['active', 'inactive']) ?? 'active'; // default: our choice
    flag(body, 'send_email'); // validated only: the emulator sends no e-mail
    const day = isoSeconds(now()).slice(0, 10);
    const createdToday = state.apiCreatedAffiliates.get(day) ?? 0;
    if (createdToday >= DAILY_AFFILIATE_CAP) throw new UpPromoteError(422, `You can create at most ${DAILY_AFFILIATE_CAP} affiliates per day through the API.`);

    const optional: Partial<StoredAffiliate> = {};
    for (const name of OPTIONAL_AFFILIATE_TEXT) optional[name] = text(body, name) ?? null;
    const affiliate = makeAffiliate({
      ...optional,
      id: nextId(state.affiliates.map((candidate) => candidate.id)),
      email,
      status,
      program_id: program.id,
      created_at: isoSeconds(now()),
    });
    state.affiliates.push(affiliate);
    state.apiCreatedAffiliates.set(day, createdToday + 1);
    const view = affiliateView(state, affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.new', view));
    return success(view);
  });
}

/** The referrals a manual payment covers: the listed ids, else every approved one of the affiliate (our choice). */
function referralsToPay(state: UpPromoteState, affiliate: StoredAffiliate, raw: string | undefined): StoredReferral[] {
  if (raw === undefined) {
    const approved = state.referrals.filter((referral) => referral.affiliate_id === affiliate.id && referral.status === 'approved');
    if (approved.length === 0) throw new UpPromoteError(422, `Affiliate ${affiliate.email} has no approved referrals to pay.`);
    return approved;
  }
  return raw.split(',').map((part) => {
    const id = idOf(part.trim());
    const referral = state.referrals.find((candidate) => candidate.id === id);
    if (!referral || referral.affiliate_id !== affiliate.id) throw new UpPromoteError(422, `Referral ${part.trim()} does not belong to ${affiliate.email}.`);
    if (referral.status !== 'approved') throw new UpPromoteError(422, `Referral ${referral.id} is ${referral.status}; only approved referrals can be paid.`);
    return referral;
  });
}

/** `POST /api/v2/payments/mark-as-paid` [DOC]; body [INF] `{affiliate_email, referral_ids (string), note, message}`; sends payment.paid. */
function markAsPaidRoute(server: FastifyInstance, { state, hooks, log, now }: UpPromoteApiContext): void {
  server.post('/api/v2/payments/mark-as-paid', async (request, reply) => {
    const body = bodyOf(request.body);
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const referrals = referralsToPay(state, affiliate, text(body, 'referral_ids'));
    for (const referral of referrals) referral.status = 'paid';
    // Same fields as the documented payment.paid example; "other" because it was paid outside UpPromote (our choice).
    const payment: UpPayment = {
      payment_id: nextId(state.payments.map((candidate) => candidate.payment_id)),
      affiliate_id: affiliate.id,
      status: 'SUCCESS',
      affiliate_email: affiliate.email,
      total_referrals: referrals.length,
      total_processed: Number(money(referrals.reduce((total, referral) => total + Number(referral.commission), 0))),
      payment_method: 'other',
      processed_at: isoSeconds(now()),
    };
    state.payments.push(payment);
    afterResponse(reply, log, () => hooks.send('payment.paid', { ...payment }));
    return success(payment);
  });
}

/** `POST /api/v2/referrals` [DOC]; body [INF] `{type: use_order_id|fixed_amount, affiliate_email, order_id?, commission?, total_sale?}`; sends referral.new. */
function createReferralRoute(server: FastifyInstance, { state, hooks, log, now }: UpPromoteApiContext): void {
  server.post('/api/v2/referrals', async (request, reply) => {
    const body = bodyOf(request.body);
    const type = oneOf(body, 'type', ['use_order_id', 'fixed_amount']);
    if (type === undefined) throw new UpPromoteError(422, 'The type field is required.');
    const affiliate = affiliateByEmail(state, required(body, 'affiliate_email'));
    const program = state.programs.find((candidate) => candidate.id === affiliate.program_id) ?? state.programs[0];
    const totalSale = amount(body, 'total_sale');
    const commission = amount(body, 'commission');
    const base = { id: nextId(state.referrals.map((referral) => referral.id)), commission_adjustment: '0.00', status: 'pending' as const, refund_id: null, affiliate_id: affiliate.id, coupon_applied: null, created_at: isoSeconds(now()) };

    let referral: StoredReferral;
    if (type === 'use_order_id') {
      const orderId = positiveInt(body, 'order_id');
      if (orderId === undefined) throw new UpPromoteError(422, 'The order_id field is required when type is use_order_id.');
      if (state.referrals.some((candidate) => candidate.order_id === orderId)) throw new UpPromoteError(422, `Order ${orderId} already has a referral.`);
      // The emulator has no Shopify orders: number, customer and totals are constructed.
      const sale = totalSale ?? 0;
      const orderNumbers = state.referrals.map((candidate) => Number(candidate.order_number?.slice(1) ?? 0));
      referral = {
        ...base,
        order_id: orderId,
        order_number: `#${nextId(orderNumbers)}`,
        customer_id: null,
        quantity: 1,
        total_sales: money(sale),
        commission_rule: ruleOf(program),
        commission: money(commission ?? (sale * Number(program.commission_rate)) / 100),
        tracking_type: 'manual',
        customer_email: null,
      };
    } else {
      if (commission === undefined) throw new UpPromoteError(422, 'The commission field is required when type is fixed_amount.');
      // Shaped like the documented referral.new fragment: a manual referral with no order.
      referral = {
        ...base,
        order_id: null,
        order_number: null,
        customer_id: null,
        quantity: null,
        total_sales: money(totalSale ?? 0),
        commission_rule: { ...ruleOf(program), commission_type: 'fixed_amount', commission_rate: money(commission) },
        commission: money(commission),
        tracking_type: 'manual',
        customer_email: null,
      };
    }
    state.referrals.push(referral);
    const view = referralView(state, referral);
    afterResponse(reply, log, () => hooks.send('referral.new', view));
    return success(view);
  });
}

/** Mounts every data and action route on the (guarded) UpPromote plugin. */
export function apiRoutes(server: FastifyInstance, context: UpPromoteApiContext): void {
  readRoutes(server, context);
  statusRoutes(server, context);
  createAffiliateRoute(server, context);
  markAsPaidRoute(server, context);
  createReferralRoute(server, context);
}
