/** Input fields several actions share. Dropdowns list the connected platform's items; mapping an ID from an earlier step works too. */
import type { ActionInputField } from './create-factory';

export const REFERRAL_ID_INPUT: ActionInputField = {
  key: 'referral_id',
  label: 'Referral',
  required: true,
  dynamic: 'referral_list.id.label',
  helpText: 'The referral to change. Pick one, or map its ID from an earlier step (for example the ID from a New Referral trigger).',
};

export const AFFILIATE_INPUT: ActionInputField = {
  key: 'affiliate',
  label: 'Affiliate',
  required: true,
  dynamic: 'affiliate_list.id.label',
  helpText:
    "The affiliate to change. Pick one, or map the affiliate's ID from an earlier step; for UpPromote, map the affiliate's email address instead.",
};

export const PROGRAM_INPUT: ActionInputField = {
  key: 'program_id',
  label: 'Program',
  dynamic: 'program_list.id.label',
  helpText: 'The affiliate program to use. Leave empty for your default program.',
};

export const GROUP_INPUT: ActionInputField = {
  key: 'group_key',
  label: 'Partner Group',
  dynamic: 'group_list.id.label',
  helpText: 'PartnerStack only: the group to place the partner in. Leave empty for your default group.',
};
