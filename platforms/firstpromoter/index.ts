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
import { FIRSTPROMOTER_FIELDS, FIRSTPROMOTER_STATUSES } from './fields';

/** Page-number lists: `page` from 1, `per_page` ≤ 100 [DOC: API introduction]; no totals, so a short page is the last [INF]. */
const PAGE = { page: '{{page}}', per_page: '{{limit}}' } as const;
const MAX_PAGE = 100;

/** The custom header of each subscription that carries our random token back [DOC: subscription `headers`; the name is ours]. */
export const TOKEN_HEADER = 'X-Affiliate-Hub-Token';

/**
 * Bulk actions answer a batch object `{id, status: pending|in_progress|completed|failed|stopped,
 * total, processed_count, failed_count, processing_errors[]}`; up to 5 ids are processed at once
 * (200, `completed`), more later (202) [DOC: e.g. approve-commissions]. We send one id, and a batch
 * that is not `completed` without failures is reported, never taken for done.
 */
const BATCH: ActionOutcome = {
  statusPath: 'status',
  done: ['completed'],
  failedCountPath: 'failed_count',
  errorsPath: 'processing_errors',
  idPath: 'id',
  source: 'documented (batch object of the bulk endpoints)',
};

const CAMPAIGN_NOTE = 'On FirstPromoter approval is per campaign: pick the campaign the affiliate applied to.';

/** Approve / deny a commission: the bulk endpoint with one id, `POST /company/commissions/<verb> {ids}` [DOC]; `status` is both the normalized and the vendor status. */
function commissionDecision(verb: 'approve' | 'deny', event: 'referral.approved' | 'referral.denied', status: string): ActionSpec {
  return {
    request: { method: 'POST', path: `/company/commissions/${verb}`, body: { ids: ['{{referral_id | number}}'] }, source: `documented (POST /commissions/${verb} {ids})` },
    outcome: BATCH,
    requiredInputs: ['referral_id'],
    result: { event, assume: { id: '{{referral_id}}', status, vendor_status: status } },
  };
}

/** Accept / reject a promoter in one campaign, `POST /company/promoters/<verb> {campaign_id, ids}` [DOC]: approval is per campaign, so the program is required. */
function campaignDecision(verb: 'accept' | 'reject', event: 'affiliate.approved' | 'affiliate.denied', status: string, vendorStatus: string): ActionSpec {
  return {
    request: {
      method: 'POST',
      path: `/company/promoters/${verb}`,
      body: { campaign_id: '{{program_id | number}}', ids: ['{{affiliate | number}}'] },
      source: `documented (POST /promoters/${verb} {campaign_id, ids})`,
    },
    outcome: BATCH,
    requiredInputs: ['affiliate', 'program_id'],
    inputNotes: { program_id: CAMPAIGN_NOTE },
    result: { event, assume: { id: '{{affiliate}}', status, vendor_status: vendorStatus, program_id: '{{program_id}}' } },
  };
}

export const firstpromoter = definePlatform({
  id: 'firstpromoter',
  name: 'FirstPromoter',
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
  signature: {
    type: 'candidates',
    candidates: [
      {
        name: 'Subscription token in X-Affiliate-Hub-Token',
        type: 'header_token',
        header: TOKEN_HEADER,
        source: 'inferred: no signature scheme is documented; the subscription\'s custom headers are [DOC] ("useful for API keys or authorization tokens your endpoint requires"), so we send our random token in one',
      },
      // Only the secret FirstPromoter may issue on create (`secret_key`, promised by the create
      // description, absent from its response schema) can verify these: its scheme is undocumented.
      hmacOfRawBody({ contains: 'signature' }, 'inferred: deliveries are probably signed (the test endpoint says its signature uses a random secret), scheme undocumented'),
      standardWebhooks('inferred: a common convention, not documented for FirstPromoter'),
      stripeStyle({ contains: 'signature' }, 'inferred: a common convention, not documented for FirstPromoter'),
    ],
    source: 'no vendor signature documented: our token in a custom header first, then the common schemes keyed by a vendor-issued secret_key if the create answer has one',
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
        source: 'documented sorting, joined_at filter and promoter_campaigns[].state; the first campaign\'s state stands for the affiliate [INF]',
      },
    },
    payout: {
      request: { method: 'GET', path: '/company/payouts', query: PAGE, source: 'documented (GET /payouts, a bare array)' },
      itemsPath: '',
      maxPageSize: MAX_PAGE,
      polling: { order: 'unknown', status: { field: 'status' }, source: 'documented status; sorting only by amount or period, so the order is unknown and re-sorted' },
    },
  },
  choices: {
    // `GET /campaigns` → a bare array of {id, name, color} [INF: FirstPromoter's own n8n node lists campaigns this way; the campaign object is DOC].
    program: {
      request: { method: 'GET', path: '/company/campaigns', source: 'inferred: FirstPromoter\'s n8n node (campaign dropdown)' },
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
          initial_campaign_id: '{{program_id | number}}',
        },
        source: 'documented (POST /promoters {email, profile, initial_campaign_id}; 201 promoter; duplicate email → 400)',
      },
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}' } },
    },
    approve_affiliate: campaignDecision('accept', 'affiliate.approved', 'active', 'accepted'),
    deny_affiliate: campaignDecision('reject', 'affiliate.denied', 'denied', 'rejected'),
    mark_payout_paid: {
      request: { method: 'POST', path: '/company/payouts/mark_as_paid', body: { ids: ['{{payout_id | number}}'] }, source: 'documented (POST /payouts/mark_as_paid {ids} → {data: batch, meta})' },
      outcome: { ...BATCH, statusPath: 'data.status', failedCountPath: 'data.failed_count', errorsPath: 'data.processing_errors', idPath: 'data.id' },
      requiredInputs: ['payout_id'],
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
  },
});
