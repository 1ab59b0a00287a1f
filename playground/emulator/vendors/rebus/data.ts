/**
 * Rebus AI's objects as the emulator stores and shows them, the documented commission.approved
 * payload, constructed payloads for the other events, and the seeded example program
 * (platforms README §4; payloads/rebus and its api-examples).
 *
 * Units: money in major units as JSON numbers (`125.5` = 125.50) [DOC-3P]; dates ISO-8601 UTC
 * without fractions (`2024-01-15T10:30:00Z`) [DOC-3P]; ids integers [DOC-3P].
 * List items follow the documented list examples (status as `{value, display}`); webhook `data`
 * is constructed, except commission.approved, from the documented field names, with plain status
 * strings (our choice: the documented webhook example carries no status).
 */
import { seedCopy } from '../../common/seed';
import { isoSeconds, unixSeconds } from '../../common/time';
import examples from './examples.json';
import seed from './seed.json';
import { money } from './http';

export type AffiliateStatus = 'pending' | 'approved' | 'rejected';
export type CommissionStatus = 'pending' | 'approved' | 'rejected' | 'paid';
/** Payout statuses: `pending` [DOC-3P generate response]; `processed` / `failed` from the event names [INF]. */
export type PayoutStatus = 'pending' | 'processed' | 'failed';

export const AFFILIATE_STATUSES: readonly AffiliateStatus[] = ['pending', 'approved', 'rejected'];
export const COMMISSION_STATUSES: readonly CommissionStatus[] = ['pending', 'approved', 'rejected', 'paid'];
export const PAYOUT_STATUSES: readonly PayoutStatus[] = ['pending', 'processed', 'failed'];

/** An affiliate as stored (documented list-item fields, metrics included). */
export interface RbAffiliate {
  id: number;
  name: string;
  email: string;
  status: AffiliateStatus;
  tier: number;
  commission_rate: number;
  join_date: string;
  active: boolean;
  phone: string | null;
  website: string | null;
  performance_metrics: { total_sales: number; total_commissions: number; conversion_rate: number; total_clicks: number };
}

/** A commission as stored; `payout_id` (internal) links it to the payout that pays it. */
export interface RbCommission {
  id: number;
  affiliate_id: number;
  order_id: number;
  product_name: string;
  commission_amount: number;
  commission_rate: number;
  order_total: number;
  status: CommissionStatus;
  created_date: string;
  approved_date: string | null;
  payment_due_date: string | null;
  payout_id: number | null;
}

/** A payout as stored (one affiliate's share of a batch; fields from the generate example plus the brief's event fields). */
export interface RbPayout {
  id: number;
  batch_id: string;
  affiliate_id: number;
  amount: number;
  payment_method: string;
  status: PayoutStatus;
  commission_count: number;
  description: string | null;
  created_date: string;
  scheduled_date: string | null;
  processed_date: string | null;
}

/** One program's data; arrays in creation order. */
export interface RebusState {
  affiliates: RbAffiliate[];
  commissions: RbCommission[];
  payouts: RbPayout[];
}

/** Verbatim [DOC-3P] commission.approved `data` (payloads/rebus/commission.approved.json). */
export const COMMISSION_APPROVED_EXAMPLE = examples['commission.approved'];

function titled(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** A DRF-style choice field as the documented lists show it: `{"value": "approved", "display": "Approved"}`. */
export function choiceView(value: string): { value: string; display: string } {
  return { value, display: titled(value) };
}

export function affiliateById(state: RebusState, id: number): RbAffiliate | undefined {
  return state.affiliates.find((affiliate) => affiliate.id === id);
}

function nameOf(state: RebusState, affiliateId: number): string {
  return affiliateById(state, affiliateId)?.name ?? '';
}

/** An affiliate as GET /affiliates/ lists it (documented item, plus `phone` / `website` from the create body). */
export function affiliateView(affiliate: RbAffiliate): Record<string, unknown> {
  return { ...affiliate, status: choiceView(affiliate.status), performance_metrics: { ...affiliate.performance_metrics } };
}

/** A commission as GET /commissions/ lists it (documented item; `payout_id` hidden). */
export function commissionView(state: RebusState, commission: RbCommission): Record<string, unknown> {
  const { payout_id: _payoutId, status, ...rest } = commission;
  return { ...rest, affiliate_name: nameOf(state, commission.affiliate_id), status: choiceView(status) };
}

/** A payout as GET /payouts/ lists it (item shape our choice: the stored fields, status as `{value, display}`). */
export function payoutView(state: RebusState, payout: RbPayout): Record<string, unknown> {
  return { ...payout, affiliate_name: nameOf(state, payout.affiliate_id), status: choiceView(payout.status) };
}

/** Constructed affiliate.* data: `{affiliate_id, id, name, email, status, tier, join_date}`. */
export function affiliatePayload(affiliate: RbAffiliate): Record<string, unknown> {
  return { affiliate_id: affiliate.id, id: affiliate.id, name: affiliate.name, email: affiliate.email, status: affiliate.status, tier: affiliate.tier, join_date: affiliate.join_date };
}

/** Constructed commission.* data, with the documented example's names (`commission_id`, `amount`) and the list's (`order_total`, `status`, `created_date`). */
export function commissionPayload(state: RebusState, commission: RbCommission): Record<string, unknown> {
  return {
    commission_id: commission.id,
    affiliate_id: commission.affiliate_id,
    affiliate_name: nameOf(state, commission.affiliate_id),
    amount: commission.commission_amount,
    commission_rate: commission.commission_rate,
    order_id: commission.order_id,
    order_total: commission.order_total,
    product_name: commission.product_name,
    status: commission.status,
    created_date: commission.created_date,
  };
}

/** Constructed payout.* data: `{payout_id, batch_id, affiliate_id, affiliate_name, amount, payment_method, status, created_date, processed_date}`. */
export function payoutPayload(state: RebusState, payout: RbPayout): Record<string, unknown> {
  return {
    payout_id: payout.id,
    batch_id: payout.batch_id,
    affiliate_id: payout.affiliate_id,
    affiliate_name: nameOf(state, payout.affiliate_id),
    amount: payout.amount,
    payment_method: payout.payment_method,
    status: payout.status,
    created_date: payout.created_date,
    processed_date: payout.processed_date,
  };
}

/** Constructed conversion.recorded data: the sale behind a commission. */
export function conversionPayload(state: RebusState, commission: RbCommission): Record<string, unknown> {
  return {
    conversion_id: 30000 + commission.id,
    commission_id: commission.id,
    affiliate_id: commission.affiliate_id,
    affiliate_name: nameOf(state, commission.affiliate_id),
    order_id: commission.order_id,
    order_total: commission.order_total,
    product_name: commission.product_name,
    created_date: commission.created_date,
  };
}

/** Constructed link.clicked data (link fields from the documented generate-link example); `timestamp` unix s. */
export function linkClickedPayload(affiliate: RbAffiliate, now: number): Record<string, unknown> {
  return {
    link_id: 789,
    affiliate_id: affiliate.id,
    product_id: 456,
    url: `https://rebusai.com/product/awesome-course?ref=AFFILIATE${affiliate.id}&utm_source=email`,
    short_url: 'https://rebusai.co/a/abc123',
    referrer: 'https://mail.google.com/',
    country: 'US',
    device: 'desktop',
    timestamp: unixSeconds(now),
  };
}

/** Constructed code.redeemed data; `discount_amount` / `order_total` major units, `timestamp` unix s. */
export function codeRedeemedPayload(affiliate: RbAffiliate, now: number): Record<string, unknown> {
  return {
    code: 'SAVE20',
    affiliate_id: affiliate.id,
    affiliate_name: affiliate.name,
    order_id: 812,
    order_total: 249.0,
    discount_amount: money(249.0 * 0.2),
    timestamp: unixSeconds(now),
  };
}

/** The next payout batch id in the documented style `PAYOUT_2024_01_001` (month of `now`, numbered within it). */
export function nextBatchId(state: RebusState, now: number): string {
  const iso = isoSeconds(now);
  const prefix = `PAYOUT_${iso.slice(0, 4)}_${iso.slice(5, 7)}_`;
  const taken = new Set(state.payouts.map((payout) => payout.batch_id));
  let number = 1;
  while (taken.has(`${prefix}${String(number).padStart(3, '0')}`)) number += 1;
  return `${prefix}${String(number).padStart(3, '0')}`;
}

/**
 * A fresh copy of the seeded program (each emulator mutates its own), from `seed.json`. Verbatim
 * [DOC-3P]: affiliate 123 (the documented list-affiliates item) and commission 567 (the documented
 * list-commissions item; its amount is the doc's, not 15% of 837.00). Everything else is
 * constructed, consistent across objects (a commission's affiliate and payout exist).
 */
export function seedState(): RebusState {
  return seedCopy<RebusState>(seed);
}
