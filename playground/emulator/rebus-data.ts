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
import { isoSeconds, money, unixSeconds } from './rebus-http';

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
export const COMMISSION_APPROVED_EXAMPLE = {
  commission_id: 123,
  affiliate_id: 456,
  affiliate_name: 'John Smith',
  amount: 85.5,
  commission_rate: 15.0,
  order_id: 789,
  product_name: 'Advanced Course',
  approved_by: 'admin@rebusai.com',
  approved_date: '2024-01-20T14:30:00Z',
} as const;

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

const noMetrics = { total_sales: 0, total_commissions: 0, conversion_rate: 0, total_clicks: 0 };

/** A fresh copy of the seeded program (each emulator mutates its own). */
export function seedState(): RebusState {
  const affiliates: RbAffiliate[] = [
    // The documented list-affiliates item, verbatim.
    { id: 123, name: 'John Smith', email: 'john@example.com', status: 'approved', tier: 2, commission_rate: 12.0, join_date: '2024-01-15T10:30:00Z', active: true, phone: null, website: null, performance_metrics: { total_sales: 15000.0, total_commissions: 1800.0, conversion_rate: 12.5, total_clicks: 2500 } },
    { id: 124, name: 'Priya Raman', email: 'priya@ramanreviews.com', status: 'approved', tier: 3, commission_rate: 15.0, join_date: '2024-03-02T08:12:44Z', active: true, phone: '+1 415 555 0188', website: 'https://ramanreviews.com', performance_metrics: { total_sales: 8420.0, total_commissions: 1263.0, conversion_rate: 9.8, total_clicks: 1710 } },
    { id: 125, name: 'Lucas Moreau', email: 'lucas.moreau@cyclegeek.fr', status: 'pending', tier: 1, commission_rate: 10.0, join_date: '2025-09-28T16:03:10Z', active: true, phone: null, website: 'https://cyclegeek.fr', performance_metrics: noMetrics },
    { id: 126, name: 'Aisha Bello', email: 'aisha@bellobeauty.ng', status: 'approved', tier: 1, commission_rate: 10.0, join_date: '2024-11-19T12:47:05Z', active: false, phone: null, website: 'https://bellobeauty.ng', performance_metrics: { total_sales: 1290.0, total_commissions: 129.0, conversion_rate: 4.1, total_clicks: 540 } },
    { id: 127, name: 'Tomasz Nowak', email: 'tomasz@deskhacks.pl', status: 'rejected', tier: 1, commission_rate: 10.0, join_date: '2025-06-07T09:30:21Z', active: false, phone: null, website: 'https://deskhacks.pl', performance_metrics: noMetrics },
    { id: 128, name: 'Emily Carter', email: 'emily.carter@homebrewhub.com', status: 'pending', tier: 1, commission_rate: 10.0, join_date: '2025-10-02T07:55:38Z', active: true, phone: '+44 20 7946 0321', website: 'https://homebrewhub.com', performance_metrics: noMetrics },
  ];
  const commission = (known: Omit<RbCommission, 'approved_date' | 'payment_due_date' | 'payout_id'> & Partial<RbCommission>): RbCommission => ({
    approved_date: null,
    payment_due_date: null,
    payout_id: null,
    ...known,
  });
  const commissions: RbCommission[] = [
    // The documented list-commissions item, verbatim (its amount is the doc's, not 15% of 837.00).
    commission({ id: 567, affiliate_id: 123, order_id: 789, product_name: 'Advanced Marketing Course', commission_amount: 125.5, commission_rate: 15.0, order_total: 837.0, status: 'approved', created_date: '2024-01-15T10:30:00Z', approved_date: '2024-01-16T09:15:00Z', payment_due_date: '2024-01-30T23:59:59Z' }),
    commission({ id: 571, affiliate_id: 123, order_id: 802, product_name: 'SEO Fundamentals', commission_amount: 35.88, commission_rate: 12.0, order_total: 299.0, status: 'paid', created_date: '2025-07-08T14:22:10Z', approved_date: '2025-07-09T10:00:00Z', payment_due_date: '2025-07-31T23:59:59Z', payout_id: 902 }),
    commission({ id: 569, affiliate_id: 124, order_id: 805, product_name: 'Advanced Marketing Course', commission_amount: 125.55, commission_rate: 15.0, order_total: 837.0, status: 'approved', created_date: '2025-08-19T18:40:02Z', approved_date: '2025-08-20T09:12:00Z', payment_due_date: '2025-09-04T23:59:59Z', payout_id: 901 }),
    commission({ id: 570, affiliate_id: 126, order_id: 806, product_name: 'Skincare Business Masterclass', commission_amount: 19.9, commission_rate: 10.0, order_total: 199.0, status: 'rejected', created_date: '2025-08-27T11:05:49Z' }),
    commission({ id: 573, affiliate_id: 124, order_id: 809, product_name: 'Email Copywriting Bootcamp', commission_amount: 64.35, commission_rate: 15.0, order_total: 429.0, status: 'approved', created_date: '2025-09-15T13:18:27Z', approved_date: '2025-09-16T08:45:00Z', payment_due_date: '2025-09-30T23:59:59Z' }),
    commission({ id: 568, affiliate_id: 124, order_id: 810, product_name: 'SEO Fundamentals', commission_amount: 44.85, commission_rate: 15.0, order_total: 299.0, status: 'pending', created_date: '2025-10-03T20:11:56Z' }),
    commission({ id: 572, affiliate_id: 123, order_id: 811, product_name: 'Advanced Marketing Course', commission_amount: 100.44, commission_rate: 12.0, order_total: 837.0, status: 'pending', created_date: '2025-10-05T09:27:14Z' }),
  ];
  const payouts: RbPayout[] = [
    { id: 902, batch_id: 'PAYOUT_2025_07_001', affiliate_id: 123, amount: 35.88, payment_method: 'paypal', status: 'processed', commission_count: 1, description: 'July 2025 Payouts', created_date: '2025-07-31T15:30:00Z', scheduled_date: '2025-08-01T00:00:00Z', processed_date: '2025-08-01T09:02:11Z' },
    { id: 903, batch_id: 'PAYOUT_2025_07_001', affiliate_id: 126, amount: 129.0, payment_method: 'bank_transfer', status: 'failed', commission_count: 4, description: 'July 2025 Payouts', created_date: '2025-07-31T15:30:00Z', scheduled_date: '2025-08-01T00:00:00Z', processed_date: null },
    { id: 901, batch_id: 'PAYOUT_2025_09_001', affiliate_id: 124, amount: 125.55, payment_method: 'paypal', status: 'pending', commission_count: 1, description: 'September 2025 Payouts', created_date: '2025-09-30T15:30:00Z', scheduled_date: '2025-10-01T00:00:00Z', processed_date: null },
  ];
  return { affiliates, commissions, payouts };
}
