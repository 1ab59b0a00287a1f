/**
 * Tolt (API v2, https://platform.tolt.com/v2): partners, commissions, payouts.
 * Reference: https://docs.tolt.com (api-reference/*, webhooks/*, guides/*, sdks/*), tags [DOC] /
 * [INF] as in shared/platforms/README.md section 7. Every `source` names its basis. The older API
 * v1 (api.tolt.com/v1) is not used; its examples only corroborate object shapes.
 *
 * Webhook endpoints are created only in Tolt's dashboard (Settings → Webhooks; no endpoint API is
 * documented), so the REST-hook triggers refuse at subscribe and "New Event from Dashboard Webhook"
 * serves Tolt; deliveries are sent and signed by Svix (`svix-id`, `svix-timestamp`,
 * `svix-signature`, `whsec_` secret) [DOC: webhooks/verify].
 */
import { definePlatform, type ListPolling } from '../types';
import { TOLT_EVENTS } from './events';
import { TOLT_FIELDS, TOLT_STATUSES } from './fields';

/**
 * v2 lists [DOC: e.g. api-reference/partners/list-partners]: `limit` 1–100, `sort=created_at|updated_at`,
 * `order=asc|desc` (default desc), cursor paging (`starting_after` = `next_cursor`) and the windows
 * `created_after` / `updated_after` (ISO date-time); `{success, data: [...], has_more, next_cursor}`.
 * Only the first page is read (cursor lists, as on PartnerStack): newest first, so it holds the newest items.
 */
const NEWEST = { limit: '{{limit}}', sort: 'created_at', order: 'desc' } as const;
const MAX_PAGE = 100;
const LIST_SOURCE = 'documented (v2 list: limit ≤ 100, sort created_at, order desc, {data, has_more, next_cursor})';
/**
 * Status changes: `sort=updated_at` with `updated_after` — "With sort=updated_at, use updated_after
 * to fetch what changed since a previous sync" [DOC: list parameters].
 */
const UPDATED_WINDOW = { param: 'updated_after', format: 'iso', query: { sort: 'updated_at' } } as const;

const PAYOUTS_CONFLICT =
  "Tolt's MCP page says payouts are not in the REST API, while its reference documents POST /v2/payouts/{id}/mark-as-paid";

/** How both v2 lists poll: newest first, `created_after` / `updated_after` windows, `status` and `updated_at` on each item; `source` says what rests on which document. */
function pollingWith(source: string): ListPolling {
  return {
    order: 'newest_first',
    createdSince: { param: 'created_after', format: 'iso' },
    updatedSince: UPDATED_WINDOW,
    status: { field: 'status' },
    updatedAt: { path: 'updated_at', convert: 'iso' },
    source,
  };
}

export const tolt = definePlatform({
  id: 'tolt',
  name: 'Tolt',
  connection: {
    keyLocation: 'Settings → Integrations → Tolt API (a key with full access)',
    keyHelpUrl: 'https://docs.tolt.com/api-reference/introduction',
  },
  baseUrl: 'https://platform.tolt.com/v2',
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
  searches: {
    // `search` matches name, email or company [DOC: partner-signup guide]; exact email matches only are returned.
    find_affiliate: {
      request: { method: 'GET', path: '/partners', query: { search: '{{email}}', limit: '{{limit}}' }, source: 'documented (GET /v2/partners?search=<email>)' },
      itemsPath: 'data',
      matchField: 'email',
      input: 'email',
    },
    find_referral: {
      unsupported:
        "Tolt's API documents no way to look a commission up by order (charge) ID: its lists filter by program, partner, customer, transaction, status and type only. Look it up in Tolt's dashboard, or use Find Affiliate.",
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
      // A declined commission reads `rejected` [INF: the status list has no `declined`].
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
          'documented (guides/partner-signup: email, program_id, notify_partner; 409 already_exists on a repeated email); first_name, last_name, company_name from the v1 create page [DOC v1, INF for v2]',
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
    create_referral: {
      unsupported:
        "Tolt records a sale as a transaction for a Tolt customer (cus_…) that must be created first, and counts it twice when a billing integration (Stripe, Paddle, Chargebee) is connected. Connect your billing integration in Tolt instead.",
    },
  },
});
