import type { HookTriggerSpec } from '../operations';
import { AFFILIATE_SAMPLE } from '../samples';

/** New Affiliate: someone signed up or was added as an affiliate. */
export const spec = {
  key: 'new_affiliate',
  noun: 'Affiliate',
  label: 'New Affiliate',
  make: { name: 'watchNewAffiliates', label: 'Watch new affiliates' },
  description: 'Triggers when a new affiliate signs up or is added to your program.',
  record: 'affiliate',
  events: { preference: [['affiliate.created']] },
  sample: AFFILIATE_SAMPLE.created,
} as const satisfies HookTriggerSpec;
