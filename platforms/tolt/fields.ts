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
import type { PlatformDefinition } from '../types';

export const TOLT_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    // pending | approved | paid | rejected | refunded, "typically" [DOC].
    status: { path: 'status', convert: 'status' },
    // The payment's charge id, where the object carries it [DOC: v1 commissions and transactions; INF for v2 commissions].
    order_id: 'charge_id',
    sale_amount: { path: 'revenue', convert: 'minor_units' },
    commission_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    // The webhook commission names only the partner's id: no email or name [DOC].
    affiliate_id: 'partner_id',
    // The object's own time; the envelope's `timestamp` (event time) only when the object has none [INF].
    created_at: { path: ['created_at', '$.timestamp'], convert: 'time' },
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
    created_at: { path: ['created_at', '$.timestamp'], convert: 'time' },
  },
  // Only what Mark Payout Paid's answer may carry: the payout object is not shown in the stored pages [UNK].
  payout: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized. Commissions "typically pending, approved, paid,
 * rejected, or refunded" [DOC]; `declined` kept in case the decline call's answer says so [INF: the
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
