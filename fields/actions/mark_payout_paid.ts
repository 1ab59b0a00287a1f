import { PAYOUT_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { AFFILIATE_INPUT } from '../inputs';

/** Mark Payout Paid: records that an affiliate was paid (or has the platform send the payment). */
export const spec = {
  key: 'mark_payout_paid',
  noun: 'Payout',
  label: 'Mark Payout Paid',
  makeLabel: 'Mark a payout as paid',
  description:
    // Under 140 characters and no vendor name (M002); a platform whose "paid" sends money says so in its `inputNotes`.
    'Marks a payout to an affiliate as paid (where the platform sends payments, this processes the payout and sends the money).',
  record: 'payout',
  inputFields: [
    {
      key: 'payout_id',
      label: 'Payout',
      dynamic: 'payout_list.id.label',
      helpText:
        "The payout to mark as paid, on platforms that keep payouts as records: pick one from the platform's payout list or map its ID.",
      connectedHelp: 'The {platform} payout to mark as paid.',
    },
    {
      ...AFFILIATE_INPUT,
      required: false,
      helpText: `The affiliate who was paid, on platforms that record payments per affiliate. ${AFFILIATE_INPUT.helpText}`,
      connectedHelp: "The {platform} affiliate who was paid. Pick one, or map the affiliate's ID from an earlier step.",
    },
    {
      key: 'referral_ids',
      label: 'Referrals',
      list: true,
      dynamic: 'referral_list.id.label',
      // Plain text in Make (its generator reads this help); a list in Zapier, where connectedHelp applies.
      helpText: 'The IDs of the referrals this payment covers, where the platform records them. Leave empty for all approved ones.',
      connectedHelp: 'The {platform} referrals this payment covers: pick them or map their IDs, one per line. Leave empty for all approved ones.',
    },
    {
      key: 'amount',
      label: 'Amount',
      type: 'number',
      helpText: 'The amount paid, in major units (e.g. 120.50), on platforms that record a payment for an amount.',
      connectedHelp: 'The amount you paid the affiliate, in major units (e.g. 120.50): {platform} records a payment for it.',
    },
    { key: 'note', label: 'Note', helpText: 'Kept with the payment, for your records.', connectedHelp: '{platform} keeps it with the payment, for your records.' },
  ],
  sample: PAYOUT_SAMPLE.paid,
} satisfies ActionDefinition;
