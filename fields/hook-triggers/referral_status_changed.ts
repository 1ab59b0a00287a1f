import type { HookTriggerSpec } from '../operations';
import { REFERRAL_SAMPLE } from '../samples';

/** Referral Status Changed: approved, denied, paid… with an optional filter on the new status. */
export const spec = {
  key: 'referral_status_changed',
  noun: 'Referral',
  label: 'Referral Status Changed',
  make: { name: 'watchReferralStatusChanges', label: 'Watch referral status changes' },
  description: 'Triggers when a referral changes status (for example when it is approved or denied).',
  record: 'referral',
  statusFilter: true,
  events: {
    preference: [['referral.status_changed'], ['referral.approved', 'referral.denied']],
    byStatus: { approved: 'referral.approved', denied: 'referral.denied' },
  },
  sample: REFERRAL_SAMPLE.approved,
} as const satisfies HookTriggerSpec;
