/**
 * UpPromote objects → normalized records.
 * Field names: the documented payment.paid example and the documented fragments of referral.new /
 * affiliate.new [DOC]; the rest of the referral and affiliate objects from PostHog's column docs for
 * `GET /referrals` and `GET /affiliates` and code reading live payloads [INF]. Money is a decimal
 * string in the shop's currency (e.g. "120.00"), which no payload names [INF], so `currency` stays unset.
 *
 * Recorded from the live v1 API [DOC-3P: Airbyte source-uppromote `manifest.yaml`, streams tested
 * against a real account]: a referral's `created_at` is epoch seconds (cursor format `%s`) and it
 * also carries a top-level `affiliate_id`; an affiliate's time is `created_at_timestamp` (a number);
 * a coupon names its code `coupon` (and its time `created_timestamp`). v2's forms are not recorded
 * [UNK], so every time goes through `time` (ISO text or epoch seconds / ms) and both names are read.
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const UPPROMOTE_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    order_id: 'order_id',
    order_number: 'order_number',
    sale_amount: { path: 'total_sales', convert: 'decimal' },
    commission_amount: { path: 'commission', convert: 'decimal' },
    affiliate_id: { path: ['affiliate.id', 'affiliate_id'] },
    affiliate_email: 'affiliate.email',
    affiliate_name: { join: ['affiliate.first_name', 'affiliate.last_name'] },
    customer_email: 'customer_email',
    created_at: { path: 'created_at', convert: 'time' },
  },
  affiliate: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    email: 'email',
    first_name: 'first_name',
    last_name: 'last_name',
    company: 'company',
    program_id: 'program_id',
    program_name: 'program_name',
    referral_link: { path: ['custom_affiliate_link', 'default_affiliate_link'] },
    // `coupon` is the recorded name of a coupon's code [DOC-3P: Airbyte coupons schema]; `code` and a
    // bare string are kept for other renderings of the `coupons` array [INF].
    coupon_code: { path: ['coupons.0.coupon', 'coupons.0.code', 'coupons.0', 'coupon'] },
    created_at: { path: ['created_at', 'created_at_timestamp', 'created_timestamp'], convert: 'time' },
  },
  payout: {
    id: 'payment_id',
    status: { path: 'status', convert: 'status' },
    amount: { path: 'total_processed', convert: 'decimal' },
    affiliate_id: 'affiliate_id',
    affiliate_email: 'affiliate_email',
    payment_method: 'payment_method',
    paid_at: { path: 'processed_at', convert: 'time' },
    created_at: { path: 'created_at', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized. Referral `pending|approved|denied|paid`, affiliate
 * `active|inactive|pending` [DOC: get-affiliates]; payment `SUCCESS` [DOC: payment.paid example];
 * the approve/deny action's `approved|denied` values [DOC].
 */
export const UPPROMOTE_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', approved: 'approved', denied: 'denied', paid: 'paid', refunded: 'refunded' },
  affiliate: { active: 'active', approved: 'active', inactive: 'inactive', pending: 'pending', denied: 'denied' },
  payout: { success: 'paid', paid: 'paid', pending: 'pending', failed: 'failed', fail: 'failed' },
};

/**
 * What UpPromote's records lack for the next step (receive/enrich.ts). Money is a decimal string in
 * the shop's currency, which no payload or list item names [INF: PostHog column docs; DOC: the
 * payment.paid example] and no v2 endpoint that could be read returns [UNK]: the connection's Shop
 * Currency stands in. The `*.status-changed` payloads are diffs `{…_id, previous_status,
 * current_status}` [DOC: affiliate; INF: referral, PostHog], so such a record is fetched by id.
 */
export const UPPROMOTE_SUPPLEMENTS: RecordSupplements = {
  currencyFromConnection: {
    kinds: ['referral', 'payout'],
    source: "inferred: amounts are decimal strings in the shop's currency and no documented payload, list or endpoint names it",
  },
  fetchWhenEmpty: {
    referral: { fields: ['commission_amount', 'affiliate_email'], source: 'documented shape of the status-changed diff (affiliate example; referral by PostHog, inferred): it carries ids and statuses only' },
    affiliate: { fields: ['email'], source: 'documented: the affiliate.status-changed example is a diff of affiliate_id, previous_status and current_status' },
  },
};
