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
 * a top-level `partnership_key` with an empty `customer` [third-party recording, per issue 13]. So
 * the partner is read from every place it can be, partner keys first (they match an Affiliate's
 * `id`), then partnership keys: a partnership key is still the partner, never dropped.
 */
import type { PlatformDefinition } from '../types';

/**
 * Where an object names its partner, in order: partner keys (an Affiliate's `id`), then partnership
 * keys, top-level before nested (an empty `customer` must not hide a top-level key).
 */
const PARTNER_PATHS = [
  'partner_key',
  'customer.partner_key',
  'partnership.partner_key',
  'partnership_key',
  'customer.partnership_key',
  'partnership.key',
] as const;

export const PARTNERSTACK_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: { path: ['key', 'id'] },
    sale_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    // `approved` (boolean) is the transaction's only status field [DOC-3P: Airbyte schema]; its text
    // goes through the referral status table below.
    status: { path: 'approved', convert: 'status' },
    affiliate_id: { path: PARTNER_PATHS },
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
