/**
 * The normalized vocabulary of DESIGN.md section 2: three record kinds, their statuses and the
 * normalized events. Every trigger, action and search emits these shapes whatever the platform.
 */

/** The three normalized record kinds. */
export type RecordKind = 'referral' | 'affiliate' | 'payout';

export const REFERRAL_STATUSES = ['pending', 'approved', 'denied', 'paid', 'refunded', 'fraud', 'unknown'] as const;
export const AFFILIATE_STATUSES = ['pending', 'active', 'inactive', 'denied', 'removed', 'unknown'] as const;
export const PAYOUT_STATUSES = ['pending', 'paid', 'failed', 'unknown'] as const;

/** The fixed, lower-case status set of each record kind. */
export const STATUSES = {
  referral: REFERRAL_STATUSES,
  affiliate: AFFILIATE_STATUSES,
  payout: PAYOUT_STATUSES,
} as const;

export type NormalizedStatus<K extends RecordKind = RecordKind> = (typeof STATUSES)[K][number];

/** Normalized events (DESIGN.md section 2). `other` marks a vendor event with no counterpart. */
export const NORMALIZED_EVENTS = [
  'referral.created',
  'referral.approved',
  'referral.denied',
  'referral.status_changed',
  'affiliate.created',
  'affiliate.approved',
  'affiliate.denied',
  'affiliate.deactivated',
  'affiliate.removed',
  'affiliate.status_changed',
  'payout.created',
  'payout.paid',
  'payout.failed',
] as const;

export type NormalizedEvent = (typeof NORMALIZED_EVENTS)[number];

/** The `event` of a record from a vendor event that has no normalized counterpart. */
export const UNMAPPED_EVENT = 'other';

/** The record kind an event belongs to: the part before the dot. */
export function recordKindOf(event: NormalizedEvent): RecordKind {
  return event.slice(0, event.indexOf('.')) as RecordKind;
}

/** A JSON object as received from a vendor: untrusted, only known to be an object. */
export type JsonObject = { [key: string]: unknown };

/** Fields every normalized output carries. */
type RecordBase = {
  /** The vendor's id of the object, as a string. */
  id: string;
  /** Platform id: one of the registered platforms (platforms/registry.ts). */
  platform: string;
  /** Normalized event, or `other` for a vendor event without counterpart. */
  event: NormalizedEvent | typeof UNMAPPED_EVENT;
  /** The vendor's own event name (for list results: the event the trigger listens to). */
  vendor_event: string;
  /**
   * The event in words, e.g. "Referral approved": the one event field a person reads (issue 23 item
   * 11). Added to what the triggers emit (receive/enrich.ts `eventName`), so optional here.
   */
  event_name?: string;
  /** The vendor's payload, untouched. */
  raw: JsonObject;
};

/** A referred sale and the commission it earns. Money in major units (e.g. 12.5 = $12.50). */
export type ReferralRecord = RecordBase & {
  status?: NormalizedStatus<'referral'>;
  vendor_status?: string;
  previous_status?: NormalizedStatus<'referral'>;
  order_id?: string;
  order_number?: string;
  sale_amount?: number;
  commission_amount?: number;
  currency?: string;
  affiliate_id?: string;
  /**
   * The key of the affiliate's membership (a PartnerStack partnership, `part_…`) where the vendor
   * object names the affiliate only through it: not an affiliate id, so `affiliate_id` stays empty.
   */
  partnership_key?: string;
  affiliate_email?: string;
  affiliate_name?: string;
  customer_email?: string;
  /** ISO-8601 UTC. */
  created_at?: string;
};

/** A person promoting the merchant. */
export type AffiliateRecord = RecordBase & {
  status?: NormalizedStatus<'affiliate'>;
  vendor_status?: string;
  previous_status?: NormalizedStatus<'affiliate'>;
  email?: string;
  first_name?: string;
  last_name?: string;
  name?: string;
  company?: string;
  program_id?: string;
  program_name?: string;
  referral_link?: string;
  coupon_code?: string;
  /** ISO-8601 UTC. */
  created_at?: string;
};

/** Money paid, or to be paid, to an affiliate. Amount in major units. */
export type PayoutRecord = RecordBase & {
  status?: NormalizedStatus<'payout'>;
  vendor_status?: string;
  amount?: number;
  currency?: string;
  affiliate_id?: string;
  /** As on a Referral: the membership key where the payout names the affiliate only through it. */
  partnership_key?: string;
  affiliate_email?: string;
  payment_method?: string;
  /** ISO-8601 UTC. */
  paid_at?: string;
  /** ISO-8601 UTC. */
  created_at?: string;
};

export interface RecordOf {
  referral: ReferralRecord;
  affiliate: AffiliateRecord;
  payout: PayoutRecord;
}

/** What a trigger emits: a normalized record, or (for an unmapped vendor event) the base fields only. */
export type NormalizedOutput = ReferralRecord | AffiliateRecord | PayoutRecord | RecordBase;

/** The normalized field names of a record kind, except the base fields every output has. */
export type RecordField<K extends RecordKind> = Exclude<keyof RecordOf[K], keyof RecordBase>;
