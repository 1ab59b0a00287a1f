import { AFFILIATE_SAMPLE } from '../samples';
import type { ActionDefinition } from '../operations';
import { APPLICANT_INPUT, DECISION_PROGRAM_INPUT } from '../inputs';

/** Deny Affiliate: the application is declined. The sample is a documented vendor payload whose denials arrive as an `affiliate.inactive` event. */
export const spec = {
  key: 'deny_affiliate',
  noun: 'Affiliate',
  label: 'Deny Affiliate',
  makeLabel: 'Deny an affiliate',
  description: "Denies a pending affiliate's application.",
  record: 'affiliate',
  inputFields: [APPLICANT_INPUT, DECISION_PROGRAM_INPUT],
  sample: { ...AFFILIATE_SAMPLE.created, event: 'affiliate.denied', vendor_event: 'affiliate.inactive', status: 'denied', vendor_status: 'denied' },
} satisfies ActionDefinition;
