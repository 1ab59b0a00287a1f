/**
 * The data of every instant trigger built by the REST-hook factory (triggers/hook-trigger.ts), in
 * the order the app lists them: index.ts builds the Zapier triggers from this list, and the Make
 * generator (make/generate/triggers.ts) reads the same data.
 */
import type { HookTriggerSpec } from '../operations';
import { spec as affiliateStatusChanged } from './affiliate_status_changed';
import { spec as newAffiliate } from './new_affiliate';
import { spec as newPayout } from './new_payout';
import { spec as newPlatformEvent } from './new_platform_event';
import { spec as newReferral } from './new_referral';
import { spec as payoutPaid } from './payout_paid';
import { spec as referralStatusChanged } from './referral_status_changed';

const SPECS = [
  newReferral,
  referralStatusChanged,
  newAffiliate,
  affiliateStatusChanged,
  newPayout,
  payoutPaid,
  newPlatformEvent,
] as const satisfies readonly HookTriggerSpec[];

/** The instant triggers' keys, e.g. `new_referral`. */
export type HookTriggerKey = (typeof SPECS)[number]['key'];

/** Every HookTriggerSpec of the app, e.g. `{ key: 'new_referral', events: { preference: [['referral.created']] }, record: 'referral', … }`. */
export const HOOK_TRIGGER_SPECS: readonly HookTriggerSpec<HookTriggerKey>[] = SPECS;
