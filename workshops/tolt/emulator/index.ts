/**
 * The Tolt emulator (API v2, shared/platforms/README.md section 7), mounted under `/tolt`: the
 * documented base `https://platform.tolt.com/v2` is `${emulator.url}/tolt/v2`. Written from
 * Tolt's documents (docs.tolt.com), never from platforms/.
 *
 * - Auth [DOC]: `Authorization: Bearer <key>`; anything else → 401 `unauthorized`.
 * - Envelope [DOC]: `{success: true, message: "Success", data}`; lists add `has_more`,
 *   `next_cursor`, `prev_cursor`. Errors `{success: false, message, code, doc_url, errors?}` [DOC].
 * - Lists [DOC]: `limit` 1–100 (default 10), `sort=created_at|updated_at`, `order=asc|desc`
 *   (default desc), `starting_after` (a `next_cursor`; our cursor is the last item's id),
 *   `created_after` / `updated_after` (ISO), and `status` / `search` filters.
 * - Actions [DOC]: commission approve / decline (→ `commission.updated`), partner create (409
 *   `already_exists` on a repeated email, → `partner.created`), approve / reject (→ `partner.updated`),
 *   payout mark-as-paid (its approved commissions become paid, each → `commission.updated`).
 * - Webhooks [DOC]: dashboard endpoints only; `{type, data, timestamp}` signed the Svix way:
 *   `svix-id`, `svix-timestamp` (unix seconds), `svix-signature: v1,<base64 HMAC-SHA256 of
 *   "id.timestamp.body" keyed by the base64-decoded part of the secret after whsec_>`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { randomText, MIXED_CASE_ALPHANUMERIC } from '../../../playground/emulator/common/ids';
import { integerParam } from '../../../playground/emulator/common/paging';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import type { IdParam, Query } from '../../../playground/emulator/common/routes';
import { isEmail, sameEmail } from '../../../playground/emulator/common/routes';
import { seedCopy } from '../../../playground/emulator/common/seed';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import seed from './seed.json';

/** The key the emulator accepts (Tolt's live keys look like `tlt_live_…` [DOC v1]). */
export const API_KEY = 'tlt_live_emu_0123456789abcdef0123456789abcdef';

/** The event-types page [DOC]: five resources, each `.created` and `.updated`. */
export const EVENTS = [
  'partner.created', 'partner.updated', 'link.created', 'link.updated', 'customer.created', 'customer.updated',
  'transaction.created', 'transaction.updated', 'commission.created', 'commission.updated',
] as const;
type Event = (typeof EVENTS)[number];

type Item = Record<string, unknown> & { id: string; created_at: string; updated_at: string };
interface State { partners: Item[]; commissions: Item[]; payouts: Record<string, unknown>[] }

/** A refusal, answered as Tolt's v2 error body [DOC: api-reference/errors]. */
class ToltError extends Error {
  constructor(readonly status: 400 | 404 | 409, readonly code: string, message: string, readonly errors?: { field: string; message: string }[]) {
    super(message);
  }
}

function errorBody(code: string, message: string, errors?: unknown): Record<string, unknown> {
  return { success: false, message, code, doc_url: `https://docs.tolt.com/errors#${code}`, ...(errors ? { errors } : {}) };
}

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => (request.headers.authorization === `Bearer ${API_KEY}` ? undefined : { status: 401, body: errorBody('unauthorized', 'Invalid API key.') }),
    ownError: (error) => (error instanceof ToltError ? { status: error.status, body: errorBody(error.code, error.message, error.errors) } : undefined),
    clientError: (message) => ({ status: 400, body: errorBody('validation_error', message) }),
    serverError: () => ({ status: 500, body: errorBody('internal_error', 'Internal server error.') }),
    notFound: () => ({ status: 404, body: errorBody('not_found', 'Not found.') }),
  });
}

const ok = (data: unknown) => ({ success: true, message: 'Success', data });

/** A v2 list page [DOC: common list parameters]. */
function listPage(items: readonly Item[], query: Record<string, unknown>, filters: Record<string, (item: Item, value: string) => boolean>) {
  const refuse = (name: string) => () => new ToltError(400, 'validation_error', `${name} is invalid`, [{ field: name, message: 'must be an integer between 1 and 100' }]);
  const limit = integerParam(query, 'limit', { min: 1, max: 100 }, refuse('limit'), 10) ?? 10;
  const sort = text(query, 'sort') ?? 'created_at';
  const order = text(query, 'order') ?? 'desc';
  if (sort !== 'created_at' && sort !== 'updated_at') throw new ToltError(400, 'validation_error', 'sort is invalid', [{ field: 'sort', message: 'created_at or updated_at' }]);
  if (order !== 'asc' && order !== 'desc') throw new ToltError(400, 'validation_error', 'order is invalid', [{ field: 'order', message: 'asc or desc' }]);
  let selected = [...items];
  for (const [param, field] of [['created_after', 'created_at'], ['updated_after', 'updated_at']] as const) {
    const since = text(query, param);
    if (since === undefined) continue;
    const time = Date.parse(since);
    if (Number.isNaN(time)) throw new ToltError(400, 'validation_error', `${param} is invalid`, [{ field: param, message: 'an ISO 8601 date-time' }]);
    selected = selected.filter((item) => Date.parse(item[field]) > time);
  }
  for (const [param, test] of Object.entries(filters)) {
    const value = text(query, param);
    if (value !== undefined) selected = selected.filter((item) => test(item, value));
  }
  selected.sort((a, b) => (a[sort] < b[sort] ? -1 : a[sort] > b[sort] ? 1 : 0) * (order === 'asc' ? 1 : -1));
  const cursor = text(query, 'starting_after');
  if (cursor !== undefined) {
    const index = selected.findIndex((item) => item.id === cursor);
    if (index < 0) throw new ToltError(400, 'invalid_cursor', 'The cursor is invalid or expired.');
    selected = selected.slice(index + 1);
  }
  const data = selected.slice(0, limit);
  const hasMore = selected.length > limit;
  return { success: true, message: 'Success', data, has_more: hasMore, next_cursor: hasMore ? data[data.length - 1].id : null, prev_cursor: cursor ?? null };
}

/** Svix's signature [DOC: webhooks/verify]: base64 HMAC-SHA256 of `id.timestamp.body`, keyed by the secret's base64 after `whsec_`. */
export function svixSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Dashboard endpoints (Settings → Webhooks) and Svix's signed sender. */
class Webhooks extends DashboardWebhooks<Event> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Tolt', events: EVENTS }, log, now);
  }

  override async send(event: Event, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    // One message per event: the same id and body to every endpoint [DOC: Svix message model].
    const id = `msg_${randomText(MIXED_CASE_ALPHANUMERIC, 27)}`;
    const body = JSON.stringify({ type: event, data, timestamp: new Date(this.now()).toISOString() });
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const timestamp = Math.floor(this.now() / 1000);
      const headers = {
        'Content-Type': 'application/json',
        'svix-id': id,
        'svix-timestamp': String(timestamp),
        'svix-signature': svixSignature(endpoint.secret, id, timestamp, body),
      };
      records.push(await this.log.send({ vendor: 'tolt', event, targetUrl: endpoint.url, body, headers }));
    }
    return records;
  }
}

function found<T extends { id: unknown }>(items: readonly T[], id: string, what: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new ToltError(404, 'not_found', `No ${what} with id ${id}.`);
  return item;
}

function apiRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  const stamp = () => new Date(now()).toISOString();

  server.get<Query>('/v2/partners', async ({ query }) =>
    listPage(state.partners, query, {
      status: (item, value) => item.status === value,
      search: (item, value) =>
        [item.email, item.first_name, item.last_name, item.company_name].some((field) => typeof field === 'string' && field.toLowerCase().includes(value.toLowerCase())),
    }),
  );

  server.post('/v2/partners', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = text(body, 'email');
    const programId = text(body, 'program_id');
    const missing = [...(email === undefined || !isEmail(email) ? ['email'] : []), ...(programId === undefined ? ['program_id'] : [])];
    if (missing.length > 0) throw new ToltError(400, 'validation_error', 'Invalid request body.', missing.map((field) => ({ field, message: 'is required' })));
    if (state.partners.some((item) => item.program_id === programId && typeof item.email === 'string' && sameEmail(item.email, email!))) {
      throw new ToltError(409, 'already_exists', 'A partner with this email already exists in this program.', [{ field: 'email', message: 'already exists' }]);
    }
    const firstName = text(body, 'first_name') ?? null;
    const lastName = text(body, 'last_name') ?? null;
    const partner: Item = {
      id: `part_${randomText(MIXED_CASE_ALPHANUMERIC, 24)}`,
      status: text(body, 'status') === 'pending' ? 'pending' : 'active',
      first_name: firstName, last_name: lastName,
      display_name: [firstName, lastName].filter(Boolean).join(' ') || null,
      company_name: text(body, 'company_name') ?? null, email, country_code: null, website_url: null,
      group_id: text(body, 'group_id') ?? 'grp_Zc2uw9zm1eyBiD3MHcjV3RDn', program_id: programId,
      organization_id: 'org_JE3mfYNL9ci7sFaJazAv2', completed_onboarding: true, custom_fields: [],
      rejected_at: null, suspended_at: null, created_at: stamp(), updated_at: stamp(),
    };
    state.partners.push(partner);
    afterResponse(reply, log, () => hooks.send('partner.created', { ...partner }));
    return reply.code(201).send(ok({ ...partner, link: { id: `lnk_${randomUUID().slice(0, 8)}`, param: 'ref', value: String(email).split('@')[0] } }));
  });

  const decide = (path: string, status: 'active' | 'rejected') =>
    server.post<IdParam>(`/v2/partners/:id/${path}`, async (request, reply) => {
      const partner = found(state.partners, request.params.id, 'partner');
      if (status === 'rejected') {
        const note = bodyOf(request.body).rejection_note;
        if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 2000)) throw new ToltError(400, 'validation_error', 'rejection_note is invalid');
      }
      partner.status = status;
      partner.updated_at = stamp();
      if (status === 'rejected') partner.rejected_at = stamp();
      afterResponse(reply, log, () => hooks.send('partner.updated', { ...partner }));
      return ok({ ...partner });
    });
  decide('approve', 'active');
  decide('reject', 'rejected');

  server.get<Query>('/v2/commissions', async ({ query }) =>
    listPage(state.commissions, query, { status: (item, value) => item.status === value, partner: (item, value) => item.partner_id === value }),
  );

  const judge = (path: string, status: 'approved' | 'rejected') =>
    server.post<IdParam>(`/v2/commissions/:id/${path}`, async (request, reply) => {
      const commission = found(state.commissions, request.params.id, 'commission');
      if (commission.status !== 'pending' && commission.status !== status) throw new ToltError(400, 'bad_request', `A ${String(commission.status)} commission cannot be changed.`);
      commission.status = status;
      commission.updated_at = stamp();
      afterResponse(reply, log, () => hooks.send('commission.updated', { ...commission }));
      return ok({ ...commission });
    });
  judge('approve', 'approved');
  judge('decline', 'rejected');

  server.post<IdParam>('/v2/payouts/:id/mark-as-paid', async (request, reply) => {
    const payout = found(state.payouts as (Record<string, unknown> & { id: string })[], request.params.id, 'payout');
    if (payout.status === 'paid') return ok({ ...payout });
    const onPayout = state.commissions.filter((item) => item.payout_id === payout.id);
    const paid = onPayout.filter((item) => item.status === 'approved');
    for (const item of onPayout) {
      if (item.status === 'approved') item.status = 'paid';
      else item.payout_id = null;
      item.updated_at = stamp();
    }
    payout.status = 'paid';
    afterResponse(reply, log, async () => {
      for (const item of paid) await hooks.send('commission.updated', { ...item });
    });
    return ok({ ...payout });
  });
}

/** Tolt for the emulator: credentials `{ api_key }` and a fresh seeded account per emulator (seed.json: v1 / postback examples, the rest constructed). */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_KEY },
  create({ now, log }) {
    const state = seedCopy<State>(seed);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server);
        apiRoutes(server, state, hooks, log, now);
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Tolt', EVENTS, hooks, (event, overrides) => {
        const resource = event.split('.')[0];
        const base =
          resource === 'partner'
            ? state.partners.find((item) => item.status === 'pending') ?? state.partners[0]
            : resource === 'commission'
              ? state.commissions.find((item) => item.status === 'pending') ?? state.commissions[0]
              : { id: `${resource === 'customer' ? 'cus' : resource === 'link' ? 'lnk' : 'txn'}_${randomText(MIXED_CASE_ALPHANUMERIC, 24)}`, created_at: new Date(now()).toISOString() };
        return { ...base, ...overrides };
      }),
    };
  },
};
