/**
 * UpPromote (Shopify affiliate app), API v2.
 * Reference: https://aff-api.uppromote.com/docs/v2 and docs.uppromote.com → API & Webhook; tags
 * [DOC] / [INF] as in shared/platforms/README.md section 1. Every `source` names its basis.
 */
import { definePlatform } from '../types';
import { hmacOfRawBody, standardWebhooks, stripeStyle } from '../../signature-schemes/common-candidates';
import { UPPROMOTE_EVENTS } from './events';
import { UPPROMOTE_FIELDS, UPPROMOTE_STATUSES, UPPROMOTE_SUPPLEMENTS } from './fields';

const POLYMETRICS = 'inferred: third-party connector (polymetrics) built from the Apidog reference';

/**
 * Why an action's endpoint is unconfirmed: the one source is the third-party connector (which gets
 * UpPromote's auth and host wrong elsewhere), and no stored copy of UpPromote's v2 reference lists it.
 */
const THIRD_PARTY_ONLY = "only a third-party connector shows this endpoint (UpPromote's own v2 reference, as far as it could be read, does not list it)";

/**
 * The lists' date window. UpPromote answers 422 "The to date field is required when from date is
 * present" on referrals [INF: PostHog]; unknown for affiliates and paid payments, so every request
 * that sends from_date also sends to_date.
 */
const FROM_TO = { param: 'from_date', format: 'iso', untilParam: 'to_date' } as const;

/** 120 requests a minute per shop across all v2 endpoints, fixed 60-s windows, every call counts [DOC: docs/v2]. */
const RATE_LIMIT = { requests: 120, perSeconds: 60, per: 'shop, shared with every other call', source: 'documented (aff-api.uppromote.com/docs/v2)' } as const;

export const uppromote = definePlatform({
  id: 'uppromote',
  name: 'UpPromote',
  // UpPromote pays affiliates through payments [DOC: /payments endpoints, payment.paid event].
  terms: { payout: 'Payment' },
  connection: {
    keyLocation: 'Settings → Integrations → API Key → Get API Key (Professional plan)',
    keyHelpUrl: 'https://docs.uppromote.com/settings/integrations/api-and-webhook',
  },
  baseUrl: 'https://aff-api.uppromote.com/api/v2',
  // The raw key, no `Bearer` [DOC: API overview]. v1 used Bearer: do not mix them up.
  auth: { type: 'header', header: 'Authorization', value: '{{api_key}}' },
  connectionTest: {
    method: 'GET',
    path: '/affiliates',
    query: { page: 1, per_page: 1 },
    source: 'inferred: PostHog uses this call as its credential probe; the endpoint is documented',
  },
  errorMessagePaths: ['message', 'errors', 'error'],
  // Every answer is `{status, message, data}` [INF: PostHog fixtures]; a `status` other than 2xx is an error even with HTTP 200.
  envelope: { statusPath: 'status' },
  events: UPPROMOTE_EVENTS,
  // Payloads are the bare object with no event name or id [INF: PostHog].
  // Bodies carry no event id or time [INF] and retries are undocumented [UNK]: an identical body is a
  // retry only within a few minutes (a status that flips back and forth repeats byte for byte).
  delivery: { retryWindowSeconds: 10 * 60 },
  // The documented scheme first; the encoding is only inferred, so the usual variants follow (same secret).
  signature: {
    type: 'candidates',
    candidates: [
      {
        name: 'HMAC-SHA256 hex of the raw body',
        type: 'hmac',
        header: 'X-UpPromote-Signature',
        encodings: ['hex'],
        source: 'documented header and HMAC-SHA256 of the raw body; lower-case hex inferred (PostHog, two other integrations)',
      },
      hmacOfRawBody('X-UpPromote-Signature', 'inferred: base64 or a sha256= prefix, the common variants'),
      standardWebhooks('inferred: a common convention, not documented for UpPromote'),
      stripeStyle({ contains: 'signature' }, 'inferred: a common convention, not documented for UpPromote'),
    ],
    source: 'documented header and HMAC-SHA256 of the raw body [DOC]; encoding [INF]; the other candidates are hedges',
  },
  webhooks: {
    kind: 'api',
    eventsPerSubscription: 'one',
    subscribe: {
      method: 'POST',
      path: '/webhook-subscriptions',
      body: { target_url: '{{target_url}}', event: '{{event}}' },
      secretPath: 'data.secret_key',
      source: 'documented request; the secret_key in the response inferred (PostHog)',
    },
    // Keyed by event alone, with a JSON body [INF: PostHog and polymetrics independently].
    unsubscribe: {
      method: 'DELETE',
      path: '/webhook-subscriptions',
      body: { event: '{{event}}' },
      source: 'inferred: method documented; body from PostHog and polymetrics',
    },
    // One subscription per event per store [INF: PostHog]: look before subscribing so a clash is explained.
    findExisting: {
      method: 'GET',
      path: '/webhook-subscriptions',
      query: { page: 1, per_page: 10, event: '{{event}}' },
      itemsPath: 'data',
      targetField: 'target_url',
      secretField: 'secret_key',
      source: 'documented request; item fields inferred (PostHog fixtures)',
    },
  },
  fields: UPPROMOTE_FIELDS,
  statuses: UPPROMOTE_STATUSES,
  supplements: UPPROMOTE_SUPPLEMENTS,
  lists: {
    referral: {
      request: { method: 'GET', path: '/referrals', query: { page: '{{page}}', per_page: '{{limit}}' }, source: 'documented' },
      itemsPath: 'data',
      maxPageSize: 100,
      polling: {
        order: 'unknown',
        // Status polls: referrals created in the last 90 days (approval after a refund window, payment the month after) [INF].
        statusWindowDays: 90,
        createdSince: FROM_TO,
        rateLimit: RATE_LIMIT,
        status: { field: 'status' },
        source: 'documented filters from_date/to_date (ISO-8601); to_date required with from_date and the status field inferred (PostHog); sort order undocumented',
      },
    },
    affiliate: {
      request: { method: 'GET', path: '/affiliates', query: { page: '{{page}}', per_page: '{{limit}}' }, source: 'documented' },
      itemsPath: 'data',
      maxPageSize: 100,
      polling: {
        order: 'unknown',
        createdSince: FROM_TO,
        rateLimit: RATE_LIMIT,
        status: { field: 'status' },
        source: 'documented status field (active|inactive|pending); from_date inferred (PostHog); sort order undocumented',
      },
    },
    payout: {
      request: { method: 'GET', path: '/payments/paid', query: { page: '{{page}}', per_page: '{{limit}}' }, source: 'documented' },
      // The endpoint lists paid payments only [DOC: its path and name].
      onlyStatus: 'paid',
      itemsPath: 'data',
      maxPageSize: 100,
      polling: {
        order: 'unknown',
        createdSince: FROM_TO,
        rateLimit: RATE_LIMIT,
        status: { field: 'status' },
        source: 'inferred: from_date filters on the processed time (PostHog); status as in payment.paid [DOC]; sort order undocumented',
      },
    },
  },
  // Get-by-id [DOC: reference nav], envelope `{status, message, data}` as in the lists [INF: PostHog fixtures].
  // `{{id}}` is the normalized id: a referral's `id` (`referral_id` in a status-changed diff), an
  // affiliate's `id` (`affiliate_id`), a payment's `payment_id` (payment.paid [DOC]).
  gets: {
    referral: { request: { method: 'GET', path: '/referrals/{{id}}', source: 'documented endpoint; envelope inferred (PostHog fixtures)' }, objectPath: 'data' },
    // `data` may be the object or a 1-item array [INF: PostHog]. `data` is named here, as for the
    // other two gets; the Make generator also reads the first item when an array arrives.
    affiliate: { request: { method: 'GET', path: '/affiliates/{{id}}', source: 'documented endpoint; envelope inferred (PostHog: object or 1-item array)' }, objectPath: 'data' },
    // That the path takes the webhook's `payment_id` is inferred: the payment.paid example has no other id.
    payout: { request: { method: 'GET', path: '/payments/{{id}}', source: 'documented endpoint; id = payment.paid payment_id and envelope inferred' }, objectPath: 'data' },
  },
  // Affiliate actions take the affiliate's email [INF: polymetrics], so dropdowns offer emails.
  affiliateIdentifier: 'email',
  searches: {
    find_affiliate: {
      request: { method: 'GET', path: '/affiliates', query: { affiliate_email: '{{email}}', page: 1, per_page: '{{limit}}' }, source: 'documented filter affiliate_email' },
      itemsPath: 'data',
      matchField: 'email',
      input: 'email',
    },
    find_referral: {
      request: { method: 'GET', path: '/referrals', query: { order_id: '{{order_id}}', page: 1, per_page: '{{limit}}' }, source: 'documented filter order_id' },
      itemsPath: 'data',
      matchField: 'order_id',
      input: 'order_id',
    },
  },
  choices: {
    program: {
      request: { method: 'GET', path: '/programs', query: { status: 'active', page: '{{page}}', per_page: '{{limit}}' }, source: 'documented (newer reference); item field names inferred' },
      itemsPath: 'data',
      idPath: 'id',
      labelPaths: ['program_name', 'name', 'title'],
    },
  },
  actions: {
    approve_referral: {
      request: { method: 'POST', path: '/referral/{{referral_id}}/status', body: { status: 'approved' }, source: POLYMETRICS },
      result: { event: 'referral.approved', resultPath: 'data', assume: { id: '{{referral_id}}', status: 'approved' } },
      unconfirmed: THIRD_PARTY_ONLY,
    },
    deny_referral: {
      request: { method: 'POST', path: '/referral/{{referral_id}}/status', body: { status: 'denied' }, source: POLYMETRICS },
      result: { event: 'referral.denied', resultPath: 'data', assume: { id: '{{referral_id}}', status: 'denied' } },
      unconfirmed: THIRD_PARTY_ONLY,
    },
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliates',
        body: {
          email: '{{email}}',
          first_name: '{{first_name}}',
          last_name: '{{last_name}}',
          company: '{{company}}',
          program_id: '{{program_id | number}}',
          send_email: '{{send_welcome_email}}',
        },
        source: 'documented endpoint, status and send_email; other fields inferred (polymetrics)',
      },
      result: { event: 'affiliate.created', resultPath: 'data', assume: { email: '{{email}}' } },
    },
    // UpPromote identifies the affiliate by email here [INF: polymetrics].
    approve_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliate/active',
        body: { affiliate_email: '{{affiliate}}', status: 'approved' },
        source: 'documented endpoint and status values; affiliate_email inferred (polymetrics)',
      },
      inputFormats: { affiliate: 'email' },
      result: { event: 'affiliate.approved', resultPath: 'data', assume: { id: '{{affiliate}}', email: '{{affiliate}}', status: 'active' } },
    },
    deny_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliate/active',
        body: { affiliate_email: '{{affiliate}}', status: 'denied' },
        source: 'documented endpoint and status values; affiliate_email inferred (polymetrics)',
      },
      inputFormats: { affiliate: 'email' },
      result: { event: 'affiliate.denied', resultPath: 'data', assume: { id: '{{affiliate}}', email: '{{affiliate}}', status: 'denied' } },
    },
    // "Mark as paid a manual payment" [DOC]; path and body inferred (polymetrics). The response is
    // undocumented, so the record says what is known: who was paid.
    mark_payout_paid: {
      request: {
        method: 'POST',
        path: '/payments/mark-as-paid',
        body: { affiliate_email: '{{affiliate}}', referral_ids: '{{referral_ids}}', note: '{{note}}' },
        source: POLYMETRICS,
      },
      requiredInputs: ['affiliate'],
      inputFormats: { affiliate: 'email' },
      result: { event: 'payout.paid', resultPath: 'data', assume: { id: '{{affiliate}}', affiliate_email: '{{affiliate}}', status: 'paid' } },
      unconfirmed: THIRD_PARTY_ONLY,
    },
    // "Create referral" [DOC]; body inferred (polymetrics). `use_order_id` attaches the referral to a
    // real order, whose amounts UpPromote then knows; a fixed commission may override it.
    create_referral: {
      request: {
        method: 'POST',
        path: '/referrals',
        body: {
          type: 'use_order_id',
          affiliate_email: '{{affiliate}}',
          // Amounts as JSON numbers, not "245.00" text: the fields are numeric [DOC-3P: Airbyte
          // source-uppromote schemas]; the type UpPromote requires [UNK]. The order id stays text as
          // typed: Shopify order ids can exceed 2^53, which a JSON number would round.
          order_id: '{{order_id}}',
          total_sale: '{{sale_amount | number}}',
          commission: '{{commission_amount | number}}',
        },
        source: POLYMETRICS,
      },
      requiredInputs: ['affiliate', 'order_id'],
      inputFormats: { affiliate: 'email' },
      result: {
        event: 'referral.created',
        resultPath: 'data',
        assume: { id: '{{order_id}}', order_id: '{{order_id}}', affiliate_email: '{{affiliate}}', status: 'pending' },
      },
    },
  },
});
