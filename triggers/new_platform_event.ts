import { defineHookTrigger, type HookTriggerSpec } from './hook-trigger';
import { REFERRAL_SAMPLE } from './samples';

/** New Platform Event (advanced): any vendor event of the connected platform, normalized where a mapping exists. */
export const spec = {
  key: 'new_platform_event',
  noun: 'Event',
  label: 'New Platform Event',
  description:
    'Triggers when the connected platform sends the event you choose (advanced: any event the platform offers, with its original payload).',
  events: 'chosen',
  sample: REFERRAL_SAMPLE.created,
} satisfies HookTriggerSpec;

export default defineHookTrigger(spec);
