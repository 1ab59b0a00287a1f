/**
 * Dub Partners objects → normalized records. Sources: the public OpenAPI
 * (github.com/dubinc/dub-ts `.speakeasy/out.openapi.yaml`) and the webhook event pages
 * (https://dub.co/docs/webhooks/events/…) [DOC], as summarized in shared/platforms/next-platforms.md
 * §1 facts 17–23 and 38–42.
 *
 * Money: commission `amount` (the sale) and `earnings` (the commission) and payout `amount` are
 * integer **cents** [DOC], read with `minor_units`. Tracked sales are stored converted to USD [DOC:
 * the track/sale `currency` description], so commissions normally read `usd`; currency codes are
 * lower-case on commissions and upper-case on payouts [DOC] and upper-cased here. A clawback is a
 * commission with a negative amount [SRC], kept negative. Times are ISO-8601 UTC with milliseconds [DOC].
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const DUB_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    // "invoiceId is unique on a per-program basis" [DOC: list commissions]: the order's id.
    order_id: 'invoiceId',
    sale_amount: { path: 'amount', convert: 'minor_units' },
    commission_amount: { path: 'earnings', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: 'partner.id',
    affiliate_email: 'partner.email',
    affiliate_name: 'partner.name',
    customer_email: 'customer.email',
    created_at: { path: 'createdAt', convert: 'time' },
  },
  affiliate: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    email: 'email',
    // Dub keeps one `name` [DOC: partner object]; no first or last name.
    name: 'name',
    company: 'companyName',
    program_id: 'programId',
    referral_link: 'links.0.shortLink',
    // `createdAt` of an enrolled partner is when it enrolled [DOC: partner object].
    created_at: { path: 'createdAt', convert: 'time' },
  },
  payout: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'currency', convert: 'upper' },
    affiliate_id: 'partner.id',
    affiliate_email: 'partner.email',
    payment_method: 'method',
    paid_at: { path: 'paidAt', convert: 'time' },
    created_at: { path: 'createdAt', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized [DOC: help articles partner-commissions,
 * managing-program-partners, partner-payouts]. Commissions: `pending` (held for the group's holding
 * period), `processed` (added to a payout: payable, so approved), `paid`, `hold` ("on hold", paused
 * by a risk event [SRC], still pending), `refunded`, `fraud`, and `canceled` / `duplicate` (denied).
 * Partners: `approved` can earn (active); `invited` has not accepted yet (pending); `rejected` /
 * `declined` (denied); `deactivated`, `banned`, `archived` (inactive). Payouts: `completed` is fully
 * paid; `processing`, `processed` (meaning undocumented [UNK]) and `sent` (funds on their way to the
 * bank) are still pending; `canceled` has no counterpart (unknown, with `vendor_status`).
 */
export const DUB_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', hold: 'pending', processed: 'approved', paid: 'paid', refunded: 'refunded', fraud: 'fraud', canceled: 'denied', duplicate: 'denied' },
  affiliate: {
    approved: 'active',
    pending: 'pending',
    invited: 'pending',
    rejected: 'denied',
    declined: 'denied',
    deactivated: 'inactive',
    banned: 'inactive',
    archived: 'inactive',
  },
  payout: { pending: 'pending', processing: 'pending', processed: 'pending', sent: 'pending', completed: 'paid', failed: 'failed' },
};

/** What no Dub object carries for the next step [DOC: the OpenAPI partner object and the event pages]. */
export const DUB_SUPPLEMENTS: RecordSupplements = {
  unavailable: {
    affiliate: {
      first_name: "Dub's partner has one name field (`name`), no first or last name [DOC: partner object]",
      last_name: "Dub's partner has one name field (`name`), no first or last name [DOC: partner object]",
      program_name: "Dub's partner names its program by id only (`programId`) [DOC: partner object]",
      coupon_code: "Dub's discount codes are objects of their own (discount_code.* events), not fields of the partner [DOC: partner object]",
    },
  },
};
