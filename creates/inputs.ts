/** Input fields several actions share. */
import type { ActionInputField } from './create-factory';

export const REFERRAL_ID_INPUT: ActionInputField = {
  key: 'referral_id',
  label: 'Referral',
  required: true,
  helpText: 'The referral to change. Map its ID from an earlier step, for example the ID from a New Referral trigger.',
};

export const AFFILIATE_INPUT: ActionInputField = {
  key: 'affiliate',
  label: 'Affiliate',
  required: true,
  helpText:
    "The affiliate to change. Map the affiliate's ID from an earlier step; for UpPromote, map the affiliate's email address instead.",
};
