/**
 * Refersion (e-commerce affiliate programs), REST API v2. References: https://www.refersion.dev
 * (the vendor's ReadMe docs and the OpenAPI embedded in them, read through the verbatim harvest in
 * api-evangelist/refersion `openapi/_original/refersion-rest-api-readme-harvest.json`: "[DOC via
 * harvest]"), webhook pages webhooks-for-merchants and webhook-validation [DOC], summarized with tags
 * in shared/platforms/next-platforms.md §3. Every `source` below names its basis.
 *
 * - Every call is a `POST` with a JSON body, reads included, to `https://api.refersion.com/v2`,
 *   with `Refersion-Public-Key` and `Refersion-Secret-Key` headers [DOC via harvest].
 * - API and webhooks may need Refersion's top plan (sources conflict [3P]): a 401 or 403 says so.
 * - Webhooks are made only in the dashboard [DOC], signed with `Refersion-Signature` = base64
 *   HMAC-SHA256 of the raw body with the signing secret [DOC]; the topic is the `Refersion-Topic`
 *   header [DOC]; no event id and no time is signed, so a delivery is identified by its topic, its
 *   record's id and status (`recordIdentity`).
 * - No REST list of conversions or payments [DOC absence]: only affiliates are polled.
 * Vocabulary: a Referral is Refersion's conversion, a Payout its payment.
 */
import { definePlatform, type ActionSpec, type Unsupported } from '../types';
import { REFERSION_EVENTS, REFERSION_TOPIC_ALIASES } from './events';
import { REFERSION_FIELDS, REFERSION_STATUSES, REFERSION_SUPPLEMENTS } from './fields';

const HARVEST = 'documented (refersion.dev reference, via the verbatim api-evangelist harvest of its OpenAPI)';

/** What a refused key may mean beyond a wrong key [3P, conflicting: plan pages]. */
const PLAN_NOTE =
  "Refersion opens its API and webhooks only on some plans (its top plan, per its pricing page; webhooks were once enabled on request): if the keys are right, ask Refersion to enable API access for your account.";

/** Batch answers list what changed [DOC via harvest]: "Always check which IDs were processed by using the ids_changed". */
const CHANGED_IDS = { path: 'ids_changed', source: `${HARVEST}: 200 with ids_changed / ids_not_changed, no per-id reason` };

/** Status of a conversion decision [DOC via harvest: /conversion/status_change, ids ≤ 50]. */
function conversionDecision(status: 'APPROVED' | 'DENIED', event: 'referral.approved' | 'referral.denied'): ActionSpec {
  return {
    request: { method: 'POST', path: '/conversion/status_change', body: { ids: ['{{referral_id | integer}}'], status }, source: HARVEST },
    inputFormats: { referral_id: 'integer' },
    changedIds: { ...CHANGED_IDS, input: 'referral_id' },
    result: { event, assume: { id: '{{referral_id}}', status: status.toLowerCase(), vendor_status: status } },
  };
}

/** Status of an affiliate [DOC via harvest: /affiliate/status_change ACTIVE | DENIED | DISABLED, numeric ids ≤ 50]. */
function affiliateDecision(status: 'ACTIVE' | 'DENIED', event: 'affiliate.approved' | 'affiliate.denied'): ActionSpec {
  return {
    request: { method: 'POST', path: '/affiliate/status_change', body: { ids: ['{{affiliate | integer}}'], status }, source: HARVEST },
    inputFormats: { affiliate: 'integer' },
    inputNotes: { affiliate: "Refersion's numeric affiliate ID (the affiliate triggers' ID), not the short affiliate code its affiliate list shows." },
    changedIds: { ...CHANGED_IDS, input: 'affiliate' },
    result: { event, assume: { id: '{{affiliate}}', status: status === 'ACTIVE' ? 'active' : 'denied', vendor_status: status } },
  };
}

const NO_PAYOUT_API: Unsupported = {
  unsupported: "Refersion's API has no payment endpoints, so a payout cannot be marked paid through it. Mark it paid in Refersion's dashboard (Payments) instead.",
};

export const refersion = definePlatform({
  id: 'refersion',
  name: 'Refersion',
  // Refersion's words [DOC]: conversions are the referred sales, payments the payouts.
  terms: { referral: 'Conversion', payout: 'Payment' },
  connection: {
    apiKeyName: 'Secret Key',
    keyLocation: 'Account → Settings → Refersion API (https://www.refersion.com/base/settings/integrations/api)',
    keyHelpUrl: 'https://www.refersion.dev/reference/authentication',
    accessNote: PLAN_NOTE,
    extraFields: [
      { key: 'public_key', label: 'Public Key', helpText: 'The Public Key (pub_…) shown beside the Secret Key under Account → Settings → Refersion API in Refersion.', secret: false },
    ],
  },
  baseUrl: 'https://api.refersion.com/v2',
  auth: { type: 'header', header: 'Refersion-Secret-Key', value: '{{api_key}}', extraHeaders: { 'Refersion-Public-Key': '{{public_key}}' } },
  // An empty body is refused with 404 "Bad request, no body" [DOC via harvest]: the test sends one.
  connectionTest: { method: 'POST', path: '/affiliate/list', body: { limit: '1', page: '1' }, source: 'inferred: the cheapest documented read (affiliate/list); Refersion names no test call' },
  // Refersion's keys carry no scopes [3P: api-evangelist authentication/]: a 403 is the account's plan, not a key setting.
  permissions: [{ pathPrefix: '/', note: `the account lacks a permission it needs, not the key: ${PLAN_NOTE}` }],
  // `{"error": "..."}` (a string, or a list) and 422 `{"errors": [...]}` [DOC via harvest].
  errorMessagePaths: ['errors.0', 'error.0', 'error', 'message'],
  events: REFERSION_EVENTS,
  delivery: {
    eventHeader: 'Refersion-Topic',
    eventAliases: REFERSION_TOPIC_ALIASES,
    recordIdentity: {
      paths: ['status', 'updated'],
      source: 'inferred: no event id is seen in any delivery (next-platforms.md §3 fact 20); the topic, the record id and its status (and a conversion\'s `updated` [3P]) tell a retry from a new change',
    },
  },
  signature: {
    type: 'hmac',
    header: 'Refersion-Signature',
    encodings: ['base64'],
    source:
      'documented (refersion.dev webhook-validation: base64_encode(hash_hmac(sha256, body, signing secret, true))); nothing time-based is signed, so repeats are caught only within the retry window (inferred)',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In Refersion, open Account → Settings → Webhooks, choose + Create New Webhook, pick a topic (or All Topics), paste this Zap's URL and save. Signing Secret: the Webhook Signing Secret on the same page (Click to show the secret).",
  },
  fields: REFERSION_FIELDS,
  statuses: REFERSION_STATUSES,
  supplements: REFERSION_SUPPLEMENTS,
  unlisted: {
    referral:
      "Refersion's REST API lists no conversions; only its 2018 GraphQL beta does, on another host and key, without the conversion's id or status in its documented fields, so a poll could neither tell conversions apart nor see a status change (not used)",
    payout: "Refersion's API has no payment endpoints",
  },
  lists: {
    affiliate: {
      request: { method: 'POST', path: '/affiliate/list', body: { limit: '{{limit}}', page: '{{page}}' }, source: `${HARVEST}: limit and page as text, limit up to 100` },
      itemsPath: 'results',
      maxPageSize: 100,
      polling: {
        order: 'unknown',
        status: { field: 'status' },
        rateLimit: { requests: 60, perSeconds: 60, per: 'account', source: 'inferred: Refersion publishes no REST limit (api-evangelist rate-limits/); the app\'s default' },
        source: `${HARVEST}: no date filter, no documented order; items carry status`,
      },
    },
  },
  gets: {
    affiliate: { request: { method: 'POST', path: '/affiliate/get', body: { id: '{{id | integer}}' }, source: `${HARVEST}: id (numeric) or affiliate_code` }, objectPath: '' },
  },
  actions: {
    approve_referral: conversionDecision('APPROVED', 'referral.approved'),
    deny_referral: conversionDecision('DENIED', 'referral.denied'),
    create_referral: {
      request: {
        method: 'POST',
        path: '/conversion/manual_credit',
        body: { id: '{{affiliate | integer}}', commission: '{{commission_amount | number}}', status: 'PENDING', currency: '{{currency}}' },
        source: `${HARVEST}: manual_credit {id (affiliate numeric), commission, status APPROVED | PENDING, currency?, notes?} → {conversion_id}`,
      },
      requiredInputs: ['affiliate', 'commission_amount'],
      inputFormats: { affiliate: 'integer' },
      inputNotes: {
        affiliate: "Refersion's numeric affiliate ID (the affiliate triggers' ID).",
        commission_amount: 'Refersion records it as a manual commission credit, pending until you approve it.',
      },
      result: { event: 'referral.created', assume: { affiliate_id: '{{affiliate}}', commission_amount: '{{commission_amount | number}}', currency: '{{currency}}', status: 'pending', vendor_status: 'PENDING' }, resultPath: '' },
    },
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliate/new',
        body: {
          first_name: '{{first_name}}',
          last_name: '{{last_name}}',
          email: '{{email}}',
          password: '{{password_to_set}}',
          status: 'ACTIVE',
          company: '{{company}}',
          offer: '{{program_id}}',
        },
        // send_welcome ("TRUE" / "FALSE", default FALSE [DOC via harvest]) is not sent: Refersion's default, no welcome email.
        source: `${HARVEST}: first_name, last_name, email, password, status required; offer (default offer when absent)`,
      },
      requiredInputs: ['first_name', 'last_name'],
      generatedInputs: { password_to_set: 'password' },
      inputNotes: {
        password_to_set:
          'Refersion requires one (9 to 72 characters with upper- and lower-case letters, a digit and a symbol). Leave empty and Affiliate Hub generates a strong random one that is sent to Refersion only (never shown): the affiliate then sets their own with "Forgot password" on the login page.',
      },
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}', first_name: '{{first_name}}', last_name: '{{last_name}}', status: 'active', vendor_status: 'ACTIVE' } },
    },
    approve_affiliate: affiliateDecision('ACTIVE', 'affiliate.approved'),
    deny_affiliate: affiliateDecision('DENIED', 'affiliate.denied'),
    mark_payout_paid: NO_PAYOUT_API,
  },
  searches: {
    // "email can be a partial string" [DOC via harvest]: the results are matched exactly on email.
    find_affiliate: {
      request: { method: 'POST', path: '/affiliate/search', body: { keyword: '{{email}}' }, source: `${HARVEST}: keyword (exact id or partial email); the results array is inferred to sit under results, as in affiliate/list` },
      itemsPath: 'results',
      matchField: 'email',
      input: 'email',
    },
    find_referral: { unsupported: "Refersion's REST API has no conversion list or order look-up. Find the conversion in Refersion's dashboard (Conversions) instead." },
  },
});
