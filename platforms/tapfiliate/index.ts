/**
 * Tapfiliate (REST API 1.6, https://api.tapfiliate.com/1.6): commissions on conversions, affiliates
 * approved per program, payments. Reference: https://tapfiliate.com/docs/rest/ [DOC] (readable only
 * up to its Pagination section), Tapfiliate's trigger-webhook guide and help centre [DOC]; every
 * other fact comes from third-party clients and fixtures [3P] (n8n, Pipedream, PHP and .NET
 * clients, the API-Evangelist harvest), as summarized in shared/platforms/next-platforms.md section 2.
 * Every `source` names its basis; [3P] endpoints are `unconfirmed`, so a 404 says so.
 *
 * Webhooks ("Triggers") are made only in Tapfiliate's dashboard, are **unsigned**, and carry no
 * event name and no event id [DOC absence]: one webhook per Tapfiliate trigger, the dashboard
 * trigger asks which (`eventChosenPerUrl`), a secret of the user's proves each delivery (our URL
 * token, or a header set in "Webhook (custom)"), and a repeat is the same record in the same state.
 */
import { definePlatform, type ListPolling } from '../types';
import { TAPFILIATE_EVENTS } from './events';
import { TAPFILIATE_FIELDS, TAPFILIATE_STATUSES, TAPFILIATE_SUPPLEMENTS } from './fields';

/** "paginated to 25 items by default"; `?page=` 1-based; the `Link` header names the next page [DOC]. */
const PAGE_SIZE = 25;
const PAGED = { page: '{{page}}' } as const;
/** Lists are bare arrays [3P: fixtures]. */
const LIST_SOURCE = 'documented (?page=, 25 a page, Link header); bare-array bodies and the path [3P: llbbl/tapfiliate-php fixtures, n8n]';
/** The endpoints only third parties show, named when Tapfiliate answers 404 or 405. */
const THIRD_PARTY = "only third-party clients (n8n, PHP and .NET clients) show this endpoint; Tapfiliate's own reference could not be read that far";

/**
 * How Tapfiliate's lists poll: newest first is Pipedream's assumption [3P] (no sort is documented);
 * no created-since or updated-since filter on these lists [UNK], so a poll reads the newest pages;
 * rate limits exist ("Most endpoints have rate limits") but their numbers are not published [3P].
 */
function polling(status: ListPolling['status'], source: string): ListPolling {
  return {
    order: 'newest_first',
    status,
    // "pagination info in the Link header" with rel next / last [DOC]: a full last page ends the read.
    linkHeaderPaging: true,
    source: `${source}; newest first [3P: Pipedream's polling sources stop at the first older item], no time filter [UNK]`,
  };
}

export const tapfiliate = definePlatform({
  id: 'tapfiliate',
  name: 'Tapfiliate',
  // Tapfiliate's words [DOC]: a conversion earns commissions, which are the app's Referrals.
  terms: { referral: 'Commission', payout: 'Payment' },
  connection: {
    keyLocation: 'Profile → API key (app.tapfiliate.com/a/profile/)',
    keyHelpUrl: 'https://support.tapfiliate.com/en/articles/13389820-webhooks-and-event-driven-workflows',
  },
  baseUrl: 'https://api.tapfiliate.com/1.6',
  // Current docs `X-Api-Key`, older copies of the same page `Api-Key` [DOC, two copies]; clients use
  // both [3P]. Both are sent with the one key, so whichever Tapfiliate reads finds it [INF].
  auth: { type: 'header', header: 'X-Api-Key', value: '{{api_key}}', extraHeaders: { 'Api-Key': '{{api_key}}' } },
  connectionTest: { method: 'GET', path: '/programs/', source: 'inferred: a cheap authenticated list (n8n and Pipedream call it for their program dropdowns [3P])' },
  // `{"message"}` per the harvest; `{"errors": [{"message"}]}` in one client [3P]: both read.
  errorMessagePaths: ['message', 'errors.0.message', 'error'],
  events: TAPFILIATE_EVENTS,
  // No event name, no event id, no event time in a delivery [DOC absence]: the body is the bare
  // resource. A repeat is the same record in the same state (approval, amount) within the retry
  // window (undocumented [UNK]: the default) [INF]; its `created_at` is the record's, not the
  // event's, so it never stands for a delivery time.
  delivery: {
    recordIdentity: {
      paths: ['approved', 'amount'],
      source: 'inferred: Tapfiliate sends no event id or time [DOC absence]; its records carry `approved` and `amount` [3P]',
    },
  },
  signature: {
    type: 'candidates',
    candidates: [
      { name: 'URL token', type: 'url_token', param: 'ah_token', source: "our own: Tapfiliate signs nothing [DOC absence], so the user appends a secret of theirs to the Zap's URL" },
      {
        name: 'Custom header',
        type: 'header_token',
        header: 'X-Affiliate-Hub-Token',
        source: 'our own: "Webhook (custom)" lets the merchant set request headers [DOC: trigger-webhooks guide]; the header name is ours',
      },
    ],
    source: 'documented absence: Tapfiliate signs no webhook; both candidates check a secret of the user\'s',
  },
  webhooks: {
    kind: 'dashboard',
    directions:
      "In Tapfiliate, open Triggers → New trigger, give it a title, pick one event and the action Webhook, and paste this Zap's URL with ?ah_token=<a secret of yours> appended (or use Webhook (custom) with the plain URL and a request header X-Affiliate-Hub-Token: <the secret>). Signing Secret: that secret. One Zap per Tapfiliate event.",
    eventChosenPerUrl: { source: 'documented absence: no event name in a delivery; one trigger (and URL) per event [DOC: trigger-webhooks guide]' },
  },
  fields: TAPFILIATE_FIELDS,
  statuses: TAPFILIATE_STATUSES,
  supplements: TAPFILIATE_SUPPLEMENTS,
  lists: {
    referral: {
      request: { method: 'GET', path: '/commissions/', query: PAGED, source: LIST_SOURCE },
      itemsPath: '',
      maxPageSize: PAGE_SIZE,
      polling: polling({ field: 'approved' }, 'inferred: commissions carry `approved` [3P]'),
    },
    affiliate: {
      request: { method: 'GET', path: '/affiliates/', query: PAGED, source: LIST_SOURCE },
      itemsPath: '',
      maxPageSize: PAGE_SIZE,
      polling: polling(
        { unavailable: 'Tapfiliate approves affiliates per program: its affiliates list carries no status [3P: affiliate examples]' },
        'inferred: affiliates [3P]',
      ),
    },
    payout: {
      request: { method: 'GET', path: '/payments/', query: PAGED, source: `${LIST_SOURCE}; GET /payments/ [3P: harvest, support article links]` },
      itemsPath: '',
      maxPageSize: PAGE_SIZE,
      // A payment is recorded once the merchant paid [DOC: settling payments via the API].
      onlyStatus: 'paid',
      polling: polling({ unavailable: 'a Tapfiliate payment is recorded once paid, so it has no status to change [DOC]' }, 'inferred: payments [3P]'),
    },
  },
  gets: {
    affiliate: { request: { method: 'GET', path: '/affiliates/{{id}}/', source: `inferred: ${THIRD_PARTY} (GET /affiliates/{id}/)` }, objectPath: '' },
  },
  choices: {
    program: {
      request: { method: 'GET', path: '/programs/', query: PAGED, source: 'inferred: GET /programs/ as n8n and Pipedream list programs [3P]' },
      itemsPath: '',
      idPath: 'id',
      labelPaths: ['title', 'id'],
    },
  },
  searches: {
    find_affiliate: {
      request: { method: 'GET', path: '/affiliates/', query: { email: '{{email}}' }, source: 'inferred: the `email` filter of n8n\'s affiliate list [3P]' },
      itemsPath: '',
      matchField: 'email',
      input: 'email',
    },
    find_referral: {
      unsupported:
        "Tapfiliate's commissions cannot be looked up by order ID through its API as far as its documents show (only an API 1.4 client filters conversions by external_id). Use the commission's Tapfiliate ID from a trigger, or find the conversion in Tapfiliate's dashboard.",
    },
  },
  actions: {
    approve_referral: {
      request: { method: 'PUT', path: '/commissions/{{referral_id}}/approved/', source: `inferred: ${THIRD_PARTY} (PUT /commissions/{id}/approved/ → the commission)` },
      requiredInputs: ['referral_id'],
      inputFormats: { referral_id: 'integer' },
      unconfirmed: THIRD_PARTY,
      result: { event: 'referral.approved', resultPath: '', assume: { id: '{{referral_id}}', status: 'approved', vendor_status: 'approved' } },
    },
    deny_referral: {
      request: { method: 'DELETE', path: '/commissions/{{referral_id}}/approved/', source: `inferred: ${THIRD_PARTY} (DELETE /commissions/{id}/approved/ → the commission, approved false)` },
      requiredInputs: ['referral_id'],
      inputFormats: { referral_id: 'integer' },
      unconfirmed: THIRD_PARTY,
      result: { event: 'referral.denied', resultPath: '', assume: { id: '{{referral_id}}', status: 'denied', vendor_status: 'not approved' } },
    },
    create_affiliate: {
      request: {
        method: 'POST',
        path: '/affiliates/',
        body: { firstname: '{{first_name}}', lastname: '{{last_name}}', email: '{{email}}', company: { name: '{{company}}' } },
        source: `inferred: ${THIRD_PARTY} (n8n: firstname, lastname, email required; company {name})`,
      },
      requiredInputs: ['first_name', 'last_name'],
      inputFormats: { email: 'email' },
      inputNotes: { email: 'Tapfiliate creates the affiliate without adding them to a program: approve them for one with Approve Affiliate once they have joined it.' },
      unconfirmed: THIRD_PARTY,
      result: { event: 'affiliate.created', resultPath: '', assume: { email: '{{email}}', first_name: '{{first_name}}', last_name: '{{last_name}}' } },
    },
    approve_affiliate: {
      request: { method: 'PUT', path: '/programs/{{program_id}}/affiliates/{{affiliate}}/approved/', source: `inferred: ${THIRD_PARTY} (n8n: PUT /programs/{p}/affiliates/{a}/approved/)` },
      requiredInputs: ['affiliate', 'program_id'],
      unconfirmed: THIRD_PARTY,
      result: { event: 'affiliate.approved', resultPath: '', assume: { id: '{{affiliate}}', program_id: '{{program_id}}', status: 'active', vendor_status: 'approved' } },
    },
    deny_affiliate: {
      request: { method: 'DELETE', path: '/programs/{{program_id}}/affiliates/{{affiliate}}/approved/', source: `inferred: ${THIRD_PARTY} (n8n: DELETE /programs/{p}/affiliates/{a}/approved/)` },
      requiredInputs: ['affiliate', 'program_id'],
      unconfirmed: THIRD_PARTY,
      result: { event: 'affiliate.denied', resultPath: '', assume: { id: '{{affiliate}}', program_id: '{{program_id}}', status: 'denied', vendor_status: 'not approved' } },
    },
    mark_payout_paid: {
      // "POST /payments/ for the paid out amount" moves the balance to past payments [DOC: support
      // articles 3142216, 13342050]; the body is the harvest's [3P, unverified].
      request: {
        method: 'POST',
        path: '/payments/',
        body: { affiliates: [{ affiliate: { id: '{{affiliate}}' }, amount: '{{amount | number}}', commission_ids: '{{referral_ids}}' }] },
        source: 'documented endpoint (support: settling your affiliate payments via the API); body inferred from the API-Evangelist harvest [3P]',
      },
      requiredInputs: ['affiliate', 'amount'],
      inputNotes: {
        affiliate: 'On Tapfiliate this records a payment you made yourself (it sends no money): the amount moves from the affiliate\'s balance to past payments.',
      },
      unconfirmed: 'the endpoint is documented but its request body only by a third-party harvest',
      result: { event: 'payout.paid', resultPath: '', assume: { id: '{{affiliate}}', affiliate_id: '{{affiliate}}', amount: '{{amount | number}}', status: 'paid', vendor_status: 'paid' } },
    },
    track_refund: {
      unsupported:
        "Tapfiliate's documents show no refund call. To take the commission back, disapprove it with Deny Referral (the commission's Tapfiliate ID).",
    },
    create_referral: {
      // `external_id` unique per conversion, `amount`, one attribution key [3P: harvest, .NET];
      // `referral_code` is the `ref=` value of the affiliate's link [3P].
      request: {
        method: 'POST',
        path: '/conversions/',
        body: { external_id: '{{order_id}}', amount: '{{sale_amount | number}}', referral_code: '{{affiliate}}', currency: '{{currency}}' },
        source: `inferred: ${THIRD_PARTY} (POST /conversions/ with external_id, amount and referral_code)`,
      },
      requiredInputs: ['affiliate', 'order_id'],
      inputNotes: {
        affiliate: "On Tapfiliate this is the affiliate's referral code (the ref= value of their link), which is often, but not always, their ID.",
        order_id: 'Tapfiliate refuses a second conversion with the same order ID.',
      },
      unconfirmed: THIRD_PARTY,
      result: { event: 'referral.created', resultPath: '', assume: { order_id: '{{order_id}}' } },
    },
  },
});
