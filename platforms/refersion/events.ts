/**
 * Refersion's merchant webhook topics (https://www.refersion.dev/reference/webhooks-for-merchants
 * [DOC]), sent in the `Refersion-Topic` header; the body is the object itself (no envelope, no
 * event id). Only `APPROVED_CONVERSION` and `AFFILIATE_DETAILS_CHANGE` are seen written out in a
 * vendor document; the other topic strings follow their pattern [INF: next-platforms.md §3 fact
 * 18], with the reversed word order kept as aliases (REFERSION_TOPIC_ALIASES). A topic outside both
 * is refused visibly (an unknown event), never dropped in silence. No complete payload example is
 * readable: the fields come from a documented fragment and a third-party capture (fields.ts).
 */
import type { VendorEvent } from '../types';

export const REFERSION_EVENTS: readonly VendorEvent[] = [
  { key: 'NEW_CONVERSION', label: 'New Conversion (NEW_CONVERSION)', event: 'referral.created', objectPath: '', example: 'constructed' },
  { key: 'APPROVED_CONVERSION', label: 'Conversion Approved (APPROVED_CONVERSION)', event: 'referral.approved', objectPath: '', example: 'constructed' },
  { key: 'DENIED_CONVERSION', label: 'Conversion Denied (DENIED_CONVERSION)', event: 'referral.denied', objectPath: '', example: 'constructed' },
  { key: 'NEW_AFFILIATE', label: 'New Affiliate (NEW_AFFILIATE)', event: 'affiliate.created', objectPath: '', example: 'constructed' },
  // The topic names no status: the affiliate's own `status` says what it became (the status triggers filter on it).
  { key: 'AFFILIATE_STATUS_CHANGE', label: 'Affiliate Status Change (AFFILIATE_STATUS_CHANGE)', event: 'affiliate.status_changed', objectPath: '', example: 'constructed' },
  { key: 'AFFILIATE_DETAILS_CHANGE', label: 'Affiliate Details Change (AFFILIATE_DETAILS_CHANGE)', record: 'affiliate', objectPath: '', example: 'constructed' },
  // One delivery lists the payments of several affiliates, keyed by affiliate id [3P]: no single
  // Payout record stands for it, so it reaches New Platform Event only, whole under `raw`.
  { key: 'NEW_PAYMENT', label: 'New Payment (NEW_PAYMENT)', objectPath: '', example: 'constructed' },
  { key: 'NEW_CONVERSION_TRIGGER', label: 'New Conversion Trigger (NEW_CONVERSION_TRIGGER)', objectPath: '', idPath: 'id', example: 'constructed' },
  { key: 'BONUS_TIER_MOVEMENT', label: 'Bonus Tier Movement (BONUS_TIER_MOVEMENT, Enterprise plans)', objectPath: '', example: 'none' },
];

/** Reversed word orders of the inferred topic strings, read as the catalogue's topic [INF]. */
export const REFERSION_TOPIC_ALIASES: Readonly<Record<string, string>> = {
  CONVERSION_NEW: 'NEW_CONVERSION',
  CONVERSION_APPROVED: 'APPROVED_CONVERSION',
  CONVERSION_DENIED: 'DENIED_CONVERSION',
  AFFILIATE_NEW: 'NEW_AFFILIATE',
  PAYMENT_NEW: 'NEW_PAYMENT',
};
