/**
 * Static samples: what perform returns for UpPromote's example payloads (test/fixtures/uppromote),
 * so the Zap editor shows real field values before the user has data. test/samples.test.ts
 * recomputes each from its fixture, so a sample cannot drift from what perform returns.
 */
import type { AffiliateRecord, PayoutRecord, ReferralRecord } from '../platforms/records';
import affiliateCreated from './samples/affiliate-created.json';
import affiliateStatusChanged from './samples/affiliate-status-changed.json';
import payoutPaid from './samples/payout-paid.json';
import referralApproved from './samples/referral-approved.json';
import referralCreated from './samples/referral-created.json';

export const REFERRAL_SAMPLE = {
  created: referralCreated as ReferralRecord,
  approved: referralApproved as ReferralRecord,
};

export const AFFILIATE_SAMPLE = {
  created: affiliateCreated as AffiliateRecord,
  statusChanged: affiliateStatusChanged as AffiliateRecord,
};

export const PAYOUT_SAMPLE = {
  paid: payoutPaid as PayoutRecord,
  /** UpPromote sends no payout.created; until a platform with the event is added, the paid example stands in. */
  created: payoutPaid as PayoutRecord,
};
