/**
 * The data of every action, in the order the app lists them: index.ts builds the Zapier creates
 * from this list, and the Make generator (make/generate/actions.ts) maps over the same data.
 */
import type { ActionDefinition } from '../operations';
import { spec as approveAffiliate } from './approve_affiliate';
import { spec as approveReferral } from './approve_referral';
import { spec as createAffiliate } from './create_affiliate';
import { spec as createReferral } from './create_referral';
import { spec as denyAffiliate } from './deny_affiliate';
import { spec as denyReferral } from './deny_referral';
import { spec as markPayoutPaid } from './mark_payout_paid';
import { spec as trackRefund } from './track_refund';

/** Every ActionDefinition of the app, e.g. `{ key: 'approve_referral', record: 'referral', inputFields: […], … }`. */
export const ACTION_SPECS: readonly ActionDefinition[] = [
  approveReferral,
  denyReferral,
  createReferral,
  createAffiliate,
  approveAffiliate,
  denyAffiliate,
  markPayoutPaid,
  trackRefund,
];
