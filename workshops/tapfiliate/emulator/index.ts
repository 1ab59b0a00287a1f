/**
 * The Tapfiliate emulator (REST API 1.6), mounted under `/tapfiliate`: the documented base
 * `https://api.tapfiliate.com/1.6` becomes `${emulator.url}/tapfiliate/1.6`. Written from
 * Tapfiliate's documents and the third-party copies of its examples named in
 * shared/platforms/next-platforms.md section 2, never from platforms/:
 * - `X-Api-Key` (current docs) or `Api-Key` (older copy) [DOC]; JSON errors `{"message"}` [3P];
 * - lists: bare arrays, 25 a page, `?page=`, a `Link` header with rel next / last [DOC];
 * - commissions `approved` null | true | false, `PUT` / `DELETE /commissions/{id}/approved/` [3P];
 * - affiliates approved per program: `PUT` / `DELETE /programs/{p}/affiliates/{a}/approved/` [3P];
 * - `POST /payments/` records a payment that settles a balance [DOC], body as the harvest [3P];
 * - `POST /conversions/` with `external_id` (unique) and `referral_code` [3P].
 * Webhooks: webhooks.ts. Seed: seed.json (the PHP client's captured fixtures and Pipedream's
 * copies of the doc examples, ids and amounts aligned; the memberships, the program and the payment constructed).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DeliveryLog } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import { isEmail, nextId, sameEmail, type Query } from '../../../playground/emulator/common/routes';
import { seedCopy } from '../../../playground/emulator/common/seed';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { EVENTS, TriggerWebhooks, type Event } from './webhooks';
import seed from './seed.json';

/** The key the emulator accepts (its format is ours). */
export const API_KEY = 'tapfiliate_emu_0123456789abcdef0123456789abcdef';

/** "paginated to 25 items by default" [DOC]. */
const PAGE_SIZE = 25;

type Item = Record<string, unknown>;
interface Membership { program: string; affiliate: string; approved: boolean | null; coupon: string | null; applied_at: string; referral_link: Item }
interface State { programs: Item[]; affiliates: Item[]; memberships: Membership[]; conversions: Item[]; commissions: Item[]; payments: Item[] }

class TapfiliateError extends Error {
  constructor(readonly status: 400 | 404 | 422, message: string) {
    super(message);
  }
}

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => {
      const key = request.headers['x-api-key'] ?? request.headers['api-key'];
      return key === API_KEY ? undefined : { status: 401, body: { message: 'Unauthorized' } };
    },
    ownError: (error) => (error instanceof TapfiliateError ? { status: error.status, body: { message: error.message } } : undefined),
    clientError: (message) => ({ status: 400, body: { message } }),
    serverError: () => ({ status: 500, body: { message: 'Internal server error' } }),
    notFound: () => ({ status: 404, body: { message: 'Not found' } }),
  });
}

/** One page of a list, newest first, with the `Link` header the docs show (`<…?page=3>; rel="next", <…?page=51>; rel="last"`). */
function paged(reply: FastifyReply, path: string, items: readonly Item[], query: Record<string, unknown>): Item[] {
  const page = integerParam(query, 'page', { min: 1 }, () => new TapfiliateError(400, 'page must be a positive integer'), 1) ?? 1;
  const newest = [...items].reverse();
  const last = Math.max(1, Math.ceil(newest.length / PAGE_SIZE));
  const link = (n: number, rel: string) => `<https://api.tapfiliate.com/1.6${path}?page=${n}>; rel="${rel}"`;
  reply.header('Link', [...(page < last ? [link(page + 1, 'next')] : []), link(last, 'last'), link(1, 'first'), ...(page > 1 ? [link(page - 1, 'prev')] : [])].join(', '));
  return pageOf(newest, page, PAGE_SIZE);
}

function found(items: readonly Item[], id: string, what: string): Item {
  const item = items.find((candidate) => String(candidate.id) === id);
  if (!item) throw new TapfiliateError(404, `${what} not found`);
  return item;
}

/** An affiliate's membership of a program as `GET /programs/{p}/affiliates/` shows it [3P]: the affiliate plus the membership's fields. */
function membershipView(state: State, membership: Membership): Item {
  const affiliate = found(state.affiliates, membership.affiliate, 'Affiliate');
  const { program: programId, affiliate: _id, ...rest } = membership;
  return { ...affiliate, ...rest, program: found(state.programs, programId, 'Program') };
}

function apiRoutes(server: FastifyInstance, state: State, hooks: TriggerWebhooks, log: DeliveryLog, now: () => number): void {
  const stamp = () => new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const later = (reply: FastifyReply, event: Event, resource: Item) => afterResponse(reply, log, () => hooks.send(event, { ...resource }));

  server.get<Query>('/1.6/programs/', async (request, reply) => paged(reply, '/programs/', state.programs, request.query));

  server.get<Query>('/1.6/commissions/', async (request, reply) => {
    const affiliate = text(request.query, 'affiliate_id');
    return paged(reply, '/commissions/', state.commissions.filter((item) => affiliate === undefined || (item.affiliate as Item).id === affiliate), request.query);
  });
  const judge = (method: 'PUT' | 'DELETE', approved: boolean) =>
    server.route<{ Params: { id: string } }>({
      method,
      url: '/1.6/commissions/:id/approved/',
      handler: async (request, reply) => {
        const commission = found(state.commissions, request.params.id, 'Commission');
        commission.approved = approved;
        later(reply, 'commission-updated', commission);
        return { ...commission };
      },
    });
  judge('PUT', true);
  judge('DELETE', false);

  server.get<Query>('/1.6/affiliates/', async (request, reply) => {
    const email = text(request.query, 'email');
    return paged(reply, '/affiliates/', state.affiliates.filter((item) => email === undefined || sameEmail(String(item.email), email)), request.query);
  });
  server.get<{ Params: { id: string } }>('/1.6/affiliates/:id/', async (request) => ({ ...found(state.affiliates, request.params.id, 'Affiliate') }));
  server.post('/1.6/affiliates/', async (request, reply) => {
    const body = bodyOf(request.body);
    const [firstname, lastname, email] = [text(body, 'firstname'), text(body, 'lastname'), text(body, 'email')];
    if (firstname === undefined || lastname === undefined || email === undefined || !isEmail(email)) throw new TapfiliateError(422, 'firstname, lastname and a valid email are required');
    if (state.affiliates.some((item) => sameEmail(String(item.email), email))) throw new TapfiliateError(422, 'An affiliate with this email already exists');
    const company = bodyOf(body.company);
    const affiliate: Item = {
      id: `${firstname}${lastname}`.toLowerCase().replace(/[^a-z0-9]/g, '') + String(state.affiliates.length + 1),
      firstname, lastname, email,
      company: text(company, 'name') === undefined ? null : { name: text(company, 'name'), description: null },
      address: null, meta_data: {}, parent_id: null, created_at: stamp(), affiliate_group_id: null, promoted_at: null, promotion_method: null, custom_fields: {},
    };
    state.affiliates.push(affiliate);
    later(reply, 'affiliate-created', affiliate);
    return reply.code(201).send(affiliate);
  });

  const decide = (method: 'PUT' | 'DELETE', approved: boolean) =>
    server.route<{ Params: { program: string; affiliate: string } }>({
      method,
      url: '/1.6/programs/:program/affiliates/:affiliate/approved/',
      handler: async (request, reply) => {
        const { program, affiliate } = request.params;
        const membership = state.memberships.find((item) => item.program === program && item.affiliate === affiliate);
        if (!membership) throw new TapfiliateError(404, 'Affiliate is not in this program');
        membership.approved = approved;
        const view = membershipView(state, membership);
        later(reply, approved ? 'affiliate-approved-for-program' : 'affiliate-disapproved-for-program', view);
        return view;
      },
    });
  decide('PUT', true);
  decide('DELETE', false);

  server.get<Query>('/1.6/payments/', async (request, reply) => paged(reply, '/payments/', state.payments, request.query));
  server.post('/1.6/payments/', async (request, reply) => {
    const body = bodyOf(request.body);
    const entries = Array.isArray(body.affiliates) ? body.affiliates.map(bodyOf) : [];
    if (entries.length === 0) throw new TapfiliateError(422, 'affiliates is required');
    const made = entries.map((entry) => {
      const affiliate = found(state.affiliates, text(bodyOf(entry.affiliate), 'id') ?? '', 'Affiliate');
      const amount = Number(entry.amount);
      if (!Number.isFinite(amount) || amount <= 0) throw new TapfiliateError(422, 'amount must be a positive number');
      const payment: Item = {
        id: nextId(state.payments.map((item) => Number(item.id))),
        affiliate: { id: affiliate.id, firstname: affiliate.firstname, lastname: affiliate.lastname },
        amount, currency: text(body, 'currency') ?? 'USD', created_at: stamp(),
      };
      state.payments.push(payment);
      return payment;
    });
    afterResponse(reply, log, async () => {
      for (const payment of made) await hooks.send('payment-created', { ...payment });
    });
    return reply.code(201).send(made.length === 1 ? made[0] : made);
  });

  server.get<Query>('/1.6/conversions/', async (request, reply) => paged(reply, '/conversions/', state.conversions, request.query));
  server.post('/1.6/conversions/', async (request, reply) => {
    const body = bodyOf(request.body);
    const externalId = text(body, 'external_id');
    const code = text(body, 'referral_code');
    const amount = Number(body.amount ?? 0);
    if (externalId === undefined || code === undefined) throw new TapfiliateError(422, 'external_id and an attribution (referral_code) are required');
    if (state.conversions.some((item) => item.external_id === externalId)) throw new TapfiliateError(422, 'A conversion with this external_id already exists');
    const affiliate = found(state.affiliates, code, 'Affiliate');
    const [program] = state.programs;
    const who = { id: affiliate.id, firstname: affiliate.firstname, lastname: affiliate.lastname };
    const conversion: Item = { id: nextId(state.conversions.map((item) => Number(item.id))), external_id: externalId, amount, affiliate: who, program, customer: null, meta_data: {}, created_at: stamp() };
    // 10% commission: the program's commission rule is ours.
    const commission: Item = {
      kind: 'regular', affiliate: who, currency: program.currency, id: nextId(state.commissions.map((item) => Number(item.id))), created_at: stamp(),
      conversion: { id: conversion.id }, payout: null, commission_type: 'standard', approved: null, amount: Math.round(amount * 10) / 100, comment: null, conversion_sub_amount: amount,
    };
    state.conversions.push(conversion);
    state.commissions.push(commission);
    afterResponse(reply, log, async () => {
      await hooks.send('conversion-created', { ...conversion, commissions: [commission] });
      await hooks.send('commission-created', { ...commission });
    });
    return reply.code(201).send({ ...conversion, commissions: [commission] });
  });
}

/** The resource a fired event sends: the seeded record its label names, the caller's overrides merged in. */
function firedResource(state: State, event: Event): Item {
  const pending = state.commissions.find((item) => item.approved === null) ?? state.commissions[0];
  if (event.startsWith('commission')) return pending;
  if (event === 'conversion-created') return { ...state.conversions[state.conversions.length - 1], commissions: [pending] };
  if (event.includes('program')) return membershipView(state, state.memberships[0]);
  if (event === 'payment-created') return state.payments[0];
  if (event.startsWith('customer')) return { id: 'cu_eXampl30th3r', customer_id: 'USER999', status: 'paying' };
  return state.affiliates[0];
}

/** Tapfiliate for the emulator: credentials `{ api_key }` and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_KEY },
  create({ now, log }) {
    const state = seedCopy<State>(seed);
    const hooks = new TriggerWebhooks(log, now);
    return {
      routes: async (server) => {
        guard(server);
        apiRoutes(server, state, hooks, log, now);
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Tapfiliate', EVENTS, hooks, (event, overrides) => ({ ...firedResource(state, event), ...overrides })),
    };
  },
};
