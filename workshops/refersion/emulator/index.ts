/**
 * The Refersion emulator (REST API v2), mounted under `/refersion`: the documented base
 * `https://api.refersion.com/v2` is `${emulator.url}/refersion/v2`. Written from Refersion's
 * documents (refersion.dev reference, read through the verbatim harvest of its OpenAPI, and the
 * webhook pages), never from platforms/.
 *
 * - Auth [DOC]: `Refersion-Public-Key` and `Refersion-Secret-Key` on every call; else 401
 *   `{"error": "Invalid API credentials (error 2)."}`.
 * - Every call is a `POST` with a JSON body [DOC]; an empty one → 404 `{"error": "Bad request, no body"}`.
 * - Affiliates [DOC]: list `{limit, page}` (texts, limit ≤ 100) → `{total, results}` whose `id`
 *   is the affiliate **code**; get `{id | affiliate_code}` → the object with the numeric `id`;
 *   search `{keyword}` (partial email) → `{total, results}` (our choice: as the list);
 *   new → `{id: <code>, link, message}` (422 on a taken email); status_change `{ids, status}`.
 * - Conversions [DOC]: status_change `{ids, status APPROVED | DENIED | UNQUALIFIED}` →
 *   `{ids_changed, ids_not_changed}` (an approved one cannot be denied, nor a denied one approved:
 *   left unchanged, as the 422 texts say); manual_credit `{id, commission, status}` → `{conversion_id}`.
 * - Webhooks [DOC]: made in the dashboard only; the body is the object itself, the topic in
 *   `Refersion-Topic`, signed with `Refersion-Signature` = base64 HMAC-SHA256 of the raw body keyed
 *   by the signing secret. Topic strings other than APPROVED_CONVERSION and AFFILIATE_DETAILS_CHANGE
 *   are our reading of the dashboard's topic names (no document spells them).
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import { isEmail, sameEmail } from '../../../playground/emulator/common/routes';
import { seedCopy } from '../../../playground/emulator/common/seed';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import seed from './seed.json';

/** The keys the emulator accepts (Refersion's look like `pub_…` / `sec_…` [3P]). */
export const PUBLIC_KEY = 'pub_emu0123456789abcdef';
export const SECRET_KEY = 'sec_emu0123456789abcdef0123456789';

/** The merchant topics (webhooks-for-merchants [DOC]) as header values. */
export const EVENTS = [
  'NEW_CONVERSION', 'APPROVED_CONVERSION', 'DENIED_CONVERSION', 'NEW_PAYMENT',
  'NEW_AFFILIATE', 'AFFILIATE_STATUS_CHANGE', 'AFFILIATE_DETAILS_CHANGE', 'NEW_CONVERSION_TRIGGER',
] as const;
type Event = (typeof EVENTS)[number];

type Item = Record<string, unknown> & { id: number };
interface State { affiliates: Item[]; conversions: Item[] }

/** A refusal as Refersion answers it: `{"error"}` or 422 `{"errors": [...]}` [DOC]. */
class RefersionError extends Error {
  constructor(readonly status: 400 | 404 | 422, message: string) {
    super(message);
  }
}

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => {
      const keys = request.headers['refersion-public-key'] === PUBLIC_KEY && request.headers['refersion-secret-key'] === SECRET_KEY;
      return keys ? undefined : { status: 401, body: { error: 'Invalid API credentials (error 2).' } };
    },
    ownError: (error) => (error instanceof RefersionError ? { status: error.status, body: error.status === 422 ? { errors: [error.message] } : { error: error.message } } : undefined),
    clientError: (message) => ({ status: 400, body: { error: message } }),
    serverError: () => ({ status: 500, body: { error: 'Internal server error' } }),
    notFound: () => ({ status: 404, body: { error: 'Not found' } }),
  });
}

/** The base64 HMAC-SHA256 of the raw body keyed by the signing secret [DOC: webhook-validation]. */
export function refersionSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

class Webhooks extends DashboardWebhooks<Event> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Refersion', events: EVENTS }, log, now);
  }

  override async send(event: Event, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const body = JSON.stringify(data);
    const records: DeliveryRecord[] = [];
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const headers = { 'Content-Type': 'application/json', 'Refersion-Topic': event, 'Refersion-Signature': refersionSignature(endpoint.secret, body) };
      records.push(await this.log.send({ vendor: 'refersion', event, targetUrl: endpoint.url, body, headers }));
    }
    return records;
  }
}

/** A list page: `limit` and `page` are texts of whole numbers [DOC]. */
function page(items: readonly Item[], body: Record<string, unknown>): Item[] {
  const limit = Number(body.limit ?? 10);
  const number = Number(body.page ?? 1);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new RefersionError(400, 'Invalid field limit');
  if (!Number.isInteger(number) || number < 1) throw new RefersionError(400, 'Invalid field page');
  return items.slice((number - 1) * limit, number * limit);
}

/** An affiliate as list, search and new answers show it: the code under `id` [DOC]. */
function listed(affiliate: Item): Record<string, unknown> {
  const { id: _numeric, code, link: _link, company_name: _company, ...rest } = affiliate;
  return { id: code, ...rest };
}

function numericIds(body: Record<string, unknown>): number[] {
  const ids = body.ids;
  if (!Array.isArray(ids) || ids.length === 0) throw new RefersionError(400, 'Missing required field ids');
  if (ids.length > 50) throw new RefersionError(422, 'Max number of elements on attribute (50) reached.');
  return ids.map(Number);
}

function apiRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  const stamp = () => new Date(now()).toISOString().slice(0, 19).replace('T', ' ');
  const post = (path: string, handler: (body: Record<string, unknown>, reply: FastifyReply) => unknown) =>
    server.post(`/v2${path}`, async (request, reply) => {
      const body = bodyOf(request.body);
      if (Object.keys(body).length === 0) throw new RefersionError(404, 'Bad request, no body');
      return handler(body, reply);
    });

  post('/affiliate/list', (body) => ({ total: state.affiliates.length, results: page(state.affiliates, body).map(listed) }));
  post('/affiliate/search', (body) => {
    const keyword = (text(body, 'keyword') ?? '').toLowerCase();
    const found = state.affiliates.filter((item) => String(item.id) === keyword || String(item.email).toLowerCase().includes(keyword));
    return { total: found.length, results: found.map(listed) };
  });
  post('/affiliate/get', (body) => {
    const found = state.affiliates.find((item) => String(item.id) === String(body.id ?? '') || item.code === body.affiliate_code);
    if (!found) throw new RefersionError(400, 'Invalid field id');
    const { code: _code, ...object } = found;
    return object;
  });
  post('/affiliate/new', (body, reply) => {
    const missing = ['first_name', 'last_name', 'email', 'password', 'status'].find((field) => text(body, field) === undefined);
    if (missing) throw new RefersionError(400, `Missing required field ${missing}`);
    const email = text(body, 'email')!;
    if (!isEmail(email)) throw new RefersionError(422, 'X is not a allowed value for field email');
    if (state.affiliates.some((item) => sameEmail(String(item.email), email))) throw new RefersionError(422, 'The email you have entered is taken by another Affiliate.');
    const password = text(body, 'password')!;
    if (password.length < 9 || password.length > 72 || !/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password) || !/[^A-Za-z0-9]/.test(password)) {
      throw new RefersionError(422, 'The password does not meet the requirements.');
    }
    const id = Math.max(...state.affiliates.map((item) => item.id)) + 1;
    const code = id.toString(36).slice(-4);
    const status = text(body, 'status') === 'PENDING' ? 'PENDING' : 'ACTIVE';
    const affiliate: Item = {
      id, code, offer_id: text(body, 'offer') ?? '1234', status, first_name: text(body, 'first_name'), last_name: text(body, 'last_name'),
      company_name: text(body, 'company') ?? '', email, link: `https://site.refersion.com/c/${code}`, custom_fields: [],
    };
    state.affiliates.push(affiliate);
    afterResponse(reply, log, () => hooks.send('NEW_AFFILIATE', affiliate));
    return { id: code, link: affiliate.link, message: `The affiliate ${id} has been created with the status of ${status}.` };
  });
  post('/affiliate/status_change', (body, reply) => {
    const status = text(body, 'status');
    if (status !== 'ACTIVE' && status !== 'DENIED' && status !== 'DISABLED') throw new RefersionError(400, 'Invalid field status');
    const ids = numericIds(body);
    const changed = state.affiliates.filter((item) => ids.includes(item.id));
    for (const item of changed) item.status = status;
    afterResponse(reply, log, async () => {
      for (const item of changed) await hooks.send('AFFILIATE_STATUS_CHANGE', { ...item });
    });
    return { ids_changed: changed.map((item) => item.id), ids_not_changed: ids.filter((id) => !changed.some((item) => item.id === id)) };
  });
  post('/conversion/status_change', (body, reply) => {
    const status = text(body, 'status');
    if (status !== 'APPROVED' && status !== 'DENIED' && status !== 'UNQUALIFIED') throw new RefersionError(400, 'Invalid field status');
    const ids = numericIds(body);
    // An approved conversion is not denied, nor a denied one approved [DOC: the 422 texts].
    const changed = state.conversions.filter((item) => ids.includes(item.id) && !(item.status === 'APPROVED' && status !== 'APPROVED') && !(item.status === 'DENIED' && status === 'APPROVED'));
    for (const item of changed) Object.assign(item, { status, updated: stamp() });
    afterResponse(reply, log, async () => {
      for (const item of changed) await hooks.send(status === 'APPROVED' ? 'APPROVED_CONVERSION' : 'DENIED_CONVERSION', { ...item });
    });
    return { ids_changed: changed.map((item) => item.id), ids_not_changed: ids.filter((id) => !changed.some((item) => item.id === id)) };
  });
  post('/conversion/manual_credit', (body, reply) => {
    const affiliate = state.affiliates.find((item) => item.id === Number(body.id));
    if (!affiliate) throw new RefersionError(400, 'Invalid field id');
    const commission = Number(body.commission);
    if (body.commission === undefined || !Number.isFinite(commission)) throw new RefersionError(400, 'Missing required field commission');
    const id = Math.max(...state.conversions.map((item) => item.id)) + 1;
    const conversion: Item = {
      id, created: stamp(), updated: stamp(), status: text(body, 'status') === 'APPROVED' ? 'APPROVED' : 'PENDING', total: '0.00', commission_total: commission.toFixed(2),
      currency: text(body, 'currency') ?? 'USD', payment_status: 'UNPAID', source: 'MANUAL_CREDIT_BY_CLIENT', notes: text(body, 'notes') ?? null,
      affiliate: { id: affiliate.id, code: affiliate.code, first_name: affiliate.first_name, last_name: affiliate.last_name, email: affiliate.email },
    };
    state.conversions.push(conversion);
    afterResponse(reply, log, () => hooks.send('NEW_CONVERSION', conversion));
    return { conversion_id: id };
  });
}

/** The example a fired topic carries: a conversion, an affiliate, a payment batch or a conversion trigger (field lists [3P]). */
function example(state: State, event: Event): Record<string, unknown> {
  const [conversion] = state.conversions;
  const affiliate = state.affiliates.find((item) => item.status === 'PENDING') ?? state.affiliates[0];
  if (event.endsWith('CONVERSION')) return { ...conversion, status: event === 'APPROVED_CONVERSION' ? 'APPROVED' : event === 'DENIED_CONVERSION' ? 'DENIED' : conversion.status };
  if (event === 'NEW_PAYMENT') {
    const payee = state.affiliates[0];
    const payment = { id: 5501, created: '2020-03-01 12:00:00', total_conversions: 1, payment_method: 'PAYPAL', commission_total: '5.90', total: '5.90', currency: 'USD', note: null };
    return { data: { affiliates: { [String(payee.id)]: { id: payee.id, first_name: payee.first_name, last_name: payee.last_name, email: payee.email, paypal_email: payee.email, payments: [payment] } } } };
  }
  if (event === 'NEW_CONVERSION_TRIGGER') return { id: 771, affiliate_id: affiliate.id, trigger: 'SPRING10', type: 'COUPON' };
  return { ...affiliate };
}

/** Refersion for the emulator: credentials `{ api_key, public_key }` and a fresh seeded account per emulator (seed.json: documented fields, constructed values). */
export const vendor: VendorModule<{ api_key: string; public_key: string }> = {
  credentials: { api_key: SECRET_KEY, public_key: PUBLIC_KEY },
  create({ now, log }) {
    const state = seedCopy<State>(seed);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server);
        apiRoutes(server, state, hooks, log, now);
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Refersion', EVENTS, hooks, (event, overrides) => ({ ...example(state, event), ...overrides })),
    };
  },
};
