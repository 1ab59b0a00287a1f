import { REFERRAL_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { REFERRAL_ID_INPUT } from '../inputs';

/** Deny Referral: no commission is paid for it. */
export const spec = {
  key: 'deny_referral',
  noun: 'Referral',
  label: 'Deny Referral',
  makeLabel: 'Deny a referral',
  description: 'Denies a pending referral, so the affiliate is not paid for it.',
  record: 'referral',
  inputFields: [
    REFERRAL_ID_INPUT,
    // Shown only where the platform's request uses it, with the platform's values (`inputChoices`).
    {
      key: 'denial_status',
      label: 'Denial Status',
      helpText: 'The status the denied referral takes, on platforms that record why a referral is denied (for example fraud or duplicate).',
      connectedHelp: 'The status the denied {platform} referral takes.',
    },
  ],
  sample: { ...REFERRAL_SAMPLE.approved, event: 'referral.denied', vendor_event: 'referral.denied', status: 'denied', vendor_status: 'denied' },
} satisfies ActionDefinition;
