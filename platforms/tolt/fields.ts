/**
 * Tolt objects (API v2) → normalized records. Sources: the webhook event pages and API reference
 * as summarized in shared/platforms/README.md section 7 ("Payloads", "Suggested field mapping").
 *
 * Money: amounts are integers in the smallest currency unit, sent **as strings** in responses and
 * webhooks (`"980"` = 9.80) [DOC]; v1 examples show numbers too, which `minor_units` reads alike.
 * Zero-decimal currencies: Tolt only says "smallest currency unit", so a JPY amount is divided by
 * 100 like any other [INF]; `raw` keeps the vendor's value. Currency codes are lower-case in the
 * examples (`usd`) [DOC] and upper-cased here. Times are ISO-8601 with milliseconds and `Z` [DOC].
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const TOLT_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    // pending | approved | paid | rejected | refunded, "typically" [DOC].
    status: { path: 'status', convert: 'status' },
    // The payment's charge id, where the object carries it [DOC: v1 commissions and transactions;
    // unconfirmed on v2 commissions, whose documented fields stop at `transaction_id`]: often empty.
    order_id: 'charge_id',
    sale_amount: { path: 'revenue', convert: 'minor_units' },
    commission_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    // The webhook commission names only the partner's id: no email or name [DOC].
    affiliate_id: 'partner_id',
    // The object's own time only: the envelope's `timestamp` is when the event was sent [DOC:
    // webhooks introduction], never a creation time, so a commission without `created_at` leaves it empty (issue 25 item 5).
    created_at: { path: 'created_at', convert: 'time' },
  },
  affiliate: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    email: 'email',
    first_name: 'first_name',
    last_name: 'last_name',
    // `display_name` [DOC: partner fields]; first + last are in their own fields.
    name: 'display_name',
    company: 'company_name',
    program_id: 'program_id',
    // The partner-signup guide says a created partner comes "with its link attached" [DOC]; the
    // link's field names are not shown [INF: `link.url`, or a `links` array as other APIs have].
    referral_link: { path: ['link.url', 'links.0.url'] },
    // `created_at` is a documented partner field; the envelope's send time never stands in for it.
    created_at: { path: 'created_at', convert: 'time' },
  },
  // Only what Mark Payout Paid's answer may carry: the payout object is not shown in the stored pages [UNK].
  payout: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized. Commissions "typically pending, approved, paid,
 * rejected, or refunded" [DOC]; a declined commission reads `rejected` (confirmed by independent
 * code, issue 25 item 13); `declined` kept in case the decline call's answer says so [INF: the
 * call is named decline]. Partners active, pending, suspended, rejected [DOC: v1 status list; v2
 * partner events name approved, rejected and suspended partners]. `deactivated` / `inactive` have no
 * Tolt source and are not listed.
 */
export const TOLT_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', approved: 'approved', paid: 'paid', rejected: 'denied', declined: 'denied', refunded: 'refunded' },
  affiliate: { active: 'active', pending: 'pending', suspended: 'inactive', rejected: 'denied' },
  // Mark-as-paid "works on pending and failed payouts … a payout that is already paid is returned unchanged" [DOC].
  payout: { pending: 'pending', failed: 'failed', paid: 'paid' },
};

/** Why Tolt has no payout records: no payout events, and a conflict over payouts in the REST API [DOC]. */
const NO_PAYOUTS = "Tolt sends no payout events [DOC: webhooks/event-types], and its MCP page says payouts are not in the REST API, so no payout list is read";

/**
 * What Tolt's records lack for the next step (receive/enrich.ts). A commission names its partner
 * by `partner_id` only [DOC]: the email and name come from the affiliate get. The webhook's partner
 * fields carry no link [DOC], while a created partner comes "with its link attached" [DOC: partner
 * signup guide], so a partner without one is fetched [INF: that the get carries it too].
 */
export const TOLT_SUPPLEMENTS: RecordSupplements = {
  fetchWhenEmpty: {
    affiliate: { fields: ['referral_link'], source: 'inferred: the partner-signup guide says a created partner comes with its link attached; the webhook partner fields list none' },
  },
  unavailable: {
    referral: {
      order_id:
        "Tolt's v2 commission names its transaction only (transaction_id); the charge id is on the transaction, and the stored v2 reference documents no call that reads one transaction [DOC, absence]",
    },
    affiliate: { coupon_code: "Tolt's documented partner fields carry no coupon [DOC: partner.created event page]" },
    payout: { affiliate_email: NO_PAYOUTS, amount: NO_PAYOUTS, currency: NO_PAYOUTS, paid_at: NO_PAYOUTS },
  },
};
