/**
 * The PartnerStack emulator (API v2, shared/platforms/README.md section 3; seeds/002), mounted
 * under `/partnerstack`: the documented base `https://api.partnerstack.com/api/v2` is
 * `${emulator.url}/partnerstack/api/v2`. Written from PartnerStack's documents, never from platforms/.
 *
 * - Auth [DOC]: HTTP Basic, the public key as user name and the secret key as password; anything
 *   else → 401 `{"message": "Unauthorized", "status": 401}` (message ours).
 * - Envelope [DOC]: `{data, message, status: 200}`; errors `{message, status}`. Which code for what
 *   is our choice ([UNK]): 400 a missing or malformed parameter, 404 an unknown key, 422 a request
 *   the current state refuses (an e-mail taken, an application already decided).
 * - Lists [DOC]: `{data: {has_more, items}}`, newest first, `limit` 1–250 (default 10),
 *   `starting_after` / `ending_before` (Stripe-style cursors [INF]), `min_created` / `max_created`.
 * - Units [DOC]: money in integer cents, every time in epoch milliseconds.
 * - Webhooks [DOC paths]: `POST /webhooks {target, events}` (field names [INF]; only `target` is
 *   accepted, so an app sending `target_url` sees the doubt as a 400), PATCH, DELETE = archive.
 *   Events are subscribed by V2 dotted names; the body's `event` carries the v1 underscore name
 *   [DOC quirk: the guide's sample says "partnership_created"]. No signature is documented [UNK]:
 *   deliveries are plain JSON, to the target byte for byte (query string included).
 * - Actions answer first and send their webhooks afterwards, one after another.
 *
 * seed.json: group `grup_yHXm98PlYOKhhK` (id 22, "Top Sellers") is the documented samples' group,
 * `grup_hs8kJ3YZJEoXl7` ("Referral", the default for new partners: our choice) the documented
 * agreement fragment's; `examples` holds the verbatim samples; every other object is constructed.
 * V2 list-item shapes are [UNK]: applications and customers reuse the webhook samples' fields.
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { webhookFiring } from '../../../playground/emulator/common/firing';
import { installGuard } from '../../../playground/emulator/common/guard';
import { MIXED_CASE_ALPHANUMERIC, randomText } from '../../../playground/emulator/common/ids';
import { afterResponse, bodyOf, text } from '../../../playground/emulator/common/request';
import { isEmail, nextId, sameEmail, type KeyParam, type Query } from '../../../playground/emulator/common/routes';
import { storeOf } from '../../../playground/emulator/common/seed';
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { isEventOf, isHttpUrl } from '../../../playground/emulator/common/webhooks';
import seed from './seed.json';

/** The key pair the emulator accepts (the key format is not documented; `pk_` / `sk_` are ours). */
export const CREDENTIALS = { public_key: 'pk_emu_3d8f1a6c9b2e4f70a5c1', api_key: 'sk_emu_9e27b4d1c6a84f3b8d05e7a2c4f19b63' };

/**
 * The V2 dotted event names: partnership.* [DOC]; application.* and customer.* [DOC] as v1 names,
 * dotted by analogy [INF]; transaction.created [INF] (third-party examples); reward.created [UNK].
 */
export const EVENTS = [
  'partnership.created', 'partnership.updated', 'partnership.tags_updated', 'application.created', 'application.approved',
  'application.declined', 'customer.created', 'customer.updated', 'transaction.created', 'reward.created',
] as const;
type Event = (typeof EVENTS)[number];

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 250;

/** Anything a list holds: a key (the cursor) and a creation time in epoch ms. */
type Listed = Record<string, unknown> & { key: string; created_at: number };
interface Group { id: number; key: string; name: string; slug: string; created_at: number }
type Partnership = Listed & { id: number; partner_key: string; email: string; first_name: string; last_name: string; group_key: string; archived: boolean };
type Application = Listed & {
  partnership_key: string; partner_key: string; mold_key: string; group_key: string;
  content: { first_name: string; last_name: string; email: string; business_name: string };
  approved: boolean | null; decline_reason: string; updated_at: number;
};
/** `external_key` is internal (for POST /transactions) and never shown. */
type Customer = Listed & { email: string; partner_key: string; external_key: string | null };
interface State { groups: (Group & Listed)[]; partnerships: Partnership[]; applications: Application[]; customers: Customer[]; transactions: Listed[]; rewards: Listed[]; payouts: Listed[] }
interface Webhook { key: string; target: string; events: Event[]; created_at: number }

class PsError extends Error {
  constructor(readonly status: 400 | 404 | 422, message: string) {
    super(message);
  }
}

const ok = (data: unknown, message: string) => ({ data, message, status: 200 });
/** A key in PartnerStack's style: a type prefix and 14 alphanumerics (`part_mGXzJol7h633Ft`). */
const newKey = (prefix: string) => `${prefix}_${randomText(MIXED_CASE_ALPHANUMERIC, 14)}`;

function basicPair(header: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function guard(server: FastifyInstance): void {
  installGuard(server, {
    admit: (request) => {
      const pair = basicPair(request.headers.authorization);
      if (pair && pair[0] === CREDENTIALS.public_key && pair[1] === CREDENTIALS.api_key) return undefined;
      return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="PartnerStack"' }, body: { message: 'Unauthorized', status: 401 } };
    },
    ownError: (error) => (error instanceof PsError ? { status: error.status, body: { message: error.message, status: error.status } } : undefined),
    clientError: (message) => ({ status: 400, body: { message, status: 400 } }),
    serverError: () => ({ status: 500, body: { message: 'Internal server error', status: 500 } }),
    notFound: (request) => ({ status: 404, body: { message: `Route ${request.method} ${request.url} not found`, status: 404 } }),
  });
}

function required(source: Record<string, unknown>, name: string): string {
  const value = text(source, name);
  if (value === undefined) throw new PsError(400, `${name} is required`);
  return value;
}

function epochMs(query: Record<string, unknown>, name: string): number | undefined {
  const value = text(query, name);
  if (value !== undefined && !/^\d+$/.test(value)) throw new PsError(400, `${name} must be a timestamp in milliseconds`);
  return value === undefined ? undefined : Number(value);
}

/**
 * One list page [DOC]: newest first (ties: the later-inserted first), `min_created` /
 * `max_created` inclusive [INF]; `starting_after=<key>` the items after it, `ending_before=<key>`
 * the `limit` items just before it; `has_more` in the direction of travel. Both cursors, a cursor
 * naming no item, or a `limit` outside 1–250 → 400 (our choice).
 */
function listPage<T extends { key: string; created_at: number }>(items: readonly T[], query: Record<string, unknown>, view: (item: T) => unknown = (item) => item) {
  const rawLimit = text(query, 'limit');
  if (rawLimit !== undefined && (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT)) throw new PsError(400, `limit must be an integer between 1 and ${MAX_LIMIT}`);
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  const [min, max] = [epochMs(query, 'min_created'), epochMs(query, 'max_created')];
  const ordered = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => (min === undefined || item.created_at >= min) && (max === undefined || item.created_at <= max))
    .sort((a, b) => b.item.created_at - a.item.created_at || b.index - a.index)
    .map(({ item }) => item);
  const [after, before] = [text(query, 'starting_after'), text(query, 'ending_before')];
  if (after !== undefined && before !== undefined) throw new PsError(400, 'Use either starting_after or ending_before, not both');
  const position = (key: string, name: string) => {
    const index = ordered.findIndex((item) => item.key === key);
    if (index < 0) throw new PsError(400, `${name} ${key} is not an item of this list`);
    return index;
  };
  let start = after === undefined ? 0 : position(after, 'starting_after') + 1;
  let end = start + limit;
  let hasMore = end < ordered.length;
  if (before !== undefined) {
    end = position(before, 'ending_before');
    start = Math.max(0, end - limit);
    hasMore = start > 0;
  }
  return ok({ has_more: hasMore, items: ordered.slice(start, end).map(view) }, 'Page returned successfully');
}

function targetOf(body: Record<string, unknown>): string {
  const target = body.target;
  if (typeof target !== 'string' || target.trim() === '') throw new PsError(400, 'target is required');
  if (!isHttpUrl(target)) throw new PsError(400, 'target must be a valid URL');
  return target;
}

/** A non-empty array of V2 dotted names; v1 underscore names are refused. */
function eventsOf(body: Record<string, unknown>): Event[] {
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) throw new PsError(400, 'events is required');
  const unknown = events.filter((event) => !isEventOf(EVENTS, event));
  if (unknown.length > 0) throw new PsError(400, `Unknown event(s): ${unknown.map(String).join(', ')}. Allowed: ${EVENTS.join(', ')}`);
  return [...new Set(events.filter((event): event is Event => isEventOf(EVENTS, event)))];
}

/** One account's webhooks (archived ones are gone) and the unsigned sender. */
class Webhooks {
  private readonly hooks: Webhook[] = [];
  constructor(private readonly log: DeliveryLog, private readonly now: () => number) {}

  list(): Webhook[] {
    return this.hooks.map((hook) => ({ ...hook, events: [...hook.events] }));
  }

  get(key: string): Webhook {
    const hook = this.hooks.find((candidate) => candidate.key === key);
    if (!hook) throw new PsError(404, `Webhook ${key} not found`);
    return hook;
  }

  /** The webhook API: GET / POST `/webhooks`, GET / PATCH / DELETE (archive) `/webhooks/{key}` [DOC paths; messages ours]. */
  routes(server: FastifyInstance): void {
    const copy = (hook: Webhook) => ({ ...hook, events: [...hook.events] });
    server.get<Query>('/api/v2/webhooks', async ({ query }) => listPage(this.list(), query));
    server.post('/api/v2/webhooks', async (request) => {
      const body = bodyOf(request.body);
      const hook: Webhook = { key: newKey('wh'), target: targetOf(body), events: eventsOf(body), created_at: this.now() };
      this.hooks.push(hook);
      return ok(copy(hook), 'Webhook created successfully');
    });
    server.get<KeyParam>('/api/v2/webhooks/:key', async ({ params }) => ok(copy(this.get(params.key)), 'Webhook retrieved successfully'));
    server.patch<KeyParam>('/api/v2/webhooks/:key', async (request) => {
      const hook = this.get(request.params.key);
      const body = bodyOf(request.body);
      if (body.target === undefined && body.events === undefined) throw new PsError(400, 'Nothing to update: send target and/or events');
      const target = body.target === undefined ? hook.target : targetOf(body);
      hook.events = body.events === undefined ? hook.events : eventsOf(body);
      hook.target = target;
      return ok(copy(hook), 'Webhook updated successfully');
    });
    server.delete<KeyParam>('/api/v2/webhooks/:key', async ({ params }) => {
      const hook = this.get(params.key);
      this.hooks.splice(this.hooks.indexOf(hook), 1);
      return ok(copy(hook), 'Webhook archived successfully');
    });
  }

  /** `payload` plus `event` (v1 underscore name) to every subscriber, with only `Content-Type`. */
  async send(event: Event, payload: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const body = JSON.stringify({ ...payload, event: event.replace('.', '_') });
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.filter((candidate) => candidate.events.includes(event))) {
      records.push(await this.log.send({ vendor: 'partnerstack', event, targetUrl: hook.target, body, headers: { 'Content-Type': 'application/json' } }));
    }
    return records;
  }
}

function groupOf(state: State, key: string): Group {
  const group = state.groups.find((candidate) => candidate.key === key);
  if (!group) throw new Error(`Group ${key} is missing from the emulator's store.`);
  return group;
}

/** The API's partnership (our construction): the stored fields, `group_key` resolved to `group {key, name, slug}`. */
function partnershipView(state: State, partnership: Partnership): Record<string, unknown> {
  const { key, name, slug } = groupOf(state, partnership.group_key);
  return Object.fromEntries(Object.entries(structuredClone(partnership)).map(([field, value]) => (field === 'group_key' ? ['group', { key, name, slug }] : [field, value])));
}

/** The partnership.* webhook object: the documented sample's fields exactly (numeric id, `group {id, name, slug}`, `archived` a string [DOC quirk]). */
function partnershipPayload(state: State, partnership: Partnership): Record<string, unknown> {
  const { id, name, slug } = groupOf(state, partnership.group_key);
  const { partner_key, first_name, last_name, email } = partnership;
  return { id: partnership.id, partner_key, first_name, last_name, email, group: { id, name, slug }, archived: String(partnership.archived) };
}

/** An application in the documented sample's shape (top-level names empty, the answers under `content`). */
function applicationView(state: State, application: Application): Record<string, unknown> {
  const group = groupOf(state, application.group_key);
  const { created_at, updated_at, partnership_key, key, decline_reason, mold_key, partner_key, approved } = application;
  return {
    group_name: group.name, created_at, email: '', group_slug: group.slug, updated_at, archived: false, partnership_key, content: { ...application.content },
    group: { key: group.key, name: group.name, slug: group.slug }, key, decline_reason, last_name: '', mold_key, partner_key, first_name: '', approved, meta: {},
  };
}

/** A partner_key from a name or e-mail, made unique (`ameliaclarke2`): our choice when none is given. */
function derivePartnerKey(state: State, first: string | undefined, last: string | undefined, email: string): string {
  const base = (`${first ?? ''}${last ?? ''}` || email.split('@')[0]).normalize('NFD').toLowerCase().replace(/[^a-z0-9]/g, '') || 'partner';
  let candidate = base;
  for (let suffix = 2; state.partnerships.some((item) => item.partner_key === candidate); suffix += 1) candidate = `${base}${suffix}`;
  return candidate;
}

function addPartnership(state: State, fields: Pick<Partnership, 'key' | 'partner_key' | 'email' | 'first_name' | 'last_name' | 'group_key'> & Record<string, unknown>, time: number): Partnership {
  const partnership: Partnership = { id: nextId(state.partnerships.map((item) => item.id)), ...fields, created_at: time, updated_at: time, archived: false };
  state.partnerships.push(partnership);
  return partnership;
}

function listRoutes(server: FastifyInstance, state: State): void {
  server.get<Query>('/api/v2/partnerships', async ({ query }) => listPage(state.partnerships, query, (item) => partnershipView(state, item)));
  server.get<Query>('/api/v2/groups', async ({ query }) => listPage(state.groups, query, ({ key, name, slug, created_at }) => ({ key, name, slug, created_at })));
  server.get<Query>('/api/v2/applications', async ({ query }) => listPage(state.applications, query, (item) => applicationView(state, item)));
  server.get<Query>('/api/v2/transactions', async ({ query }) => listPage(state.transactions, query));
  server.get<Query>('/api/v2/rewards', async ({ query }) => listPage(state.rewards, query));
  server.get<Query>('/api/v2/payouts', async ({ query }) => listPage(state.payouts, query));
  server.get<Query>('/api/v2/customers', async ({ query }) => listPage(state.customers, query, ({ external_key: _internal, ...shown }) => shown));
  // `/partnerships/{unique_identifier}` [DOC]: which identifiers count is [INF]; the key, the partner_key or the e-mail.
  server.get<KeyParam>('/api/v2/partnerships/:key', async ({ params }) => {
    const partnership = state.partnerships.find((item) => item.key === params.key || item.partner_key === params.key || sameEmail(item.email, params.key));
    if (!partnership) throw new PsError(404, `Partnership ${params.key} not found`);
    return ok(partnershipView(state, partnership), 'Partnership retrieved successfully');
  });
}

function actionRoutes(server: FastifyInstance, state: State, hooks: Webhooks, log: DeliveryLog, now: () => number): void {
  // [DOC] email required (≤255), first / last name ≤50, group_key, partner_key (unique), manager_*, tags (labels [INF]); without group_key "Referral".
  server.post('/api/v2/partnerships', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = required(body, 'email');
    if (email.length > 255 || !isEmail(email)) throw new PsError(400, 'email must be a valid e-mail address');
    const [firstName, lastName] = [text(body, 'first_name'), text(body, 'last_name')];
    if ((firstName?.length ?? 0) > 50 || (lastName?.length ?? 0) > 50) throw new PsError(400, 'first_name and last_name are limited to 50 characters');
    if (state.partnerships.some((item) => sameEmail(item.email, email))) throw new PsError(422, `A partnership with email ${email} already exists`);
    const groupKey = text(body, 'group_key');
    const group = state.groups.find((item) => (groupKey === undefined ? item.slug === 'referral' : item.key === groupKey));
    if (!group) throw new PsError(404, `Group ${groupKey ?? 'referral'} not found`);
    const partnerKey = text(body, 'partner_key') ?? derivePartnerKey(state, firstName, lastName, email);
    if (state.partnerships.some((item) => item.partner_key === partnerKey)) throw new PsError(422, `partner_key ${partnerKey} is already taken`);
    const tags = body.tags === undefined ? [] : body.tags;
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) throw new PsError(400, 'tags must be an array of strings');
    const partnership = addPartnership(state, {
      key: newKey('part'), partner_key: partnerKey, email, first_name: firstName ?? '', last_name: lastName ?? '', group_key: group.key, tags,
      manager_email: text(body, 'manager_email') ?? null, manager_name: text(body, 'manager_name') ?? null,
    }, now());
    const payload = partnershipPayload(state, partnership);
    afterResponse(reply, log, () => hooks.send('partnership.created', payload));
    return ok(partnershipView(state, partnership), 'Partnership created successfully');
  });

  // [DOC path]; body [INF] `{approved, decline_reason?}`. Approval makes the partnership the application already names.
  server.patch<KeyParam>('/api/v2/applications/:key/decision', async (request, reply) => {
    const application = state.applications.find((item) => item.key === request.params.key);
    if (!application) throw new PsError(404, `Application ${request.params.key} not found`);
    const body = bodyOf(request.body);
    if (typeof body.approved !== 'boolean') throw new PsError(400, 'approved is required and must be true or false');
    if (application.approved !== null) throw new PsError(422, `Application ${application.key} has already been ${application.approved ? 'approved' : 'declined'}`);
    const time = now();
    Object.assign(application, { approved: body.approved, decline_reason: body.approved ? '' : text(body, 'decline_reason') ?? '', updated_at: time });
    const { content } = application;
    const partnership = body.approved
      ? addPartnership(state, {
        key: application.partnership_key, partner_key: application.partner_key, email: content.email, first_name: content.first_name,
        last_name: content.last_name, group_key: application.group_key, tags: [], manager_email: null, manager_name: null,
      }, time)
      : undefined;
    const view = applicationView(state, application);
    afterResponse(reply, log, async () => {
      await hooks.send(partnership ? 'application.approved' : 'application.declined', view);
      if (partnership) await hooks.send('partnership.created', partnershipPayload(state, partnership));
    });
    return ok(view, 'Application decision saved');
  });

  // Exactly one customer identifier [DOC]; amount integer cents [INF]; currency default USD (ours). No reward: our keys act as test keys [DOC].
  server.post('/api/v2/transactions', async (request, reply) => {
    const body = bodyOf(request.body);
    const identifiers = ['customer_key', 'customer_external_key', 'customer_email'] as const;
    const given = identifiers.filter((name) => text(body, name) !== undefined);
    if (given.length !== 1) throw new PsError(400, `Exactly one of ${identifiers.join(', ')} is required`);
    const value = text(body, given[0]) ?? '';
    const customer = state.customers.find((item) => (given[0] === 'customer_key' ? item.key === value : given[0] === 'customer_external_key' ? item.external_key === value : sameEmail(item.email, value)));
    if (!customer) throw new PsError(404, `Customer with ${given[0]} ${value} not found`);
    if (typeof body.amount !== 'number' || !Number.isInteger(body.amount)) throw new PsError(400, 'amount is required and must be an integer number of cents');
    const currency = (text(body, 'currency') ?? 'USD').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new PsError(400, 'currency must be a three-letter ISO 4217 code');
    const transaction = {
      key: newKey('txn'), amount: body.amount, currency, customer_key: customer.key, customer_email: customer.email, partner_key: customer.partner_key,
      product_key: text(body, 'product_key') ?? null, approved: false /* ours: awaits approval */, created_at: now(),
    };
    state.transactions.push(transaction);
    afterResponse(reply, log, () => hooks.send('transaction.created', { ...transaction }));
    return ok({ ...transaction }, 'Transaction created successfully');
  });
}

/**
 * `fire`'s payload before overrides (the sender sets `event`): the documented samples (one for the
 * three partnership events [DOC], one for the applications with `approved` following the decision
 * (ours), the v1 customer sample [DOC]); transaction / reward the newest seeded one (constructed).
 */
function examplePayload(state: State, event: Event): Record<string, unknown> {
  const newest = (items: Listed[]) => ({ ...[...items].sort((a, b) => b.created_at - a.created_at)[0] });
  const { examples } = seed;
  switch (event) {
    case 'partnership.created':
    case 'partnership.updated':
    case 'partnership.tags_updated':
      return structuredClone(examples['partnership.created']);
    case 'application.created':
      return { ...examples['application.created'] };
    case 'application.approved':
      return { ...examples['application.created'], approved: true };
    case 'application.declined':
      return { ...examples['application.created'], approved: false, decline_reason: 'Coupon and cashback sites are not eligible for this program.' };
    case 'customer.created':
    case 'customer.updated':
      return { ...examples['customer.updated'] };
    case 'transaction.created':
      return newest(state.transactions);
    case 'reward.created':
      return newest(state.rewards);
  }
}

/** PartnerStack for the emulator: credentials `{ public_key, api_key }` (api_key = the secret key) and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ public_key: string; api_key: string }> = {
  credentials: { ...CREDENTIALS },
  create({ now, log }) {
    const state = storeOf<State>(seed);
    const hooks = new Webhooks(log, now);
    return {
      routes: async (server) => {
        guard(server);
        hooks.routes(server);
        listRoutes(server, state);
        actionRoutes(server, state, hooks, log, now);
      },
      ...webhookFiring('PartnerStack', EVENTS, hooks, (event, overrides) => ({ ...examplePayload(state, event), ...overrides })),
    };
  },
};
