/**
 * Dub Partners (dub.co's partner programs), REST API at https://api.dub.co.
 * Reference: https://dub.co/docs/api-reference (generated from the public OpenAPI,
 * github.com/dubinc/dub-ts `.speakeasy/out.openapi.yaml`), https://dub.co/docs/webhooks/* and the
 * help centre https://dub.co/help [DOC]; Dub is open source, so where the documents are silent the
 * server code github.com/dubinc/dub @1de955f is cited [SRC] (a description of today's code, not a
 * promise). Facts and tags as in shared/platforms/next-platforms.md §1; every `source` names its basis.
 *
 * - Vocabulary: Referral = commission (`cm_…`), Affiliate = partner (`pn_…`) in the workspace's one
 *   program, Payout = payout (`po_…`).
 * - Partner, commission, payout, conversion-tracking and webhook routes answer only on Business
 *   plans or higher (403 "Need higher plan") [DOC]+[SRC]: the 403 message says so.
 * - Webhooks: the documented way is the dashboard; the REST hooks use `POST` / `DELETE /webhooks`,
 *   which Dub's own Zapier app calls but no document describes [SRC]. A refusal there names the
 *   dashboard-webhook trigger, which serves Dub as well (`unconfirmed`).
 * - Deliveries: `Dub-Signature` = lower-case hex HMAC-SHA256 of the raw body keyed with the
 *   webhook's `whsec_…` secret as text, no timestamp [DOC]; repeats refused by the `evt_…` id.
 */
import { definePlatform, type ListPolling, type ListSpec, type PermissionRule } from '../types';
import { DUB_EVENTS } from './events';
import { DUB_FIELDS, DUB_STATUSES, DUB_SUPPLEMENTS } from './fields';

/** Page-number lists: `page` from 1, `pageSize` ≤ 100; bare arrays without totals [DOC: OpenAPI], so a short page is the last. */
const PAGE = { page: '{{page}}', pageSize: '{{limit}}' } as const;
const MAX_PAGE = 100;

/**
 * Per API key, by plan: Free 60, Pro 600, Business 1,200, Advanced 3,000 a minute [DOC:
 * api-reference/rate-limits]. Every route the app reads needs Business or higher, so Business's
 * allowance is the floor.
 */
const RATE_LIMIT = { requests: 1200, perSeconds: 60, per: 'API key', source: 'documented (api-reference/rate-limits: Business plan, the lowest plan these routes answer on)' } as const;

/**
 * A page-number list (a bare array) sorted by `sortBy`, newest first; every item carries its
 * `status` [DOC: OpenAPI], and its calls count against the key's allowance.
 */
function pagedList(path: string, sortBy: string, source: string, polling: Pick<ListPolling, 'order' | 'updatedAt' | 'source'>): ListSpec {
  return {
    request: { method: 'GET', path, query: { ...PAGE, sortBy, sortOrder: 'desc' }, source },
    itemsPath: '',
    maxPageSize: MAX_PAGE,
    polling: { ...polling, status: { field: 'status' }, rateLimit: RATE_LIMIT },
  };
}

const PLAN =
  "Dub answers partner, commission, payout, conversion-tracking and webhook calls only on its Business plan or higher, and only to a key whose permissions include them: upgrade the workspace in Dub's billing settings (\"Need higher plan\"), or reconnect with a key with All permissions.";

/** The routes behind Dub's plan gate [DOC: payouts/list and track/sale pages; SRC: `requiredPlan` on each route]. */
const PLAN_GATED: readonly PermissionRule[] = ['/partners', '/commissions', '/payouts', '/track', '/customers'].map((pathPrefix) => ({ pathPrefix, note: PLAN }));

/** What to do when the undocumented webhook API is refused: the dashboard trigger, with Dub's own directions. */
const DASHBOARD_INSTEAD =
  "Dub documents webhooks only in its dashboard; this trigger registers them through the API Dub's own Zapier app uses, which Dub may refuse. Use the trigger New Event from Dashboard Webhook instead: in Dub, open Settings → Webhooks (app.dub.co/webhooks), create a webhook with that Zap's URL and the events you want, and paste its signing secret (whsec_…) into the Zap. Where Dub refused an event rather than the API (payout.confirmed is sent only in external payout mode), use the polling trigger instead.";

export const dub = definePlatform({
  id: 'dub',
  name: 'Dub Partners',
  // Dub's words [DOC]: partners earn commissions (the app's Affiliate and Referral).
  terms: { affiliate: 'Partner', referral: 'Commission' },
  connection: {
    keyLocation: 'Settings → API Keys (app.dub.co/settings/tokens): create a key with All permissions (a Machine key is recommended)',
    keyHelpUrl: 'https://dub.co/docs/api-reference/authentication',
  },
  baseUrl: 'https://api.dub.co',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  // One call proves the key, the plan (403) and the program (404 "Program not found") [INF from DOC+SRC: facts 5–7].
  connectionTest: { method: 'GET', path: '/partners', query: { pageSize: 1 }, source: 'inferred: the cheapest plan-gated list; Dub names no test call' },
  permissions: [
    ...PLAN_GATED,
    {
      pathPrefix: '/webhooks',
      // The webhook scopes are in Dub's source only [SRC: lib/api/tokens/scopes.ts].
      note: `${PLAN} Webhook calls also need a key with All permissions (webhooks.write).`,
    },
  ],
  // `{"error": {"code", "message", "doc_url"}}` on every 4xx / 5xx [DOC: OpenAPI error responses].
  errorMessagePaths: ['error.message', 'message', 'error'],
  events: DUB_EVENTS,
  delivery: {
    eventPath: 'event',
    idPath: 'id',
    timePath: 'createdAt',
    // Retries at 12 s, 2 m 28 s, 30 m 8 s, 6 h 7 m 6 s, then every 24 h until 20 failures disable the
    // webhook [DOC: webhooks/introduction]; how many daily tries one delivery gets is not said, so
    // 3 days is our bound [INF]: an older delivery is refused visibly, never silently.
    retryWindowSeconds: 3 * 24 * 60 * 60,
  },
  signature: {
    type: 'hmac',
    header: 'Dub-Signature',
    encodings: ['hex'],
    source:
      'documented (webhooks/verify-webhook-requests): Dub-Signature = hex HMAC-SHA256 of the raw body keyed with the webhook secret (whsec_…, the whole text); no timestamp [DOC+SRC lib/webhook/signature.ts]',
  },
  webhooks: {
    kind: 'api',
    // One webhook takes a list of events (`triggers`) [SRC].
    eventsPerSubscription: 'many',
    subscribe: {
      method: 'POST',
      path: '/webhooks',
      // `name` 1–40 characters; the same URL twice in a workspace → 409 [SRC: lib/zod/schemas/webhooks.ts, validate-webhook.ts].
      body: { name: 'Affiliate Hub', url: '{{target_url}}', triggers: '{{events}}' },
      idPath: 'id',
      secretPath: 'secret',
      source: 'inferred from the server source (apps/web/app/api/webhooks/route.ts: 201 {id: "wh_…", secret: "whsec_…", …}); not in the public OpenAPI or any document',
    },
    unsubscribe: { method: 'DELETE', path: '/webhooks/{{subscription_id}}', source: 'inferred from the server source (apps/web/app/api/webhooks/[webhookId]/route.ts)' },
    unconfirmed: DASHBOARD_INSTEAD,
  },
  fields: DUB_FIELDS,
  statuses: DUB_STATUSES,
  supplements: DUB_SUPPLEMENTS,
  lists: {
    // Cursor paging (`startingAfter`) is the documented way for commissions; `page` is still accepted but deprecated [DOC: OpenAPI].
    // The answer is a bare array with no "more" flag, so page numbers are read; should Dub drop `page`, every poll sees the first page again (repeats are filtered by id).
    referral: pagedList('/commissions', 'createdAt', 'documented (GET /commissions: page (deprecated), pageSize ≤ 100, sortBy createdAt, sortOrder desc)', {
      order: 'newest_first',
      updatedAt: { path: 'updatedAt', convert: 'iso' },
      source: 'documented sort and status; no updated-since filter on any list [DOC absence], so status changes are seen on recent commissions only',
    }),
    // The default sort is totalSaleAmount: newest first needs sortBy=createdAt [DOC].
    affiliate: pagedList('/partners', 'createdAt', 'documented (GET /partners: page, pageSize ≤ 100, sortBy createdAt)', {
      order: 'newest_first',
      source: 'documented sort and enrollment status; partners carry no update time [DOC]',
    }),
    // No createdAt sort (amount by default, initiatedAt, paidAt) [DOC+SRC]: newest initiated first, re-sorted by creation time.
    payout: pagedList('/payouts', 'initiatedAt', 'documented (GET /payouts: page, pageSize ≤ 100, sortBy initiatedAt)', {
      order: 'unknown',
      updatedAt: { path: 'updatedAt', convert: 'iso' },
      source: 'documented status and updatedAt; where payouts not yet initiated sort is not said, so the order is taken as unknown',
    }),
  },
  // Single-item routes exist in the server but not in the public OpenAPI [SRC: fact 16]: data for the Make app's re-fetch only.
  gets: {
    referral: { request: { method: 'GET', path: '/commissions/{{id}}', source: 'inferred from the server source (app/(ee)/api/commissions/[commissionId]/route.ts)' }, objectPath: '' },
    affiliate: {
      request: { method: 'GET', path: '/partners/{{id}}', source: 'inferred from the server source (app/(ee)/api/partners/[partnerId]/route.ts)' },
      objectPath: '',
      notFor: { 'partner.application_submitted': 'an applicant is not an enrolled partner yet' },
    },
    payout: { request: { method: 'GET', path: '/payouts/{{id}}', source: 'inferred from the server source (app/(ee)/api/payouts/[payoutId]/route.ts)' }, objectPath: '' },
  },
  choices: {
    // Partners awaiting a decision: the `status=pending` filter of the partner list [DOC] (items carry the partner id approve / reject take).
    applicant: {
      request: { method: 'GET', path: '/partners', query: { status: 'pending', pageSize: '{{limit}}' }, source: 'documented (GET /partners?status=pending)' },
      itemsPath: '',
      idPath: 'id',
      labelPaths: ['email', 'name'],
    },
  },
  searches: {
    // `email` filters exactly and takes precedence over `search` [DOC].
    find_affiliate: {
      request: { method: 'GET', path: '/partners', query: { email: '{{email}}', pageSize: '{{limit}}' }, source: 'documented (GET /partners?email=)' },
      itemsPath: '',
      matchField: 'email',
      input: 'email',
    },
    // "Since invoiceId is unique on a per-program basis, this will only return one commission per invoice" [DOC].
    find_referral: {
      request: { method: 'GET', path: '/commissions', query: { invoiceId: '{{order_id}}', pageSize: '{{limit}}' }, source: 'documented (GET /commissions?invoiceId=)' },
      itemsPath: '',
      matchField: 'order_id',
      input: 'order_id',
    },
  },
  actions: {
    approve_referral: {
      unsupported:
        "Dub Partners has no call to approve a commission: it becomes payable by itself once your program's holding period ends (pending → processed → paid). To act when that happens, use Referral Status Changed (Polling).",
    },
    deny_referral: {
      // `status` ∈ pending, refunded, duplicate, canceled, fraud; "Paid commissions cannot be updated" [DOC: PATCH /commissions/{id}].
      request: { method: 'PATCH', path: '/commissions/{{referral_id}}', body: { status: '{{denial_status}}' }, source: 'documented (PATCH /commissions/{id} {status} → the updated commission)' },
      requiredInputs: ['referral_id', 'denial_status'],
      inputChoices: { denial_status: { canceled: 'Canceled', fraud: 'Fraud', duplicate: 'Duplicate', refunded: 'Refunded' } },
      inputNotes: {
        denial_status: 'Dub removes the commission from its payout; canceled, fraud and duplicate cannot be undone, and a paid commission cannot be changed.',
      },
      result: { event: 'referral.denied', resultPath: '', assume: { id: '{{referral_id}}', vendor_status: '{{denial_status}}' } },
    },
    create_affiliate: {
      // Creates the partner, or updates the enrollment of one with that email; answers 201 with the enrolled partner and fires partner.enrolled [DOC].
      request: {
        method: 'POST',
        path: '/partners',
        // `groupId` is left out: Dub lists no groups through its API, so the partner joins the default group [DOC].
        body: { email: '{{email}}', name: '{{first_name}} {{last_name}}' },
        source: 'documented (POST /partners {email, name?}: create or update by email → 201 partner)',
      },
      inputNotes: { email: 'Dub creates the partner, or updates the partner who already has this email.' },
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}' } },
    },
    approve_affiliate: {
      request: { method: 'POST', path: '/partners/applications/approve', body: { partnerId: '{{affiliate}}' }, source: 'documented (POST /partners/applications/approve {partnerId} → {partnerId})' },
      requiredInputs: ['affiliate'],
      inputNotes: { affiliate: 'Dub emails the partner that their application was approved.' },
      result: { event: 'affiliate.approved', assume: { id: '{{affiliate}}', status: 'active', vendor_status: 'approved' } },
    },
    deny_affiliate: {
      request: { method: 'POST', path: '/partners/applications/reject', body: { partnerId: '{{affiliate}}' }, source: 'documented (POST /partners/applications/reject {partnerId} → {partnerId})' },
      requiredInputs: ['affiliate'],
      inputNotes: { affiliate: 'Dub emails the partner that their application was rejected; by default they may reapply later.' },
      result: { event: 'affiliate.denied', assume: { id: '{{affiliate}}', status: 'denied', vendor_status: 'rejected' } },
    },
    mark_payout_paid: {
      unsupported:
        "Dub Partners' API cannot mark a payout paid: Dub pays payouts itself once you confirm them in its dashboard, and in external payout mode a payout completes when your payout.confirmed webhook answers. Confirm or update the payout in Dub's dashboard instead.",
    },
    create_referral: {
      // `amount` in cents; `invoiceId` makes a repeated call record one sale; the customer must be a tracked lead [DOC: POST /track/sale].
      request: {
        method: 'POST',
        path: '/track/sale',
        body: { customerExternalId: '{{customer_email}}', amount: '{{sale_amount | cents}}', currency: '{{currency}}', invoiceId: '{{order_id}}', paymentProcessor: 'custom' },
        source: 'documented (POST /track/sale {customerExternalId, amount (cents), currency?, invoiceId?, paymentProcessor?} → {eventName, customer, sale})',
      },
      requiredInputs: ['customer_email', 'order_id', 'sale_amount'],
      inputNotes: {
        customer_email: "On Dub this is the customer's external ID as your Dub conversion tracking recorded the lead (often the email); Dub refuses a customer it has not tracked.",
        order_id: 'Dub records one sale per Order ID, so a repeated run does not count it twice; the commission, if the customer came through a partner, arrives through New Referral.',
        currency: 'Dub converts the sale to USD.',
      },
      // The answer names the sale, not the commission (created later, if at all) [DOC]: the order id identifies it.
      result: { event: 'referral.created', assume: { id: '{{order_id}}', order_id: '{{order_id}}', customer_email: '{{customer_email}}', status: 'pending' } },
    },
  },
});
