import { PAYOUT_SAMPLE } from '../triggers/samples';
import { defineAction } from './create-factory';

/** Mark Payout Paid: records that an affiliate was paid (or has the platform send the payment). */
export default defineAction({
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
      helpText: 'The payout to mark as paid. Needed by platforms that keep payouts as records (Rebus AI).',
    },
    {
      key: 'affiliate',
      label: 'Affiliate',
      dynamic: 'affiliate_list.id.label',
      helpText: "The affiliate who was paid. UpPromote marks manual payments by the affiliate's email address.",
    },
    {
      key: 'referral_ids',
      label: 'Referral IDs',
      helpText: 'UpPromote only: the IDs of the referrals this payment covers, separated by commas. Leave empty for all approved ones.',
    },
    { key: 'note', label: 'Note', helpText: 'A note kept with the payment, for your records.' },
  ],
  sample: PAYOUT_SAMPLE.paid,
});
