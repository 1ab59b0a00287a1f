/**
 * Rewardful objects → normalized records. A webhook's `object` is "identical to the structure
 * returned by the REST API endpoints for that object type" [DOC]
 * (https://developers.rewardful.com/webhooks/requests), so one map serves deliveries, lists,
 * actions and searches. Paths follow the documented objects (workshops/rewardful/fixtures/): the
 * commission (our Referral) with its `sale` (and the sale's `referral.customer` and `affiliate`),
 * the affiliate with `campaign` and `links`, the payout with `affiliate`.
 *
 * Money is integer **cents** with an upper-case ISO currency [DOC] (`amount`, `*_amount_cents`),
 * converted with `minor_units`; times are ISO 8601 UTC [DOC], read through `time`.
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const REWARDFUL_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    // `state` is on the current commission object [the list filter by state is DOC; the field and its
    // values pending / due / paid / voided confirmed by independent code against the live API, issue 25];
    // the 2020 example has none, so its status stays absent unless the event says it.
    status: { path: 'state', convert: 'status' },
    order_id: 'sale.stripe_charge_id',
    sale_amount: { path: 'sale.sale_amount_cents', convert: 'minor_units' },
    commission_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: ['currency', 'sale.currency'], convert: 'upper' },
    affiliate_id: { path: ['sale.affiliate.id', 'affiliate.id'] },
    affiliate_email: { path: ['sale.affiliate.email', 'affiliate.email'] },
    affiliate_name: { join: ['sale.affiliate.first_name', 'sale.affiliate.last_name'] },
    customer_email: 'sale.referral.customer.email',
    created_at: { path: 'created_at', convert: 'time' },
  },
  affiliate: {
    id: 'id',
    status: { path: 'state', convert: 'status' },
    email: 'email',
    first_name: 'first_name',
    last_name: 'last_name',
    program_id: 'campaign.id',
    program_name: 'campaign.name',
    referral_link: 'links.0.url',
    created_at: { path: 'created_at', convert: 'time' },
  },
  payout: {
    id: 'id',
    status: { path: 'state', convert: 'status' },
    amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: 'affiliate.id',
    affiliate_email: 'affiliate.email',
    paid_at: { path: 'paid_at', convert: 'time' },
    created_at: { path: 'created_at', convert: 'time' },
  },
};

/**
 * Rewardful's states (lower-cased) → normalized.
 * - Commission: `due, pending, paid, voided` — the documents conflict on `voided` (one rendering of
 *   the list page lists it, an older one does not [DOC]); all four are confirmed by independent code
 *   against the live API (issue 25 item 13). due → approved (earned, waiting to be paid), voided →
 *   denied [INF: the mapping is ours, README "Suggested field mapping"].
 * - Affiliate: `active` [DOC: "Defaults to active"]; `disabled`, `suspicious` confirmed by
 *   independent code (issue 25 item 13). `deleted` is ours, for the affiliate.deleted event.
 * - Payout: `pending, due, processing, paid` [DOC: list filter]; `processing` is "queued to be
 *   marked as paid" [DOC], so still pending; `failed` comes from the payout.failed event [UNK state].
 */
export const REWARDFUL_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', due: 'approved', paid: 'paid', voided: 'denied' },
  affiliate: { active: 'active', disabled: 'inactive', suspicious: 'unknown', deleted: 'removed' },
  payout: { pending: 'pending', due: 'pending', processing: 'pending', paid: 'paid', failed: 'failed' },
};

/**
 * What Rewardful's records lack for the next step (receive/enrich.ts). The affiliate's `state` is
 * on the current API object [DOC: the retrieve-payout example's affiliate] but not on the
 * documented 2020 object a webhook may still send, so an affiliate without one is fetched. Coupons
 * are objects of their own (affiliate_coupon.* events) and neither the affiliate object nor its
 * documented expansions (campaign, links, commission_stats) carry one [DOC: affiliates/list].
 */
export const REWARDFUL_SUPPLEMENTS: RecordSupplements = {
  fetchWhenEmpty: {
    affiliate: { fields: ['status'], source: 'inferred: the documented 2020 affiliate object has no state, the current one has (retrieve-payout example)' },
  },
  unavailable: {
    affiliate: {
      coupon_code: "Rewardful's affiliate object and its documented expansions (campaign, links, commission_stats) carry no coupon; coupons are objects of their own [DOC: affiliates/list, webhooks/event-types]",
    },
  },
};
