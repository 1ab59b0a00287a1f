import { REFERRAL_SAMPLE } from '../samples';
import type { SearchDefinition } from '../operations';

/** Find Referral: by the shop's order ID. */
export const spec = {
  key: 'find_referral',
  noun: 'Referral',
  label: 'Find Referral',
  makeLabel: 'Search referrals',
  description: 'Finds a referral by the order ID of the sale it records.',
  record: 'referral',
  event: 'referral.created',
  // Order and charge ids are case-sensitive (`ch_3AbC` is not `ch_3abc`).
  match: 'case_sensitive',
  inputFields: [
    { key: 'order_id', label: 'Order ID', required: true, helpText: "The order's ID in your shop (for Shopify, the numeric order ID, not the #1001 order number)." },
  ],
  sample: REFERRAL_SAMPLE.created,
} satisfies SearchDefinition;
