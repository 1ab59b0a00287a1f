import { AFFILIATE_SAMPLE } from '../triggers/samples';
import { defineAction } from './create-factory';
import { AFFILIATE_INPUT } from './inputs';

/** Deny Affiliate: the application is declined. */
export default defineAction({
  key: 'deny_affiliate',
  noun: 'Affiliate',
  label: 'Deny Affiliate',
  description: "Denies a pending affiliate's application.",
  record: 'affiliate',
  inputFields: [AFFILIATE_INPUT],
  sample: { ...AFFILIATE_SAMPLE.created, event: 'affiliate.denied', vendor_event: 'deny_affiliate', status: 'denied', vendor_status: 'denied' },
});
