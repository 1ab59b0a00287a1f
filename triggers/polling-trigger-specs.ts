/**
 * The data of every polling trigger built by triggers/polling-trigger.ts, in the order the app
 * lists them: index.ts builds the Zapier triggers from this list. Each names the instant trigger it
 * stands in for, so errors on either side can point at the other.
 */
import { recordKindOf, type NormalizedEvent, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { AFFILIATE_SAMPLE, PAYOUT_SAMPLE, REFERRAL_SAMPLE } from './samples';

/** The data that defines one polling trigger. */
export interface PollingTriggerSpec {
  /** Zapier key, snake_case, ending `_polling`. */
  key: string;
  noun: string;
  /** Title Case label, ending "(Polling)". */
  label: string;
  /** Starts "Triggers when", under 140 characters, says when to prefer it over the instant trigger. */
  description: string;
  record: RecordKind;
  /**
   * `created`: each new record once (Zapier deduplicates by the record's id); `status`: each record
   * again whenever its status changes (the id is `<record id>:<status>`).
   */
  watch: 'created' | 'status';
  /** Key of the instant trigger (triggers/hook-trigger-specs.ts) this one stands in for. */
  instant: string;
  /** Label of that instant trigger, for messages. */
  instantLabel: string;
  /** A realistic output, as perform returns it. */
  sample: NormalizedOutput;
}

/** A status trigger's output: the record under an id that changes with its status, its own id in `record_id`. */
export function statusChangeOutput<R extends NormalizedOutput & { status?: string }>(record: R): R & { record_id: string } {
  const output: R & { record_id: string } = { ...record, record_id: record.id };
  output.id = `${record.id}:${record.status ?? 'unknown'}`;
  return output;
}

export const POLLING_TRIGGER_SPECS: readonly PollingTriggerSpec[] = [
  {
    key: 'new_referral_polling',
    noun: 'Referral',
    label: 'New Referral (Polling)',
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
    description: 'Triggers when a scheduled check finds a referral in a new status. Use it when the instant status trigger cannot be set up.',
    record: 'referral',
    watch: 'status',
    instant: 'referral_status_changed',
    instantLabel: 'Referral Status Changed',
    sample: statusChangeOutput(REFERRAL_SAMPLE.approved),
  },
  {
    key: 'new_affiliate_polling',
    noun: 'Affiliate',
    label: 'New Affiliate (Polling)',
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
    description: 'Triggers when a scheduled check finds an affiliate in a new status. Use it when the instant status trigger cannot be set up.',
    record: 'affiliate',
    watch: 'status',
    instant: 'affiliate_status_changed',
    instantLabel: 'Affiliate Status Changed',
    sample: statusChangeOutput(AFFILIATE_SAMPLE.statusChanged),
  },
  {
    key: 'new_payout_polling',
    noun: 'Payout',
    label: 'New Payout (Polling)',
    description: 'Triggers when a new payout is found on a scheduled check. Use it when the instant New Payout trigger cannot be set up.',
    record: 'payout',
    watch: 'created',
    instant: 'new_payout',
    instantLabel: 'New Payout',
    sample: PAYOUT_SAMPLE.paid,
  },
];

/**
 * The polling trigger that stands in for an instant one, for the instant trigger's refusals.
 * @param instantKey an instant trigger's key, e.g. `new_referral`; `payout_paid` maps to New Payout
 *   (Polling), whose lists hold the payouts made
 * @returns its label, e.g. `New Referral (Polling)`, or undefined when none does
 */
export function pollingAlternativeTo(instantKey: string): string | undefined {
  const key = instantKey === 'payout_paid' ? 'new_payout' : instantKey;
  return POLLING_TRIGGER_SPECS.find((spec) => spec.instant === key)?.label;
}

/**
 * The polling trigger that sees what a normalized event reports, for refusals that know only the
 * vendor event (the REST-hook trigger's subscribe, when a vendor's one webhook per event is taken).
 * @returns e.g. `Referral Status Changed (Polling)` for `referral.approved`; undefined for none
 */
export function pollingTriggerFor(event: NormalizedEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  const kind = recordKindOf(event);
  const watch = event === `${kind}.created` || kind === 'payout' ? 'created' : 'status';
  return POLLING_TRIGGER_SPECS.find((spec) => spec.record === kind && spec.watch === watch)?.label;
}
