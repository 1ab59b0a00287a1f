import { REFERRAL_SAMPLE } from '../triggers/samples';
import type { ActionDefinition } from './create-factory';
import { REFERRAL_ID_INPUT } from './inputs';

/** Approve Referral: the commission becomes payable. */
export const spec = {
  key: 'approve_referral',
  noun: 'Referral',
  label: 'Approve Referral',
  description: 'Approves a pending referral, so its commission becomes payable to the affiliate.',
  record: 'referral',
  inputFields: [REFERRAL_ID_INPUT],
  sample: REFERRAL_SAMPLE.approved,
} satisfies ActionDefinition;
