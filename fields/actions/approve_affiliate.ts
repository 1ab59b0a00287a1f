import { AFFILIATE_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { APPLICANT_INPUT, DECISION_PROGRAM_INPUT } from '../inputs';

/** Approve Affiliate: the applicant becomes an active affiliate. */
export const spec = {
  key: 'approve_affiliate',
  noun: 'Affiliate',
  label: 'Approve Affiliate',
  makeLabel: 'Approve an affiliate',
  description: 'Approves a pending affiliate, so they can start promoting your products.',
  record: 'affiliate',
  inputFields: [APPLICANT_INPUT, DECISION_PROGRAM_INPUT],
  sample: { ...AFFILIATE_SAMPLE.created, event: 'affiliate.approved', vendor_event: 'affiliate.approved', status: 'active', vendor_status: 'active' },
} satisfies ActionDefinition;
