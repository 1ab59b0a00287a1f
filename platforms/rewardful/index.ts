/**
 * Rewardful (Stripe / Paddle affiliate programs), REST API v1.
 * Reference: https://developers.rewardful.com (rest-api/overview, rest-api/affiliates/*,
 * rest-api/commissions/*, rest-api/payouts/*, webhooks/*), summarized with DOC / INF / UNK tags in
 * shared/platforms/README.md section 8. Every `source` below names its basis.
 *
 * - Auth: HTTP Basic, the API Secret as user name and an empty password [DOC] (`curl -u SECRET:`).
 * - Requests are form-encoded, answers JSON [DOC]; ids are UUIDs, times ISO 8601, money integer cents [DOC].
 * - Webhooks are added only in Rewardful's dashboard [DOC] (no endpoint API), signed with
 *   `X-Rewardful-Signature` = lower-case hex HMAC-SHA256 of the raw body [DOC]. Nothing time-based is
 *   signed, so the repeat check on `event.id` is the only replay defence.
 * - Lists are newest first with no date filter [DOC]: polling reads page 1 and compares states.
 * - Commissions are our Referrals; a Rewardful "referral" is a tracked visitor (New Platform Event only).
 */
import { definePlatform, type Unsupported } from '../types';
import { REWARDFUL_EVENTS } from './events';
import { REWARDFUL_FIELDS, REWARDFUL_STATUSES, REWARDFUL_SUPPLEMENTS } from './fields';

/** Rewardful computes sales and commissions from the billing provider; nobody approves them. */
const NO_COMMISSION_DECISION: Unsupported = {
  unsupported:
    "Rewardful's API cannot approve or deny a commission: commissions follow the Stripe / Paddle charge (a refund voids it), and the API only updates a commission's due or paid date. Void or edit the commission in Rewardful's dashboard instead.",
};

/** Find Referral reads one page of the newest commissions, the largest page the list serves [DOC: limit up to 100]. */
const SCAN_PAGE = 100;

/**
 * The state values the approve / deny calls send: the update endpoint and its `state` field
 * ("Defaults to active") are documented; the values `active` / `disabled` (of `active | disabled |
 * suspicious`) are confirmed by independent code calling the live API (issue 25 item 13).
 */
const STATE_VALUES =
  'documented endpoint (affiliates/update, `state`, "Defaults to active"); values active / disabled confirmed by independent code against the live API (issue 25 audit)';

/** 45 requests per 30-second window, 429 beyond [INF: third-party summary of the overview's cut "Rate limits" section]. */
const RATE_LIMIT = { requests: 45, perSeconds: 30, per: 'account', source: 'inferred: api-evangelist conventions quoting the overview (our copies cut it off)' } as const;

export const rewardful = definePlatform({
  id: 'rewardful',
  name: 'Rewardful',
  // Rewardful's words [DOC: developers.rewardful.com]: affiliates earn commissions; its "referral" is a tracked visitor.
  terms: { affiliate: 'Affiliate', referral: 'Commission' },
  connection: {
    apiKeyName: 'API secret',
    keyLocation: 'Company Settings → API Secret (https://app.getrewardful.com/company/edit)',
    keyHelpUrl: 'https://developers.rewardful.com/rest-api/overview',
  },
  baseUrl: 'https://api.getrewardful.com/v1',
  // [DOC] overview: `curl -u YOUR_API_SECRET:` (no `password`: empty).
  auth: { type: 'basic', username: 'api_key' },
  connectionTest: {
    method: 'GET',
    path: '/affiliates',
    query: { limit: 1 },
    source: 'inferred: the documented affiliate list (the overview\'s auth example fetches /v1/affiliates); the vendor names no test call',
  },
  // [DOC] `{"error": "Invalid API Secret."}`; 422 adds `details: [...]` [INF third-party], more specific, so first.
  errorMessagePaths: ['details.0', 'error', 'message'],
  events: REWARDFUL_EVENTS,
  // [DOC] envelope `{object, event: {id, type, created_at, api_version}, request: {id}}`; `event.id`
  // names the event (a retry keeps it), `request.id` one delivery attempt [INF].
  // Failed deliveries are retried "over the next 3 days using exponential backoff", then dropped
  // [DOC: developers.rewardful.com/webhooks/requests]: older deliveries are refused (receive/freshness.ts).
  delivery: { eventPath: 'event.type', idPath: 'event.id', timePath: 'event.created_at', retryWindowSeconds: 3 * 24 * 60 * 60 },
  signature: {
    type: 'hmac',
    header: 'X-Rewardful-Signature',
    encodings: ['hex'],
    source:
      'documented (webhooks/signed-webhooks: OpenSSL::HMAC.hexdigest(sha256, signing secret, raw body)); no timestamp is signed, so the repeat check on event.id is the only replay defence (inferred: nothing time-based is signed)',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In Rewardful's dashboard, add a webhook endpoint, paste this Zap's URL as its URL, select the event types it should receive and save. Signing Secret: the endpoint's Signing Secret, shown with the endpoint.",
  },
  fields: REWARDFUL_FIELDS,
  statuses: REWARDFUL_STATUSES,
  lists: {
    referral: {
      request: {
        method: 'GET',
        path: '/commissions',
        query: { page: '{{page}}', limit: '{{limit}}', 'expand[]': ['sale'] },
        source: 'documented (commissions/list: page, limit up to 100, expand[]=sale; newest first)',
      },
      itemsPath: 'data',
      maxPageSize: 100,
      polling: {
        order: 'newest_first',
        status: { field: 'state' },
        updatedAt: { path: 'updated_at', convert: 'iso' },
        rateLimit: RATE_LIMIT,
        source: 'documented (newest first, no date filter, the state filter); `state` on the commission confirmed by independent code (issue 25 audit)',
      },
    },
    affiliate: {
      request: { method: 'GET', path: '/affiliates', query: { page: '{{page}}', limit: '{{limit}}', 'expand[]': ['campaign'] }, source: 'documented (affiliates/list; newest first)' },
      itemsPath: 'data',
      maxPageSize: 100,
      polling: { order: 'newest_first', status: { field: 'state' }, updatedAt: { path: 'updated_at', convert: 'iso' }, rateLimit: RATE_LIMIT, source: 'documented (newest first, no date filter, `state` in the object)' },
    },
    payout: {
      request: { method: 'GET', path: '/payouts', query: { page: '{{page}}', limit: '{{limit}}', 'expand[]': ['affiliate'] }, source: 'documented (payouts/list-payouts: expand[]=affiliate)' },
      itemsPath: 'data',
      maxPageSize: 100,
      polling: { order: 'newest_first', status: { field: 'state' }, updatedAt: { path: 'updated_at', convert: 'iso' }, rateLimit: RATE_LIMIT, source: 'documented (newest first, no date filter, state pending / due / processing / paid)' },
    },
  },
  // A commission webhook may not carry the nested `sale` (affiliate, amounts, order id): the API
  // nests it only when expanded (`expand[]=sale` [DOC: commissions/list]) although the webhook
  // object is "identical to" the API's [DOC]. Such a delivery is completed by the commission get
  // below (receive/enrich.ts; issue 25 item 10). The sale amount and the affiliate are in every
  // sale, so their absence means no sale (the order id may be empty for a non-Stripe sale).
  supplements: {
    ...REWARDFUL_SUPPLEMENTS,
    fetchWhenEmpty: {
      ...REWARDFUL_SUPPLEMENTS.fetchWhenEmpty,
      referral: { fields: ['sale_amount', 'affiliate_id'], source: 'inferred: sale is an expandable part of the commission, so a webhook may omit it (not recorded either way)' },
    },
  },
  // Retrieve calls [DOC]: the object itself is the body (retrieve-a-payout example).
  gets: {
    referral: {
      request: { method: 'GET', path: '/commissions/{{id}}', query: { 'expand[]': ['sale'] }, source: 'documented (commissions/retrieve)' },
      objectPath: '',
      notFor: { 'commission.deleted': 'the commission no longer exists' },
    },
    affiliate: {
      request: { method: 'GET', path: '/affiliates/{{id}}', source: 'documented (affiliates/retrieve)' },
      objectPath: '',
      notFor: { 'affiliate.deleted': 'the affiliate no longer exists' },
    },
    payout: {
      request: { method: 'GET', path: '/payouts/{{id}}', source: 'documented (payouts/retrieve-a-payout)' },
      objectPath: '',
      notFor: { 'payout.deleted': 'the payout no longer exists' },
    },
  },
  actions: {
    approve_referral: NO_COMMISSION_DECISION,
    deny_referral: NO_COMMISSION_DECISION,
    create_referral: {
      unsupported:
        "Rewardful's API cannot create a referral or a sale: Rewardful records them from its JavaScript snippet and your Stripe / Paddle billing. Connect your billing provider in Rewardful (or use its JavaScript API's conversion call) instead.",
    },
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliates',
        body: { first_name: '{{first_name}}', last_name: '{{last_name}}', email: '{{email}}', campaign_id: '{{program_id}}' },
        encoding: 'form',
        source: 'documented (affiliates/create: form fields first_name, last_name, email required; campaign_id optional, default campaign when blank)',
      },
      requiredInputs: ['first_name', 'last_name'],
      inputNotes: { email: 'Rewardful sends no welcome email to affiliates created through its API.' },
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}' } },
    },
    approve_affiliate: {
      request: { method: 'PUT', path: '/affiliates/{{affiliate}}', body: { state: 'active' }, encoding: 'form', source: STATE_VALUES },
      // The answer is the affiliate: unless it says `active`, Rewardful did not take the value.
      outcome: { statusPath: 'state', done: ['active'], idPath: 'id', source: 'inferred: the update answers the affiliate object, whose state shows whether the value was taken' },
      result: { event: 'affiliate.approved', resultPath: '', assume: { id: '{{affiliate}}' } },
    },
    deny_affiliate: {
      request: { method: 'PUT', path: '/affiliates/{{affiliate}}', body: { state: 'disabled' }, encoding: 'form', source: STATE_VALUES },
      outcome: { statusPath: 'state', done: ['disabled'], idPath: 'id', source: 'inferred: the update answers the affiliate object, whose state shows whether the value was taken' },
      result: { event: 'affiliate.denied', resultPath: '', assume: { id: '{{affiliate}}' } },
    },
    // [DOC] payouts/mark-a-payout-as-paid: the answer's state "will usually be `processing`" (queued,
    // "completely normal"), so the result says pending until Rewardful reports it paid (payout.paid).
    mark_payout_paid: {
      request: { method: 'PUT', path: '/payouts/{{payout_id}}/pay', body: {}, encoding: 'form', source: 'documented (payouts/mark-a-payout-as-paid; no body fields)' },
      requiredInputs: ['payout_id'],
      inputNotes: {
        payout_id:
          'Rewardful records the payout and its commissions as paid; it sends no money. The result usually reads pending (Rewardful\'s "processing") until Rewardful finishes and sends payout.paid.',
      },
      result: { event: 'payout.paid', resultPath: '', assume: { id: '{{payout_id}}', status: 'pending', vendor_status: 'processing' } },
    },
  },
  searches: {
    // [DOC] "Filtering by email … will return a list with one (or zero) items".
    find_affiliate: {
      request: { method: 'GET', path: '/affiliates', query: { email: '{{email}}', limit: '{{limit}}' }, source: 'documented (affiliates/list email filter)' },
      itemsPath: 'data',
      matchField: 'email',
      input: 'email',
    },
    // No order filter exists [DOC, absence]: the newest commissions (one page) are read with their
    // sale and matched on the Stripe charge id, so an older order is not found [INF].
    find_referral: {
      request: {
        method: 'GET',
        path: '/commissions',
        query: { page: 1, limit: SCAN_PAGE, 'expand[]': ['sale'] },
        source: 'inferred: no order filter is documented; the 100 newest commissions (documented list, expand[]=sale) are matched on sale.stripe_charge_id, so older orders are not found',
      },
      itemsPath: 'data',
      matchField: 'order_id',
      input: 'order_id',
      scan: {
        pageSize: SCAN_PAGE,
        limits: 'Rewardful has no order filter, so only its 100 newest commissions are searched; the Order ID is the Stripe charge ID (ch_…) of the sale',
        source: 'inferred: commissions carry sale.stripe_charge_id (documented object); no filter documented',
      },
    },
  },
});
