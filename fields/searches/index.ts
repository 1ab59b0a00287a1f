/**
 * The data of every search, in the order the app lists them: index.ts builds the Zapier searches
 * from this list, and the Make generator (make/generate/searches.ts) maps over the same data.
 */
import type { SearchDefinition } from '../operations';
import { spec as findAffiliate } from './find_affiliate';
import { spec as findReferral } from './find_referral';

/** Every SearchDefinition of the app, e.g. `{ key: 'find_affiliate', record: 'affiliate', inputFields: [{ key: 'email', … }], … }`. */
export const SEARCH_SPECS: readonly SearchDefinition[] = [findAffiliate, findReferral];

/** Search-or-create pairs: a search key and the create that runs when it finds nothing. */
export const SEARCH_OR_CREATES = [
  {
    key: 'find_affiliate',
    display: {
      label: 'Find or Create Affiliate',
      description: 'Finds an affiliate by email, or creates one if none is found.',
    },
    search: 'find_affiliate',
    create: 'create_affiliate',
  },
] as const;
