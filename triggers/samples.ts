/**
 * Static samples: what perform returns for the platforms' example payloads (test/fixtures/), so
 * the Zap editor shows real field values before the user has data. The tests recompute each from
 * its fixture (test/app.test.ts, test/triggers/dashboard_webhook.test.ts), so a sample cannot
 * drift from what perform returns.
 */
import type { AffiliateRecord, PayoutRecord, ReferralRecord } from '../platforms/records';
import affiliateApprovedTamio from './samples/affiliate-approved-tamio.json';
import affiliateCreated from './samples/affiliate-created.json';
import affiliateStatusChanged from './samples/affiliate-status-changed.json';
import payoutCreatedRebus from './samples/payout-created-rebus.json';
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
  /** Tamio's documented affiliate-approved delivery, through New Event from Dashboard Webhook (test/triggers/dashboard_webhook.test.ts recomputes it). */
  approvedFromDashboard: affiliateApprovedTamio as AffiliateRecord,
};

export const PAYOUT_SAMPLE = {
  paid: payoutPaid as PayoutRecord,
  /** Rebus AI's payout.created (a constructed payload: Rebus AI documents only commission.approved). */
  created: payoutCreatedRebus as PayoutRecord,
};
