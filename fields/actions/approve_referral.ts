import { REFERRAL_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { REFERRAL_ID_INPUT } from '../inputs';

/** Approve Referral: the commission becomes payable. */
export const spec = {
  key: 'approve_referral',
  noun: 'Referral',
  label: 'Approve Referral',
  makeLabel: 'Approve a referral',
  description: 'Approves a pending referral, making it payable to the affiliate.',
  record: 'referral',
  inputFields: [REFERRAL_ID_INPUT],
  sample: REFERRAL_SAMPLE.approved,
} satisfies ActionDefinition;
