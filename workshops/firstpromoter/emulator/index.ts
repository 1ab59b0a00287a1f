/**
 * The FirstPromoter emulator (API v2 and webhooks v2, shared/platforms/README.md section 6),
 * mounted under `/firstpromoter`: the documented base `https://api.firstpromoter.com/api/v2` is
 * `${emulator.url}/firstpromoter/api/v2`, admin API under `/company`, tracking API under `/track`.
 * Written from the vendor's documents, never from platforms/.
 *
 * - Auth [DOC]: `Authorization: Bearer <key>` and `ACCOUNT-ID: <id>` on every request; a missing or
 *   wrong one → 401 with no body ("No JSON response body is returned").
 * - Errors [DOC]: `{"message", "code"}` (+ `errors` on validation); tracking errors `{"message"}`.
 * - Lists [DOC]: `page` / `per_page` (default 20, max 100); promoters `{data, meta}`, commissions,
 *   payouts, campaigns and webhooks bare arrays.
 * - Bulk actions [DOC]: `{ids}` → a batch object; up to 5 ids processed at once (200 `completed`),
 *   more queued (202 `pending`, processed after the answer).
 * - Webhooks [DOC]: `POST /company/webhooks {url, event_types, headers, max_retries, …}` → 201 with
 *   an integer id; deliveries `{event_id, event_type, action, entity_type, entity_id, changes,
 *   data, timestamp}` with `Content-Type`, `X-Event-Id`, `X-Event-Type` and the subscription's
 *   custom headers. No signature scheme is documented, so none is sent. The create description
 *   promises a `secret_key` in the answer (its schema has none): the emulator returns one (our
 *   reading of that sentence) and never uses it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { installGuard } from '../../../playground/emulator/common/guard';
import { randomText, LOWER_CASE_ALPHANUMERIC } from '../../../playground/emulator/common/ids';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import type { IdParam, Query } from '../../../playground/emulator/common/routes';
import { isEmail, nextId, sameEmail } from '../../../playground/emulator/common/routes';
import { seedCopy } from '../../../playground/emulator/common/seed';
import { isoSeconds } from '../../../playground/emulator/common/time';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { isEventOf, isHttpUrl } from '../../../playground/emulator/common/webhooks';
import seed from './seed.json';

export const API_KEY = 'fp_emu_key_0123456789abcdef0123456789abcdef';
export const ACCOUNT_ID = 'acc_emu_4821';

/**
 * The event-types page as it stands [DOC: webhooks-v2/event-types]. Its 2026-06-01 revision (docs
 * commit 69190c5) removed `promoter.profile.updated` and `payout.commissions.created|updated|deleted`,
 * which the older `GET /webhooks/event_types` example still lists, in favour of
 * `payout.commissions.added|removed`: the emulator follows the page, so it neither sends nor accepts them.
 */
export const EVENTS = [
  'promoter.created', 'promoter.updated', 'promoter.deleted', 'promoter.balance.updated',
  'promoter_campaign.created', 'promoter_campaign.updated', 'promoter_campaign.deleted', 'promoter_campaign.accepted',
  'promoter_campaign.pending', 'promoter_campaign.rejected', 'promoter_campaign.blocked', 'promoter_campaign.inactive',
  'referral.created', 'referral.updated', 'referral.deleted', 'referral.converted', 'referral.cancelled', 'referral.moved',
  'commission.created', 'commission.updated', 'commission.deleted', 'commission.approved', 'commission.pending', 'commission.denied',
  'payout.created', 'payout.updated', 'payout.deleted', 'payout.pending', 'payout.processing', 'payout.completed', 'payout.failed',
  'payout.cancelled', 'payout.commissions.added', 'payout.commissions.removed', 'payout_method.created', 'payout_method.updated',
  'payout_method.deleted', 'payments_batch.created', 'payments_batch.updated', 'payments_batch.deleted',
  'payments_batch.initiated', 'payments_batch.processing', 'payments_batch.completed', 'payments_batch.failed',
  'contract_document.signed',
] as const;
type Event = (typeof EVENTS)[number];

interface Campaign { id: number; name: string; color: string }
interface PromoterCampaign { id: number; campaign_id: number; promoter_id: number; state: string; coupon: string | null; ref_token: string; ref_link: string; created_at: string }
interface Promoter { id: number; email: string; name: string; cust_id: string | null; joined_at: string; profile: Record<string, unknown>; promoter_campaigns: PromoterCampaign[] }
interface Referral { id: number; email: string; uid: string | null; state: string; promoter_campaign_id: number; created_at: string }
interface Commission {
  id: number; status: string; commission_type: string; sale_amount: number; original_sale_amount: number; original_sale_currency: string | null;
  event_id: string | null; unit: string; amount: number; is_paid: boolean; created_at: string; status_updated_at: string | null;
  promoter_campaign_id: number; referral_id: number;
}
interface Payout {
  id: number; status: string; amount: number; unit: string; paid_at: string | null; failed_at: string | null; error: string | null; created_at: string;
  period_start: string; period_end: string; payout_method: Record<string, unknown>; promoter_id: number; campaign_id: number;
}
interface State { campaigns: Campaign[]; promoters: Promoter[]; referrals: Referral[]; commissions: Commission[]; payouts: Payout[] }

interface Webhook {
  id: number; url: string; description: string | null; event_types: Event[]; campaign_ids: number[]; active: boolean; timeout: number;
  max_retries: number; headers: Record<string, string>; basic_auth_user: string | null; basic_auth_enabled: boolean; created_at: string; updated_at: string;
  basic_auth_password?: string;
}

/** A refusal: `{message, code}` [DOC], `errors` on validation; the tracking API's carry only `message`. */
class FpError extends Error {
  constructor(readonly status: 400 | 404 | 409 | 422, message: string, readonly code?: string, readonly errors?: Record<string, string[]>) {
    super(message);
  }
}

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => {
      const account = request.headers['account-id'];
      return request.headers.authorization === `Bearer ${API_KEY}` && account === ACCOUNT_ID ? undefined : { status: 401, body: '' };
    },
    ownError: (error) =>
      error instanceof FpError
        ? { status: error.status, body: { message: error.message, ...(error.code ? { code: error.code } : {}), ...(error.errors ? { errors: error.errors } : {}) } }
        : undefined,
    clientError: (message) => ({ status: 422, body: { message, code: 'invalid_params' } }),
    serverError: () => ({ status: 500, body: { message: 'Internal server error' } }),
    notFound: () => ({ status: 404, body: { message: 'Record not found', code: 'not_found' } }),
  });
}

function paging(query: Record<string, unknown>, perPageDefault = 20): { page: number; perPage: number } {
  const refuse = (name: string) => () => new FpError(422, `param is missing or the value is empty or invalid: ${name}`, 'invalid_params');
  return {
    page: integerParam(query, 'page', { min: 1 }, refuse('page'), 1) ?? 1,
    perPage: integerParam(query, 'per_page', { min: 1, max: 100 }, refuse('per_page'), perPageDefault) ?? perPageDefault,
  };
}

/** Ids of a bulk body: a non-empty array of integers [DOC]. */
function idsOf(body: unknown): number[] {
  const ids = bodyOf(body).ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(Number(id)))) throw new FpError(422, 'param is missing or the value is empty or invalid: ids', 'invalid_params');
  return ids.map(Number);
}

class Store {
  constructor(readonly state: State, private readonly now: () => number) {}
  campaign(id: number): Campaign | undefined { return this.state.campaigns.find((item) => item.id === id); }
  membership(id: number): { promoter: Promoter; membership: PromoterCampaign } | undefined {
    for (const promoter of this.state.promoters) {
      const membership = promoter.promoter_campaigns.find((item) => item.id === id);
      if (membership) return { promoter, membership };
    }
    return undefined;
  }
  /** The API's promoter [DOC: Promoter schema]. */
  promoterView(promoter: Promoter): Record<string, unknown> {
    return {
      id: promoter.id, email: promoter.email, name: promoter.name, cust_id: promoter.cust_id, joined_at: promoter.joined_at, archived_at: null,
      profile: promoter.profile, balances: { cash: 0, credits: 0, points: 0, free_months: 0, discount: 0 },
      promoter_campaigns: promoter.promoter_campaigns.map((item) => this.membershipView(item)),
    };
  }
  membershipView(item: PromoterCampaign): Record<string, unknown> {
    const campaign = this.campaign(item.campaign_id);
    return { ...item, campaign: campaign ? { ...campaign } : null };
  }
  /** The API's commission [DOC: Commission schema, track-sale example]. */
  commissionView(item: Commission): Record<string, unknown> {
    const { promoter_campaign_id: membershipId, referral_id: referralId, ...rest } = item;
    const found = this.membership(membershipId);
    const referral = this.state.referrals.find((candidate) => candidate.id === referralId);
    return {
      ...rest,
      tier: 1,
      promoter_campaign: found
        ? { id: found.membership.id, campaign_id: found.membership.campaign_id, promoter_id: found.promoter.id, promoter: { id: found.promoter.id, email: found.promoter.email, name: found.promoter.name }, campaign: this.campaign(found.membership.campaign_id) ?? null }
        : null,
      referral: referral ? { id: referral.id, email: referral.email, uid: referral.uid } : null,
    };
  }
  /** The commission `data` of a webhook [DOC: payload page, `{id, status, amount, unit, referral, created_at}`]. */
  commissionData(item: Commission): Record<string, unknown> {
    const view = this.commissionView(item);
    return { id: view.id, status: view.status, amount: view.amount, unit: view.unit, referral: view.referral, created_at: view.created_at };
  }
  /** The promoter `data` of a webhook [DOC: payload page]. */
  promoterData(promoter: Promoter): Record<string, unknown> {
    return { id: promoter.id, email: promoter.email, name: promoter.name, cust_id: promoter.cust_id, balances: {}, joined_at: promoter.joined_at, profile: promoter.profile };
  }
  payoutView(item: Payout): Record<string, unknown> {
    const { promoter_id: promoterId, campaign_id: campaignId, ...rest } = item;
    const promoter = this.state.promoters.find((candidate) => candidate.id === promoterId);
    return { ...rest, promoter: promoter ? { id: promoter.id, email: promoter.email, name: promoter.name } : null, campaign: this.campaign(campaignId) ?? null };
  }
  stamp(): string { return isoSeconds(this.now()); }
}

class Webhooks {
  private readonly hooks: Webhook[] = [];
  constructor(private readonly log: DeliveryLog, private readonly now: () => number) {}
  list(): Record<string, unknown>[] { return this.hooks.map(view); }
  find(id: string): Webhook {
    const hook = /^\d+$/.test(id) ? this.hooks.find((item) => item.id === Number(id)) : undefined;
    if (!hook) throw new FpError(404, 'Record not found', 'not_found');
    return hook;
  }
  create(body: unknown): Record<string, unknown> {
    const source = bodyOf(body);
    const errors: Record<string, string[]> = {};
    const url = source.url;
    const types = source.event_types;
    if (typeof url !== 'string' || !isHttpUrl(url)) errors.url = ['is invalid'];
    if (!Array.isArray(types) || types.length === 0) errors.event_types = ["can't be blank"];
    else if (!types.every((type) => isEventOf(EVENTS, type))) errors.event_types = [`contains unknown event types: ${types.filter((type) => !isEventOf(EVENTS, type)).join(', ')}`];
    const retries = source.max_retries ?? 3;
    if (!Number.isInteger(retries) || (retries as number) < 0 || (retries as number) > 10) errors.max_retries = ['must be between 0 and 10'];
    const headers = source.headers ?? {};
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || !Object.values(headers).every((value) => typeof value === 'string')) errors.headers = ['must be an object of strings'];
    if (Object.keys(errors).length > 0) throw new FpError(422, `Validation failed: ${Object.entries(errors).map(([key, value]) => `${key} ${value[0]}`).join(', ')}`, 'invalid_params', errors);
    const stamp = isoSeconds(this.now());
    const hook: Webhook = {
      id: nextId(this.hooks.map((item) => item.id)) + 700, url: String(url), description: typeof source.description === 'string' ? source.description : null,
      event_types: [...new Set(types as Event[])], campaign_ids: Array.isArray(source.campaign_ids) ? source.campaign_ids.map(Number) : [1],
      active: source.active !== false, timeout: Number(source.timeout ?? 30), max_retries: retries as number, headers: { ...(headers as Record<string, string>) },
      basic_auth_user: typeof source.basic_auth_user === 'string' ? source.basic_auth_user : null, basic_auth_enabled: typeof source.basic_auth_user === 'string',
      basic_auth_password: typeof source.basic_auth_password === 'string' ? source.basic_auth_password : undefined, created_at: stamp, updated_at: stamp,
    };
    this.hooks.push(hook);
    return { ...view(hook), secret_key: `whsk_${randomText(LOWER_CASE_ALPHANUMERIC, 32)}` };
  }
  remove(id: string): void {
    const hook = this.find(id);
    this.hooks.splice(this.hooks.indexOf(hook), 1);
  }
  /** Sends one envelope to every active subscription of `event` [DOC: payload page]. */
  async send(event: Event, payload: { entity: string; data: Record<string, unknown>; changes?: Record<string, unknown> }): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    const action = event.endsWith('.created') ? 'created' : event.endsWith('.deleted') ? 'deleted' : 'updated';
    for (const hook of this.hooks.filter((item) => item.active && item.event_types.includes(event))) {
      const eventId = randomUUID();
      const body = JSON.stringify({
        event_id: eventId, event_type: event, action, entity_type: payload.entity, entity_id: payload.data.id ?? null,
        changes: payload.changes ?? {}, data: payload.data, timestamp: isoSeconds(this.now()),
      });
      const auth: Record<string, string> = hook.basic_auth_user ? { Authorization: `Basic ${Buffer.from(`${hook.basic_auth_user}:${hook.basic_auth_password ?? ''}`).toString('base64')}` } : {};
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Event-Id': eventId, 'X-Event-Type': event, ...hook.headers, ...auth };
      records.push(await this.log.send({ vendor: 'firstpromoter', event, targetUrl: hook.url, body, headers }));
    }
    return records;
  }
}

function view(hook: Webhook): Record<string, unknown> {
  const { basic_auth_password: _password, ...rest } = hook;
  return { ...rest, event_types: [...rest.event_types], headers: { ...rest.headers } };
}

type Fire = (event: Event, payload: { entity: string; data: Record<string, unknown>; changes?: Record<string, unknown> }) => void;

/** A batch object [DOC]: ≤ 5 ids done now (`completed`), more queued (`pending`, 202). */
function batch(ids: number[], failed: string[], status: 'completed' | 'pending', stamp: string): Record<string, unknown> {
  return {
    id: 900000 + ids[0], status, action_label: 'bulk', total: ids.length, processed_count: status === 'completed' ? ids.length - failed.length : 0,
    failed_count: status === 'completed' ? failed.length : 0, processing_errors: status === 'completed' ? failed : [], created_at: stamp, updated_at: stamp,
  };
}

function adminRoutes(server: FastifyInstance, store: Store, hooks: Webhooks, log: DeliveryLog): void {
  const { state } = store;
  const later = (reply: Parameters<typeof afterResponse>[0], work: () => Promise<unknown>) => afterResponse(reply, log, work);
  const fire = (reply: Parameters<typeof afterResponse>[0]): Fire => (event, payload) => later(reply, () => hooks.send(event, payload));

  // Webhooks [DOC: openapi-v2-webhooks.json]; list newest first, per_page default 25.
  server.get('/api/v2/company/webhooks/event_types', async () => ({ data: [...EVENTS] }));
  server.get<Query>('/api/v2/company/webhooks', async ({ query }) => {
    const { page, perPage } = paging(query, 25);
    return pageOf([...hooks.list()].reverse(), page, perPage);
  });
  server.post('/api/v2/company/webhooks', async (request, reply) => reply.code(201).send(hooks.create(request.body)));
  server.get<IdParam>('/api/v2/company/webhooks/:id', async ({ params }) => view(hooks.find(params.id)));
  server.delete<IdParam>('/api/v2/company/webhooks/:id', async ({ params }) => {
    const gone = view(hooks.find(params.id));
    hooks.remove(params.id);
    return gone;
  });

  server.get('/api/v2/company/campaigns', async () => state.campaigns.map((item) => ({ ...item })));

  // Promoters [DOC]: q (email, name, ref_id), filters[state], sorting[joined_at].
  server.get<Query>('/api/v2/company/promoters', async ({ query }) => {
    const { page, perPage } = paging(query);
    const q = text(query, 'q')?.toLowerCase();
    const wantedState = text(query, 'filters[state]');
    let items = state.promoters.filter((item) => q === undefined || item.email.toLowerCase().includes(q) || item.name.toLowerCase().includes(q) || item.promoter_campaigns.some((m) => m.ref_token === q));
    if (wantedState) items = items.filter((item) => item.promoter_campaigns.some((m) => m.state === wantedState));
    const direction = text(query, 'sorting[joined_at]');
    if (direction) items = [...items].sort((a, b) => (direction === 'desc' ? -1 : 1) * a.joined_at.localeCompare(b.joined_at));
    const pending = state.promoters.filter((item) => item.promoter_campaigns.some((m) => m.state === 'pending')).length;
    return { data: pageOf(items, page, perPage).map((item) => store.promoterView(item)), meta: { pending_count: pending } };
  });
  server.post('/api/v2/company/promoters', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = text(body, 'email');
    if (email === undefined) throw new FpError(422, 'param is missing or the value is empty or invalid: email', 'invalid_params');
    if (!isEmail(email)) throw new FpError(400, 'Validation failed: Email is invalid', 'invalid_record', { email: ['is invalid'] });
    if (state.promoters.some((item) => sameEmail(item.email, email))) throw new FpError(400, 'Validation failed: Email has already been taken', 'invalid_record', { email: ['has already been taken'] });
    const profile = bodyOf(body.profile);
    const campaignId = body.initial_campaign_id === undefined ? state.campaigns[0].id : Number(body.initial_campaign_id);
    if (!store.campaign(campaignId)) throw new FpError(404, 'Record not found', 'not_found');
    const id = nextId(state.promoters.map((item) => item.id));
    const stamp = store.stamp();
    const first = text(profile, 'first_name') ?? '';
    const last = text(profile, 'last_name') ?? '';
    const membershipId = nextId(state.promoters.flatMap((item) => item.promoter_campaigns.map((m) => m.id)));
    const promoter: Promoter = {
      id, email, name: `${first} ${last}`.trim() || email, cust_id: text(body, 'cust_id') ?? null, joined_at: stamp,
      profile: { id, first_name: first, last_name: last, website: text(profile, 'website') ?? '', company_name: text(profile, 'company_name') ?? '', phone_number: '', country: text(profile, 'country') ?? null, paypal_email: null, avatar: null },
      promoter_campaigns: [{ id: membershipId, campaign_id: campaignId, promoter_id: id, state: body.always_approve === false ? 'pending' : 'accepted', coupon: null, ref_token: `ref${id}`, ref_link: `https://example.com?fpr=ref${id}`, created_at: stamp }],
    };
    state.promoters.push(promoter);
    fire(reply)('promoter.created', { entity: 'promoter', data: store.promoterData(promoter) });
    return reply.code(201).send(store.promoterView(promoter));
  });
  for (const [route, newState, event] of [['accept', 'accepted', 'promoter_campaign.accepted'], ['reject', 'rejected', 'promoter_campaign.rejected']] as const) {
    server.post(`/api/v2/company/promoters/${route}`, async (request, reply) => {
      const ids = idsOf(request.body);
      const campaignId = Number(bodyOf(request.body).campaign_id);
      if (!store.campaign(campaignId)) throw new FpError(422, 'param is missing or the value is empty or invalid: campaign_id', 'invalid_params');
      const queued = ids.length > 5;
      const failed: string[] = [];
      const apply = () => {
        for (const id of ids) {
          const promoter = state.promoters.find((item) => item.id === id);
          const membership = promoter?.promoter_campaigns.find((m) => m.campaign_id === campaignId);
          if (!promoter || !membership) { failed.push(`Promoter ${id}: not found in campaign ${campaignId}`); continue; }
          const before = membership.state;
          membership.state = newState;
          const data = { ...store.membershipView(membership), promoter: { id: promoter.id, email: promoter.email, name: promoter.name } };
          fire(reply)(event, { entity: 'promoter_campaign', data, changes: { state: [before, newState] } });
          fire(reply)('promoter_campaign.updated', { entity: 'promoter_campaign', data, changes: { state: [before, newState] } });
        }
      };
      if (queued) later(reply, async () => apply());
      else apply();
      return reply.code(queued ? 202 : 200).send(batch(ids, failed, queued ? 'pending' : 'completed', store.stamp()));
    });
  }

  // Commissions [DOC]: bare array; q searches event_id, referral email and uid; ids[]; sorting[created_at].
  server.get<Query>('/api/v2/company/commissions', async ({ query }) => {
    const { page, perPage } = paging(query);
    const q = text(query, 'q')?.toLowerCase();
    let items = state.commissions.filter((item) => {
      if (q === undefined) return true;
      const referral = state.referrals.find((candidate) => candidate.id === item.referral_id);
      return [item.event_id, referral?.email, referral?.uid].some((value) => typeof value === 'string' && value.toLowerCase().includes(q));
    });
    const wanted = text(query, 'filters[status]');
    if (wanted) items = items.filter((item) => item.status === wanted);
    const direction = text(query, 'sorting[created_at]');
    if (direction) items = [...items].sort((a, b) => (direction === 'desc' ? -1 : 1) * a.created_at.localeCompare(b.created_at));
    return pageOf(items, page, perPage).map((item) => store.commissionView(item));
  });
  for (const [route, newStatus, event] of [['approve', 'approved', 'commission.approved'], ['deny', 'denied', 'commission.denied']] as const) {
    server.post(`/api/v2/company/commissions/${route}`, async (request, reply) => {
      const ids = idsOf(request.body);
      const queued = ids.length > 5;
      const failed: string[] = [];
      const apply = () => {
        for (const id of ids) {
          const item = state.commissions.find((candidate) => candidate.id === id);
          if (!item) { failed.push(`Commission ${id}: Record not found`); continue; }
          const before = item.status;
          item.status = newStatus;
          item.status_updated_at = store.stamp();
          const changes = { status: [before, newStatus] };
          fire(reply)(event, { entity: 'commission', data: store.commissionData(item), changes });
          fire(reply)('commission.updated', { entity: 'commission', data: store.commissionData(item), changes });
        }
      };
      if (queued) later(reply, async () => apply());
      else apply();
      return reply.code(queued ? 202 : 200).send(batch(ids, failed, queued ? 'pending' : 'completed', store.stamp()));
    });
  }

  // Payouts [DOC]: bare array; mark_as_paid → {data: batch, meta}.
  server.get<Query>('/api/v2/company/payouts', async ({ query }) => {
    const { page, perPage } = paging(query);
    const wanted = text(query, 'filters[status]');
    return pageOf(state.payouts.filter((item) => !wanted || item.status === wanted), page, perPage).map((item) => store.payoutView(item));
  });
  server.post('/api/v2/company/payouts/mark_as_paid', async (request, reply) => {
    const ids = idsOf(request.body);
    const queued = ids.length > 5;
    const failed: string[] = [];
    let total = 0;
    const apply = () => {
      for (const id of ids) {
        const item = state.payouts.find((candidate) => candidate.id === id);
        if (!item || item.status === 'completed') { failed.push(`Payout ${id}: ${item ? 'already paid' : 'Record not found'}`); continue; }
        const before = item.status;
        item.status = 'completed';
        item.paid_at = store.stamp();
        total += item.amount;
        fire(reply)('payout.completed', { entity: 'payout', data: store.payoutView(item), changes: { status: [before, 'completed'] } });
      }
    };
    if (queued) later(reply, async () => apply());
    else apply();
    return reply.code(queued ? 202 : 200).send({ data: batch(ids, failed, queued ? 'pending' : 'completed', store.stamp()), meta: { total, promoters_count: 1 } });
  });
}

/**
 * What a tracking call (sale, refund) names [DOC: openapi-v2-tracking.json]: the lead by `email` or
 * `uid` (one required), its own `event_id` (required, once per kind: 409 on a repeat) and `amount`
 * (integer cents).
 * @returns the amount, the event id and the matching referral, if any
 * @throws FpError 400 / 409 with the tracking API's `{message}`
 */
function trackedCall(store: Store, body: Record<string, unknown>, kind: 'sale' | 'refund'): { amount: number; eventId: string; referral: Referral | undefined } {
  const email = text(body, 'email');
  const uid = text(body, 'uid');
  const eventId = text(body, 'event_id');
  if (email === undefined && uid === undefined) throw new FpError(400, 'Error. Email and uid can not be blank!');
  if (eventId === undefined || !Number.isInteger(body.amount) || (body.amount as number) < 0) throw new FpError(400, 'Error. Amount blank or invalid.');
  if (store.state.commissions.some((item) => item.event_id === eventId)) throw new FpError(409, `The '${kind}' event with the id '${eventId}' already exists.`);
  const referral = store.state.referrals.find((item) => (email !== undefined && sameEmail(item.email, email)) || (uid !== undefined && item.uid === uid));
  return { amount: body.amount as number, eventId, referral };
}

/** Tracking API [DOC: openapi-v2-tracking.json]: `POST /track/sale`, errors `{message}` only (`POST /track/refund`: refundRoute). */
function trackingRoutes(server: FastifyInstance, store: Store, hooks: Webhooks, log: DeliveryLog): void {
  const { state } = store;
  server.post('/api/v2/track/sale', async (request, reply) => {
    const body = bodyOf(request.body);
    const { amount, eventId, referral } = trackedCall(store, body, 'sale');
    if (!referral) throw new FpError(404, 'No referral found with the provided email or uid, or promoter is banned.');
    const stamp = store.stamp();
    const currency = text(body, 'currency')?.toUpperCase() ?? null;
    const commission: Commission = {
      id: nextId(state.commissions.map((item) => item.id)), status: 'pending', commission_type: 'sale', sale_amount: amount, original_sale_amount: amount,
      original_sale_currency: currency, event_id: eventId, unit: 'cash', amount: Math.round(amount * 0.2), is_paid: false, created_at: stamp,
      status_updated_at: null, promoter_campaign_id: referral.promoter_campaign_id, referral_id: referral.id,
    };
    state.commissions.push(commission);
    afterResponse(reply, log, () => hooks.send('commission.created', { entity: 'commission', data: store.commissionData(commission) }));
    const view = store.commissionView(commission);
    return {
      id: commission.id + 31_000_000, etype: 'sale', sale_amount: amount, original_sale_amount: amount, original_sale_currency: currency, event_id: eventId,
      plan_id: null, billing_period: null, created_at: stamp, referral: view.referral, commissions: [view],
    };
  });
}

/**
 * `POST /track/refund` [DOC: openapi-v2-tracking.json]: "similar to the sale call … except that it
 * generates negative commissions"; `event_id` (the refund's own) and `amount` (cents) required,
 * `sale_event_id` optional; 204 when no referral matches (the sale call's documented rule), 409 on a
 * repeated `event_id`. The answer `{id, type: 'refund', amount_cents, reward, lead, promoter}`; the
 * reward's status `approved` and its negative amount as in the example; its rate is the emulator's 20%.
 */
function refundRoute(server: FastifyInstance, store: Store, hooks: Webhooks, log: DeliveryLog): void {
  const { state } = store;
  server.post('/api/v2/track/refund', async (request, reply) => {
    const { amount, eventId, referral } = trackedCall(store, bodyOf(request.body), 'refund');
    if (!referral) return reply.code(204).send();
    const stamp = store.stamp();
    const commission: Commission = {
      id: nextId(state.commissions.map((item) => item.id)), status: 'approved', commission_type: 'sale', sale_amount: -amount, original_sale_amount: -amount,
      original_sale_currency: null, event_id: eventId, unit: 'cash', amount: -Math.round(amount * 0.2), is_paid: false, created_at: stamp,
      status_updated_at: null, promoter_campaign_id: referral.promoter_campaign_id, referral_id: referral.id,
    };
    state.commissions.push(commission);
    afterResponse(reply, log, () => hooks.send('commission.created', { entity: 'commission', data: store.commissionData(commission) }));
    const lead = { id: referral.id, state: referral.state, email: referral.email, uid: referral.uid, created_at: referral.created_at };
    const promoter = store.membership(referral.promoter_campaign_id)?.promoter;
    const reward = { id: commission.id, status: commission.status, amount: commission.amount, unit: 'cash', created_at: stamp, lead, event_id: eventId, conversion_amount: -amount, tier_level: 1, split_type: null };
    return { id: commission.id + 33_000_000, type: 'refund', amount_cents: -amount, reward, lead, promoter: promoter ? { id: promoter.id, email: promoter.email, cust_id: promoter.cust_id, created_at: promoter.joined_at } : null };
  });
}

/** The `fire` payload of each event: the documented example where there is one, else the current object [INF: the API object]. */
function examplePayload(store: Store, event: Event, overrides: Record<string, unknown>): { entity: string; data: Record<string, unknown>; changes?: Record<string, unknown> } {
  const { state } = store;
  const [entity] = event.split('.');
  const merge = (data: Record<string, unknown>, changes?: Record<string, unknown>) => ({ entity, data: { ...data, ...overrides }, ...(changes ? { changes } : {}) });
  if (event === 'referral.updated') {
    // Verbatim [DOC: payload page example].
    return merge({ id: 55678, state: 'active', email: 'user@example.com', uid: 'user_ext_id', customer_since: '2025-01-20T14:00:00Z', fraud_check: 'no_suspicion', created_at: '2025-01-18T09:00:00Z' }, { state: ['signup', 'active'], customer_since: [null, '2025-01-20T14:00:00Z'] });
  }
  if (event === 'contract_document.signed') {
    return merge({ id: 4421, promoter_id: 12345, signed_at: '2025-01-22T08:45:00Z', created_at: '2025-01-10T12:00:00Z' }, { signed_at: [null, '2025-01-22T08:45:00Z'] });
  }
  if (entity === 'commission') {
    const item = state.commissions.find((candidate) => candidate.status === (event === 'commission.approved' ? 'approved' : event === 'commission.denied' ? 'approved' : 'pending')) ?? state.commissions[0];
    const status = event === 'commission.denied' ? 'denied' : item.status;
    return merge({ ...store.commissionData(item), status });
  }
  if (entity === 'promoter') return merge(store.promoterData(state.promoters[0]));
  if (entity === 'promoter_campaign') {
    const promoter = state.promoters[1];
    const membership = promoter.promoter_campaigns[0];
    const named = event.split('.')[1];
    const stateName = ({ accepted: 'accepted', rejected: 'rejected', blocked: 'blocked', inactive: 'inactive', pending: 'pending' } as Record<string, string>)[named] ?? membership.state;
    return merge({ ...store.membershipView(membership), state: stateName, promoter: { id: promoter.id, email: promoter.email, name: promoter.name } });
  }
  if (entity === 'payout') {
    const item = event === 'payout.completed' ? state.payouts[1] : state.payouts[0];
    const data = store.payoutView(item);
    return merge(event === 'payout.failed' ? { ...data, status: 'failed', failed_at: store.stamp(), error: 'PayPal account not verified' } : data);
  }
  return merge({ id: 1 });
}

/** FirstPromoter for the emulator: credentials `{ api_key, account_id }` and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ api_key: string; account_id: string }> = {
  credentials: { api_key: API_KEY, account_id: ACCOUNT_ID },
  create({ now, log }) {
    const store = new Store(seedCopy<State>(seed), now);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server);
        adminRoutes(server, store, hooks, log);
        trackingRoutes(server, store, hooks, log);
        refundRoute(server, store, hooks, log);
      },
      events: EVENTS,
      fire: async (name, overrides) => {
        if (!isEventOf(EVENTS, name)) throw new Error(`FirstPromoter sends no event "${name}"`);
        return hooks.send(name, examplePayload(store, name, overrides ?? {}));
      },
      subscriptions: () => hooks.list(),
    };
  },
};
