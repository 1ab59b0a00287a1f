/**
 * Tapfiliate objects (API 1.6) → normalized records. Tapfiliate's REST reference could be read only
 * up to its Pagination section, so the object fields come from third-party copies of its examples
 * and captured fixtures [3P] (shared/platforms/next-platforms.md section 2, facts 11-17): the
 * Pipedream test events (presumed copies of the vendor's "Retrieve" examples) and the llbbl/tapfiliate-php
 * fixtures. Where copies disagree the candidates are listed in order.
 *
 * Money: decimal major units (`"amount": 17.95`) [3P], with the currency on commissions and
 * programs (ISO, upper-case) [3P]. Times: ISO-8601 with a numeric offset, `+00:00` or `+0000`, and
 * `created_at` may be `null` [3P] (the `time` conversion reads both offsets; null leaves it empty).
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const TAPFILIATE_FIELDS: PlatformDefinition['fields'] = {
  // A commission: the affiliate's share of one conversion [3P: listCommissions.json, approveCommission.json].
  referral: {
    id: 'id',
    // Tri-state `approved`: null = pending, true = approved, false = disapproved [3P]; null is "not
    // present", so the default stands for it.
    status: { path: 'approved', convert: 'status', default: 'pending' },
    commission_amount: { path: 'amount', convert: 'decimal' },
    // "the part of the sale it is based on" [3P]; a conversion's own `amount` where the object is one.
    sale_amount: { path: 'conversion_sub_amount', convert: 'decimal' },
    currency: { path: ['currency', 'program.currency'], convert: 'upper' },
    // The merchant's order reference lives on the conversion (`external_id`) [3P]; a commission
    // names only `conversion.id` in lists [3P], so it is read where the object nests it.
    order_id: { path: ['conversion.external_id', 'external_id'] },
    affiliate_id: 'affiliate.id',
    // No email on commissions or conversions [3P]: the affiliate get fills it (receive/enrich.ts).
    affiliate_email: 'affiliate.email',
    affiliate_name: { join: ['affiliate.firstname', 'affiliate.lastname'] },
    created_at: { path: 'created_at', convert: 'time' },
  },
  // An affiliate [3P: Pipedream new-affiliate test event], or a program membership, which adds
  // `approved`, `referral_link`, `coupon` and `applied_at` [3P: affiliate-added-to-program test event].
  affiliate: {
    id: 'id',
    // Approval lives on the program membership [3P]; a bare affiliate carries no status.
    status: { path: 'approved', convert: 'status' },
    email: 'email',
    first_name: 'firstname',
    last_name: 'lastname',
    company: 'company.name',
    program_id: 'program.id',
    program_name: 'program.title',
    referral_link: { path: ['referral_link.link', 'referral_link'] },
    coupon_code: 'coupon',
    created_at: { path: ['created_at', 'applied_at'], convert: 'time' },
  },
  // A payment: the shape is in conflict between a generated harvest `{id, affiliate, amount,
  // currency, paid_at, status}` and API 1.4's `{id, created_at, affiliate, amount, paid}` [3P]: both read.
  payout: {
    id: 'id',
    // A payment is recorded once the merchant paid [DOC: settling payments via the API]: paid unless it says otherwise.
    status: { path: ['status', 'paid'], convert: 'status', default: 'paid' },
    amount: { path: 'amount', convert: 'decimal' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: { path: ['affiliate.id', 'affiliate_id'] },
    affiliate_email: 'affiliate.email',
    paid_at: { path: ['paid_at', 'created_at'], convert: 'time' },
    created_at: { path: 'created_at', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized. Commissions: `approved` true / false [3P] (null is
 * the `pending` default). Memberships: `approved` true / false [3P]. Payments: `paid` true / false
 * (API 1.4) or `status` pending | paid | cancelled (harvest) [3P]; a cancelled payment maps to no
 * normalized status (`unknown`, with `cancelled` kept) [INF: neither paid nor failed].
 */
export const TAPFILIATE_STATUSES: PlatformDefinition['statuses'] = {
  referral: { true: 'approved', false: 'denied', pending: 'pending' },
  affiliate: { true: 'active', false: 'denied' },
  payout: { true: 'paid', false: 'pending', paid: 'paid', pending: 'pending' },
};

/** What only a program membership carries [3P: Pipedream's affiliate and affiliate-added-to-program test events]. */
const ON_MEMBERSHIP_ONLY = (what: string) =>
  `A Tapfiliate affiliate record carries no ${what} [3P: affiliate examples]: a program membership does, so only the program events (Affiliate Added to / Approved for / Disapproved for Program) fill it`;

/** What Tapfiliate's records lack for the next step (receive/enrich.ts). */
export const TAPFILIATE_SUPPLEMENTS: RecordSupplements = {
  // A commission names its conversion by id only [3P: list-commissions example]; the order id is the
  // conversion's `external_id` [3P: getConversion example; create-conversion takes it], read through
  // GET /conversions/{id}/ [3P: the same client's get call].
  fieldLookups: [
    {
      kind: 'referral',
      field: 'order_id',
      request: { method: 'GET', path: '/conversions/{{id}}/', source: 'inferred: third-party clients (GET /conversions/{id}/, getConversion example with external_id)' },
      idFrom: 'conversion.id',
      objectPath: '',
      valuePath: 'external_id',
    },
  ],
  unavailable: {
    referral: {
      customer_email: "Tapfiliate's conversion names its customer by id only (customer {id, customer_id, status}) [3P: conversion examples]",
    },
    // The status is a base output field (never labelled per platform): docs/platforms/tapfiliate.md says the same of it.
    affiliate: { referral_link: ON_MEMBERSHIP_ONLY('referral link'), coupon_code: ON_MEMBERSHIP_ONLY('coupon') },
  },
};
