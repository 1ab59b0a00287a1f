/**
 * Rebus AI's twelve webhook events and their normalized counterparts [DOC-3P: the webhooks page
 * of the RebusAI Affiliate Marketing API docs, https://www.beautyreferralnetwork.com/affiliate_manager/api_docs/webhooks].
 * Every delivery is `{event, timestamp (unix s), data: {...}, signature}`; the object is `data`.
 * Only commission.approved has a documented payload; the others' `data` are unknown, so the field
 * maps read both the webhook example's names (`commission_id`, `amount`) and the list APIs' names
 * (`id`, `commission_amount`, `status.value`).
 */
import type { NormalizedEvent, RecordKind } from '../records';
import type { FieldMap, VendorEvent } from '../types';

type Example = VendorEvent['example'];

/**
 * One event whose payload sits under `data`.
 * @param status the vendor status the event's name says, used when the payload carries none
 *   (commission.approved's documented payload has no status field)
 */
function event(key: string, label: string, normalized: NormalizedEvent | undefined, example: Example, status?: string): VendorEvent {
  const fields: FieldMap<RecordKind> | undefined =
    status === undefined ? undefined : { status: { path: ['status.value', 'status'], convert: 'status', default: status } };
  return { key, label: `${label} (${key})`, event: normalized, objectPath: 'data', example, ...(fields ? { fields } : {}) };
}

/**
 * What a commission delivery fills: the documented commission.approved `data` names the affiliate,
 * order and amounts but no customer [DOC], and its `amount` is the commission (no sale amount).
 */
const COMMISSION_DELIVERS = ['status', 'vendor_status', 'order_id', 'sale_amount', 'commission_amount', 'affiliate_id', 'affiliate_email', 'affiliate_name', 'created_at'] as const;

export const REBUS_EVENTS: readonly VendorEvent[] = [
  { ...event('commission.created', 'Commission: Created', 'referral.created', 'constructed'), delivers: COMMISSION_DELIVERS },
  { ...event('commission.approved', 'Commission: Approved', 'referral.approved', 'documented', 'approved'), delivers: COMMISSION_DELIVERS.filter((field) => field !== 'sale_amount') },
  { ...event('commission.rejected', 'Commission: Rejected', 'referral.denied', 'constructed', 'rejected'), delivers: COMMISSION_DELIVERS },
  // A purchase: normalized as a Referral for New Platform Event, but not a referral.created, so New
  // Referral does not run twice for one sale (commission.created is the same sale, attributed).
  { ...event('conversion.recorded', 'Conversion: Recorded', undefined, 'constructed'), record: 'referral' },
  event('affiliate.created', 'Affiliate: Created', 'affiliate.created', 'constructed'),
  event('affiliate.approved', 'Affiliate: Approved', 'affiliate.approved', 'constructed', 'approved'),
  event('affiliate.rejected', 'Affiliate: Rejected', 'affiliate.denied', 'constructed', 'rejected'),
  // A created payout is not paid yet, and its constructed `data` names no affiliate [INF].
  { ...event('payout.created', 'Payout: Created', 'payout.created', 'constructed'), delivers: ['status', 'vendor_status', 'amount', 'payment_method', 'created_at'] },
  event('payout.processed', 'Payout: Processed', 'payout.paid', 'constructed', 'processed'),
  event('payout.failed', 'Payout: Failed', 'payout.failed', 'constructed', 'failed'),
  event('link.clicked', 'Link: Clicked', undefined, 'constructed'),
  event('code.redeemed', 'Code: Redeemed', undefined, 'constructed'),
];
