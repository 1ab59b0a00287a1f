/**
 * Refersion's objects → normalized records. Sources: the conversion webhook fragment
 * (`{"id": 987654321, "created": "2020-02-14 18:48:42", "status": "PENDING", …, "total": …}`
 * [DOC: refersion.dev webhooks-for-merchants, cut off]), the webhook field lists of a third-party
 * capture [3P: api-evangelist/refersion asyncapi/refersion-webhooks.yml], and the REST examples
 * [DOC via harvest: /affiliate/list, /affiliate/get, /affiliate/new].
 * - Money is decimal major units, often as text (`"59.00"`) [DOC]; `decimal` reads both, and a
 *   value it cannot read (the totals example's `"3,498.03,"`) stays absent, never a wrong number.
 * - Times are `YYYY-MM-DD HH:MM:SS` with no zone [DOC]; read as UTC [INF] (conversions.ts).
 * - The affiliate's `id` is numeric in webhooks and `/affiliate/get`, but the list and create
 *   answers put the affiliate **code** under `id` [DOC via harvest]: records from the list carry the code as id.
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const REFERSION_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    // `conversion_id`: the manual credit's answer `{conversion_id}` [DOC via harvest].
    id: { path: ['id', 'conversion_id'], convert: 'text' },
    status: { path: 'status', convert: 'status' },
    vendor_status: 'status',
    order_id: { path: 'order_id', convert: 'text' },
    sale_amount: { path: 'total', convert: 'decimal' },
    commission_amount: { path: 'commission_total', convert: 'decimal' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: { path: 'affiliate.id', convert: 'text' },
    affiliate_email: 'affiliate.email',
    affiliate_name: { join: ['affiliate.first_name', 'affiliate.last_name'] },
    customer_email: 'customer.email',
    created_at: { path: 'created', convert: 'time' },
  },
  affiliate: {
    id: { path: 'id', convert: 'text' },
    status: { path: 'status', convert: 'status' },
    vendor_status: 'status',
    email: 'email',
    first_name: 'first_name',
    last_name: 'last_name',
    name: { join: ['first_name', 'last_name'] },
    company: { path: ['company', 'company_name'] },
    // Webhooks nest the offer [3P]; list and get answers name only `offer_id` [DOC via harvest].
    program_id: { path: ['offer.id', 'offer_id'], convert: 'text' },
    program_name: 'offer.name',
    referral_link: 'link',
  },
};

/**
 * Vendor statuses (lower-cased) → normalized [DOC via harvest: conversion PENDING / APPROVED /
 * UNQUALIFIED / DENIED; affiliate PENDING / ACTIVE / DENIED / DISABLED]. UNQUALIFIED is a denial
 * (`vendor_status` keeps the word); DISABLED an inactive affiliate.
 */
export const REFERSION_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', approved: 'approved', denied: 'denied', unqualified: 'denied' },
  affiliate: { pending: 'pending', active: 'active', denied: 'denied', disabled: 'inactive' },
};

/** Why Refersion has no payout records: its payment topic is a batch per affiliate, and its REST API lists no payments. */
const NO_PAYOUT_RECORD =
  "Refersion's New Payment topic is a batch of affiliates with their payments (data.affiliates.<id>.payments[]) [3P: api-evangelist capture], not one payout, and its REST API documents no payment list [DOC via harvest]";

/**
 * What Refersion's records lack for the next step (receive/enrich.ts). The affiliate topics carry no
 * `link` [3P: field list], which `/affiliate/get` returns [DOC via harvest: its example], so an
 * affiliate without one is fetched. Coupons are conversion triggers of their own (the New Conversion
 * Trigger topic `{id, affiliate_id, trigger, type}` [3P]), not part of an affiliate.
 */
export const REFERSION_SUPPLEMENTS: RecordSupplements = {
  fetchWhenEmpty: {
    affiliate: { fields: ['referral_link'], source: 'documented (harvest): /affiliate/get answers with `link`; the affiliate topics list none (third-party capture)' },
  },
  unavailable: {
    affiliate: { coupon_code: "Refersion's affiliate objects carry no coupon: coupons are conversion triggers of their own (New Conversion Trigger topic) [3P]" },
    payout: { affiliate_email: NO_PAYOUT_RECORD, amount: NO_PAYOUT_RECORD, currency: NO_PAYOUT_RECORD, paid_at: NO_PAYOUT_RECORD },
  },
};
