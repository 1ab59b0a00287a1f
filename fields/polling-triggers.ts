/**
 * The data of every polling trigger built by triggers/polling-trigger.ts, in the order the app
 * lists them: index.ts builds the Zapier triggers from this list, the Make generator
 * (make/generate/polling.ts) its polling modules. Each names the instant trigger it
 * stands in for, so errors on either side can point at the other.
 */
import { recordKindOf, type NormalizedEvent } from '../platforms/records';
import type { PlatformDefinition } from '../platforms/types';
import type { PollingTriggerSpec } from './operations';
import { statusChangeOutput } from './status-change';
import { AFFILIATE_SAMPLE, PAYOUT_SAMPLE, REFERRAL_SAMPLE } from './samples';

/** When the sample status changes happened (a realistic vendor update time). */
const SAMPLE_CHANGED_AT = '2026-03-10T11:45:00.000Z';

const SPECS = [
  {
    key: 'new_referral_polling',
    noun: 'Referral',
    label: 'New Referral (Polling)',
    make: { name: 'watchNewReferralsPolling', label: 'Watch new referrals (polling)' },
    description: 'Triggers when a new referral is found on a scheduled check. Use it when the instant New Referral trigger cannot be set up.',
    record: 'referral',
    watch: 'created',
    instant: 'new_referral',
    instantLabel: 'New Referral',
    sample: REFERRAL_SAMPLE.created,
  },
  {
    key: 'referral_status_polling',
    noun: 'Referral',
    label: 'Referral Status Changed (Polling)',
    description: 'Triggers when a scheduled check finds that a referral\'s status changed. Use it when the instant status trigger cannot be set up.',
    record: 'referral',
    watch: 'status',
    instant: 'referral_status_changed',
    instantLabel: 'Referral Status Changed',
    sample: statusChangeOutput(REFERRAL_SAMPLE.approved, SAMPLE_CHANGED_AT, 'pending'),
  },
  {
    key: 'new_affiliate_polling',
    noun: 'Affiliate',
    label: 'New Affiliate (Polling)',
    make: { name: 'watchNewAffiliatesPolling', label: 'Watch new affiliates (polling)' },
    description: 'Triggers when a new affiliate is found on a scheduled check. Use it when the instant New Affiliate trigger cannot be set up.',
    record: 'affiliate',
    watch: 'created',
    instant: 'new_affiliate',
    instantLabel: 'New Affiliate',
    sample: AFFILIATE_SAMPLE.created,
  },
  {
    key: 'affiliate_status_polling',
    noun: 'Affiliate',
    label: 'Affiliate Status Changed (Polling)',
    description: 'Triggers when a scheduled check finds that an affiliate\'s status changed. Use it when the instant status trigger cannot be set up.',
    record: 'affiliate',
    watch: 'status',
    instant: 'affiliate_status_changed',
    instantLabel: 'Affiliate Status Changed',
    sample: statusChangeOutput(AFFILIATE_SAMPLE.statusChanged, SAMPLE_CHANGED_AT, 'pending'),
  },
  {
    key: 'new_payout_polling',
    noun: 'Payout',
    label: 'New Payout (Polling)',
    make: { name: 'watchNewPayoutsPolling', label: 'Watch new payouts (polling)' },
    description: 'Triggers when a new payout is found on a scheduled check. Use it when the instant New Payout trigger cannot be set up.',
    record: 'payout',
    watch: 'created',
    instant: 'new_payout',
    instantLabel: 'New Payout',
    sample: PAYOUT_SAMPLE.listed,
  },
] as const satisfies readonly PollingTriggerSpec[];

/** The polling triggers' keys, e.g. `new_referral_polling`. */
export type PollingTriggerKey = (typeof SPECS)[number]['key'];

/** Every PollingTriggerSpec of the app, in the order the app lists them. */
export const POLLING_TRIGGER_SPECS: readonly PollingTriggerSpec<PollingTriggerKey>[] = SPECS;

/**
 * The polling trigger that sees what a normalized event reports on a platform, for refusals that
 * know only the vendor event (the REST-hook trigger's subscribe, when a vendor's one webhook per
 * event is taken).
 * @returns e.g. `Referral Status Changed (Polling)` for `referral.approved`; for `payout.paid`, New
 *   Payout (Polling) only where the platform's payout list holds paid payouts only (`onlyStatus`);
 *   undefined for none
 */
export function pollingTriggerFor(platform: PlatformDefinition, event: NormalizedEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  const kind = recordKindOf(event);
  if (event === 'payout.paid' && platform.lists.payout?.onlyStatus !== 'paid') return undefined;
  const watch = event === `${kind}.created` || kind === 'payout' ? 'created' : 'status';
  return POLLING_TRIGGER_SPECS.find((spec) => spec.record === kind && spec.watch === watch)?.label;
}
