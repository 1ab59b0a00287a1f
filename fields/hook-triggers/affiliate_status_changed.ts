import type { HookTriggerSpec } from '../operations';
import { AFFILIATE_SAMPLE } from '../samples';

/** Affiliate Status Changed: approved, denied, deactivated, removed… with an optional filter. */
export const spec = {
  key: 'affiliate_status_changed',
  noun: 'Affiliate',
  label: 'Affiliate Status Changed',
  make: { name: 'watchAffiliateStatusChanges', label: 'Watch affiliate status changes' },
  description: 'Triggers when an affiliate changes status (for example when approved, denied or deactivated).',
  record: 'affiliate',
  statusFilter: true,
  events: {
    preference: [
      ['affiliate.status_changed'],
      ['affiliate.approved', 'affiliate.denied', 'affiliate.deactivated', 'affiliate.removed'],
    ],
    byStatus: {
      active: 'affiliate.approved',
      denied: 'affiliate.denied',
      inactive: 'affiliate.deactivated',
      removed: 'affiliate.removed',
    },
  },
  sample: AFFILIATE_SAMPLE.statusChanged,
} as const satisfies HookTriggerSpec;
