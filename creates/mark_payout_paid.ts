import { PAYOUT_SAMPLE } from '../triggers/samples';
import type { ActionDefinition } from './create-factory';
import { AFFILIATE_INPUT } from './inputs';

/** Mark Payout Paid: records that an affiliate was paid (or has the platform send the payment). */
export const spec = {
  key: 'mark_payout_paid',
  noun: 'Payout',
  label: 'Mark Payout Paid',
  description: 'Marks a payout to an affiliate as paid (for platforms that send payments, processes the payout).',
  record: 'payout',
  inputFields: [
    {
      key: 'payout_id',
      label: 'Payout',
      dynamic: 'payout_list.id.label',
      helpText: 'The payout to mark as paid, on platforms that keep payouts as records. Pick one or map its ID.',
    },
    { ...AFFILIATE_INPUT, required: false, helpText: `The affiliate who was paid, on platforms that record payments per affiliate. ${AFFILIATE_INPUT.helpText}` },
    {
      key: 'referral_ids',
      label: 'Referral IDs',
      helpText: 'The IDs of the referrals this payment covers, separated by commas, where the platform records them. Leave empty for all approved ones.',
    },
    { key: 'note', label: 'Note', helpText: 'A note kept with the payment, for your records.' },
  ],
  sample: PAYOUT_SAMPLE.paid,
} satisfies ActionDefinition;
