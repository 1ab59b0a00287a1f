/**
 * Tolt (API v2, https://platform.tolt.com/v2): partners, commissions, payouts.
 * Reference: https://docs.tolt.com (api-reference/*, webhooks/*, guides/*, sdks/*), tags [DOC] /
 * [INF] as in shared/platforms/README.md section 7. Every `source` names its basis. The older API
 * v1 (api.tolt.com/v1) is only the base URL fallback for accounts where v2 answers 404 or cannot be
 * reached (`baseUrlFallbacks`); otherwise its examples only corroborate object shapes.
 *
 * Webhook endpoints are created only in Tolt's dashboard (Settings → Webhooks; no endpoint API is
 * documented), so the REST-hook triggers refuse at subscribe and "New Event from Dashboard Webhook"
 * serves Tolt; deliveries are sent and signed by Svix (`svix-id`, `svix-timestamp`,
 * `svix-signature`, `whsec_` secret) [DOC: webhooks/verify].
 */
import { definePlatform, type ListPolling } from '../types';
import { TOLT_EVENTS } from './events';
import { TOLT_FIELDS, TOLT_STATUSES, TOLT_SUPPLEMENTS } from './fields';

/**
 * v2 lists [DOC: e.g. api-reference/partners/list-partners]: `limit` 1–100, `sort=created_at|updated_at`,
 * `order=asc|desc` (default desc), cursor paging (`starting_after` = `next_cursor`) and the windows
 * `created_after` / `updated_after` (ISO date-time); `{success, data: [...], has_more, next_cursor}`.
 * A poll reads one page: forward from where the previous poll stopped (the windows below), so a
 * burst drains over the next polls; performList and dropdowns read the newest page.
 */
const NEWEST = { limit: '{{limit}}', sort: 'created_at', order: 'desc' } as const;
const MAX_PAGE = 100;
const LIST_SOURCE = 'documented (v2 list: limit ≤ 100, sort created_at, order desc, {data, has_more, next_cursor})';
/**
 * Status changes: `sort=updated_at` with `updated_after` — "With sort=updated_at, use updated_after
 * to fetch what changed since a previous sync" [DOC: list parameters].
 */
const UPDATED_WINDOW = { param: 'updated_after', format: 'iso', query: { sort: 'updated_at', order: 'asc' }, oldestFirst: true } as const;
/**
 * New records the same way: `sort=created_at&order=asc` from `created_after`, so a poll reads
 * forward from the last record it returned and a burst beyond one page is never skipped [DOC: list parameters].
 */
const CREATED_WINDOW = { param: 'created_after', format: 'iso', query: { sort: 'created_at', order: 'asc' }, oldestFirst: true } as const;
/**
 * Past the first page (100 items at most): `starting_after` = the answer's `next_cursor`, while
 * `has_more` [DOC: list parameters]. Polls, dropdowns and searches read the next page through it.
 */
const CURSOR = { param: 'starting_after', nextPath: 'next_cursor', morePath: 'has_more' } as const;

/** 25 requests per second per API key, 429 with Retry-After beyond [DOC: api-reference/rate-limits]. */
const RATE_LIMIT = { requests: 25, perSeconds: 1, per: 'API key', source: 'documented (docs.tolt.com/api-reference/rate-limits)' } as const;

const PAYOUTS_CONFLICT =
  "Tolt's MCP page says payouts are not in the REST API, while its reference documents POST /v2/payouts/{id}/mark-as-paid";

/** How both v2 lists poll: newest first, `created_after` / `updated_after` windows, `status` and `updated_at` on each item; `source` says what rests on which document. */
function pollingWith(source: string): ListPolling {
  return {
    order: 'newest_first',
    createdSince: CREATED_WINDOW,
    updatedSince: UPDATED_WINDOW,
    rateLimit: RATE_LIMIT,
    cursor: CURSOR,
    status: { field: 'status' },
    updatedAt: { path: 'updated_at', convert: 'iso' },
    source,
  };
}

export const tolt = definePlatform({
  id: 'tolt',
  name: 'Tolt',
  // Tolt's words [DOC: docs.tolt.com]: partners earn commissions (the app's Affiliate and Referral).
  terms: { affiliate: 'Partner', referral: 'Commission' },
  connection: {
    keyLocation: 'Settings → Integrations → Tolt API (a key with full access)',
    keyHelpUrl: 'https://docs.tolt.com/api-reference/introduction',
  },
  baseUrl: 'https://platform.tolt.com/v2',
  // Only Tolt's docs name the v2 host; Dub's production Tolt importer (dubinc/dub) still calls
  // api.tolt.com/v1 and no public code uses v2 (issue 25 item 8): the connection test falls back.
  baseUrlFallbacks: [
    {
      url: 'https://api.tolt.com/v1',
      label: 'API v1, api.tolt.com',
      source: "documented v1 base (docs.tolt.com v1 pages, toltapp/api-docs) that Dub's production importer calls; used only when v2 answers 404 or cannot be reached",
    },
  ],
  // Bearer key; "each API key has full access to all API endpoints" [DOC].
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: {
    method: 'GET',
    path: '/partners',
    query: { limit: 1 },
    source: 'inferred: the documented first request is GET /v2/partners?limit=10; one item is enough',
  },
  // v2 errors `{success: false, message, code, doc_url, errors?}` [DOC]; v1 `{success: false, error: {message, type}}` [DOC].
  errorMessagePaths: ['message', 'error.message', 'error'],
  // A 2xx answer says `success: true` [DOC: introduction].
  envelope: { successPath: 'success' },
  events: TOLT_EVENTS,
  // `{type, data, timestamp}` [DOC]; no event id in the body (`svix-id` is a header) [DOC], but
  // `timestamp` (ISO, milliseconds) is the emission time, so a repeated body is a retry.
  delivery: { eventPath: 'type', timePath: 'timestamp' },
  signature: {
    type: 'standard_webhooks',
    headers: 'svix',
    // "more than about 5 minutes off, in either direction" [DOC]; @tolt/webhooks' default 300 s [DOC].
    toleranceSeconds: 300,
    source:
      'documented (webhooks/verify): svix-id, svix-timestamp, svix-signature; key = base64 after whsec_; base64 HMAC-SHA256 of "id.timestamp.body"; v1,<sig> entries; ±5 minutes',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In Tolt, open Settings → Webhooks, add an endpoint with this Zap's URL, pick the events and save. Signing Secret: the endpoint's signing secret (whsec_…) shown there.",
  },
  fields: TOLT_FIELDS,
  statuses: TOLT_STATUSES,
  supplements: TOLT_SUPPLEMENTS,
  lists: {
    referral: {
      request: { method: 'GET', path: '/commissions', query: NEWEST, source: LIST_SOURCE },
      itemsPath: 'data',
      maxPageSize: MAX_PAGE,
      polling: pollingWith('documented sort/order, created_after / updated_after windows and status; updated_at on commissions [DOC: v1 and postback examples, INF for v2]'),
    },
    affiliate: {
      // Lists onboarded partners [DOC].
      request: { method: 'GET', path: '/partners', query: NEWEST, source: LIST_SOURCE },
      itemsPath: 'data',
      maxPageSize: MAX_PAGE,
      polling: pollingWith('documented sort/order, created_after / updated_after windows, status and updated_at (partner fields)'),
    },
    // No payout list is in the stored v2 reference [UNK], and the MCP page says payouts are not in the REST API [DOC].
  },
  // Get-by-id of a partner [DOC: api-reference/partners/get-a-partner, GET /v2/partners/{id}]; the
  // `data` envelope as every v2 answer [DOC: API introduction]. No v2 commission or payout get was read.
  gets: {
    affiliate: { request: { method: 'GET', path: '/partners/{{id}}', source: 'documented (api-reference/partners/get-a-partner)' }, objectPath: 'data' },
  },
  choices: {
    // Create Affiliate needs a program_id [DOC: partner-signup guide] and no programs list was read
    // [UNK]; every partner carries its program_id [DOC: partner object], so the dropdown offers the
    // programs your partners are in (each once), and typing the prg_… id still works.
    program: {
      request: { method: 'GET', path: '/partners', query: { limit: 100 }, source: 'inferred: the programs named by the documented partners list (program_id on each partner)' },
      itemsPath: 'data',
      idPath: 'program_id',
      labelPaths: ['program.name', 'program_name', 'program_id'],
    },
  },
  searches: {
    // `search` matches name, email or company [DOC: partner-signup guide]; exact email matches only are returned.
    find_affiliate: {
      request: { method: 'GET', path: '/partners', query: { search: '{{email}}', limit: '{{limit}}' }, source: 'documented (GET /v2/partners?search=<email>)' },
      itemsPath: 'data',
      matchField: 'email',
      input: 'email',
      // `search` also matches names and companies [DOC]: an exact email match may sit past the first page.
      cursor: { ...CURSOR, maxPages: 4 },
    },
    // Tolt's v2 commissions may not carry `charge_id` at all (unconfirmed, issue 25 item 12): the message says what identifies a commission instead.
    find_referral: {
      unsupported:
        "Tolt's API documents no way to look a commission up by order (charge) ID: its lists filter by program, partner, customer, transaction, status and type only, and its v2 commissions may not carry the charge ID at all (Order ID is then empty). Identify the commission by its Tolt ID (comm_…, the trigger's ID) or its transaction (raw transaction_id, txn_…), or look it up in Tolt's dashboard.",
    },
  },
  actions: {
    approve_referral: {
      request: { method: 'POST', path: '/commissions/{{referral_id}}/approve', source: 'documented (guides/approve-commissions)' },
      requiredInputs: ['referral_id'],
      // The answer's body is not shown in the stored pages: the commission under `data` [INF: the envelope].
      result: { event: 'referral.approved', resultPath: 'data', assume: { id: '{{referral_id}}', status: 'approved', vendor_status: 'approved' } },
    },
    deny_referral: {
      request: { method: 'POST', path: '/commissions/{{referral_id}}/decline', source: 'documented (guides/approve-commissions)' },
      requiredInputs: ['referral_id'],
      // A declined commission reads `rejected` [the status list has no `declined`; confirmed by independent code, issue 25 item 13].
      result: { event: 'referral.denied', resultPath: 'data', assume: { id: '{{referral_id}}', status: 'denied', vendor_status: 'rejected' } },
    },
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/partners',
        body: {
          email: '{{email}}',
          first_name: '{{first_name}}',
          last_name: '{{last_name}}',
          company_name: '{{company}}',
          program_id: '{{program_id}}',
          notify_partner: '{{send_welcome_email}}',
        },
        source:
          'documented (guides/partner-signup: email, program_id, notify_partner; 409 already_exists on a repeated email); first_name and last_name on v2 confirmed by independent code (issue 25 item 13); company_name from the v1 create page [DOC v1, INF for v2]',
      },
      requiredInputs: ['program_id'],
      inputNotes: { program_id: "On Tolt this is your program's ID (prg_…), shown in Tolt's dashboard." },
      // The partner under `data` [DOC: guide]; the live v1 page shows a one-item array instead, then only the inputs are known.
      result: { event: 'affiliate.created', resultPath: 'data', assume: { email: '{{email}}', program_id: '{{program_id}}' } },
    },
    approve_affiliate: {
      request: { method: 'POST', path: '/partners/{{affiliate}}/approve', source: 'documented (path from the partner-signup guide; reference page not read)' },
      requiredInputs: ['affiliate'],
      result: { event: 'affiliate.approved', resultPath: 'data', assume: { id: '{{affiliate}}', status: 'active', vendor_status: 'active' } },
    },
    deny_affiliate: {
      // `rejection_note` is optional [DOC]; the partner gets the program's rejection email [DOC].
      request: { method: 'POST', path: '/partners/{{affiliate}}/reject', body: {}, source: 'documented (api-reference/partners/reject-a-partner)' },
      requiredInputs: ['affiliate'],
      inputNotes: { affiliate: 'Tolt emails the partner your program’s rejection message.' },
      result: { event: 'affiliate.denied', resultPath: 'data', assume: { id: '{{affiliate}}', status: 'denied', vendor_status: 'rejected' } },
    },
    mark_payout_paid: {
      request: { method: 'POST', path: '/payouts/{{payout_id}}/mark-as-paid', source: 'documented (api-reference/payouts/mark-a-payout-as-paid, no body)' },
      requiredInputs: ['payout_id'],
      inputNotes: {
        payout_id: "On Tolt this records that you paid the partner yourself (it sends no money); the payout's approved commissions become paid. Tolt payout IDs start with pout_.",
      },
      unconfirmed: PAYOUTS_CONFLICT,
      result: { event: 'payout.paid', resultPath: 'data', assume: { id: '{{payout_id}}', status: 'paid', vendor_status: 'paid' } },
    },
    // "Refund a transaction" [DOC: api-reference/transactions/refund-a-transaction, POST with no body]; it
    // fires transaction.updated, not commission.updated [DOC: webhooks/event-types]. The v2 answer is
    // not shown: the transaction under `data` like v1's one-item `data` [DOC v1: transactions/refund],
    // kept in `raw` only (a transaction's `amount` is the sale's, not a commission's).
    track_refund: {
      request: { method: 'POST', path: '/transactions/{{sale_id}}/refund', source: 'documented (api-reference/transactions/refund-a-transaction, no body)' },
      requiredInputs: ['sale_id'],
      inputNotes: {
        sale_id: 'On Tolt this is the transaction ID of the payment (txn_…, not your order ID). Tolt refunds the whole transaction and adjusts its commissions.',
      },
      // A connection that fell back to API v1 (platforms/base-url.ts) sends this POST where v1 documents PUT /v1/transactions/{id}/refund.
      unconfirmed: 'Tolt documents this call for API v2; API v1 documents PUT instead of POST, so a connection on API v1 may be refused',
      result: { event: 'referral.status_changed', vendorEvent: 'transaction.updated', assume: { id: '{{sale_id}}', status: 'refunded', vendor_status: 'refunded' } },
    },
    create_referral: {
      unsupported:
        "Tolt records a sale as a transaction for a Tolt customer (cus_…) that must be created first, and counts it twice when a billing integration (Stripe, Paddle, Chargebee) is connected. Connect your billing integration in Tolt instead.",
    },
  },
});
