/**
 * UpPromote's objects as the emulator stores and shows them, and the seeded example store.
 *
 * Source: platforms README §1 "Payloads" / "Polling / list endpoints". Field lists are [INF]
 * (PostHog's column docs for GET /referrals and GET /affiliates), documented fragments [DOC] are
 * reused with their ids and values (referral 1781959, affiliates 2029238 / 2029241, payment
 * 26154). Every other value is constructed from the documented field lists, not a documented
 * example: realistic, and consistent across objects (a referral's affiliate exists, etc.).
 * Money is a decimal string in major units ("120.00") as in the documented referral fragment;
 * times are ISO-8601 UTC without fractions, as in the documented payment.paid example.
 */
import { seedCopy } from '../../common/seed';
import examples from './examples.json';
import seed from './seed.json';

export type ReferralStatus = 'pending' | 'approved' | 'denied' | 'paid';
/** [DOC] get-affiliates page: `active | inactive | pending`. */
export type AffiliateStatus = 'active' | 'inactive' | 'pending';
/** [DOC] GET /payments/paid filter values. */
export const PAYMENT_METHODS = ['paypal', 'bank', 'wise', 'debit', 'cheque', 'venmo', 'paytm', 'upi', 'store_credit', 'other'] as const;

/** Program shape: our choice (the list endpoint is [DOC], its item fields are not readable). */
export interface UpProgram {
  id: number;
  name: string;
  status: 'active' | 'inactive';
  is_default: boolean;
  commission_type: 'percentage' | 'fixed_amount';
  commission_rate: string;
  created_at: string;
}

/** The rule that priced a referral, snapshotted when it was created ([INF]: "program/rate/type"). */
export interface CommissionRule {
  program_id: number;
  program_name: string;
  commission_type: 'percentage' | 'fixed_amount';
  commission_rate: string;
}

/** An affiliate as stored; program_name and the amount totals are derived when shown. */
export interface StoredAffiliate {
  id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: AffiliateStatus;
  email_verified: 'verified' | 'unverified';
  company: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  phone: string | null;
  facebook: string | null;
  twitter: string | null;
  youtube: string | null;
  instagram: string | null;
  website: string | null;
  tiktok: string | null;
  w9_form: string | null;
  internal_note: string | null;
  personal_detail: string | null;
  created_at: string;
  default_affiliate_link: string;
  custom_affiliate_link: string | null;
  program_id: number;
  /** Our choice: `{ label, value }` pairs (the type is not documented). */
  custom_fields: { label: string; value: string }[];
  /** Our choice: coupon codes as strings (the type is not documented). */
  coupons: string[];
  vat_number: string | null;
  tax_value: string | null;
  up_line_affiliate_id: number | null;
  up_line_affiliate_email: string | null;
  payment_method: string | null;
  payment_info: Record<string, string> | null;
}

/** A referral as stored; the nested `affiliate` is derived when shown. */
export interface StoredReferral {
  id: number;
  order_id: number | null;
  order_number: string | null;
  customer_id: number | null;
  quantity: number | null;
  total_sales: string;
  commission_rule: CommissionRule;
  commission_adjustment: string;
  status: ReferralStatus;
  commission: string;
  refund_id: number | null;
  tracking_type: 'link' | 'coupon' | 'manual';
  affiliate_id: number;
  coupon_applied: string | null;
  customer_email: string | null;
  created_at: string;
}

/** Same fields as the documented payment.paid payload [DOC]; that list items look like it is [INF] ("paid payments carry payment_id"). */
export interface UpPayment {
  payment_id: number;
  affiliate_id: number;
  status: 'SUCCESS';
  affiliate_email: string;
  total_referrals: number;
  total_processed: number;
  payment_method: string;
  processed_at: string;
}

/** One store's data; arrays are in creation order. */
export interface UpPromoteState {
  programs: UpProgram[];
  affiliates: StoredAffiliate[];
  referrals: StoredReferral[];
  payments: UpPayment[];
  /** Affiliates created through the API per UTC day (`YYYY-MM-DD`), for the 150/day cap [INF]. */
  apiCreatedAffiliates: Map<string, number>;
}

/** The shop the seeded links point at. */
export const SHOP_DOMAIN = 'brightlane-goods.myshopify.com';

/** Verbatim [DOC] https://aff-api.uppromote.com/docs/v2/payment-paid-21937964e0 (payloads/uppromote/payment.paid.json). */
export const PAYMENT_PAID_EXAMPLE: UpPayment = seedCopy<UpPayment>(examples['payment.paid']);

/** A number → the money string style of the documented referral fragment ("0.00"). */
export function money(amount: number): string {
  return amount.toFixed(2);
}

/** The affiliate link style UpPromote shows (`?sca_ref=<id>.<token>`); the token is invented. */
export function affiliateLink(id: number): string {
  return `https://${SHOP_DOMAIN}?sca_ref=${id}.${id.toString(36).toUpperCase()}k2Qx`;
}

/** An affiliate with every documented field, optional ones null; callers pass what they know. */
export function makeAffiliate(known: Pick<StoredAffiliate, 'id' | 'email' | 'status' | 'program_id' | 'created_at'> & Partial<StoredAffiliate>): StoredAffiliate {
  return {
    first_name: null,
    last_name: null,
    email_verified: 'unverified',
    company: null,
    address: null,
    city: null,
    state: null,
    zipcode: null,
    country: null,
    phone: null,
    facebook: null,
    twitter: null,
    youtube: null,
    instagram: null,
    website: null,
    tiktok: null,
    w9_form: null,
    internal_note: null,
    personal_detail: null,
    default_affiliate_link: affiliateLink(known.id),
    custom_affiliate_link: null,
    custom_fields: [],
    coupons: [],
    vat_number: null,
    tax_value: null,
    up_line_affiliate_id: null,
    up_line_affiliate_email: null,
    payment_method: null,
    payment_info: null,
    ...known,
  };
}

/** The referral's pricing rule under a program. */
export function ruleOf(program: UpProgram): CommissionRule {
  return { program_id: program.id, program_name: program.name, commission_type: program.commission_type, commission_rate: program.commission_rate };
}

/**
 * A fresh copy of the seeded store (each emulator mutates its own), from `seed.json`. Ids taken
 * from documented fragments: program 29486 (referral.new's program), affiliate 2014227 (the
 * payment.paid example's, paid in payment 26154 for referral 1782350), affiliates 2029238 /
 * 2029241 (affiliate.new / affiliate.inactive fragments), referral 1781959 (referral.new: a manual
 * referral without an order); payment 26154 is the documented example. Every other value is
 * constructed, consistent across objects (a referral's affiliate and program exist).
 */
export function seedState(): UpPromoteState {
  return { ...seedCopy<Omit<UpPromoteState, 'apiCreatedAffiliates'>>(seed), apiCreatedAffiliates: new Map() };
}

function sum(values: string[]): string {
  return money(values.reduce((total, value) => total + Number(value), 0));
}

/**
 * An affiliate as the API and the affiliate.* webhooks show it: the [INF] field list in README
 * order, with program_name and the paid / approved / pending / denied totals (money strings)
 * derived from the store.
 */
export function affiliateView(state: UpPromoteState, affiliate: StoredAffiliate): Record<string, unknown> {
  const own = state.referrals.filter((referral) => referral.affiliate_id === affiliate.id);
  const total = (status: ReferralStatus): string => sum(own.filter((referral) => referral.status === status).map((referral) => referral.commission));
  const paid = state.payments.filter((payment) => payment.affiliate_id === affiliate.id).reduce((amount, payment) => amount + payment.total_processed, 0);
  const a = affiliate;
  return {
    id: a.id,
    email: a.email,
    first_name: a.first_name,
    last_name: a.last_name,
    status: a.status,
    email_verified: a.email_verified,
    company: a.company,
    address: a.address,
    city: a.city,
    state: a.state,
    zipcode: a.zipcode,
    country: a.country,
    phone: a.phone,
    facebook: a.facebook,
    twitter: a.twitter,
    youtube: a.youtube,
    instagram: a.instagram,
    website: a.website,
    tiktok: a.tiktok,
    w9_form: a.w9_form,
    internal_note: a.internal_note,
    personal_detail: a.personal_detail,
    created_at: a.created_at,
    default_affiliate_link: a.default_affiliate_link,
    custom_affiliate_link: a.custom_affiliate_link,
    program_id: a.program_id,
    program_name: state.programs.find((program) => program.id === a.program_id)?.name ?? null,
    custom_fields: a.custom_fields.map((field) => ({ ...field })),
    coupons: [...a.coupons],
    vat_number: a.vat_number,
    tax_value: a.tax_value,
    up_line_affiliate_id: a.up_line_affiliate_id,
    up_line_affiliate_email: a.up_line_affiliate_email,
    payment_method: a.payment_method,
    payment_info: a.payment_info === null ? null : { ...a.payment_info },
    paid_amount: money(paid),
    approved_amount: total('approved'),
    pending_amount: total('pending'),
    denied_amount: total('denied'),
  };
}

/**
 * A referral as the API and the referral.* webhooks show it: the [INF] field list in README order,
 * with the nested `affiliate {id, email, first_name, last_name}` [INF] in place of affiliate_id.
 */
export function referralView(state: UpPromoteState, referral: StoredReferral): Record<string, unknown> {
  const r = referral;
  const affiliate = state.affiliates.find((candidate) => candidate.id === r.affiliate_id);
  return {
    id: r.id,
    order_id: r.order_id,
    order_number: r.order_number,
    customer_id: r.customer_id,
    quantity: r.quantity,
    total_sales: r.total_sales,
    commission_rule: { ...r.commission_rule },
    commission_adjustment: r.commission_adjustment,
    status: r.status,
    commission: r.commission,
    refund_id: r.refund_id,
    tracking_type: r.tracking_type,
    affiliate: {
      id: r.affiliate_id,
      email: affiliate?.email ?? null,
      first_name: affiliate?.first_name ?? null,
      last_name: affiliate?.last_name ?? null,
    },
    coupon_applied: r.coupon_applied,
    customer_email: r.customer_email,
    created_at: r.created_at,
  };
}
