/**
 * The Tamio emulator (API v2, shared/platforms/README.md section 5; seeds/004), mounted under
 * `/tamio`: the documented base `https://api.tamio.com/v2` is `${emulator.url}/tamio/v2`. Written
 * from Tamio's documents (developers.tamio.com, docs.tamio.com/webhooks), never from platforms/.
 *
 * - Auth [DOC]: `Authorization: Bearer <secret key>`; anything else → 401 `{"status": 401,
 *   "error": "Unauthorized"}` [DOC shape]. Keys can be restricted per resource [DOC] (e.g.
 *   `affiliates.view`); a missing permission → 403 (status and wording ours). No rate limit ([UNK]).
 * - Errors [DOC]: 400 `{"status", "error", "error_code"}`, 1002 = not found / already approved;
 *   1001 for an invalid parameter is ours.
 * - Lists [DOC]: `page` / `per_page` (default 10, at most 50: above → 400, our reading),
 *   `{"status": 200, "total_results", "<items>": [...]}`; `from` / `to` ISO-8601 or unix seconds.
 * - Units [DOC]: money in minor units, times in unix seconds.
 * - Webhooks [DOC]: endpoints exist only in the dashboard (at most 100); `register` stands in for
 *   "paste the URL, tick events, copy the secret". Envelope `{event_id, event_type, api_version: 2,
 *   object: "event", data, endpoint_id}` [DOC]. The signing rule is [UNK] beyond "HMAC-SHA256 with
 *   the endpoint secret" and the `t=<unix s>,s=<signature>` value [DOC]: the header name and the
 *   signed `t.body` string are ours, so an app can only verify through the documented
 *   `POST /v2/webhook-endpoints/verify-signature` (5-minute tolerance [DOC]).
 * - Controls: `POST /_emulator/tamio/outage` `{"verify": <status>|null}` makes verify-signature
 *   answer that status (emulator only, to test the app's handling of a failing verifier).
 *
 * seed.json: Jane Doe is the documented retrieve example (readable e-mails: the copy we have is
 * Cloudflare-obfuscated), John the documented affiliate-approved event's affiliate, the third
 * program the documented affiliate-program-created one, the first payout the documented visible
 * values; `examples` holds the verbatim program events. The rest is constructed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { LOWER_CASE_ALPHANUMERIC, randomText } from '../../../playground/emulator/common/ids';
import { integerParam, pageOf } from '../../../playground/emulator/common/paging';
import { afterResponse, oneOfOr, text } from '../../../playground/emulator/common/request';
import type { IdParam, Query } from '../../../playground/emulator/common/routes';
import { seeded, storeOf } from '../../../playground/emulator/common/seed';
import { unixSeconds } from '../../../playground/emulator/common/time';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import seed from './seed.json';

/** A full secret key (every permission); the key format is [UNK], this one is ours. */
export const API_KEY = 'tamio_sk_emu_4c8e1f7a2b9d4e60a3f5c7b1d2e8f904';
/** A secret key restricted per resource [DOC scheme]: everything except `affiliates.view`. */
export const RESTRICTED_KEY = 'tamio_sk_emu_restricted_0b6d3a9e5f2c4871';
/** The emulator's signature header (the real name is [UNK]). */
export const SIGNATURE_HEADER = 'Tamio-Signature';

/** The affiliate events [DOC] (docs.tamio.com/webhooks/affiliate-events, …/affiliate-program-events). */
export const EVENTS = [
  'affiliate-signup', 'affiliate-approved', 'affiliate-declined', 'affiliate-removed',
  'affiliate-program-created', 'affiliate-program-updated', 'affiliate-program-removed',
] as const;
type Event = (typeof EVENTS)[number];

const NOT_FOUND = 1002;
const INVALID_PARAMETER = 1001;
const SIGNATURE_TOLERANCE_S = 300;
/** `<resource>.<action>` [DOC]; resources other than `affiliates` [INF] from the API paths. */
const PERMISSIONS = ['affiliates', 'affiliate-programs'].flatMap((resource) => ['view', 'edit', 'create', 'remove'].map((action) => `${resource}.${action}`));

/** The API's affiliate fields, in the order of the documented retrieve example (program label and currency derived). */
const API_FIELDS = [
  'email', 'name', 'surname', 'address', 'city', 'state', 'country', 'postcode', 'vat', 'telephone', 'billing_information', 'id', 'bonus',
  'approved', 'date_joined', 'language', 'payments', 'has_notes', 'sales', 'referrals', 'affiliate_program_id',
];
/** The webhooks' affiliate fields, in the order of the documented affiliate-approved event: no billing / date_joined / has_notes, but timezones. */
const EVENT_FIELDS = ['email', 'name', 'surname', 'address', 'city', 'state', 'country', 'postcode', 'vat', 'telephone', 'id', 'affiliate_program_id'];
const EVENT_TAIL = ['sales', 'referrals', 'balance', 'bonus', 'approved', 'payments', 'language', 'timezone', 'timezone_offset'];

/** An affiliate as stored: the union of the API and event fields; `approved` null = pending [INF]. */
type Affiliate = Record<string, unknown> & {
  id: string; email: string; name: string; surname: string | null; country: string | null; approved: boolean | null; date_joined: number; sales: number; affiliate_program_id: string;
};
type Program = Record<string, unknown> & { id: string; label: string; currency: string; created_at: number };
interface Payout {
  id: string; currency: string; paid: boolean; prefix: string; number: number; total: number; payment: string; date: number; status: string;
  affiliate_program_id: string; affiliate_partner_id: string;
}
interface State { affiliates: Affiliate[]; programs: Program[]; payouts: Payout[] }

class TamioError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

class Forbidden extends Error {}

const bearer = (request: FastifyRequest) => /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];

function guard(server: FastifyInstance, keys: ReadonlyMap<string, ReadonlySet<string>>): void {
  installGuard(server, {
    admit: (request) => (keys.has(bearer(request) ?? '') ? undefined : { status: 401, body: { status: 401, error: 'Unauthorized' } }),
    ownError: (error) => {
      if (error instanceof TamioError) return { status: 400, body: { status: 400, error: error.message, error_code: error.code } };
      return error instanceof Forbidden ? { status: 403, body: { status: 403, error: error.message } } : undefined;
    },
    clientError: (message) => ({ status: 400, body: { status: 400, error: message, error_code: INVALID_PARAMETER } }),
    serverError: () => ({ status: 500, body: { status: 500, error: 'Internal Server Error' } }),
    notFound: () => ({ status: 404, body: { status: 404, error: 'Not found' } }),
  });
}

const invalid = (message: string) => new TamioError(message, INVALID_PARAMETER);

function oneOf<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, () => invalid(`${name} must be one of: ${allowed.join(', ')}`));
}

function paginate<T>(items: T[], query: Record<string, unknown>): { total_results: number; page: T[] } {
  const int = (name: string, fallback: number) => integerParam(query, name, { min: 1 }, () => invalid(`${name} must be a positive integer`)) ?? fallback;
  const page = int('page', 1);
  const perPage = int('per_page', 10);
  if (perPage > 50) throw invalid('per_page must be at most 50');
  return { total_results: items.length, page: pageOf(items, page, perPage) };
}

/** `from` / `to` [DOC]: ISO-8601 or unix seconds, as unix seconds. */
function timeParam(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined || /^\d+$/.test(value)) return value === undefined ? undefined : Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalid(`${name} must be an ISO-8601 date or a unix timestamp`);
  return unixSeconds(ms);
}

/** The emulator's signature: lower-case hex HMAC-SHA256 of `${t}.${rawBody}` with the endpoint secret (the `t.` prefix and hex are ours). */
export function signTamio(secret: string, t: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${t}.`, 'utf8').update(rawBody).digest('hex');
}

/** Dashboard endpoints (the dashboard asks for HTTPS [DOC]; http is taken for loopback receivers) and the signed sender. */
class Webhooks extends DashboardWebhooks<Event> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Tamio', events: EVENTS, maxEndpoints: 100 }, log, now);
  }

  /** One delivery per subscribed endpoint: a fresh `whev_` id (documented style), the endpoint's id, signed at the emulator clock's time. */
  override async send(event: Event, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const body = JSON.stringify({ event_id: `whev_${randomText(LOWER_CASE_ALPHANUMERIC, 16)}`, event_type: event, api_version: 2, object: 'event', data, endpoint_id: endpoint.id });
      const t = unixSeconds(this.now());
      const headers = { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: `t=${t},s=${signTamio(endpoint.secret, t, body)}` };
      records.push(await this.log.send({ vendor: 'tamio', event, targetUrl: endpoint.url, body, headers }));
    }
    return records;
  }

  /** Whether `t=…,s=…` (any order, spaces tolerated) over `rawBody` came from one of the account's secrets within ±5 minutes (the future bound is ours). */
  verify(header: string, rawBody: Buffer): boolean {
    const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]));
    const [t, s] = [parts.get('t'), parts.get('s')];
    if (t === undefined || s === undefined || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(s)) return false;
    if (Math.abs(unixSeconds(this.now()) - Number(t)) > SIGNATURE_TOLERANCE_S) return false;
    const given = Buffer.from(s.toLowerCase(), 'hex');
    return this.endpoints.some((endpoint) => {
      const expected = Buffer.from(signTamio(endpoint.secret, Number(t), rawBody), 'hex');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  }
}

const pick = (source: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, structuredClone(source[field])]));
const programOf = (state: State, id: string) => state.programs.find((program) => program.id === id);

function affiliateApiView(state: State, affiliate: Affiliate): Record<string, unknown> {
  const program = programOf(state, affiliate.affiliate_program_id);
  return { object: 'affiliate', ...pick(affiliate, API_FIELDS), affiliate_program_label: program?.label ?? null, currency: program?.currency ?? null, balance: affiliate.balance };
}

function affiliateEventView(state: State, affiliate: Affiliate): Record<string, unknown> {
  const program = programOf(state, affiliate.affiliate_program_id);
  return { object: 'affiliate', ...pick(affiliate, EVENT_FIELDS), affiliate_program_label: program?.label ?? null, currency: program?.currency ?? null, ...pick(affiliate, EVENT_TAIL) };
}

/** The documented payout object, nesting `affiliate_program {label, id}` and the `affiliate_partner`. */
function payoutView(state: State, payout: Payout): Record<string, unknown> {
  const partner = state.affiliates.find((candidate) => candidate.id === payout.affiliate_partner_id);
  const { affiliate_program_id: programId, affiliate_partner_id: _partnerId, status, ...rest } = payout;
  return {
    ...rest, object: 'payout', status, affiliate_program: { label: programOf(state, programId)?.label ?? null, id: programId },
    affiliate_partner: partner ? affiliateApiView(state, partner) : null,
  };
}

function affiliateById(state: State, id: string): Affiliate {
  const affiliate = state.affiliates.find((candidate) => candidate.id === id);
  if (!affiliate) throw new TamioError('Affiliate not found', NOT_FOUND); // [DOC] 1002, as a 400
  return affiliate;
}

const contains = (values: unknown[], needle: string) => values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));

/** The documented list filters; default order newest first (ours); status pending = undecided [INF]. */
function listAffiliates(state: State, query: Record<string, unknown>): Affiliate[] {
  const direction = (oneOf(query, 'order', ['asc', 'desc']) ?? 'desc') === 'asc' ? 1 : -1;
  const sortBy = oneOf(query, 'sort_by', ['name', 'email', 'country', 'created_at']) ?? 'created_at';
  const filter = text(query, 'filter')?.toLowerCase();
  const status = oneOf(query, 'status', ['approved', 'pending']);
  const programId = text(query, 'affiliate_program_id');
  const [from, to] = [timeParam(query, 'from'), timeParam(query, 'to')];
  const sortKey = (item: Affiliate) => (sortBy === 'created_at' ? item.date_joined : String(item[sortBy] ?? '').toLowerCase());
  return state.affiliates
    .filter((item) => (filter === undefined || contains([item.name, item.surname, item.email, item.country], filter)) && (status === undefined || item.approved === (status === 'approved' ? true : null))
      && (programId === undefined || item.affiliate_program_id === programId) && (from === undefined || item.date_joined >= from) && (to === undefined || item.date_joined <= to))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -direction : sortKey(a) > sortKey(b) ? direction : 0));
}

function apiRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, keys: ReadonlyMap<string, ReadonlySet<string>>): void {
  const need = (request: FastifyRequest, permission: string) => {
    if (!keys.get(bearer(request) ?? '')?.has(permission)) throw new Forbidden(`This API key does not have the ${permission} permission`);
  };
  server.get<Query>('/v2/affiliates/list', async (request) => {
    need(request, 'affiliates.view');
    const { total_results, page } = paginate(listAffiliates(state, request.query), request.query);
    return { status: 200, total_results, affiliates: page.map((item) => affiliateApiView(state, item)) };
  });
  server.get<IdParam>('/v2/affiliates/retrieve/:id', async (request) => {
    need(request, 'affiliates.view');
    return { status: 200, affiliate: affiliateApiView(state, affiliateById(state, request.params.id)) };
  });
  // Payouts live under /affiliates and embed the affiliate, so they need affiliates.view (our reading); `filter` matches number, name or e-mail (ours).
  server.get<Query>('/v2/affiliates/payouts/list', async (request) => {
    need(request, 'affiliates.view');
    const { query } = request;
    const filter = text(query, 'filter')?.toLowerCase();
    const [partnerId, programId] = [text(query, 'affiliate_partner_id'), text(query, 'affiliate_program_id')];
    const [from, to] = [timeParam(query, 'from'), timeParam(query, 'to')];
    const items = state.payouts
      .filter((item) => {
        const partner = state.affiliates.find((candidate) => candidate.id === item.affiliate_partner_id);
        const matches = filter === undefined || `${item.prefix}${item.number}`.toLowerCase().includes(filter) || (partner !== undefined && contains([partner.name, partner.surname, partner.email], filter));
        return matches && (partnerId === undefined || item.affiliate_partner_id === partnerId) && (programId === undefined || item.affiliate_program_id === programId)
          && (from === undefined || item.date >= from) && (to === undefined || item.date <= to);
      })
      .sort((a, b) => b.date - a.date);
    const { total_results, page } = paginate(items, query);
    return { status: 200, total_results, payouts: page.map((item) => payoutView(state, item)) };
  });
  // The merchant list's key is [UNK]: `programs` as in the documented agency list; items add `affiliates` / `sales` counts as in the updated event.
  server.get<Query>('/v2/affiliate-programs/list', async (request) => {
    need(request, 'affiliate-programs.view');
    const { total_results, page } = paginate([...state.programs].sort((a, b) => b.created_at - a.created_at), request.query);
    const view = (program: Program) => {
      const members = state.affiliates.filter((item) => item.affiliate_program_id === program.id);
      return { ...structuredClone(program), affiliates: members.length, sales: members.reduce((sum, item) => sum + item.sales, 0) };
    };
    return { status: 200, total_results, programs: page.map(view) };
  });
  // [DOC] approve / decline → `{status: 200, affiliate}`; approving an approved one is 400 / 1002 [DOC], declining a declined one likewise (analogy).
  for (const decision of ['approve', 'decline'] as const) {
    server.post<IdParam>(`/v2/affiliates/${decision}/:id`, async (request, reply) => {
      need(request, 'affiliates.edit');
      const affiliate = affiliateById(state, request.params.id);
      const approved = decision === 'approve';
      if (affiliate.approved === approved) throw new TamioError(`Affiliate already ${approved ? 'approved' : 'declined'}`, NOT_FOUND);
      affiliate.approved = approved;
      const event = affiliateEventView(state, affiliate);
      afterResponse(reply, log, () => hooks.send(approved ? 'affiliate-approved' : 'affiliate-declined', { affiliate: event }));
      return { status: 200, affiliate: affiliateApiView(state, affiliate) };
    });
  }
}

/**
 * `POST /v2/webhook-endpoints/verify-signature` [DOC]: any valid key (the permission is [UNK]), the
 * delivery's signature in a header whose name contains "signature" (the real name is [UNK]), the raw
 * event as the body, verified over the exact bytes. 200 `{status: 200, valid: true}` (beyond "200 =
 * valid" ours), else 400 `{status: 400, valid: false, errors: ["invalid payload"]}` [DOC].
 */
function verifyRoute(server: FastifyInstance, hooks: Webhooks, outage: { verify: number | null }): void {
  // A child scope: its raw-body parser stays local, while the parent's guard still applies.
  void server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/v2/webhook-endpoints/verify-signature', async (request, reply) => {
      if (outage.verify !== null) return reply.code(outage.verify).send({ status: outage.verify, error: 'Emulated outage' });
      const header = Object.entries(request.headers).find(([name]) => name.toLowerCase().includes('signature'))?.[1];
      const value = Array.isArray(header) ? header[0] : header;
      if (value === undefined || !hooks.verify(value, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0))) {
        return reply.code(400).send({ status: 400, valid: false, errors: ['invalid payload'] });
      }
      return { status: 200, valid: true };
    });
  });
}

/**
 * `fire`'s `data`, split into its object key and the rest: the documented program events verbatim
 * (seeds/004); affiliate-approved the documented event's affiliate; declined [DOC: same object,
 * `approved: false`]; removed [DOC: just `{id}`]; signup constructed (its payload is [UNK]).
 */
function example(state: State, event: Event): { key: 'affiliate' | 'affiliate_program'; object: Record<string, unknown>; rest?: Record<string, unknown> } {
  const affiliate = (id: string, approved: boolean | null) => ({ key: 'affiliate' as const, object: { ...affiliateEventView(state, seeded(state.affiliates, id, 'Tamio affiliate')), approved } });
  const { examples } = seed;
  switch (event) {
    case 'affiliate-signup': return affiliate('3f6c2a1e-8b4d-4e7a-9c05-1d2e3f4a5b6c', null);
    case 'affiliate-approved': return affiliate('a5af6690-1622-4726-b201-f829df269d28', true);
    case 'affiliate-declined': return affiliate('c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f', false);
    case 'affiliate-removed': return { key: 'affiliate', object: { id: 'c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f' } };
    case 'affiliate-program-created': return { key: 'affiliate_program', object: structuredClone(examples['affiliate-program-created']) };
    case 'affiliate-program-updated': {
      const { affiliate_program, changes } = structuredClone(examples['affiliate-program-updated']);
      return { key: 'affiliate_program', object: affiliate_program, rest: { changes } };
    }
    case 'affiliate-program-removed': return { key: 'affiliate_program', object: { id: examples['affiliate-program-created'].id } };
  }
}

/** Tamio for the emulator: credentials `{ api_key, restricted_api_key }` and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ api_key: string; restricted_api_key: string }> = {
  credentials: { api_key: API_KEY, restricted_api_key: RESTRICTED_KEY },
  create({ now, log }) {
    const state = storeOf<State>(seed);
    const hooks = new Webhooks(log, now);
    const outage: { verify: number | null } = { verify: null };
    const keys = new Map([[API_KEY, new Set(PERMISSIONS)], [RESTRICTED_KEY, new Set(PERMISSIONS.filter((permission) => permission !== 'affiliates.view'))]]);
    return {
      routes: async (server) => {
        guard(server, keys);
        apiRoutes(server, state, hooks, log, keys);
        verifyRoute(server, hooks, outage);
      },
      controls: async (server) => {
        server.post('/outage', async (request, reply) => {
          const verify = typeof request.body === 'object' && request.body !== null && 'verify' in request.body ? request.body.verify : undefined;
          if (verify !== null && !(typeof verify === 'number' && Number.isInteger(verify) && verify >= 400 && verify <= 599)) {
            return reply.code(400).send({ message: 'Body must be {"verify": <HTTP status 400-599> | null}.' });
          }
          outage.verify = verify;
          return { verify };
        });
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Tamio', EVENTS, hooks, (event, overrides) => {
        const { key, object, rest } = example(state, event);
        return { [key]: { ...object, ...overrides }, ...rest };
      }),
    };
  },
};
