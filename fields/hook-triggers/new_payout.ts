import type { HookTriggerSpec } from '../operations';
import { PAYOUT_SAMPLE } from '../samples';

/** New Payout: a payout to an affiliate was created (not yet paid). */
export const spec = {
  key: 'new_payout',
  noun: 'Payout',
  label: 'New Payout',
  make: { name: 'watchNewPayouts', label: 'Watch new payouts' },
  description: 'Triggers when a new payout to an affiliate is created.',
  record: 'payout',
  events: { preference: [['payout.created']] },
  sample: PAYOUT_SAMPLE.created,
} as const satisfies HookTriggerSpec;
