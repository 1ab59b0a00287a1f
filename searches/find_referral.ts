import { REFERRAL_SAMPLE } from '../triggers/samples';
import type { SearchDefinition } from './search-factory';

/** Find Referral: by the shop's order ID. */
export const spec = {
  key: 'find_referral',
  noun: 'Referral',
  label: 'Find Referral',
  description: 'Finds a referral by the order ID of the sale it records.',
  record: 'referral',
  event: 'referral.created',
  inputFields: [
    { key: 'order_id', label: 'Order ID', required: true, helpText: "The order's ID in your shop (for Shopify, the numeric order ID, not the #1001 order number)." },
  ],
  sample: REFERRAL_SAMPLE.created,
} satisfies SearchDefinition;
