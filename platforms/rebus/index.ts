/**
 * Rebus AI (RebusAI Affiliate Marketing API v1.0).
 * Reference: only a customer-hosted copy of the docs exists,
 * https://www.beautyreferralnetwork.com/affiliate_manager/api_docs (+ /authentication,
 * /affiliates, /commissions, /payouts, /webhooks, /links), with examples against rebusai.com
 * [DOC-3P]; tags as in shared/platforms/README.md section 4. Every `source` names its basis.
 * Every path ends in `/` [DOC-3P].
 */
import { definePlatform } from '../types';
import { hmacOfRawBody, standardWebhooks, stripeStyle } from '../../signature-schemes/common-candidates';
import { REBUS_EVENTS } from './events';
import { REBUS_FIELDS, REBUS_STATUSES, REBUS_SUPPLEMENTS } from './fields';

/** Page-number lists: `data.results`, `page` from 1, `page_size` ≤ 100 (affiliates [DOC-3P]; the others by analogy [INF]). */
const LIST = { itemsPath: 'data.results', maxPageSize: 100 } as const;
const PAGE = { page: '{{page}}', page_size: '{{limit}}' } as const;

/**
 * Unsubscribe by webhook id: the docs show only the create call, so the path follows the API's
 * REST convention (`/affiliates/{id}/…`, `/payouts/{id}/process/`) [INF]. The id's place in the
 * create response (`data.id`, the envelope every documented response uses) is also inferred.
 */
const UNSUBSCRIBE_PATH = '/webhooks/{{subscription_id}}/';

const NO_APPROVAL =
  "Rebus AI's API documentation describes no endpoint to approve or reject commissions or affiliates (only \"approval workflows\" in its dashboard). Do it in the Rebus AI admin panel.";

export const rebus = definePlatform({
  id: 'rebus',
  name: 'Rebus AI',
  connection: {
    keyLocation: 'admin panel → Settings → API Management → Generate New API Key (sk_live_… or sk_test_…)',
    keyHelpUrl: 'https://www.beautyreferralnetwork.com/affiliate_manager/api_docs/authentication',
  },
  baseUrl: 'https://rebusai.com/api/v1/affiliate',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: { method: 'GET', path: '/status/', source: 'documented ("healthy" status endpoint)' },
  // `{"success": false, …}`, rest not readable [UNK]: `message` as in success envelopes, then the usual Django REST names [INF].
  errorMessagePaths: ['message', 'error.message', 'error', 'detail', 'errors'],
  // Every answer is `{success, data, message, …}` [DOC-3P]; `success: false` is an error even with HTTP 200.
  envelope: { successPath: 'success' },
  events: REBUS_EVENTS,
  // The envelope's `timestamp` is the event's time [DOC example], so identical bodies are one event.
  // Retries are undocumented [UNK]: deliveries older than the 3-day default window are refused (receive/freshness.ts).
  delivery: { eventPath: 'event', timePath: 'timestamp' },
  // The documented scheme first. The documented body carries its own `"signature": "sha256=…"`, so the
  // header cannot sign the body as received unless that field was added after signing: hedged next.
  signature: {
    type: 'candidates',
    candidates: [
      {
        name: 'HMAC-SHA256 hex (sha256=) of the raw body',
        type: 'hmac',
        header: 'X-Webhook-Signature',
        encodings: ['hex'],
        prefix: 'sha256=',
        source: 'documented: hex HMAC-SHA256 of the raw body with the webhook secret, `sha256=` prefix, header X-Webhook-Signature (docs\' Python verifier)',
      },
      {
        name: 'HMAC-SHA256 hex (sha256=) of the body without its signature field',
        type: 'hmac',
        header: 'X-Webhook-Signature',
        encodings: ['hex'],
        prefix: 'sha256=',
        signedBody: { withoutField: 'signature' },
        source: 'inferred: the documented body carries "signature": "sha256=…", so it may sign the body before that field was added',
      },
      hmacOfRawBody('X-Webhook-Signature', 'inferred: base64 without the documented prefix, the common variant'),
      standardWebhooks('inferred: a common convention, not documented for Rebus AI'),
      stripeStyle({ contains: 'signature' }, 'inferred: a common convention, not documented for Rebus AI'),
    ],
    source: 'documented hex sha256= HMAC-SHA256 [DOC-3P]; what exactly is signed [UNK], hedged by the later candidates',
  },
  webhooks: {
    kind: 'api',
    eventsPerSubscription: 'many',
    callerChoosesSecret: true,
    subscribe: {
      method: 'POST',
      path: '/webhooks/',
      body: { url: '{{target_url}}', events: '{{events}}', secret: '{{secret}}', active: true },
      idPath: 'data.id',
      source: 'documented request; the id at data.id inferred (response not documented)',
    },
    unsubscribe: { method: 'DELETE', path: UNSUBSCRIBE_PATH, source: 'inferred: REST convention, no delete call is documented' },
  },
  fields: REBUS_FIELDS,
  statuses: REBUS_STATUSES,
  supplements: REBUS_SUPPLEMENTS,
  lists: {
    referral: {
      request: { method: 'GET', path: '/commissions/', query: PAGE, source: 'documented endpoint; paging inferred (as affiliates)' },
      ...LIST,
      polling: {
        order: 'unknown',
        // Status polls: referrals created in the last 90 days (approval after a refund window, payment the month after) [INF].
        statusWindowDays: 90,
        createdSince: { param: 'date_from', format: 'date' },
        status: { field: 'status.value' },
        source: 'documented filter date_from and status {value, display}; the date format (YYYY-MM-DD) inferred; order undocumented',
      },
    },
    affiliate: {
      request: { method: 'GET', path: '/affiliates/', query: PAGE, source: 'documented' },
      ...LIST,
      polling: { order: 'unknown', status: { field: 'status.value' }, source: 'documented status {value, display}; no date filter documented; order undocumented' },
    },
    payout: {
      request: { method: 'GET', path: '/payouts/', query: PAGE, source: 'documented endpoint ("filtering and pagination"); parameters and items path inferred' },
      ...LIST,
      polling: { order: 'unknown', status: { field: 'status' }, source: 'inferred: filters not readable; status as in the generate-payouts response' },
    },
  },
  gets: {
    // Only the list is documented; a get by id follows the API's REST convention (`/affiliates/{id}/…`
    // paths such as `/payouts/{id}/process/`) and its `data` envelope [INF]. Commissions and payouts
    // name their affiliate by id: receive/enrich.ts reads the email (and name) through it.
    affiliate: {
      request: { method: 'GET', path: '/affiliates/{{id}}/', source: 'inferred: REST convention of the documented paths; only the affiliate list is documented (third-party host)' },
      objectPath: 'data',
    },
  },
  searches: {
    // The affiliate list's `search` filter matches names and emails [DOC-3P]; exact email matches are put first.
    find_affiliate: {
      request: { method: 'GET', path: '/affiliates/', query: { search: '{{email}}', page: 1, page_size: '{{limit}}' }, source: 'documented (search filter)' },
      itemsPath: 'data.results',
      matchField: 'email',
      input: 'email',
    },
    find_referral: { unsupported: "Rebus AI's commission list cannot filter by order ID (its documented filters are status, affiliate, dates and amounts)." },
  },
  actions: {
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliates/',
        // One `name` field [DOC-3P], from whichever name parts are given.
        body: { name: '{{first_name}} {{last_name}}', email: '{{email}}' },
        source: 'documented endpoint and fields name, email; required fields inferred (name and email)',
      },
      result: { event: 'affiliate.created', resultPath: 'data', assume: { email: '{{email}}' } },
    },
    mark_payout_paid: {
      request: { method: 'POST', path: '/payouts/{{payout_id}}/process/', source: 'documented ("process a pending payout and send payment")' },
      requiredInputs: ['payout_id'],
      inputNotes: { payout_id: 'On Rebus AI this **sends the payment**; the result stays pending until Rebus AI reports the payout processed.' },
      // `process` sends the payment; it is paid once payout.processed arrives (or the answer says
      // `processed`), so without a status in the answer the payout reads as pending, not paid.
      result: { event: 'payout.paid', resultPath: 'data', assume: { id: '{{payout_id}}', status: 'pending', vendor_status: 'processing' } },
    },
    approve_referral: { unsupported: NO_APPROVAL },
    deny_referral: { unsupported: NO_APPROVAL },
    approve_affiliate: { unsupported: NO_APPROVAL },
    deny_affiliate: { unsupported: NO_APPROVAL },
  },
});
