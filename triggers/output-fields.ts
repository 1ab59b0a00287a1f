/**
 * Labelled output fields of the normalized records (DESIGN.md section 2), shared by every trigger,
 * action and search that returns the record kind.
 */
import type { RecordKind } from '../platforms/records';

/** Zapier's output-field shape, restricted to what the records use. */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'datetime';
}

const BASE: OutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'platform', label: 'Platform' },
  { key: 'event', label: 'Event' },
  { key: 'vendor_event', label: 'Platform Event Name' },
];

const STATUS: OutputField[] = [
  { key: 'status', label: 'Status' },
  { key: 'vendor_status', label: 'Status on Platform' },
];

const BY_KIND: Record<RecordKind, OutputField[]> = {
  referral: [
    ...BASE,
    ...STATUS,
    { key: 'previous_status', label: 'Previous Status' },
    { key: 'order_id', label: 'Order ID' },
    { key: 'order_number', label: 'Order Number' },
    { key: 'sale_amount', label: 'Sale Amount', type: 'number' },
    { key: 'commission_amount', label: 'Commission Amount', type: 'number' },
    { key: 'currency', label: 'Currency' },
    { key: 'affiliate_id', label: 'Affiliate ID' },
    { key: 'affiliate_email', label: 'Affiliate Email' },
    { key: 'affiliate_name', label: 'Affiliate Name' },
    { key: 'customer_email', label: 'Customer Email' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
  affiliate: [
    ...BASE,
    ...STATUS,
    { key: 'previous_status', label: 'Previous Status' },
    { key: 'email', label: 'Email' },
    { key: 'first_name', label: 'First Name' },
    { key: 'last_name', label: 'Last Name' },
    { key: 'name', label: 'Full Name' },
    { key: 'company', label: 'Company' },
    { key: 'program_id', label: 'Program ID' },
    { key: 'program_name', label: 'Program Name' },
    { key: 'referral_link', label: 'Referral Link' },
    { key: 'coupon_code', label: 'Coupon Code' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
  payout: [
    ...BASE,
    ...STATUS,
    { key: 'amount', label: 'Amount', type: 'number' },
    { key: 'currency', label: 'Currency' },
    { key: 'affiliate_id', label: 'Affiliate ID' },
    { key: 'affiliate_email', label: 'Affiliate Email' },
    { key: 'payment_method', label: 'Payment Method' },
    { key: 'paid_at', label: 'Paid At', type: 'datetime' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
};

/** Output fields of a record kind. */
export function outputFieldsFor(kind: RecordKind): OutputField[] {
  return BY_KIND[kind];
}

/** Output fields of a trigger whose record kind depends on the event chosen (New Platform Event): every kind's, once. */
export function anyRecordOutputFields(): OutputField[] {
  const byKey = new Map<string, OutputField>();
  for (const field of [...BY_KIND.referral, ...BY_KIND.affiliate, ...BY_KIND.payout]) if (!byKey.has(field.key)) byKey.set(field.key, field);
  return [...byKey.values()];
}
