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
 */
import type { PlatformDefinition } from '../types';

export const PARTNERSTACK_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: { path: ['key', 'id'] },
    sale_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: { path: ['partner_key', 'customer.partner_key', 'partnership.partner_key'] },
    customer_email: { path: ['customer_email', 'customer.email'] },
    created_at: { path: 'created_at', convert: 'epoch_ms' },
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
    created_at: { path: ['created_at', 'joined_at'], convert: 'epoch_ms' },
  },
  payout: {
    id: { path: ['key', 'id'] },
    status: { path: 'status', convert: 'status' },
    amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: { path: ['partner_key', 'partnership.partner_key'] },
    paid_at: { path: 'paid_at', convert: 'epoch_ms' },
    created_at: { path: 'created_at', convert: 'epoch_ms' },
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
  payout: {
    paid: 'paid',
    paid_externally: 'paid',
    in_transit: 'pending',
    pending: 'pending',
    available: 'pending',
    failed: 'failed',
  },
};
