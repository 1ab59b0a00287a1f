/**
 * Tamio objects → normalized records.
 * Affiliate: the documented affiliate object (affiliate-approved event; approve / retrieve
 * responses) [DOC]: `name` is the first name, `surname` the last, `approved` true / false / null,
 * `date_joined` unix seconds, `bonus` / `balance` integers in minor units of `currency` (these have
 * no normalized field and stay under `raw`).
 * Payout: the visible part of `GET /affiliates/payouts/retrieve/{id}` (a lower-cased text rendering,
 * so string case is uncertain) [DOC, partly INF]: `total` in minor units, `date` unix seconds,
 * `payment` the method, `affiliate_partner` the affiliate object.
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const TAMIO_FIELDS: PlatformDefinition['fields'] = {
  affiliate: {
    id: 'id',
    // `approved` is a boolean: its text ("true" / "false") goes through the status table. A null
    // means not decided yet [INF: the list's `status` filter knows only approved|pending], so the
    // default `pending` stands in (and shows as vendor_status).
    status: { path: 'approved', convert: 'status', default: 'pending' },
    email: 'email',
    first_name: 'name',
    last_name: 'surname',
    program_id: 'affiliate_program_id',
    program_name: 'affiliate_program_label',
    created_at: { path: 'date_joined', convert: 'time' },
  },
  payout: {
    id: 'id',
    // `paid: true` decides (a paid payout may still say `status: "new"` [DOC: the retrieve example
    // pairs `paid: false` with `status: "new"`; which status a paid one shows is UNK]); `paid: false`
    // has no table entry, so `status` decides then.
    status: { path: ['paid', 'status'], convert: 'status' },
    amount: { path: 'total', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: 'affiliate_partner.id',
    affiliate_email: 'affiliate_partner.email',
    payment_method: 'payment',
    created_at: { path: 'date', convert: 'time' },
  },
};

/**
 * Vendor values (lower-cased) → normalized. Affiliate `approved` true / false [DOC: approved and
 * declined events]; the list filter's `approved|pending` [DOC]. Payout `status: "new"` [DOC, case
 * uncertain]; `paid` / `pending` / `failed` [INF: naming, not seen]; the payout's `paid` flag as text
 * `true` [DOC: the field] (`false` deliberately absent: see the payout map).
 */
export const TAMIO_STATUSES: PlatformDefinition['statuses'] = {
  affiliate: { true: 'active', false: 'denied', approved: 'active', pending: 'pending', removed: 'removed' },
  payout: { true: 'paid', new: 'pending', pending: 'pending', paid: 'paid', failed: 'failed' },
};

/** Why Tamio has no referral fields: commissions are an attribute of invoices, with no event or list of their own [DOC, absence]. */
const NO_SALES = "Tamio has no affiliate sale or commission events and no list of them: a commission is an attribute of an invoice [DOC: Tamio's affiliate API reference]";

/**
 * What Tamio's records cannot carry (the editor labels them, receive/enrich.ts has nothing to
 * fetch): referrals at all; on affiliates a referral link or coupon (the documented affiliate
 * object has neither [DOC: retrieve affiliate]); a payout's payment time (the documented payout
 * has `date`, its creation, and a `paid` flag [DOC: retrieve payout]).
 */
export const TAMIO_SUPPLEMENTS: RecordSupplements = {
  unavailable: {
    referral: { affiliate_email: NO_SALES, affiliate_name: NO_SALES, commission_amount: NO_SALES, sale_amount: NO_SALES, currency: NO_SALES, order_id: NO_SALES },
    affiliate: {
      referral_link: "Tamio's documented affiliate object carries no referral link [DOC: retrieve affiliate]",
      coupon_code: "Tamio's documented affiliate object carries no coupon [DOC: retrieve affiliate]",
    },
    payout: { paid_at: "Tamio's documented payout carries its creation date and a paid flag, no payment time [DOC: retrieve payout]" },
  },
};
