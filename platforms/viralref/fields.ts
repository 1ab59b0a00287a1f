/**
 * ViralRef payloads → normalized records. No payload is published, so every path here is
 * INFERRED from common webhook conventions: each field lists candidate paths, tried in order, for
 * the object inside an envelope (`data.<object>.x`, `data.x`), nested at the top (`<object>.x`) or
 * flat (`x`). Whatever the shape, the whole body is kept under `raw`. Money is read as a decimal in
 * major units [INF: unknown whether ViralRef sends cents].
 */
import type { Conversion, FieldSource, PlatformDefinition, RecordSupplements } from '../types';

/** Where a ViralRef object may sit: in an envelope's data, nested under its own name, or flat. */
function candidates(object: string, names: readonly string[]): string[] {
  const prefixes = [`data.${object}.`, 'data.object.', 'data.', `${object}.`, ''];
  return prefixes.flatMap((prefix) => names.map((name) => prefix + name));
}

/** A field read from the first candidate path present, optionally converted. */
function from(object: string, names: readonly string[], convert?: Conversion): FieldSource {
  return convert === undefined ? { path: candidates(object, names) } : { path: candidates(object, names), convert };
}

/** Object ids first; the envelope's own id last, so a verified delivery always has one. */
const idOf = (object: string): FieldSource => ({ path: [...candidates(object, ['id', 'uuid', `${object}_id`]), 'event_id', 'webhook_id'] });

const AFFILIATE_ID = ['affiliate_id', 'affiliate.id', 'referrer_id', 'referrer.id'];
const AFFILIATE_EMAIL = ['affiliate_email', 'affiliate.email', 'referrer_email', 'referrer.email'];
const CREATED = ['created_at', 'createdAt', 'created'];

export const VIRALREF_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: idOf('conversion'),
    status: from('conversion', ['status', 'state'], 'status'),
    previous_status: from('conversion', ['previous_status', 'previous.status'], 'status'),
    order_id: from('conversion', ['order_id', 'orderId', 'external_id', 'order.id', 'transaction_id']),
    order_number: from('conversion', ['order_number', 'order.number']),
    sale_amount: from('conversion', ['amount', 'sale_amount', 'order_total', 'order_amount', 'revenue', 'total'], 'decimal'),
    commission_amount: from('conversion', ['commission', 'commission_amount', 'reward', 'reward_amount', 'payout_amount'], 'decimal'),
    currency: from('conversion', ['currency', 'currency_code'], 'upper'),
    affiliate_id: from('conversion', AFFILIATE_ID),
    affiliate_email: from('conversion', AFFILIATE_EMAIL),
    affiliate_name: from('conversion', ['affiliate_name', 'affiliate.name', 'referrer_name', 'referrer.name']),
    customer_email: from('conversion', ['customer_email', 'customer.email', 'buyer_email']),
    created_at: from('conversion', CREATED, 'time'),
  },
  affiliate: {
    id: idOf('affiliate'),
    status: from('affiliate', ['status', 'state'], 'status'),
    previous_status: from('affiliate', ['previous_status', 'previous.status'], 'status'),
    email: from('affiliate', ['email']),
    first_name: from('affiliate', ['first_name', 'firstName']),
    last_name: from('affiliate', ['last_name', 'lastName']),
    name: from('affiliate', ['name', 'full_name']),
    company: from('affiliate', ['company', 'company_name']),
    program_id: from('affiliate', ['program_id', 'campaign_id', 'program.id', 'campaign.id']),
    program_name: from('affiliate', ['program_name', 'campaign_name', 'program.name', 'campaign.name']),
    referral_link: from('affiliate', ['referral_link', 'referral_url', 'link', 'share_url']),
    coupon_code: from('affiliate', ['coupon_code', 'coupon', 'referral_code', 'code']),
    created_at: from('affiliate', CREATED, 'time'),
  },
  payout: {
    id: idOf('payout'),
    status: from('payout', ['status', 'state'], 'status'),
    amount: from('payout', ['amount', 'total', 'total_amount'], 'decimal'),
    currency: from('payout', ['currency', 'currency_code'], 'upper'),
    affiliate_id: from('payout', AFFILIATE_ID),
    affiliate_email: from('payout', AFFILIATE_EMAIL),
    payment_method: from('payout', ['payment_method', 'method']),
    paid_at: from('payout', ['paid_at', 'paidAt'], 'time'),
    created_at: from('payout', CREATED, 'time'),
  },
};

/**
 * Status words (lower-cased) → normalized. The page names conversion statuses "approved, rejected,
 * fraud" [DOC]; every other word is INFERRED from common usage.
 */
export const VIRALREF_STATUSES: PlatformDefinition['statuses'] = {
  referral: {
    pending: 'pending',
    approved: 'approved',
    rejected: 'denied',
    denied: 'denied',
    declined: 'denied',
    fraud: 'fraud',
    fraudulent: 'fraud',
    paid: 'paid',
    refunded: 'refunded',
  },
  affiliate: {
    active: 'active',
    approved: 'active',
    pending: 'pending',
    inactive: 'inactive',
    disabled: 'inactive',
    rejected: 'denied',
    denied: 'denied',
    removed: 'removed',
    deleted: 'removed',
  },
  payout: { pending: 'pending', created: 'pending', processing: 'pending', paid: 'paid', completed: 'paid', failed: 'failed' },
};

/**
 * What ViralRef cannot give: its documented events name only "Payout created" (a batch), with no
 * paid event and no API to read payouts [DOC: api-webhooks page], so a payment time never arrives.
 */
export const VIRALREF_SUPPLEMENTS: RecordSupplements = {
  unavailable: {
    payout: { paid_at: 'ViralRef documents only a "Payout created" event (a new batch), no paid event and no API [DOC: viralref.com/docs/api-webhooks]' },
  },
};
