/**
 * The Rewardful emulator, mounted under `/rewardful` (the documented base URL
 * `https://api.getrewardful.com/v1` becomes `${emulator.url}/rewardful/v1`). Written from
 * shared/platforms/README.md section 8 and its saved examples, never from platforms/.
 *
 * - Auth [DOC]: HTTP Basic, the API Secret as user name and an empty password; anything else is
 *   401 `{"error": "Invalid API Secret."}` (the saved example).
 * - Bodies [DOC]: form-encoded. A JSON body on a write is refused with 415 (our choice: the
 *   documented encoding only, so an app sending JSON fails here).
 * - Lists [DOC]: `page` + `limit` (default 25, max 100), newest first, `{pagination, data}`;
 *   `expand[]` inlines related objects (what a list item holds without it is our reading:
 *   the related object is left out).
 * - Webhooks [DOC]: added in the dashboard only (`register` stands in for it); envelope
 *   `{object, event: {id, type, created_at, api_version: "v1"}, request: {id}}`, signed with
 *   `X-Rewardful-Signature` = lower-case hex HMAC-SHA256 of the raw body with the endpoint's secret.
 * - Actions [DOC]: create affiliate (422 on invalid data), update affiliate (`state`, whose values
 *   `active | disabled | suspicious` are a third-party reading [INF]), mark a payout paid (answers
 *   `processing`, then becomes `paid` and sends payout.paid: the delay is our model of "queued").
 */
import { randomUUID } from 'node:crypto';
import { parse as parseForm } from 'node:querystring';
import type { FastifyInstance } from 'fastify';
import { DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import { type IdParam, type Query, isEmail, sameEmail } from '../../../playground/emulator/common/routes';
import { seedCopy } from '../../../playground/emulator/common/seed';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { hmacSha256Hex } from '../../../playground/emulator/common/webhooks';
import seed from './seed.json';

/** The secret the emulator accepts (our format). */
export const API_SECRET = 'rewardful_emu_secret_0123456789abcdef';

/** [DOC] webhooks/event-types. */
export const EVENTS = [
  'affiliate.created',
  'affiliate.confirmed',
  'affiliate.updated',
  'affiliate.deleted',
  'affiliate_link.created',
  'affiliate_link.updated',
  'affiliate_link.deleted',
  'affiliate_coupon.created',
  'affiliate_coupon.updated',
  'affiliate_coupon.activated',
  'affiliate_coupon.deactivated',
  'affiliate_coupon.deleted',
  'referral.created',
  'referral.lead',
  'referral.converted',
  'referral.deleted',
  'sale.created',
  'sale.updated',
  'sale.refunded',
  'sale.deleted',
  'commission.created',
  'commission.updated',
  'commission.paid',
  'commission.voided',
  'commission.deleted',
  'payout.created',
  'payout.updated',
  'payout.due',
  'payout.paid',
  'payout.deleted',
  'payout.failed',
] as const;
type Event = (typeof EVENTS)[number];

/** [DOC] header name. */
export const SIGNATURE_HEADER = 'X-Rewardful-Signature';

type Json = Record<string, unknown>;

/** Stored affiliate: the documented object with `campaign_id` in place of the embedded campaign. */
interface Affiliate extends Json {
  id: string;
  email: string;
  state: string;
  campaign_id: string;
  created_at: string;
}
interface Commission extends Json {
  id: string;
  state: string;
  affiliate_id: string;
  sale: Json;
  created_at: string;
}
interface Payout extends Json {
  id: string;
  state: string;
  affiliate_id: string;
  commission_ids: string[];
  created_at: string;
}
interface State {
  campaigns: (Json & { id: string })[];
  affiliates: Affiliate[];
  commissions: Commission[];
  payouts: Payout[];
  /** The documented payout example's commissions (not otherwise in the store). */
  payoutCommissions: (Json & { id: string })[];
  visitorReferral: Json;
}

/**
 * A fresh copy of the seeded account, from `seed.json`: the documented examples (the payout's
 * affiliate Joe, the commission's affiliate James, the 2019 affiliate Adam, the commission, the
 * payout, the visitor referral) with `state`s added where the 2020 examples have none (Adam `disabled`, ours, so an approval has something to do), plus one
 * constructed pending commission and one constructed due payout.
 */
function seedState(): State {
  return seedCopy<State>(seed);
}

class VendorError extends Error {
  constructor(
    readonly status: 404 | 415 | 422,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

const EXPECTED_AUTH = `Basic ${Buffer.from(`${API_SECRET}:`).toString('base64')}`;

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => (request.headers.authorization === EXPECTED_AUTH ? undefined : { status: 401, body: { error: 'Invalid API Secret.' } }),
    ownError: (error) =>
      error instanceof VendorError ? { status: error.status, body: error.details ? { error: error.message, details: error.details } : { error: error.message } } : undefined,
    clientError: (message) => ({ status: 400, body: { error: message } }),
    serverError: () => ({ status: 500, body: { error: 'Internal server error' } }),
    notFound: () => ({ status: 404, body: { error: 'Not found' } }),
  });
  // [DOC] form-encoded request bodies.
  server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, parseForm(String(body))));
  server.addHook('preHandler', async (request) => {
    if ((request.method === 'POST' || request.method === 'PUT') && (request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new VendorError(415, 'Rewardful accepts form-encoded request bodies (application/x-www-form-urlencoded).');
    }
  });
}

/** `expand` / `expand[]` values of a query. */
function expands(query: Json): Set<string> {
  const values = [query['expand[]'], query.expand].flat().filter((value): value is string => typeof value === 'string');
  return new Set(values);
}

function found<T extends { id: string }>(items: readonly T[], id: string, noun: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new VendorError(404, `${noun} not found.`);
  return item;
}

/** [DOC] `{pagination: {previous_page, current_page, next_page, count, limit, total_pages, total_count}, data}`. */
function paged<T>(items: readonly T[], query: Json): { pagination: Json; data: T[] } {
  const refuse = (name: string) => () => new VendorError(422, `${name} must be a positive integer`);
  const page = integerParam(query, 'page', { min: 1 }, refuse('page'), 1) ?? 1;
  const limit = integerParam(query, 'limit', { min: 1, max: 100 }, refuse('limit'), 25) ?? 25;
  const data = pageOf(items, page, limit);
  const totalPages = Math.max(1, Math.ceil(items.length / limit));
  return {
    pagination: { previous_page: page > 1 ? page - 1 : null, current_page: page, next_page: page < totalPages ? page + 1 : null, count: data.length, limit, total_pages: totalPages, total_count: items.length },
    data,
  };
}

const newestFirst = <T extends { created_at: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => b.created_at.localeCompare(a.created_at));

function affiliateView(state: State, affiliate: Affiliate): Json {
  const { campaign_id, ...rest } = affiliate;
  const campaign = state.campaigns.find((candidate) => candidate.id === campaign_id);
  return { ...rest, campaign: campaign ?? null };
}

function commissionView(state: State, commission: Commission, withSale: boolean): Json {
  const { affiliate_id, sale, ...rest } = commission;
  const campaign = state.campaigns.find((candidate) => candidate.id === (state.affiliates.find((a) => a.id === affiliate_id)?.campaign_id ?? ''));
  const view: Json = { ...rest, campaign: campaign ?? null };
  if (withSale) {
    const affiliate = state.affiliates.find((candidate) => candidate.id === affiliate_id);
    view.sale = { ...sale, affiliate: affiliate ? affiliateView(state, affiliate) : null };
  }
  return view;
}

function payoutView(state: State, payout: Payout, expand: Set<string>): Json {
  const { affiliate_id, commission_ids, ...rest } = payout;
  const view: Json = { ...rest };
  if (expand.has('affiliate')) {
    const affiliate = state.affiliates.find((candidate) => candidate.id === affiliate_id);
    if (affiliate) {
      const { campaign_id: _campaign, links: _links, ...plain } = affiliate;
      view.affiliate = plain;
    }
  }
  if (expand.has('commissions')) {
    view.commissions = commission_ids.map((id) => {
      const stored = state.commissions.find((candidate) => candidate.id === id);
      if (stored) {
        const { sale: _sale, affiliate_id: _affiliate, campaign: _campaign, ...plain } = stored;
        return plain;
      }
      return state.payoutCommissions.find((candidate) => candidate.id === id) ?? { id };
    });
  }
  return view;
}

const AFFILIATE_STATES = ['active', 'disabled', 'suspicious'];
const COMMISSION_STATES = ['due', 'pending', 'paid', 'voided'];
const PAYOUT_STATES = ['pending', 'due', 'processing', 'paid'];

/** `state` / `state[]` filter values, each checked against the documented set. */
function stateFilter(query: Json, allowed: readonly string[]): Set<string> | undefined {
  const values = [query['state[]'], query.state].flat().filter((value): value is string => typeof value === 'string');
  if (values.length === 0) return undefined;
  const wrong = values.filter((value) => !allowed.includes(value));
  if (wrong.length > 0) throw new VendorError(422, `Invalid state: ${wrong.join(', ')}`);
  return new Set(values);
}

interface Context {
  state: State;
  hooks: Webhooks;
  log: DeliveryLog;
  now: () => number;
}

function affiliateRoutes(server: FastifyInstance, { state, hooks, log, now }: Context): void {
  // [DOC] filters campaign_id, email ("one (or zero) items"), stripe_customer_id.
  server.get<Query>('/v1/affiliates', async ({ query }) => {
    const email = text(query, 'email');
    const campaign = text(query, 'campaign_id');
    const customer = text(query, 'stripe_customer_id');
    const items = newestFirst(state.affiliates).filter(
      (affiliate) =>
        (email === undefined || sameEmail(affiliate.email, email)) &&
        (campaign === undefined || affiliate.campaign_id === campaign) &&
        (customer === undefined || affiliate.stripe_customer_id === customer),
    );
    const page = paged(items, query);
    return { ...page, data: page.data.map((affiliate) => affiliateView(state, affiliate)) };
  });

  server.get<IdParam>('/v1/affiliates/:id', async ({ params }) => affiliateView(state, found(state.affiliates, params.id, 'Affiliate')));

  // [DOC] first_name, last_name, email required; campaign_id optional (default campaign).
  server.post('/v1/affiliates', async (request, reply) => {
    const body = bodyOf(request.body);
    const details = ['first_name', 'last_name', 'email'].filter((name) => text(body, name) === undefined).map((name) => `${name.replace('_', ' ').replace(/^./, (c) => c.toUpperCase())} can't be blank`);
    const email = text(body, 'email');
    if (email !== undefined && !isEmail(email)) details.push('Email is invalid');
    if (email !== undefined && state.affiliates.some((affiliate) => sameEmail(affiliate.email, email))) details.push('Email has already been taken');
    const campaignId = text(body, 'campaign_id') ?? state.campaigns[0].id;
    if (!state.campaigns.some((campaign) => campaign.id === campaignId)) details.push('Campaign not found');
    if (details.length > 0) throw new VendorError(422, 'Validation failed', details);
    const at = new Date(now()).toISOString();
    const affiliate: Affiliate = {
      id: randomUUID(),
      created_at: at,
      updated_at: at,
      state: 'active',
      first_name: text(body, 'first_name'),
      last_name: text(body, 'last_name'),
      email: email ?? '',
      paypal_email: text(body, 'paypal_email') ?? null,
      wise_email: text(body, 'wise_email') ?? null,
      confirmed_at: null,
      stripe_customer_id: text(body, 'stripe_customer_id') ?? null,
      visitors: 0,
      leads: 0,
      conversions: 0,
      campaign_id: campaignId,
      links: [{ id: randomUUID(), url: `https://www.example.com/?via=${text(body, 'token') ?? randomUUID().slice(0, 8)}`, token: text(body, 'token') ?? null, visitors: 0, leads: 0, conversions: 0 }],
    };
    state.affiliates.push(affiliate);
    const view = affiliateView(state, affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.created', view));
    return view;
  });

  // [DOC] update; `state` values [INF].
  server.put<IdParam>('/v1/affiliates/:id', async (request, reply) => {
    const affiliate = found(state.affiliates, request.params.id, 'Affiliate');
    const body = bodyOf(request.body);
    const next = text(body, 'state');
    if (next !== undefined && !AFFILIATE_STATES.includes(next)) throw new VendorError(422, 'Validation failed', [`State is not included in the list`]);
    for (const name of ['first_name', 'last_name', 'email', 'paypal_email', 'wise_email'] as const) {
      const value = text(body, name);
      if (value !== undefined) affiliate[name] = value;
    }
    if (next !== undefined) affiliate.state = next;
    affiliate.updated_at = new Date(now()).toISOString();
    const view = affiliateView(state, affiliate);
    afterResponse(reply, log, () => hooks.send('affiliate.updated', view));
    return view;
  });
}

function commissionAndPayoutRoutes(server: FastifyInstance, { state, hooks, log, now }: Context): void {
  server.get<Query>('/v1/commissions', async ({ query }) => {
    const states = stateFilter(query, COMMISSION_STATES);
    const affiliate = text(query, 'affiliate_id');
    const withSale = expands(query).has('sale');
    const items = newestFirst(state.commissions).filter((item) => (states === undefined || states.has(item.state)) && (affiliate === undefined || item.affiliate_id === affiliate));
    const page = paged(items, query);
    return { ...page, data: page.data.map((item) => commissionView(state, item, withSale)) };
  });

  // The documented commission example carries its sale: retrieve always inlines it (our reading).
  server.get<IdParam>('/v1/commissions/:id', async ({ params }) => commissionView(state, found(state.commissions, params.id, 'Commission'), true));

  server.get<Query>('/v1/payouts', async ({ query }) => {
    const states = stateFilter(query, PAYOUT_STATES);
    const affiliate = text(query, 'affiliate_id');
    const expand = expands(query);
    const items = newestFirst(state.payouts).filter((item) => (states === undefined || states.has(item.state)) && (affiliate === undefined || item.affiliate_id === affiliate));
    const page = paged(items, query);
    return { ...page, data: page.data.map((item) => payoutView(state, item, expand)) };
  });

  // The documented retrieve example has `affiliate` and `commissions`.
  const FULL = new Set(['affiliate', 'commissions']);
  server.get<IdParam>('/v1/payouts/:id', async ({ params }) => payoutView(state, found(state.payouts, params.id, 'Payout'), FULL));

  // [DOC] answers the payout, "usually `processing`"; it then becomes paid with its commissions.
  server.put<IdParam>('/v1/payouts/:id/pay', async (request, reply) => {
    const payout = found(state.payouts, request.params.id, 'Payout');
    if (payout.state === 'paid' || payout.state === 'processing') throw new VendorError(422, 'Payout has already been paid.');
    const at = new Date(now()).toISOString();
    Object.assign(payout, { state: 'processing', paid_at: at, updated_at: at });
    const answer = payoutView(state, payout, FULL);
    afterResponse(reply, log, async () => {
      payout.state = 'paid';
      for (const commission of state.commissions.filter((item) => payout.commission_ids.includes(item.id))) {
        Object.assign(commission, { state: 'paid', paid_at: at, updated_at: at });
        await hooks.send('commission.paid', commissionView(state, commission, true));
      }
      await hooks.send('payout.paid', payoutView(state, payout, FULL));
    });
    return answer;
  });
}

/** Dashboard endpoints and the documented signed envelope. */
class Webhooks extends DashboardWebhooks<Event> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Rewardful', events: EVENTS }, log, now);
  }

  override async send(event: Event, object: Json): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const body = JSON.stringify({
        object,
        event: { id: randomUUID(), type: event, created_at: new Date(this.now()).toISOString(), api_version: 'v1' },
        request: { id: randomUUID() },
      });
      const headers = { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: hmacSha256Hex(endpoint.secret, body) };
      records.push(await this.log.send({ vendor: 'rewardful', event, targetUrl: endpoint.url, body, headers }));
    }
    return records;
  }
}

/** The object each fired event carries: from the store (so ids resolve), or a documented example. */
function exampleObject(state: State, event: Event): Json {
  const [family] = event.split('.');
  const commission = state.commissions[state.commissions.length - 1];
  const affiliate = state.affiliates[0];
  switch (family) {
    case 'affiliate':
      return affiliateView(state, affiliate);
    case 'affiliate_link':
      return { ...(state.affiliates[1].links as Json[])[0], affiliate_id: state.affiliates[1].id };
    case 'affiliate_coupon':
      // Constructed: the coupon object is not in the saved documents.
      return { id: 'c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8', token: 'JB007', affiliate_id: state.affiliates[1].id, created_at: commission.created_at };
    case 'referral':
      return structuredClone(state.visitorReferral);
    case 'sale':
      return { ...(commissionView(state, commission, true).sale as Json) };
    case 'commission': {
      const view = commissionView(state, commission, true);
      // The object as it stands after the event (its state named by the event).
      if (event === 'commission.paid') return { ...view, state: 'paid', paid_at: view.updated_at };
      if (event === 'commission.voided') return { ...view, state: 'voided', voided_at: view.updated_at };
      return view;
    }
    default:
      return payoutView(state, state.payouts[state.payouts.length - 1], new Set(['affiliate', 'commissions']));
  }
}

/** Rewardful for the emulator: credentials `{ api_key }` (the API Secret) and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_SECRET },
  create({ now, log }) {
    const state = seedState();
    const hooks = new Webhooks(log, now);
    const context: Context = { state, hooks, log, now };
    return {
      routes: async (server) => {
        guard(server);
        affiliateRoutes(server, context);
        commissionAndPayoutRoutes(server, context);
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Rewardful', EVENTS, hooks, (event, overrides) => ({ ...exampleObject(state, event), ...overrides })),
    };
  },
};
