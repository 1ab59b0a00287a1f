/**
 * Rewardful's webhook event types, as listed on https://developers.rewardful.com/webhooks/event-types
 * [DOC] (31 names; shared/platforms/README.md section 8). Every delivery is the documented envelope
 * `{object, event: {id, type, created_at, api_version}, request: {id}}` [DOC], so each event's
 * vendor object sits at `object`.
 *
 * The mapping onto normalized events is INFERRED (the README's "Suggested mapping"): a Rewardful
 * "commission" is our Referral (a sale's commission), while a Rewardful "referral" is a tracked
 * visitor / lead and so has no normalized counterpart (New Platform Event only).
 */
import type { VendorEvent } from '../types';

/** A vendor event whose object is at `object`, as the envelope documents. */
function event(key: string, label: string, rest: Omit<VendorEvent, 'key' | 'label' | 'objectPath' | 'example'>, example: VendorEvent['example'] = 'constructed'): VendorEvent {
  return { key, label: `${label} (${key})`, objectPath: 'object', example, ...rest };
}

export const REWARDFUL_EVENTS: readonly VendorEvent[] = [
  event('commission.created', 'Commission: Created', { event: 'referral.created' }, 'documented'),
  // No diff in the payload: the current state is read from the object.
  event('commission.updated', 'Commission: Updated', { event: 'referral.status_changed' }),
  // The event's name says the new state where an (older) object carries no `state`.
  event('commission.paid', 'Commission: Paid', { event: 'referral.status_changed', fields: { status: { path: 'state', convert: 'status', default: 'paid' } } }),
  // Voided = cancelled (a refund or a manual void) [INF].
  event('commission.voided', 'Commission: Voided', { event: 'referral.denied', fields: { status: { path: 'state', convert: 'status', default: 'voided' } } }),
  event('commission.deleted', 'Commission: Deleted', { record: 'referral' }),
  event('affiliate.created', 'Affiliate: Created', { event: 'affiliate.created' }, 'documented'),
  // Rewardful has no approval event; confirming the e-mail address is the closest counterpart [INF].
  event('affiliate.confirmed', 'Affiliate: Confirmed', { event: 'affiliate.approved' }),
  // Fires on any detail edit too, and carries no diff.
  event('affiliate.updated', 'Affiliate: Updated', { event: 'affiliate.status_changed' }),
  event('affiliate.deleted', 'Affiliate: Deleted', { event: 'affiliate.removed', fields: { status: { path: [], convert: 'status', default: 'deleted' } } }),
  event('affiliate_link.created', 'Affiliate Link: Created', {}),
  event('affiliate_link.updated', 'Affiliate Link: Updated', {}),
  event('affiliate_link.deleted', 'Affiliate Link: Deleted', {}),
  event('affiliate_coupon.created', 'Affiliate Coupon: Created', {}),
  event('affiliate_coupon.updated', 'Affiliate Coupon: Updated', {}),
  event('affiliate_coupon.activated', 'Affiliate Coupon: Activated', {}),
  event('affiliate_coupon.deactivated', 'Affiliate Coupon: Deactivated', {}),
  event('affiliate_coupon.deleted', 'Affiliate Coupon: Deleted', {}),
  // A Rewardful referral is a visitor → lead → customer, not a sale.
  event('referral.created', 'Visitor Referral: Created', {}, 'documented'),
  event('referral.lead', 'Visitor Referral: Became a Lead', {}),
  event('referral.converted', 'Visitor Referral: Converted', {}),
  event('referral.deleted', 'Visitor Referral: Deleted', {}),
  event('sale.created', 'Sale: Created', {}),
  event('sale.updated', 'Sale: Updated', {}),
  event('sale.refunded', 'Sale: Refunded', {}),
  event('sale.deleted', 'Sale: Deleted', {}),
  event('payout.created', 'Payout: Created', { event: 'payout.created' }),
  event('payout.updated', 'Payout: Updated', { record: 'payout' }),
  event('payout.due', 'Payout: Due', { record: 'payout' }),
  event('payout.paid', 'Payout: Paid', { event: 'payout.paid', fields: { status: { path: 'state', convert: 'status', default: 'paid' } } }, 'documented'),
  event('payout.deleted', 'Payout: Deleted', { record: 'payout' }),
  // The payout states documented for the list filter name no failed state [UNK]: the event says it.
  event('payout.failed', 'Payout: Failed', { event: 'payout.failed', fields: { status: { path: [], convert: 'status', default: 'failed' } } }),
];
