/**
 * Input fields several actions share. Dropdowns list the connected platform's items; mapping an ID
 * from an earlier step works too. `helpText` speaks of every platform (the Make app, a Zap editor
 * without a connection); `connectedHelp` of the connected one (editor-fields.ts).
 */
import { PLATFORMS } from '../platforms/registry';
import type { ActionInputField } from './operations';

export const REFERRAL_ID_INPUT: ActionInputField = {
  key: 'referral_id',
  label: 'Referral',
  required: true,
  dynamic: 'referral_list.id.label',
  helpText: 'The referral to change. Pick one, or map its ID from an earlier step (for example the ID from a New Referral trigger).',
  connectedHelp: 'The {platform} referral to change. Pick one, or map its ID from an earlier step (for example from New Referral).',
};

/** Platforms whose actions identify affiliates by email, named in help text so users map the right value. */
const BY_EMAIL = PLATFORMS.filter((platform) => platform.affiliateIdentifier === 'email').map((platform) => platform.name);
const EMAIL_NOTE = BY_EMAIL.length > 0 ? `; for ${BY_EMAIL.join(' and ')}, map the affiliate's email address instead` : '';

export const AFFILIATE_INPUT: ActionInputField = {
  key: 'affiliate',
  label: 'Affiliate',
  required: true,
  dynamic: 'affiliate_list.id.label',
  helpText: `The affiliate. Pick one, or map the affiliate's ID from an earlier step${EMAIL_NOTE}.`,
  connectedHelp: "The {platform} affiliate. Pick one, or map the affiliate's ID from an earlier step.",
};

/** The affiliate to approve or deny: the dropdown lists those awaiting a decision (applications, where the platform has them). */
export const APPLICANT_INPUT: ActionInputField = {
  ...AFFILIATE_INPUT,
  dynamic: 'applicant_list.id.label',
  helpText: `The affiliate awaiting approval. Pick one, or map its ID from an earlier step (the application's ID where the platform approves applications${EMAIL_NOTE}).`,
  connectedHelp: 'The affiliate awaiting approval in {platform}. Pick one from the list, or map its ID from an earlier step.',
};

export const PROGRAM_INPUT: ActionInputField = {
  key: 'program_id',
  label: 'Program',
  dynamic: 'program_list.id.label',
  helpText: 'The affiliate program to use. Leave empty for your default program, on platforms that have one.',
  connectedHelp: 'The {platform} program to add the affiliate to.',
  whenOptional: 'Leave empty for your default program.',
};

/** The program an approval or denial applies to, on platforms that decide per program (shown only where the platform's request uses it). */
export const DECISION_PROGRAM_INPUT: ActionInputField = {
  ...PROGRAM_INPUT,
  helpText: 'The affiliate program the decision applies to, on platforms that approve affiliates per program.',
  connectedHelp: 'The {platform} program (campaign) the decision applies to.',
  whenOptional: undefined,
};

export const GROUP_INPUT: ActionInputField = {
  key: 'group_key',
  label: 'Partner Group',
  dynamic: 'group_list.id.label',
  helpText: 'The partner group to place the affiliate in, on platforms that sort partners into groups. Leave empty for your default group.',
  connectedHelp: 'The {platform} group to place the affiliate in.',
  whenOptional: 'Leave empty for your default group.',
};
