import type { HookTriggerSpec } from '../operations';
import { REFERRAL_SAMPLE } from '../samples';

/** New Referral: a referred sale was recorded. */
export const spec = {
  key: 'new_referral',
  noun: 'Referral',
  label: 'New Referral',
  make: { name: 'watchNewReferrals', label: 'Watch new referrals' },
  description: 'Triggers when a new referral (a referred sale and the commission it earns) is recorded.',
  record: 'referral',
  events: { preference: [['referral.created']] },
  sample: REFERRAL_SAMPLE.created,
} as const satisfies HookTriggerSpec;
