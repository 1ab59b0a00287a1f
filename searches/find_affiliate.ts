import { AFFILIATE_SAMPLE } from '../triggers/samples';
import type { SearchDefinition } from './search-factory';

/** Find Affiliate: by email, exact match first; paired with Create Affiliate as search-or-create. */
export const spec = {
  key: 'find_affiliate',
  noun: 'Affiliate',
  label: 'Find Affiliate',
  description: 'Finds an affiliate by email address.',
  record: 'affiliate',
  event: 'affiliate.created',
  inputFields: [
    { key: 'email', label: 'Email', required: true, helpText: "The affiliate's email address. An exact match comes first." },
  ],
  sample: AFFILIATE_SAMPLE.created,
} satisfies SearchDefinition;
