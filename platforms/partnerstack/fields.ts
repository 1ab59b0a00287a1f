/**
 * PartnerStack objects → normalized records.
 * All timestamps are epoch milliseconds and all amounts integer cents [DOC: partner-api page,
 * "Responses"; create-transaction takes `amount` in cents INF: third-party clients].
 * Field names: the documented partnership, application and customer webhook samples [DOC]; the
 * transaction and payout objects (webhook payload and list items) are not documented anywhere
 * readable, so their names follow the create-transaction request and the `key` / `created_at`
 * convention of every other PartnerStack object [INF].
 *
 * An affiliate is identified by its `partner_key` (unique, shown in referral links, and the field
 * customer and application payloads use to point at their partner), so a Referral's
 * `affiliate_id` and an Affiliate's `id` agree. `key` / `id` are fallbacks.
 *
 * Transactions [DOC-3P: Airbyte source-partnerstack `schemas/transactions.json`, read from the
 * vendor-side `GET /v2/transactions`]: `key`, `amount` / `amount_usd` (integers), `approved`
 * (boolean or null), `currency`, `customer_key`, an embedded `customer` object, `created_at` /
 * `updated_at` (integers). Customers carry both `partner_key` and `partnership_key` [DOC-3P: the
 * same connector's `schemas/customers.json`]. A partner-side example names the partnership only by
 * a top-level `partnership_key` with an empty `customer` [third-party recording, per issue 13]. A
 * partnership key (`part_…`) is not a partner key, so it never fills `affiliate_id` (issue 25 item
 * 6): `affiliate_id` reads partner keys only (they match an Affiliate's `id`), and
 * `partnership_key` keeps the partnership, so a transaction naming only its partnership still
 * names the partner (`GET /v2/partnerships/{key}` resolves it [DOC: reference index]).
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

/** Where an object names its partner's key (an Affiliate's `id`), top-level before nested (an empty `customer` must not hide a top-level key). */
const PARTNER_PATHS = ['partner_key', 'customer.partner_key', 'partnership.partner_key'] as const;

/** Where an object names the partnership (the partner's membership, `part_…`), in the same order. */
const PARTNERSHIP_PATHS = ['partnership_key', 'customer.partnership_key', 'partnership.key'] as const;

export const PARTNERSTACK_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: { path: ['key', 'id'] },
    sale_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    // `approved` (boolean) is the transaction's only status field [DOC-3P: Airbyte schema]; its text
    // goes through the referral status table below.
    status: { path: 'approved', convert: 'status' },
    affiliate_id: { path: PARTNER_PATHS },
    partnership_key: { path: PARTNERSHIP_PATHS },
    customer_email: { path: ['customer_email', 'customer.email'] },
    created_at: { path: 'created_at', convert: 'time' },
  },
  affiliate: {
    id: { path: ['partner_key', 'key', 'id'] },
    status: { path: 'approved', convert: 'status' },
    // Application payloads carry the applicant under `content` and leave the top-level names empty.
    email: { path: ['email', 'content.email'] },
    first_name: { path: ['first_name', 'content.first_name'] },
    last_name: { path: ['last_name', 'content.last_name'] },
    company: 'content.business_name',
    // A PartnerStack "group" is what other platforms call a program.
    program_id: { path: ['group.key', 'group.id'] },
    program_name: { path: ['group.name', 'group_name'] },
    created_at: { path: ['created_at', 'joined_at'], convert: 'time' },
  },
  payout: {
    id: { path: ['key', 'id'] },
    status: { path: 'status', convert: 'status' },
    amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: { path: PARTNER_PATHS },
    partnership_key: { path: PARTNERSHIP_PATHS },
    // `sent_at` / `withdrawal_date` are what a partner-side recording shows [third-party, partner-side
    // API: likely the vendor side's names too, not certain]; `paid_at` is kept first in case it is not.
    paid_at: { path: ['paid_at', 'sent_at', 'withdrawal_date'], convert: 'time' },
    created_at: { path: 'created_at', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized. An application's `approved` flag reads as text
 * `true` / `false` [DOC: the field; its post-decision values INF]. Payout statuses are not
 * documented; the reward `payment_status` values [DOC-3P: withone.ai, partner-side List Rewards]
 * are the closest vocabulary.
 */
export const PARTNERSTACK_STATUSES: PlatformDefinition['statuses'] = {
  affiliate: { true: 'active', false: 'denied' },
  // A transaction's `approved` flag read as text [DOC-3P: Airbyte schema, boolean or null]; `false`
  // taken for "not approved yet" rather than denied [INF: no decline field exists on transactions].
  referral: { true: 'approved', false: 'pending' },
  payout: {
    // What a partner-side recording shows for a completed payout [third-party, partner-side: likely].
    successful: 'paid',
    paid: 'paid',
    paid_externally: 'paid',
    in_transit: 'pending',
    pending: 'pending',
    available: 'pending',
    failed: 'failed',
  },
};

/**
 * What PartnerStack's records lack for the next step (receive/enrich.ts). A transaction or payout
 * names its partner by key only: the partner's email and name come from the affiliate get
 * (`GET /v2/partnerships/{key}`). No readable PartnerStack document shows an order id on a
 * transaction, or a referral link or coupon on a partnership [UNK]: the editor labels those.
 */
export const PARTNERSTACK_SUPPLEMENTS: RecordSupplements = {
  unavailable: {
    referral: {
      order_id:
        'PartnerStack transactions carry no order id: creating one takes a customer, amount, currency, category and product [INF: third-party clients], and the vendor-side transaction fields read (Airbyte schema) have none',
    },
    affiliate: {
      referral_link: "no readable PartnerStack document shows a partner's referral link in a partnership object or a webhook [UNK]",
      coupon_code: 'no readable PartnerStack document shows coupons on partnerships [UNK]',
    },
  },
};
