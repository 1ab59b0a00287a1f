import type { HookTriggerSpec } from '../operations';
import { REFERRAL_SAMPLE } from '../samples';

/** New Platform Event (advanced): one chosen vendor event of the connected platform, normalized where a mapping exists. */
export const spec = {
  key: 'new_platform_event',
  noun: 'Event',
  label: 'New Platform Event',
  make: { name: 'watchPlatformEvents', label: 'Watch platform events' },
  description:
    'Triggers when your platform sends the event you choose (advanced: every event the platform offers, original payload kept).',
  events: 'chosen',
  sample: REFERRAL_SAMPLE.anyEvent,
} as const satisfies HookTriggerSpec;
