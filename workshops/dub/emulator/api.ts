/**
 * Dub's REST API, emulated from its documents (https://dub.co/docs/api-reference, the public
 * OpenAPI), mounted under `/dub`: the base `https://api.dub.co` is `${emulator.url}/dub`.
 *
 * - Auth [DOC]: `Authorization: Bearer dub_…`; without `Bearer ` or with a wrong key → 401. The
 *   second key belongs to a Free-plan workspace: partner, commission, payout, tracking and webhook
 *   routes answer it 403 `forbidden` "Unauthorized: Need higher plan." [DOC+SRC].
 * - Errors [DOC]: `{error: {code, message, doc_url}}`.
 * - Lists [DOC]: bare arrays; `page` from 1 and `pageSize` (default and maximum 100); commissions
 *   also by cursor (`startingAfter`, a commission id). Partners sort by `createdAt` on request
 *   (`totalSaleAmount` by default), payouts by `amount` (default), `initiatedAt` or `paidAt`.
 * - Single-item GETs exist only in Dub's source [SRC], served here for the Make app's re-fetch.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DeliveryLog } from '../../../playground/emulator/common/delivery-log';
import { installGuard } from '../../../playground/emulator/common/guard';
import { MIXED_CASE_ALPHANUMERIC, randomText } from '../../../playground/emulator/common/ids';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import type { IdParam, Query } from '../../../playground/emulator/common/routes';
import { isEmail, sameEmail } from '../../../playground/emulator/common/routes';
import type { Commission, Partner, Store } from './data';
import { DubError, type Event, type Webhooks } from './webhooks';

export const API_KEY = 'dub_emu_business_0123456789abcdef01234567';
/** A key of a workspace on the Free plan (our construction, to show the plan gate). */
export const FREE_PLAN_KEY = 'dub_emu_free_0123456789abcdef0123456789a';

const PLAN_ROUTES = ['/partners', '/commissions', '/payouts', '/track', '/customers', '/webhooks'];

function refusal(status: number, code: string, message: string) {
  return { status, body: { error: { code, message, doc_url: `https://dub.co/docs/api-reference/errors#${code.replaceAll('_', '-')}` } } };
}

export function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => {
      const header = request.headers.authorization ?? '';
      if (!header.startsWith('Bearer ')) return refusal(401, 'unauthorized', "Misconfigured authorization header. Did you forget to add 'Bearer '?");
      const key = header.slice('Bearer '.length);
      if (key !== API_KEY && key !== FREE_PLAN_KEY) return refusal(401, 'unauthorized', 'Unauthorized: Invalid API key.');
      const path = request.url.replace(/^\/dub/, '').split('?')[0];
      if (key === FREE_PLAN_KEY && PLAN_ROUTES.some((prefix) => path.startsWith(prefix))) return refusal(403, 'forbidden', 'Unauthorized: Need higher plan.');
      return undefined;
    },
    ownError: (error) => (error instanceof DubError ? refusal(error.status, error.code, error.message) : undefined),
    clientError: (message) => refusal(400, 'bad_request', message),
    serverError: () => refusal(500, 'internal_server_error', 'An internal server error occurred.'),
    notFound: () => refusal(404, 'not_found', 'The requested resource was not found.'),
  });
}

function paging(query: Record<string, unknown>): { page: number; pageSize: number } {
  const refuse = (name: string) => () => new DubError(422, 'unprocessable_entity', `${name}: Number must be between 1 and 100`);
  return { page: integerParam(query, 'page', { min: 1 }, refuse('page'), 1) ?? 1, pageSize: integerParam(query, 'pageSize', { min: 1, max: 100 }, refuse('pageSize'), 100) ?? 100 };
}

function sorted<T>(items: readonly T[], query: Record<string, unknown>, allowed: Record<string, (item: T) => string | number | null>, fallback: string): T[] {
  const by = text(query, 'sortBy') ?? fallback;
  const key = allowed[by];
  if (key === undefined) throw new DubError(422, 'unprocessable_entity', `sortBy: Invalid enum value '${by}'`);
  const sign = text(query, 'sortOrder') === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = key(a) ?? '';
    const y = key(b) ?? '';
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
}

const DENIABLE = ['pending', 'refunded', 'duplicate', 'canceled', 'fraud'];

/** Everything the API serves; `fire` sends a webhook after the answer is written. */
export function apiRoutes(server: FastifyInstance, store: Store, hooks: Webhooks, log: DeliveryLog): void {
  const { state } = store;
  const fire = (reply: FastifyReply, event: Event, data: Record<string, unknown>) => afterResponse(reply, log, () => hooks.send(event, data));
  const findPartner = (id: unknown): Partner => {
    const partner = typeof id === 'string' ? store.partner(id) : undefined;
    if (!partner) throw new DubError(404, 'not_found', 'Partner not found.');
    return partner;
  };
  const findCommission = (id: string): Commission => {
    const item = state.commissions.find((candidate) => candidate.id === id);
    if (!item) throw new DubError(404, 'not_found', `Commission ${id} not found.`);
    return item;
  };

  server.get('/webhooks', async () => hooks.list());
  server.post('/webhooks', async (request, reply) => reply.code(201).send(hooks.create(request.body)));
  server.delete<IdParam>('/webhooks/:id', async ({ params }) => hooks.remove(params.id));

  server.get<Query>('/partners', async ({ query }) => {
    const { page, pageSize } = paging(query);
    const email = text(query, 'email');
    const status = text(query, 'status');
    const items = state.partners.filter((item) => (email === undefined || (item.email !== null && sameEmail(item.email, email))) && (status === undefined || item.status === status));
    const order = sorted(items, query, { createdAt: (item) => item.createdAt, totalSaleAmount: () => 0 }, 'totalSaleAmount');
    return pageOf(order, page, pageSize).map((item) => store.partnerView(item));
  });
  server.get<IdParam>('/partners/:id', async ({ params }) => store.partnerView(findPartner(params.id)));
  // Create, or update the enrollment of the partner with that email [DOC: POST /partners].
  server.post('/partners', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = text(body, 'email');
    if (email === undefined || !isEmail(email)) throw new DubError(422, 'unprocessable_entity', 'email: Invalid email');
    let partner = state.partners.find((item) => item.email !== null && sameEmail(item.email, email));
    if (!partner) {
      partner = {
        id: `pn_${randomText(MIXED_CASE_ALPHANUMERIC, 25).toUpperCase()}`, name: text(body, 'name') ?? email, email, companyName: null, country: text(body, 'country') ?? null,
        status: 'approved', tenantId: text(body, 'tenantId') ?? null, groupId: text(body, 'groupId') ?? null, applicationId: null, createdAt: store.stamp(), links: [],
      };
      partner.links.push({ id: `link_${partner.id.slice(3)}`, domain: 'getacme.link', key: partner.id.slice(3, 11).toLowerCase(), shortLink: `https://getacme.link/${partner.id.slice(3, 11).toLowerCase()}`, url: 'https://acme.com' });
      state.partners.push(partner);
    } else {
      partner.tenantId = text(body, 'tenantId') ?? partner.tenantId;
      partner.status = 'approved';
    }
    fire(reply, 'partner.enrolled', store.partnerView(partner));
    return reply.code(201).send(store.partnerView(partner));
  });
  for (const [route, status] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    server.post(`/partners/applications/${route}`, async (request, reply) => {
      const partner = findPartner(bodyOf(request.body).partnerId);
      if (partner.status !== 'pending') throw new DubError(400, 'bad_request', `Partner ${partner.id} has no pending application.`);
      partner.status = status;
      if (status === 'approved') fire(reply, 'partner.enrolled', store.partnerView(partner));
      return { partnerId: partner.id };
    });
  }

  server.get<Query>('/commissions', async ({ query }) => {
    const { page, pageSize } = paging(query);
    const invoiceId = text(query, 'invoiceId');
    const status = text(query, 'status');
    const items = sorted(
      state.commissions.filter((item) => (invoiceId === undefined || item.invoiceId === invoiceId) && (status === undefined || item.status === status)),
      query,
      { createdAt: (item) => item.createdAt, amount: (item) => item.amount },
      'createdAt',
    );
    const after = text(query, 'startingAfter');
    const from = after === undefined ? (page - 1) * pageSize : items.findIndex((item) => item.id === after) + 1;
    return items.slice(from, from + pageSize).map((item) => store.commissionView(item));
  });
  server.get<IdParam>('/commissions/:id', async ({ params }) => store.commissionView(findCommission(params.id)));
  server.patch<IdParam>('/commissions/:id', async ({ params, body }) => {
    const item = findCommission(params.id);
    const status = text(bodyOf(body), 'status');
    if (status !== undefined && !DENIABLE.includes(status)) throw new DubError(422, 'unprocessable_entity', `status: Invalid enum value '${status}'`);
    if (item.status === 'paid') throw new DubError(400, 'bad_request', 'Paid commissions cannot be updated.');
    if (status !== undefined) item.status = status;
    item.updatedAt = store.stamp();
    return store.commissionView(item);
  });

  server.get<Query>('/payouts', async ({ query }) => {
    const { page, pageSize } = paging(query);
    const status = text(query, 'status');
    const items = state.payouts.filter((item) => status === undefined || item.status === status);
    const order = sorted(items, query, { amount: (item) => item.amount, initiatedAt: (item) => item.initiatedAt, paidAt: (item) => item.paidAt }, 'amount');
    return pageOf(order, page, pageSize).map((item) => store.payoutView(item));
  });
  server.get<IdParam>('/payouts/:id', async ({ params }) => {
    const item = state.payouts.find((candidate) => candidate.id === params.id);
    if (!item) throw new DubError(404, 'not_found', 'Payout not found.');
    return store.payoutView(item);
  });

  // A sale of a tracked customer, in cents; one per invoiceId [DOC: POST /track/sale]. A referred customer earns its partner 20 % (our choice).
  server.post('/track/sale', async (request, reply) => {
    const body = bodyOf(request.body);
    const externalId = text(body, 'customerExternalId');
    const amount = body.amount;
    if (externalId === undefined) throw new DubError(422, 'unprocessable_entity', 'customerExternalId: Required');
    if (typeof amount !== 'number' || !Number.isInteger(amount)) throw new DubError(422, 'unprocessable_entity', 'amount: Expected integer');
    const customer = state.customers.find((item) => item.externalId === externalId);
    if (!customer) throw new DubError(404, 'not_found', `Customer with externalId ${externalId} not found.`);
    const currency = (text(body, 'currency') ?? 'usd').toLowerCase();
    const invoiceId = text(body, 'invoiceId') ?? null;
    const sale = { amount, currency, paymentProcessor: text(body, 'paymentProcessor') ?? 'custom', invoiceId };
    const answer = { eventName: text(body, 'eventName') ?? 'Purchase', customer: { id: customer.id, externalId, name: customer.name, email: customer.email }, sale };
    if (invoiceId !== null && state.commissions.some((item) => item.invoiceId === invoiceId)) return answer;
    if (customer.partnerId !== null) {
      const stamp = store.stamp();
      const commission: Commission = {
        id: `cm_${randomText(MIXED_CASE_ALPHANUMERIC, 25).toUpperCase()}`, type: 'sale', amount, earnings: Math.round(amount * 0.2), currency: 'usd', status: 'pending',
        invoiceId, description: null, quantity: 1, userId: null, partnerId: customer.partnerId, customerId: customer.id, createdAt: stamp, updatedAt: stamp,
      };
      state.commissions.unshift(commission);
      fire(reply, 'commission.created', store.commissionData(commission));
    }
    return answer;
  });
}
