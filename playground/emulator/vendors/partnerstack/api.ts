/**
 * PartnerStack's data and action endpoints over the seeded account (platforms README §3
 * "Polling / actions"). Every list is cursor-paged newest first [DOC]; actions answer first and
 * send their webhooks afterwards, one after another.
 */
import type { FastifyInstance } from 'fastify';
import {
  type PartnerStackState,
  type PsApplication,
  type PsCustomer,
  type PsPartnership,
  type PsTransaction,
  applicationView,
  customerView,
  groupView,
  partnershipPayload,
  partnershipView,
} from './data';
import { afterResponse, bodyOf, text } from '../../common/request';
import { type ApiContext, type KeyParam, type Query, isEmail, nextId, sameEmail } from '../../common/routes';
import { PartnerStackError, listPage, newKey, ok, required } from './http';
import type { PartnerStackWebhooks } from './webhooks';

/** What the routes work on. */
export type PartnerStackApiContext = ApiContext<PartnerStackState, PartnerStackWebhooks>;

/** GET list endpoints [DOC]: `{data: {has_more, items}}`, newest first. */
function listRoutes(server: FastifyInstance, { state }: PartnerStackApiContext): void {
  server.get<Query>('/api/v2/partnerships', async ({ query }) => listPage(state.partnerships, query, (partnership) => partnershipView(state, partnership)));
  server.get<Query>('/api/v2/groups', async ({ query }) => listPage(state.groups, query, groupView));
  server.get<Query>('/api/v2/applications', async ({ query }) => listPage(state.applications, query, (application) => applicationView(state, application)));
  server.get<Query>('/api/v2/transactions', async ({ query }) => listPage(state.transactions, query));
  server.get<Query>('/api/v2/rewards', async ({ query }) => listPage(state.rewards, query));
  server.get<Query>('/api/v2/payouts', async ({ query }) => listPage(state.payouts, query));
  server.get<Query>('/api/v2/customers', async ({ query }) => listPage(state.customers, query, customerView));

  // `/partnerships/{unique_identifier}` [DOC]: which identifiers count is [INF]; the emulator accepts the key, the partner_key or the e-mail.
  server.get<KeyParam>('/api/v2/partnerships/:key', async ({ params }) => {
    const wanted = params.key;
    const partnership = state.partnerships.find((candidate) => candidate.key === wanted || candidate.partner_key === wanted || sameEmail(candidate.email, wanted));
    if (!partnership) throw new PartnerStackError(404, `Partnership ${wanted} not found`);
    return ok(partnershipView(state, partnership), 'Partnership retrieved successfully');
  });
}

/** A partner_key from a name or e-mail, made unique (`ameliaclarke`, `ameliaclarke2`): our choice when none is given. */
function derivePartnerKey(state: PartnerStackState, first: string | undefined, last: string | undefined, email: string): string {
  const base = (`${first ?? ''}${last ?? ''}` || email.split('@')[0]).normalize('NFD').toLowerCase().replace(/[^a-z0-9]/g, '') || 'partner';
  let candidate = base;
  for (let suffix = 2; state.partnerships.some((partnership) => partnership.partner_key === candidate); suffix += 1) candidate = `${base}${suffix}`;
  return candidate;
}

function tagsOf(body: Record<string, unknown>): string[] {
  const tags = body.tags;
  if (tags === undefined) return [];
  if (!Array.isArray(tags) || !tags.every((tag): tag is string => typeof tag === 'string')) throw new PartnerStackError(400, 'tags must be an array of strings');
  return tags;
}

/**
 * `POST /partnerships` [DOC]: `email` required (≤255), `first_name`/`last_name` (≤50),
 * `group_key`, `partner_key` (unique), `manager_email`, `manager_name`, `tags` (labels [INF]).
 * Answers the partnership under `data`; sends partnership.created. A taken e-mail or partner_key
 * → 422, an unknown group_key → 404 (our choices); without group_key the "Referral" group.
 */
function createPartnershipRoute(server: FastifyInstance, { state, hooks, log, now }: PartnerStackApiContext): void {
  server.post('/api/v2/partnerships', async (request, reply) => {
    const body = bodyOf(request.body);
    const email = required(body, 'email');
    if (email.length > 255 || !isEmail(email)) throw new PartnerStackError(400, 'email must be a valid e-mail address');
    const firstName = text(body, 'first_name');
    const lastName = text(body, 'last_name');
    if ((firstName?.length ?? 0) > 50 || (lastName?.length ?? 0) > 50) throw new PartnerStackError(400, 'first_name and last_name are limited to 50 characters');
    if (state.partnerships.some((partnership) => sameEmail(partnership.email, email))) throw new PartnerStackError(422, `A partnership with email ${email} already exists`);
    const groupKey = text(body, 'group_key');
    const group = groupKey === undefined ? state.groups.find((candidate) => candidate.slug === 'referral') : state.groups.find((candidate) => candidate.key === groupKey);
    if (!group) throw new PartnerStackError(404, `Group ${groupKey ?? 'referral'} not found`);
    const partnerKey = text(body, 'partner_key') ?? derivePartnerKey(state, firstName, lastName, email);
    if (state.partnerships.some((partnership) => partnership.partner_key === partnerKey)) throw new PartnerStackError(422, `partner_key ${partnerKey} is already taken`);

    const time = now();
    const partnership: PsPartnership = {
      id: nextId(state.partnerships.map((candidate) => candidate.id)),
      key: newKey('part'),
      partner_key: partnerKey,
      email,
      first_name: firstName ?? '',
      last_name: lastName ?? '',
      group_key: group.key,
      tags: tagsOf(body),
      manager_email: text(body, 'manager_email') ?? null,
      manager_name: text(body, 'manager_name') ?? null,
      created_at: time,
      updated_at: time,
      archived: false,
    };
    state.partnerships.push(partnership);
    const payload = partnershipPayload(state, partnership);
    afterResponse(reply, log, () => hooks.send('partnership.created', payload));
    return ok(partnershipView(state, partnership), 'Partnership created successfully');
  });
}

/**
 * `PATCH /applications/{key}/decision` [DOC path]; body [INF] from the application payload's
 * fields: `{approved: true|false, decline_reason?}`. Sends application.approved (then
 * partnership.created for the new partnership) or application.declined. An application already
 * decided → 422 (our choice).
 */
function decisionRoute(server: FastifyInstance, { state, hooks, log, now }: PartnerStackApiContext): void {
  server.patch<KeyParam>('/api/v2/applications/:key/decision', async (request, reply) => {
    const application = state.applications.find((candidate) => candidate.key === request.params.key);
    if (!application) throw new PartnerStackError(404, `Application ${request.params.key} not found`);
    const body = bodyOf(request.body);
    if (typeof body.approved !== 'boolean') throw new PartnerStackError(400, 'approved is required and must be true or false');
    if (application.approved !== null) throw new PartnerStackError(422, `Application ${application.key} has already been ${application.approved ? 'approved' : 'declined'}`);

    const time = now();
    application.approved = body.approved;
    application.decline_reason = body.approved ? '' : text(body, 'decline_reason') ?? '';
    application.updated_at = time;
    const partnership = body.approved ? partnershipFrom(state, application, time) : undefined;
    const view = applicationView(state, application);
    afterResponse(reply, log, async () => {
      await hooks.send(partnership ? 'application.approved' : 'application.declined', view);
      if (partnership) await hooks.send('partnership.created', partnershipPayload(state, partnership));
    });
    return ok(view, 'Application decision saved');
  });
}

/** The partnership an approved application becomes, under the key the application already carries. */
function partnershipFrom(state: PartnerStackState, application: PsApplication, time: number): PsPartnership {
  const partnership: PsPartnership = {
    id: nextId(state.partnerships.map((candidate) => candidate.id)),
    key: application.partnership_key,
    partner_key: application.partner_key,
    email: application.content.email,
    first_name: application.content.first_name,
    last_name: application.content.last_name,
    group_key: application.group_key,
    tags: [],
    manager_email: null,
    manager_name: null,
    created_at: time,
    updated_at: time,
    archived: false,
  };
  state.partnerships.push(partnership);
  return partnership;
}

const CUSTOMER_IDENTIFIERS = ['customer_key', 'customer_external_key', 'customer_email'] as const;

function customerFor(state: PartnerStackState, body: Record<string, unknown>): PsCustomer {
  const given = CUSTOMER_IDENTIFIERS.filter((name) => text(body, name) !== undefined);
  if (given.length !== 1) throw new PartnerStackError(400, `Exactly one of ${CUSTOMER_IDENTIFIERS.join(', ')} is required`);
  const [name] = given;
  const value = text(body, name) ?? '';
  const customer = state.customers.find((candidate) =>
    name === 'customer_key' ? candidate.key === value : name === 'customer_external_key' ? candidate.external_key === value : sameEmail(candidate.email, value),
  );
  if (!customer) throw new PartnerStackError(404, `Customer with ${name} ${value} not found`);
  return customer;
}

/**
 * `POST /transactions`: exactly one of customer_key / customer_external_key / customer_email
 * [DOC]; `amount` an integer in cents [INF], required; `currency` ISO-4217 (default USD, our
 * choice); `product_key` optional. Sends transaction.created. No reward is created: the
 * emulator's keys behave like test keys, and "test transactions make no rewards" [DOC].
 */
function createTransactionRoute(server: FastifyInstance, { state, hooks, log, now }: PartnerStackApiContext): void {
  server.post('/api/v2/transactions', async (request, reply) => {
    const body = bodyOf(request.body);
    const customer = customerFor(state, body);
    if (typeof body.amount !== 'number' || !Number.isInteger(body.amount)) throw new PartnerStackError(400, 'amount is required and must be an integer number of cents');
    const currency = (text(body, 'currency') ?? 'USD').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new PartnerStackError(400, 'currency must be a three-letter ISO 4217 code');
    const transaction: PsTransaction = {
      key: newKey('txn'),
      amount: body.amount,
      currency,
      customer_key: customer.key,
      customer_email: customer.email,
      partner_key: customer.partner_key,
      product_key: text(body, 'product_key') ?? null,
      approved: false, // our choice: a transaction just recorded awaits approval
      created_at: now(),
    };
    state.transactions.push(transaction);
    afterResponse(reply, log, () => hooks.send('transaction.created', { ...transaction }));
    return ok({ ...transaction }, 'Transaction created successfully');
  });
}

/** Mounts every data and action route on the (guarded) PartnerStack plugin. */
export function apiRoutes(server: FastifyInstance, context: PartnerStackApiContext): void {
  listRoutes(server, context);
  createPartnershipRoute(server, context);
  decisionRoute(server, context);
  createTransactionRoute(server, context);
}
