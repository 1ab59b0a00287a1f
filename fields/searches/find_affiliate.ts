import { AFFILIATE_SAMPLE } from '../samples';
import type { SearchDefinition } from '../operations';

/** Find Affiliate: by email, exact match first; paired with Create Affiliate as search-or-create. */
export const spec = {
  key: 'find_affiliate',
  noun: 'Affiliate',
  label: 'Find Affiliate',
  makeLabel: 'Search affiliates',
  description: 'Finds an affiliate by email address or by ID.',
  record: 'affiliate',
  event: 'affiliate.created',
  // Email addresses are compared without case, as vendors store them in any case.
  match: 'case_insensitive',
  inputFields: [
    {
      key: 'email',
      label: 'Affiliate (Email or ID)',
      required: true,
      helpText: "The affiliate's email address (an exact match comes first), or the affiliate's ID on your platform, e.g. a referral's Affiliate ID.",
    },
  ],
  // An id (no @) is fetched directly where the platform has a get for affiliates.
  idInput: 'email',
  sample: AFFILIATE_SAMPLE.created,
} satisfies SearchDefinition;
