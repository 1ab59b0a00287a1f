/**
 * FirstPromoter (admin API v2, tracking API v2, webhooks v2).
 * Reference: https://docs.firstpromoter.com (api-reference-v2/api-admin/*, webhooks-v2/*), read from
 * the vendor's docs source (github.com/firstpromoter/docs, one OpenAPI file per area); tags
 * [DOC] / [INF] as in shared/platforms/README.md section 6. Every `source` names its basis.
 * Legacy API v1 and webhooks v1 are not used.
 *
 * The base is `/api/v2` so both the admin API (`/company/…`) and the tracking API (`/track/…`)
 * receive the credentials (the middleware adds them only below the base URL).
 */
import { definePlatform, type ActionOutcome, type ActionSpec } from '../types';
import { hmacOfRawBody, standardWebhooks, stripeStyle } from '../../signature-schemes/common-candidates';
import { FIRSTPROMOTER_EVENTS } from './events';
import { FIRSTPROMOTER_FIELDS, FIRSTPROMOTER_STATUSES, FIRSTPROMOTER_SUPPLEMENTS } from './fields';

/** Page-number lists: `page` from 1, `per_page` ≤ 100 [DOC: API introduction]; no totals, so a short page is the last [INF]. */
const PAGE = { page: '{{page}}', per_page: '{{limit}}' } as const;
const MAX_PAGE = 100;
/** 400 requests a minute per account, 429 beyond [DOC: api-reference-v2/api-admin/introduction]. */
const RATE_LIMIT = { requests: 400, perSeconds: 60, per: 'account', source: 'documented (FirstPromoter admin API introduction)' } as const;

/** The custom header of each subscription that carries our random token back [DOC: subscription `headers`; the name is ours]. */
export const TOKEN_HEADER = 'X-Affiliate-Hub-Token';

/**
 * Bulk actions answer a batch object `{id, status: pending|in_progress|completed|failed|stopped,
 * total, processed_count, failed_count, processing_errors[]}`; up to 5 ids are processed at once
 * (200, `completed`), more later (202) [DOC: e.g. approve-commissions]. We send one id, and a batch
 * that is not `completed` without failures, or that took or processed no item (`total` or
 * `processed_count` 0: an id FirstPromoter does not know, we infer), is reported, never taken for done.
 */
const BATCH: ActionOutcome = {
  statusPath: 'status',
  done: ['completed'],
  failedCountPath: 'failed_count',
  errorsPath: 'processing_errors',
  idPath: 'id',
  countPaths: ['total', 'processed_count'],
  source:
    'documented (batch object of the bulk endpoints: status, total, processed_count, failed_count); inferred: that a completed batch counting 0 items changed nothing (what FirstPromoter does with an unknown id is not documented)',
};

/** FirstPromoter's ids are JSON integers [DOC: integer ids in every object]: typed as digits only, sent exact (`| integer`). */
const INTEGER_ID = 'integer';

const CAMPAIGN_NOTE = 'On FirstPromoter approval is per campaign: pick the campaign the affiliate applied to.';

/** Approve / deny a commission: the bulk endpoint with one id, `POST /company/commissions/<verb> {ids}` [DOC]; `status` is both the normalized and the vendor status. */
function commissionDecision(verb: 'approve' | 'deny', event: 'referral.approved' | 'referral.denied', status: string): ActionSpec {
  return {
    request: { method: 'POST', path: `/company/commissions/${verb}`, body: { ids: ['{{referral_id | integer}}'] }, source: `documented (POST /commissions/${verb} {ids})` },
    outcome: BATCH,
    requiredInputs: ['referral_id'],
    inputFormats: { referral_id: INTEGER_ID },
    result: { event, assume: { id: '{{referral_id}}', status, vendor_status: status } },
  };
}

/** Accept / reject a promoter in one campaign, `POST /company/promoters/<verb> {campaign_id, ids}` [DOC]: approval is per campaign, so the program is required. */
function campaignDecision(verb: 'accept' | 'reject', event: 'affiliate.approved' | 'affiliate.denied', status: string, vendorStatus: string): ActionSpec {
  return {
    request: {
      method: 'POST',
      path: `/company/promoters/${verb}`,
      body: { campaign_id: '{{program_id | integer}}', ids: ['{{affiliate | integer}}'] },
      source: `documented (POST /promoters/${verb} {campaign_id, ids})`,
    },
    outcome: BATCH,
    requiredInputs: ['affiliate', 'program_id'],
    inputFormats: { affiliate: INTEGER_ID, program_id: INTEGER_ID },
    inputNotes: { program_id: CAMPAIGN_NOTE },
    result: { event, assume: { id: '{{affiliate}}', status, vendor_status: vendorStatus, program_id: '{{program_id}}' } },
  };
}

export const firstpromoter = definePlatform({
  id: 'firstpromoter',
  name: 'FirstPromoter',
  // FirstPromoter's words [DOC: promoter and commission objects]; its own "referral" is a lead, not the app's Referral.
  terms: { affiliate: 'Promoter', referral: 'Commission' },
  connection: {
    keyLocation: 'Settings → Integrations → Manage API Keys → Add new Key (the Account ID is shown in the same panel)',
    keyHelpUrl: 'https://docs.firstpromoter.com/api-reference-v2/api-admin/authentication',
    extraFields: [
      {
        key: 'account_id',
        label: 'Account ID',
        helpText: 'The Account ID shown with your API keys under Settings → Integrations in FirstPromoter.',
        secret: false,
      },
    ],
  },
  baseUrl: 'https://api.firstpromoter.com/api/v2',
  // Both headers on every request [DOC: authentication page; the OpenAPI files spell it Account-ID, same header].
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}', extraHeaders: { 'ACCOUNT-ID': '{{account_id}}' } },
  connectionTest: {
    method: 'GET',
    path: '/company/promoters',
    query: { per_page: 1 },
    source: 'inferred: the cheapest documented list (the vendor names no test call)',
  },
  // `{"message", "code", "errors"?}` [DOC: ErrorResponse / ValidationError]; the tracking API only `message` [DOC].
  errorMessagePaths: ['message', 'error', 'errors'],
  events: FIRSTPROMOTER_EVENTS,
  delivery: {
    eventPath: 'event_type',
    // `event_id` is a UUID, the same in `X-Event-Id` [DOC: payload page]: the dedupe key.
    idPath: 'event_id',
    timePath: 'timestamp',
    // The dashboard's "Send test" sends `"data": {"test": true}` [DOC: deliveries page].
    testPath: 'data.test',
    // Retries with backoff up to ~17 hours for 10 retries [DOC: deliveries page].
    retryWindowSeconds: 18 * 60 * 60,
  },
  // Each secret verifies only in its own scheme (issue 22 item 9): FirstPromoter's `secret_key`
  // only as an HMAC key, our token only as the header token (hook-trigger.ts marks their use).
  signature: {
    type: 'candidates',
    candidates: [
      {
        name: 'HMAC-SHA256 hex of the raw body in X-Webhook-Signature',
        type: 'hmac',
        header: 'X-Webhook-Signature',
        encodings: ['hex'],
        source:
          'documented until 2026-04-24 (docs commit 7d9d83d removed the security section "so it doesn\'t confuse users"): X-Webhook-Signature = lower-case hex HMAC-SHA256 of the raw body keyed with the subscription\'s 64-hex secret_key; stored live pages still say every request is signed. Applies only when the create answer returns a secret_key',
      },
      {
        name: 'Subscription token in X-Affiliate-Hub-Token',
        type: 'header_token',
        header: TOKEN_HEADER,
        source: 'inferred: for accounts whose create answer returns no secret_key; the subscription\'s custom headers are [DOC] ("useful for API keys or authorization tokens your endpoint requires"), so we send our random token in one',
      },
      // Hedges keyed by the same vendor-issued secret_key, should the removed description be out of date.
      hmacOfRawBody({ contains: 'signature' }, 'inferred: base64 or a sha256= prefix, the common variants of the formerly documented scheme'),
      standardWebhooks('inferred: a common convention, not documented for FirstPromoter'),
      stripeStyle({ contains: 'signature' }, 'inferred: a common convention, not documented for FirstPromoter'),
    ],
    source:
      'X-Webhook-Signature hex HMAC-SHA256 of the raw body with the create answer\'s secret_key [DOC until 2026-04-24, docs commit 7d9d83d]; our token in a custom header where no secret_key is returned [INF]; the other candidates are hedges keyed by the secret_key',
  },
  webhooks: {
    kind: 'api',
    // Unlimited subscriptions, each with a list of event types [DOC: overview].
    eventsPerSubscription: 'many',
    callerChoosesSecret: true,
    subscribe: {
      method: 'POST',
      path: '/company/webhooks',
      body: {
        url: '{{target_url}}',
        event_types: '{{events}}',
        description: 'Affiliate Hub',
        active: true,
        // The documents conflict on the default (10 on the deliveries page, 3 in the schema) [DOC]: sent explicitly, the documented maximum.
        max_retries: 10,
        headers: { [TOKEN_HEADER]: '{{secret}}' },
      },
      idPath: 'id',
      // Promised by the create description, absent from the 201 schema [DOC, conflicting]: kept when present.
      secretPath: 'secret_key',
      source: 'documented (POST /webhooks: url, event_types, description, active, max_retries, headers; 201 WebhookSubscription with integer id)',
    },
    unsubscribe: { method: 'DELETE', path: '/company/webhooks/{{subscription_id}}', source: 'documented (DELETE /webhooks/{id})' },
  },
  fields: FIRSTPROMOTER_FIELDS,
  statuses: FIRSTPROMOTER_STATUSES,
  supplements: FIRSTPROMOTER_SUPPLEMENTS,
  lists: {
    referral: {
      request: {
        method: 'GET',
        path: '/company/commissions',
        query: { ...PAGE, 'sorting[created_at]': 'desc' },
        source: 'documented (GET /commissions, a bare array; sorting[created_at])',
      },
      itemsPath: '',
      maxPageSize: MAX_PAGE,
      polling: {
        order: 'newest_first',
        createdSince: { param: 'filters[created_at][from]', format: 'date' },
        status: { field: 'status' },
        updatedAt: { path: 'status_updated_at', convert: 'iso' },
        rateLimit: RATE_LIMIT,
        source: 'documented sorting, date filter (YYYY-MM-DD) and status; no updated-since filter, so status changes are seen on recent items',
      },
    },
    affiliate: {
      request: {
        method: 'GET',
        path: '/company/promoters',
        query: { ...PAGE, 'sorting[joined_at]': 'desc' },
        source: 'documented (GET /promoters → {data, meta}; sorting[joined_at])',
      },
      itemsPath: 'data',
      maxPageSize: MAX_PAGE,
      polling: {
        order: 'newest_first',
        createdSince: { param: 'filters[joined_at][from]', format: 'date' },
        status: { field: 'promoter_campaigns.0.state' },
        rateLimit: RATE_LIMIT,
        source: 'documented sorting, joined_at filter and promoter_campaigns[].state; the first campaign\'s state stands for the affiliate [INF]',
      },
    },
    payout: {
      request: { method: 'GET', path: '/company/payouts', query: PAGE, source: 'documented (GET /payouts, a bare array)' },
      itemsPath: '',
      maxPageSize: MAX_PAGE,
      polling: {
        order: 'unknown',
        status: { field: 'status' },
        rateLimit: RATE_LIMIT,
        source: 'documented status; sorting only by amount or period, so the order is unknown and re-sorted',
      },
    },
  },
  // Get-by-id, for the Make app's "Get …" modules and its instant triggers' re-fetch.
  gets: {
    // No `GET /commissions/{id}` is documented (the "Get commission" page is wired to PUT); the list's
    // `ids[]` filter is [DOC]. It answers a bare array: an unknown id is an empty one, not a 404.
    referral: {
      request: { method: 'GET', path: '/company/commissions', query: { 'ids[]': '{{id}}' }, source: 'documented (GET /commissions ids[] filter, a bare array)' },
      objectPath: '',
      notFor: { 'commission.deleted': 'the commission no longer exists' },
    },
    affiliate: {
      request: { method: 'GET', path: '/company/promoters/{{id}}', source: 'documented (GET /promoters/{id}); the bare promoter object, as POST /promoters answers, inferred' },
      objectPath: '',
      notFor: { 'promoter.deleted': 'the promoter no longer exists' },
    },
    payout: {
      request: { method: 'GET', path: '/company/payouts', query: { 'ids[]': '{{id}}' }, source: 'documented (GET /payouts ids[] filter, a bare array)' },
      objectPath: '',
    },
  },
  choices: {
    // `GET /campaigns` → a bare array of {id, name, color} [DOC: FirstPromoter's campaigns OpenAPI
    // (openapi-v2-campaigns.json); Dub's production FirstPromoter importer lists campaigns through it too].
    program: {
      request: { method: 'GET', path: '/company/campaigns', source: 'documented (campaigns OpenAPI: GET /campaigns, a bare array of campaigns)' },
      itemsPath: '',
      idPath: 'id',
      labelPaths: ['name'],
    },
    applicant: {
      request: {
        method: 'GET',
        path: '/company/promoters',
        query: { 'filters[state]': 'pending', per_page: '{{limit}}' },
        source: 'documented (filters[state])',
      },
      itemsPath: 'data',
      idPath: 'id',
      labelPaths: ['email', 'name'],
    },
  },
  searches: {
    // `q` searches email, name or ref_id [DOC]; exact email matches first.
    find_affiliate: {
      request: { method: 'GET', path: '/company/promoters', query: { q: '{{email}}', per_page: '{{limit}}' }, source: 'documented (q)' },
      itemsPath: 'data',
      matchField: 'email',
      input: 'email',
    },
    // `q` searches the commission's `event_id` (the order / billing event id), referral email and uid [DOC].
    find_referral: {
      request: { method: 'GET', path: '/company/commissions', query: { q: '{{order_id}}', per_page: '{{limit}}' }, source: 'documented (q searches event_id)' },
      itemsPath: '',
      matchField: 'order_id',
      input: 'order_id',
    },
  },
  actions: {
    approve_referral: commissionDecision('approve', 'referral.approved', 'approved'),
    deny_referral: commissionDecision('deny', 'referral.denied', 'denied'),
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/company/promoters',
        body: {
          email: '{{email}}',
          profile: { first_name: '{{first_name}}', last_name: '{{last_name}}', company_name: '{{company}}' },
          initial_campaign_id: '{{program_id | integer}}',
        },
        source: 'documented (POST /promoters {email, profile, initial_campaign_id}; 201 promoter; duplicate email → 400)',
      },
      inputFormats: { program_id: INTEGER_ID },
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}' } },
    },
    approve_affiliate: campaignDecision('accept', 'affiliate.approved', 'active', 'accepted'),
    deny_affiliate: campaignDecision('reject', 'affiliate.denied', 'denied', 'rejected'),
    mark_payout_paid: {
      request: { method: 'POST', path: '/company/payouts/mark_as_paid', body: { ids: ['{{payout_id | integer}}'] }, source: 'documented (POST /payouts/mark_as_paid {ids} → {data: batch, meta})' },
      outcome: {
        ...BATCH,
        statusPath: 'data.status',
        failedCountPath: 'data.failed_count',
        errorsPath: 'data.processing_errors',
        idPath: 'data.id',
        countPaths: ['data.total', 'data.processed_count'],
      },
      requiredInputs: ['payout_id'],
      inputFormats: { payout_id: INTEGER_ID },
      inputNotes: { payout_id: 'On FirstPromoter this records the payout as paid outside FirstPromoter; it sends no money.' },
      unconfirmed: "FirstPromoter's published page for this call is generated from POST /payouts/batch/mark_as_paid while its reference says POST /payouts/mark_as_paid",
      result: { event: 'payout.paid', assume: { id: '{{payout_id}}', status: 'paid', vendor_status: 'completed' } },
    },
    // A sale through the tracking API: attributed to the referral (lead) with this email; amount in cents [DOC].
    create_referral: {
      request: {
        method: 'POST',
        path: '/track/sale',
        body: { email: '{{customer_email}}', event_id: '{{order_id}}', amount: '{{sale_amount | cents}}', currency: '{{currency}}' },
        source: 'documented (tracking API POST /track/sale {email, event_id, amount in cents, currency}; 200 sale with commissions[])',
      },
      requiredInputs: ['customer_email', 'order_id', 'sale_amount'],
      inputNotes: {
        customer_email: 'On FirstPromoter the sale is credited to the affiliate who referred this customer (a referral with this email must exist).',
        order_id: 'FirstPromoter refuses a second sale with the same order ID.',
        sale_amount: 'Sent to FirstPromoter in cents; for zero-decimal currencies (e.g. JPY) enter the amount divided by 100.',
      },
      result: {
        event: 'referral.created',
        resultPath: 'commissions.0',
        assume: { order_id: '{{order_id}}', customer_email: '{{customer_email}}', sale_amount: '{{sale_amount | number}}', currency: '{{currency}}' },
      },
    },
    // A refund through the tracking API "works the same way [as a sale], except that it generates
    // negative commissions" [DOC: openapi-v2-tracking.json POST /refund]; the answer's `reward` is that commission.
    track_refund: {
      request: {
        method: 'POST',
        path: '/track/refund',
        body: { email: '{{customer_email}}', event_id: '{{refund_id}}', amount: '{{refund_amount | cents}}', sale_event_id: '{{sale_id}}' },
        source:
          'documented (tracking API POST /track/refund {email | uid, event_id and amount in cents required, sale_event_id, quantity}; 200 {id, type: refund, amount_cents, reward, lead, promoter}; 204 when no referral matches; 409 on a repeated event_id)',
      },
      // `sale_event_id` is optional for FirstPromoter, "required for accurate tracking with multiple
      // products or changing commission levels" [DOC]; the app asks for it on every platform (one static field).
      requiredInputs: ['sale_id', 'customer_email', 'refund_id', 'refund_amount'],
      inputNotes: {
        customer_email:
          'FirstPromoter takes the refund off the affiliate who referred this customer. When no referral has this email, FirstPromoter records nothing (its documented HTTP 204) and this step returns only what you entered.',
        refund_id: 'FirstPromoter refuses a second refund with the same ID.',
        refund_amount: 'Sent to FirstPromoter in cents; for zero-decimal currencies (e.g. JPY) enter the amount divided by 100.',
        sale_id: 'On FirstPromoter this is the order ID the sale was tracked with (Create Referral’s Order ID, FirstPromoter’s event_id of the sale).',
      },
      // Without a referral (204) nothing is known but the inputs: the refund ID stands as the record's id.
      result: { event: 'referral.created', resultPath: 'reward', assume: { id: '{{refund_id}}', customer_email: '{{customer_email}}' } },
    },
  },
});
