import { REFERRAL_SAMPLE } from '../triggers/samples';
import type { ActionDefinition } from './create-factory';
import { REFERRAL_ID_INPUT } from './inputs';

/** Deny Referral: no commission is paid for it. */
export const spec = {
  key: 'deny_referral',
  noun: 'Referral',
  label: 'Deny Referral',
  description: 'Denies a pending referral, so no commission is paid for it.',
  record: 'referral',
  inputFields: [REFERRAL_ID_INPUT],
  sample: { ...REFERRAL_SAMPLE.approved, event: 'referral.denied', vendor_event: 'referral.denied', status: 'denied', vendor_status: 'denied' },
} satisfies ActionDefinition;
