/**
 * Static samples: what perform returns for the platforms' example payloads (workshops/<id>/fixtures/), so
 * the Zap editor shows real field values before the user has data. The tests recompute each from
 * its fixture (test/app.test.ts, test/triggers/dashboard_webhook.test.ts), so a sample cannot
 * drift from what perform returns. They keep no copy of the vendor payload (`raw`): core copies
 * and freezes the whole definition twice per call, and those copies were 29% of its nodes.
 *
 * A static sample is one record for every platform (issue 23 item 13, Zapier's check T004), so each
 * shows only the keys that every platform serving its triggers fills live, through deliveries or
 * lists (test/editor/samples.test.ts holds every trigger to it); the values are the documented
 * payload's. What one platform adds shows in its test step, read from its own list.
 */
import type { AffiliateRecord, PayoutRecord, ReferralRecord } from '../platforms/records';
import affiliateApprovedDashboard from './samples/affiliate-approved-dashboard.json';
import affiliateCreated from './samples/affiliate-created.json';
import affiliateStatusChanged from './samples/affiliate-status-changed.json';
import payoutCreated from './samples/payout-created.json';
import payoutPaid from './samples/payout-paid.json';
import referralApproved from './samples/referral-approved.json';
import referralCreated from './samples/referral-created.json';

/** The sample without `keys`, for a trigger that some platform serves without them. */
function without<T extends object>(sample: T, ...keys: (keyof T & string)[]): T {
  return Object.fromEntries(Object.entries(sample).filter(([key]) => !(keys as string[]).includes(key))) as T;
}

export const REFERRAL_SAMPLE = {
  created: referralCreated as ReferralRecord,
  approved: referralApproved as ReferralRecord,
  /** New Platform Event: any referral event, and Rebus AI's approval carries no sale amount. */
  anyEvent: without(referralCreated as ReferralRecord, 'sale_amount'),
};

export const AFFILIATE_SAMPLE = {
  created: affiliateCreated as AffiliateRecord,
  statusChanged: affiliateStatusChanged as AffiliateRecord,
  /** A vendor's documented affiliate-approved delivery, through New Event from Dashboard Webhook (test/triggers/dashboard_webhook.test.ts recomputes it from the fixture). */
  approvedFromDashboard: affiliateApprovedDashboard as AffiliateRecord,
};

export const PAYOUT_SAMPLE = {
  paid: payoutPaid as PayoutRecord,
  /**
   * A payout.created delivery (constructed from the vendor's documented field lists), without the
   * example's placeholder signature (see withoutPlaceholders; test/app.test.ts recomputes it).
   */
  created: payoutCreated as PayoutRecord,
  /** New Payout (Polling): PartnerStack's payout list gives no payment method, Tamio's no payment date. */
  listed: without(payoutPaid as PayoutRecord, 'payment_method', 'paid_at'),
};

/** A value a vendor's example writes where the real value goes, e.g. `sha256=1234567890abcdef...`. */
const PLACEHOLDER_VALUE = /\.\.\.$|^x{4,}$|^<[^>]+>$/i;

/**
 * A documented example body without its placeholder values (an elided signature, `<your id>`), as
 * the samples are built from it: a sample must show real-looking values, never an elision.
 * @returns a copy; nested objects and arrays are cleaned too
 */
export function withoutPlaceholders<T>(body: T): T {
  if (Array.isArray(body)) return body.map((item: unknown) => withoutPlaceholders(item)) as T;
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, value]) => !(typeof value === 'string' && PLACEHOLDER_VALUE.test(value)))
      .map(([key, value]) => [key, withoutPlaceholders(value)]),
  ) as T;
}
