/**
 * Tamio (formerly plug&paid [INF]), API v2: affiliate partners, programs and payouts.
 * Reference: https://developers.tamio.com and its mirror docs.tamio.com; tags [DOC] / [INF] as in
 * shared/platforms/README.md section 5. Every `source` names its basis.
 * Webhook endpoints are created only in Tamio's dashboard (no endpoint API is documented), so the
 * REST-hook triggers refuse at subscribe and the "New Event from Dashboard Webhook" trigger serves Tamio.
 */
import { ANY_HEADER } from '../../signature-schemes/types';
import { definePlatform } from '../types';
import { TAMIO_EVENTS } from './events';
import { TAMIO_FIELDS, TAMIO_STATUSES, TAMIO_SUPPLEMENTS } from './fields';

const NO_SALES_API =
  "Tamio's API has no affiliate sales or commissions to approve, deny or create (commissions are set on invoices). Use Tamio's dashboard.";

export const tamio = definePlatform({
  id: 'tamio',
  name: 'Tamio',
  connection: {
    keyLocation: 'Settings → Developers → API Keys → Create key (a secret key with the affiliates permissions)',
    keyHelpUrl: 'https://developers.tamio.com',
  },
  baseUrl: 'https://api.tamio.com/v2',
  // A secret key (publishable keys only reach the Transactions API) [DOC].
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: {
    method: 'GET',
    path: '/affiliates/list',
    query: { page: 1, per_page: 1 },
    source: 'inferred: the cheapest documented read this app needs anyway (needs affiliates.view)',
  },
  // Keys can be restricted per resource and verb, e.g. `affiliates.view` [DOC]; approve and decline
  // need `affiliates.edit` [DOC per issue 13's review of the reference; the stored decline page's
  // text shows responses only].
  permissions: [
    // The verify-signature reference names no permission [UNK]: a 403 there must not read as a bad
    // signature or a missing affiliates permission.
    {
      method: 'POST',
      pathPrefix: '/webhook-endpoints/verify-signature',
      note:
        "Tamio's API key may not verify webhook signatures. Tamio does not document which permission its verify-signature call needs: " +
        "give the key webhook-endpoint access (or full access) in Tamio → Settings → Developers → API Keys, or reconnect with such a key. " +
        'Until then deliveries to this Zap cannot be verified and are not run.',
    },
    { method: 'GET', pathPrefix: '/affiliates/', permission: 'affiliates.view' },
    { method: 'POST', pathPrefix: '/affiliates/approve/', permission: 'affiliates.edit' },
    { method: 'POST', pathPrefix: '/affiliates/decline/', permission: 'affiliates.edit' },
    // The reference renders it "affiliate programs view"; the hyphen is inferred from the resource's path.
    { method: 'GET', pathPrefix: '/affiliate-programs/', permission: 'affiliate-programs.view' },
  ],
  // `{"status": 400, "error": "<message>", "error_code": 1002}`; 401 `{"status", "error"}` [DOC].
  // `errors` is the verify-signature failure body's list [DOC].
  errorMessagePaths: ['error', 'errors', 'message'],
  events: TAMIO_EVENTS,
  // `event_id` (whev_…) is unique per event [DOC].
  delivery: { eventPath: 'event_type', idPath: 'event_id' },
  // The header's name is not documented, only its value `t=…,s=…`: it is found by that shape in any
  // header. With the endpoint's secret, the likely signed string is checked locally first; the
  // documented verify call decides otherwise (and whenever no secret was given).
  signature: {
    type: 'candidates',
    candidates: [
      {
        name: 'HMAC-SHA256 of "t.body" in t=…,s=…',
        type: 'timestamped_hmac',
        header: ANY_HEADER,
        timestampField: 't',
        signatureField: 's',
        encodings: ['hex', 'base64'],
        toleranceSeconds: 300,
        source: 'documented HMAC-SHA256 with the endpoint secret and the `t=timestamp,s=signature` value; the signed string `t.body` and the encoding inferred (common convention)',
      },
      {
        name: "Tamio's verify-signature API",
        type: 'remote',
        header: ANY_HEADER,
        timestampField: 't',
        // Tamio's verify call refuses signatures older than 5 minutes [DOC]; checked here first so a replay never reaches it.
        toleranceSeconds: 300,
        request: {
          method: 'POST',
          path: '/webhook-endpoints/verify-signature',
          // The header's name is not documented [UNK]: the value alone is sent, under this one name,
          // never under the name a sender chose (issue 22 item 10). Live-check's Tamio row confirms it.
          signatureHeader: 'Tamio-Signature',
          source: 'documented endpoint (signature header + raw body, 200 valid, 400 invalid); header name Tamio-Signature inferred (undocumented)',
        },
        source: 'documented: verify-signature API',
      },
    ],
    source:
      'documented: HMAC-SHA256 with the endpoint secret, header value `t=timestamp,s=signature`, verify-signature API; header name and signed string unknown',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In Tamio, open Developers → Webhooks → Get Started, paste this Zap's URL as the endpoint URL, select the events and click Save. Signing Secret: the endpoint's secret key shown there.",
  },
  fields: TAMIO_FIELDS,
  statuses: TAMIO_STATUSES,
  supplements: TAMIO_SUPPLEMENTS,
  lists: {
    affiliate: {
      request: {
        method: 'GET',
        path: '/affiliates/list',
        query: { page: '{{page}}', per_page: '{{limit}}', sort_by: 'created_at', order: 'desc' },
        source: 'documented (newest first, so performList shows recent affiliates)',
      },
      itemsPath: 'affiliates',
      maxPageSize: 50,
      polling: { order: 'newest_first', status: { field: 'approved' }, source: 'documented (sort_by created_at, order desc; approved true / false / null)' },
    },
    payout: {
      request: { method: 'GET', path: '/affiliates/payouts/list', query: { page: '{{page}}', per_page: '{{limit}}' }, source: 'documented' },
      itemsPath: 'payouts',
      maxPageSize: 50,
      polling: {
        order: 'unknown',
        createdSince: { param: 'from', format: 'iso' },
        status: { field: 'status' },
        source: 'documented filters from/to (ISO-8601 or unix); that from filters on the payout date and the order are undocumented',
      },
    },
  },
  // Retrieve calls [DOC]: `{"status": 200, "affiliate": {…}}` (saved example) and `{"status": 200, "payout": {…}}`.
  gets: {
    affiliate: {
      request: { method: 'GET', path: '/affiliates/retrieve/{{id}}', source: 'documented (retrieve affiliate partner, by uuid)' },
      objectPath: 'affiliate',
      // The documented removed body carries only `{"affiliate": {"id"}}`, and the affiliate it names
      // is gone: what retrieve answers then (404, or the blocked affiliate) is not documented.
      notFor: { 'affiliate-removed': 'Tamio removed the affiliate, so there is nothing left to fetch' },
    },
    payout: { request: { method: 'GET', path: '/affiliates/payouts/retrieve/{{id}}', source: 'documented (retrieve payout)' }, objectPath: 'payout' },
  },
  searches: {
    // `filter` is a text search over name and email [DOC]; the exact email match is put first by the search factory.
    find_affiliate: {
      request: { method: 'GET', path: '/affiliates/list', query: { filter: '{{email}}', page: 1, per_page: '{{limit}}' }, source: 'documented' },
      itemsPath: 'affiliates',
      matchField: 'email',
      input: 'email',
    },
    find_referral: { unsupported: NO_SALES_API },
  },
  choices: {
    program: {
      request: { method: 'GET', path: '/affiliate-programs/list', query: { page: '{{page}}', per_page: '{{limit}}' }, source: 'documented' },
      itemsPath: 'programs',
      idPath: 'id',
      labelPaths: ['label'],
    },
  },
  actions: {
    approve_affiliate: {
      request: { method: 'POST', path: '/affiliates/approve/{{affiliate}}', source: 'documented' },
      result: { event: 'affiliate.approved', resultPath: 'affiliate', assume: { id: '{{affiliate}}', status: 'active' } },
    },
    deny_affiliate: {
      request: { method: 'POST', path: '/affiliates/decline/{{affiliate}}', source: 'documented' },
      // Answers `{status: integer, affiliate: Affiliate}` like approve [DOC:
      // https://docs-b6a.pages.dev/affiliates/decline-affiliate, "200 Affiliate declined successfully"].
      result: { event: 'affiliate.denied', resultPath: 'affiliate', assume: { id: '{{affiliate}}', status: 'denied' } },
    },
    create_affiliate: {
      unsupported: "Tamio's API offers no way to create an affiliate: affiliates sign up themselves through your program's signup page.",
    },
    approve_referral: { unsupported: NO_SALES_API },
    deny_referral: { unsupported: NO_SALES_API },
    create_referral: { unsupported: NO_SALES_API },
    mark_payout_paid: {
      unsupported: "Tamio's API documents no call that marks a payout paid (only one that pays an affiliate's balance). Mark it in Tamio's dashboard.",
    },
  },
});
