/**
 * Hidden trigger behind the New Platform Event dropdown: the connected platform's vendor events,
 * from its catalogue (no API call).
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { PLATFORM_EVENT_LIST } from '../fields/hook-trigger-fields';
import { CHOICE_LISTS } from './choice-lists';

export default defineTrigger({
  key: PLATFORM_EVENT_LIST,
  noun: 'Event',
  display: {
    label: 'Platform Events',
    description: 'Triggers when listing the events of the connected platform, for the New Platform Event dropdown.',
    hidden: true,
  },
  operation: {
    perform: async (z: ZObject, bundle: Bundle) => (await CHOICE_LISTS.platform_event_list(z, bundle, { page: 0 })).choices,
    sample: { id: 'referral.new', label: 'Referral: New (referral.new)' },
    outputFields: [
      { key: 'id', label: 'Event Name' },
      { key: 'label', label: 'Event' },
    ],
  },
});
