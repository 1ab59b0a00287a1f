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
export const PAYMENT_PAID_EXAMPLE: UpPayment = {
  payment_id: 26154,
  affiliate_id: 2014227,
  status: 'SUCCESS',
  affiliate_email: 'test223@gmail.com',
  total_referrals: 1,
  total_processed: 100,
  payment_method: 'debit',
  processed_at: '2025-09-24T10:52:59Z',
};

/** Unix ms → `2025-09-24T10:52:59Z` (the documented timestamp style: UTC, whole seconds). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

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

/** A fresh copy of the seeded store (each emulator mutates its own). */
export function seedState(): UpPromoteState {
  const standard: UpProgram = {
    id: 29486, // the program id of the documented referral.new fragment
    name: 'Brightlane Partners',
    status: 'active',
    is_default: true,
    commission_type: 'percentage',
    commission_rate: '10.00',
    created_at: '2024-11-04T09:12:40Z',
  };
  const creators: UpProgram = {
    id: 29873,
    name: 'Creators Program',
    status: 'active',
    is_default: false,
    commission_type: 'percentage',
    commission_rate: '15.00',
    created_at: '2025-02-17T13:45:02Z',
  };

  const affiliates: StoredAffiliate[] = [
    makeAffiliate({
      id: 2014227, // the affiliate of the documented payment.paid example
      email: 'test223@gmail.com',
      first_name: 'Test',
      last_name: '223',
      status: 'active',
      email_verified: 'verified',
      country: 'US',
      program_id: standard.id,
      payment_method: 'debit',
      created_at: '2025-06-12T08:03:19Z',
    }),
    makeAffiliate({
      id: 2029238, // documented affiliate.new fragment
      email: 'test233@gmail.com',
      first_name: 'Test',
      last_name: '233',
      status: 'inactive',
      email_verified: 'unverified',
      program_id: standard.id,
      created_at: '2025-09-22T11:40:51Z',
    }),
    makeAffiliate({
      id: 2029241, // documented affiliate.inactive fragment
      email: 'test234@gmail.com',
      first_name: 'Test',
      last_name: '234',
      status: 'inactive',
      email_verified: 'verified',
      company: '1',
      program_id: standard.id,
      created_at: '2025-09-22T11:58:07Z',
    }),
    makeAffiliate({
      id: 2031502,
      email: 'maya.chen@brightlane-creators.com',
      first_name: 'Maya',
      last_name: 'Chen',
      status: 'active',
      email_verified: 'verified',
      company: 'Maya Makes Studio',
      address: '1420 Alder Street',
      city: 'Portland',
      state: 'OR',
      zipcode: '97205',
      country: 'US',
      phone: '+1 503 555 0142',
      instagram: 'https://instagram.com/mayamakes',
      website: 'https://mayamakes.studio',
      program_id: creators.id,
      coupons: ['MAYA15'],
      custom_fields: [{ label: 'Audience size', value: '48k' }],
      payment_method: 'paypal',
      payment_info: { paypal_email: 'payouts@mayamakes.studio' },
      created_at: '2025-03-02T17:22:45Z',
    }),
    makeAffiliate({
      id: 2031877,
      email: 'jonas.weber@trailpost.de',
      first_name: 'Jonas',
      last_name: 'Weber',
      status: 'pending',
      email_verified: 'unverified',
      company: 'Trailpost',
      city: 'Freiburg',
      country: 'DE',
      website: 'https://trailpost.de',
      program_id: standard.id,
      up_line_affiliate_id: 2031502,
      up_line_affiliate_email: 'maya.chen@brightlane-creators.com',
      created_at: '2025-10-01T07:55:13Z',
    }),
  ];

  const referral = (known: Omit<StoredReferral, 'commission_adjustment' | 'refund_id' | 'coupon_applied'> & Partial<StoredReferral>): StoredReferral => ({
    commission_adjustment: '0.00',
    refund_id: null,
    coupon_applied: null,
    ...known,
  });
  const referrals: StoredReferral[] = [
    referral({
      id: 1781959, // documented referral.new fragment: a manual referral without an order
      order_id: null,
      order_number: null,
      customer_id: null,
      quantity: null,
      total_sales: '0.00',
      commission_rule: { ...ruleOf(standard), commission_type: 'fixed_amount', commission_rate: '25.00' },
      status: 'pending',
      commission: '25.00',
      tracking_type: 'manual',
      affiliate_id: 2014227,
      customer_email: null,
      created_at: '2025-09-08T10:17:33Z',
    }),
    referral({
      id: 1782350, // paid in the documented payment 26154 (1 referral, 100 processed)
      order_id: 6108213379245,
      order_number: '#1038',
      customer_id: 7702148833581,
      quantity: 1,
      total_sales: '1000.00',
      commission_rule: ruleOf(standard),
      status: 'paid',
      commission: '100.00',
      tracking_type: 'link',
      affiliate_id: 2014227,
      customer_email: 'olivia.hart@fastmail.com',
      created_at: '2025-09-10T15:02:11Z',
    }),
    referral({
      id: 1782377,
      order_id: 6108265508141,
      order_number: '#1040',
      customer_id: 7702199623981,
      quantity: 3,
      total_sales: '240.00',
      commission_rule: ruleOf(standard),
      status: 'denied',
      commission: '24.00',
      refund_id: 1044558999853,
      tracking_type: 'link',
      affiliate_id: 2014227,
      customer_email: 'daniel.okafor@gmail.com',
      created_at: '2025-09-27T12:44:09Z',
    }),
    referral({
      id: 1782398,
      order_id: 6108239441709,
      order_number: '#1039',
      customer_id: 7702171246893,
      quantity: 1,
      total_sales: '86.50',
      commission_rule: ruleOf(creators),
      status: 'approved',
      commission: '12.98',
      tracking_type: 'coupon',
      affiliate_id: 2031502,
      coupon_applied: 'MAYA15',
      customer_email: 'priya.raman@outlook.com',
      created_at: '2025-09-26T19:31:56Z',
    }),
    referral({
      id: 1782410,
      order_id: 6108290183469,
      order_number: '#1041',
      customer_id: 7702230589741,
      quantity: 2,
      total_sales: '120.00',
      commission_rule: ruleOf(creators),
      status: 'pending',
      commission: '18.00',
      tracking_type: 'link',
      affiliate_id: 2031502,
      customer_email: 'lucas.moreau@proton.me',
      created_at: '2025-10-02T14:31:07Z',
    }),
    referral({
      id: 1782455,
      order_id: 6108317020461,
      order_number: '#1042',
      customer_id: 7702264406317,
      quantity: 1,
      total_sales: '59.90',
      commission_rule: ruleOf(standard),
      status: 'pending',
      commission: '5.99',
      tracking_type: 'link',
      affiliate_id: 2014227,
      customer_email: 'hannah.lee@icloud.com',
      created_at: '2025-10-03T09:05:44Z',
    }),
  ];

  const payments: UpPayment[] = [
    {
      payment_id: 26101,
      affiliate_id: 2031502,
      status: 'SUCCESS',
      affiliate_email: 'maya.chen@brightlane-creators.com',
      total_referrals: 3,
      total_processed: 41.25,
      payment_method: 'paypal',
      processed_at: '2025-08-31T16:00:12Z',
    },
    { ...PAYMENT_PAID_EXAMPLE },
  ];

  return { programs: [standard, creators], affiliates, referrals, payments, apiCreatedAffiliates: new Map() };
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
