/**
 * PartnerStack (vendor-side API v2).
 * Reference: https://docs.partnerstack.com (authentication, partner-api, webhooks guide, and the
 * API-reference index llms.txt); tags [DOC] / [INF] as in shared/platforms/README.md section 3.
 * Every `source` names its basis.
 */
import { definePlatform } from '../types';
import { PARTNERSTACK_EVENT_ALIASES, PARTNERSTACK_EVENTS } from './events';
import { PARTNERSTACK_FIELDS, PARTNERSTACK_STATUSES, PARTNERSTACK_SUPPLEMENTS } from './fields';

/** Cursor-paged lists: `{data: {has_more, items}}`, newest first, `limit` 1–250 [DOC]; polls read further pages by the cursor. */
const LIST = { itemsPath: 'data.items', maxPageSize: 250 } as const;
const LIST_SOURCE = 'documented (cursor list, newest first, limit ≤ 250)';
/** Every list is newest first [DOC], so a poll reads the first page without a time filter. */
const POLLED = {
  order: 'newest_first',
  // `starting_after` = an item's `key`, while `data.has_more` [DOC: cursor pagination].
  cursor: { param: 'starting_after', lastItemPath: 'key', morePath: 'data.has_more' },
  source: 'documented order (sorted by creation date, most recent first) and cursor paging',
} as const;

/**
 * The webhook-create body's URL field, in the order tried. `target` is what the Laravel client and
 * another CLI send [INF]; one fork's test sends `target_url` instead [INF, conflicting]. The doc
 * says only "the target URL". A 400/422 naming the field is retried with the other (webhooks.ts).
 */
const WEBHOOK_URL_FIELDS = ['target', 'target_url'] as const;

export const partnerstack = definePlatform({
  id: 'partnerstack',
  name: 'PartnerStack',
  // PartnerStack calls an affiliate a partner [DOC: docs.partnerstack.com partner / partnership objects].
  terms: { affiliate: 'Partner' },
  connection: {
    apiKeyName: 'secret key',
    keyLocation: 'Settings → Integrations → PartnerStack API Keys (public key and secret key)',
    keyHelpUrl: 'https://docs.partnerstack.com/docs/authentication',
    extraFields: [
      {
        key: 'public_key',
        label: 'Public Key',
        helpText: 'The public key shown next to the secret key under Settings → Integrations → PartnerStack API Keys.',
        secret: true,
      },
    ],
  },
  baseUrl: 'https://api.partnerstack.com/api/v2',
  // Basic public:secret [DOC: authentication page, with v1 paths; PostHog uses it against v2, INF].
  auth: { type: 'basic', username: 'public_key', password: 'api_key' },
  connectionTest: {
    method: 'GET',
    path: '/partnerships',
    query: { limit: 1 },
    source: 'inferred: PostHog probes credentials with this call; the endpoint is documented',
  },
  // Errors are `{message, status}` [DOC: partner-api page].
  errorMessagePaths: ['message'],
  events: PARTNERSTACK_EVENTS,
  // The readable part of the V2 sample has no `event` field: a one-event webhook's URL carries the
  // event (`ah_event`) as a fallback, then the single event a subscription covers.
  delivery: { eventPath: 'event', routeByUrl: true, eventAliases: PARTNERSTACK_EVENT_ALIASES },
  // Nothing documents a signature or secret; repos checking `X-PartnerStack-Signature` cite no doc.
  // A random token in the target URL's query is the shared secret instead.
  signature: {
    type: 'url_token',
    param: 'ah_token',
    source: 'inferred: no signing is documented (webhooks guide, API-reference index); our own token',
  },
  webhooks: {
    kind: 'api',
    eventsPerSubscription: 'many',
    subscribe: {
      method: 'POST',
      path: '/webhooks',
      body: { [WEBHOOK_URL_FIELDS[0]]: '{{target_url}}', events: '{{events}}' },
      fieldCandidates: { [WEBHOOK_URL_FIELDS[0]]: WEBHOOK_URL_FIELDS },
      // The id is the webhook `key` [DOC]; its place in the standard `{data, message, status}` envelope [INF].
      idPath: 'data.key',
      source: 'documented endpoint ("Create a webhook"); body field names inferred (Laravel client, marketingskills CLI)',
    },
    unsubscribe: {
      method: 'DELETE',
      path: '/webhooks/{{subscription_id}}',
      source: 'documented ("Archive a webhook", by webhook_key)',
    },
  },
  fields: PARTNERSTACK_FIELDS,
  statuses: PARTNERSTACK_STATUSES,
  supplements: PARTNERSTACK_SUPPLEMENTS,
  lists: {
    referral: {
      request: { method: 'GET', path: '/transactions', query: { limit: '{{limit}}' }, source: LIST_SOURCE },
      ...LIST,
      polling: { ...POLLED, status: { unavailable: 'its transactions carry no status (none is documented)' } },
    },
    affiliate: {
      request: { method: 'GET', path: '/partnerships', query: { limit: '{{limit}}' }, source: LIST_SOURCE },
      ...LIST,
      // Approval is decided on applications; a partnership exists once a partner is in.
      polling: { ...POLLED, status: { unavailable: 'its partnerships carry no approval status (decisions are made on applications, which are not polled)' } },
    },
    payout: {
      request: { method: 'GET', path: '/payouts', query: { limit: '{{limit}}' }, source: LIST_SOURCE },
      ...LIST,
      polling: { ...POLLED, status: { field: 'status' } },
    },
  },
  // `GET /v2/partnerships/{unique_identifier}` [DOC: llms.txt], in the `{data, message, status}` envelope [DOC].
  // An affiliate's normalized id is its `partner_key` (fields.ts). That `unique_identifier` accepts a
  // partner_key is inferred: the name says "any unique identifier", partner_key is documented as
  // unique, and other partnership paths take it (`POST /v2/partnerships/{partner_key}/member`).
  // Transactions and payouts have no get-by-id in the reference index, so referrals and payouts have none.
  gets: {
    affiliate: {
      request: {
        method: 'GET',
        path: '/partnerships/{{id}}',
        source: 'documented endpoint (GET /v2/partnerships/{unique_identifier}); that it takes the partner_key inferred',
      },
      objectPath: 'data',
      // Decisions are made on applications, which have a list but no get-by-key in the reference
      // index; a declined applicant never becomes a partnership.
      notFor: {
        'application.approved': 'the event is about an application, and PartnerStack documents no call that fetches one application',
        'application.declined': 'the event is about an application, and PartnerStack documents no call that fetches one application',
      },
    },
  },
  // A partner "group" is PartnerStack's program [DOC: GET /v2/groups; item `key` and `name` as in the group object of webhook payloads].
  choices: {
    group: {
      request: { method: 'GET', path: '/groups', query: { limit: 250 }, source: LIST_SOURCE },
      itemsPath: 'data.items',
      idPath: 'key',
      labelPaths: ['name', 'slug'],
    },
    // Approve / Deny Affiliate decide applications, so their dropdown lists applications [DOC: GET /v2/applications; fields as in the application webhook sample].
    applicant: {
      request: { method: 'GET', path: '/applications', query: { limit: '{{limit}}' }, source: LIST_SOURCE },
      itemsPath: 'data.items',
      idPath: 'key',
      labelPaths: ['content.email', 'email', 'partner_key'],
    },
  },
  searches: {
    // `GET /v2/partnerships/{unique_identifier}` [DOC]; that an email serves as the identifier is inferred
    // (the parameter's name; the partner's email is unique per company). A 404 means no such partner.
    find_affiliate: {
      request: { method: 'GET', path: '/partnerships/{{email}}', source: 'documented endpoint; email as the unique identifier inferred' },
      itemPath: 'data',
      matchField: 'email',
      input: 'email',
    },
    find_referral: { unsupported: "PartnerStack's transactions cannot be looked up by order ID through its API." },
  },
  actions: {
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/partnerships',
        body: { email: '{{email}}', first_name: '{{first_name}}', last_name: '{{last_name}}', group_key: '{{group_key}}' },
        source: 'documented endpoint and email; first_name, last_name, group_key labels inferred (hidden in the reference copy; third-party clients)',
      },
      result: { event: 'affiliate.created', resultPath: 'data', assume: { email: '{{email}}' } },
    },
    // `affiliate` is the application key (appl_…): the decision is made on the application.
    approve_affiliate: {
      request: {
        method: 'PATCH',
        path: '/applications/{{affiliate}}/decision',
        body: { approved: true },
        source: 'documented endpoint ("Decision an Application"); body inferred from the application payload\'s `approved` field',
      },
      result: { event: 'affiliate.approved', resultPath: 'data', assume: { id: '{{affiliate}}', status: 'active' } },
    },
    deny_affiliate: {
      request: {
        method: 'PATCH',
        path: '/applications/{{affiliate}}/decision',
        body: { approved: false },
        source: 'documented endpoint ("Decision an Application"); body inferred from the application payload\'s `approved` field',
      },
      result: { event: 'affiliate.denied', resultPath: 'data', assume: { id: '{{affiliate}}', status: 'denied' } },
    },
    approve_referral: {
      unsupported:
        "PartnerStack's API has no endpoint to approve a transaction or reward (its reference lists only list and create). Approve rewards in the PartnerStack dashboard.",
    },
    deny_referral: {
      unsupported:
        "PartnerStack's API has no endpoint to deny a transaction or reward (its reference lists only list, create and, for transactions, delete). Decline rewards in the PartnerStack dashboard.",
    },
    mark_payout_paid: {
      unsupported: "PartnerStack's API can list payouts but has no endpoint to mark one paid. PartnerStack pays partners itself.",
    },
    // Exactly one of customer_key / customer_external_key / customer_email [DOC]; amount in cents [INF].
    create_referral: {
      request: {
        method: 'POST',
        path: '/transactions',
        body: { customer_email: '{{customer_email}}', amount: '{{sale_amount | cents}}', currency: '{{currency}}' },
        source: 'documented endpoint and customer identifiers; amount in cents and currency inferred (third-party clients)',
      },
      requiredInputs: ['customer_email', 'sale_amount'],
      result: {
        event: 'referral.created',
        resultPath: 'data',
        assume: { customer_email: '{{customer_email}}', sale_amount: '{{sale_amount | number}}', currency: '{{currency}}' },
      },
    },
  },
});
