import type { HookTriggerSpec } from './hook-trigger';
import { PAYOUT_SAMPLE } from './samples';

/** Payout Paid: money was paid to an affiliate. */
export const spec = {
  key: 'payout_paid',
  noun: 'Payout',
  label: 'Payout Paid',
  description: 'Triggers when a payout to an affiliate is marked as paid.',
  record: 'payout',
  events: { preference: [['payout.paid']] },
  sample: PAYOUT_SAMPLE.paid,
} satisfies HookTriggerSpec;
