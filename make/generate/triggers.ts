/**
 * The Make instant triggers, one per Zapier hook trigger. Keys, descriptions and samples are read
 * from the Zapier trigger objects; the normalized events each listens to are repeated here because
 * triggers/hook-trigger.ts keeps its spec inside the factory (test/make/build.test.ts checks that
 * every Zapier hook trigger has an entry, so a new trigger cannot be forgotten).
 */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { TriggerEvents } from '../../triggers/event-selection';
import affiliateStatusChanged from '../../triggers/affiliate_status_changed';
import newAffiliate from '../../triggers/new_affiliate';
import newPayout from '../../triggers/new_payout';
import newPlatformEvent from '../../triggers/new_platform_event';
import newReferral from '../../triggers/new_referral';
import payoutPaid from '../../triggers/payout_paid';
import referralStatusChanged from '../../triggers/referral_status_changed';

/** One Make instant trigger: its module name and label, and what it listens to. */
export interface MakeTrigger {
  /** The Zapier trigger key it mirrors. */
  zapierKey: string;
  /** Make module name (letters and digits). */
  name: string;
  /** "Watch …", Make's wording for instant triggers. */
  label: string;
  description: string;
  record?: RecordKind;
  events: TriggerEvents | 'chosen';
  statusFilter?: boolean;
  sample: NormalizedOutput;
}

interface ZapierHookTrigger {
  key: string;
  display: { description: string };
  operation: { sample: NormalizedOutput };
}

function from(trigger: ZapierHookTrigger, make: Omit<MakeTrigger, 'zapierKey' | 'description' | 'sample'>): MakeTrigger {
  return { zapierKey: trigger.key, description: trigger.display.description, sample: trigger.operation.sample, ...make };
}

export const MAKE_TRIGGERS: readonly MakeTrigger[] = [
  from(newReferral, { name: 'watchNewReferrals', label: 'Watch New Referrals', record: 'referral', events: { preference: [['referral.created']] } }),
  from(referralStatusChanged, {
    name: 'watchReferralStatusChanges',
    label: 'Watch Referral Status Changes',
    record: 'referral',
    statusFilter: true,
    events: { preference: [['referral.status_changed'], ['referral.approved', 'referral.denied']] },
  }),
  from(newAffiliate, { name: 'watchNewAffiliates', label: 'Watch New Affiliates', record: 'affiliate', events: { preference: [['affiliate.created']] } }),
  from(affiliateStatusChanged, {
    name: 'watchAffiliateStatusChanges',
    label: 'Watch Affiliate Status Changes',
    record: 'affiliate',
    statusFilter: true,
    events: {
      preference: [['affiliate.status_changed'], ['affiliate.approved', 'affiliate.denied', 'affiliate.deactivated', 'affiliate.removed']],
    },
  }),
  from(newPayout, { name: 'watchNewPayouts', label: 'Watch New Payouts', record: 'payout', events: { preference: [['payout.created']] } }),
  from(payoutPaid, { name: 'watchPaidPayouts', label: 'Watch Paid Payouts', record: 'payout', events: { preference: [['payout.paid']] } }),
  from(newPlatformEvent, { name: 'watchPlatformEvents', label: 'Watch Platform Events', events: 'chosen' }),
];

/**
 * Zapier hook triggers with no Make module of their own, and why. On Make every instant trigger of
 * a dashboard-only platform already is a webhook the user registers by hand (make/generate/webhooks.ts).
 */
export const COVERED_ON_MAKE: Readonly<Record<string, string>> = {
  dashboard_webhook: 'every instant trigger of a dashboard-only platform is a hand-registered webhook on Make',
};
