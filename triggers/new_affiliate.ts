import type { HookTriggerSpec } from './hook-trigger';
import { AFFILIATE_SAMPLE } from './samples';

/** New Affiliate: someone signed up or was added as an affiliate. */
export const spec = {
  key: 'new_affiliate',
  noun: 'Affiliate',
  label: 'New Affiliate',
  description: 'Triggers when a new affiliate signs up or is added to your program.',
  record: 'affiliate',
  events: { preference: [['affiliate.created']] },
  sample: AFFILIATE_SAMPLE.created,
} satisfies HookTriggerSpec;
