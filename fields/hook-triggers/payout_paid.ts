import type { HookTriggerSpec } from '../operations';
import { PAYOUT_SAMPLE } from '../samples';

/** Payout Paid: money was paid to an affiliate. */
export const spec = {
  key: 'payout_paid',
  noun: 'Payout',
  label: 'Payout Paid',
  make: { name: 'watchPaidPayouts', label: 'Watch paid payouts' },
  description: 'Triggers when a payout to an affiliate is marked as paid.',
  record: 'payout',
  events: { preference: [['payout.paid']] },
  emittedStatus: 'paid',
  sample: PAYOUT_SAMPLE.paid,
} as const satisfies HookTriggerSpec;
