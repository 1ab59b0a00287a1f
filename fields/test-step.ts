/**
 * What an instant trigger's test step (performList) shows: records from the platform's list API,
 * as many as the editor shows (3), filtered the way the live Zap filters (a status filter, Payout
 * Paid's paid payouts) after reading a full page so a filter never empties the step while the
 * account has a matching record, and trimmed to the fields a live delivery of the subscribed
 * events fills (`VendorEvent.delivers`), so every field the user maps while testing is filled live.
 */
import type { NormalizedEvent, NormalizedOutput } from '../platforms/records';
import type { VendorEvent } from '../platforms/types';

/** Records the test step returns: Zapier's editor shows three. */
export const TEST_STEP_SIZE = 3;

/** The status a record reported by a normalized event has, where the event means one (the dashboard webhook's "Only These Events"). */
export const EVENT_STATUS: Readonly<Partial<Record<NormalizedEvent, string>>> = {
  'referral.approved': 'approved',
  'referral.denied': 'denied',
  'affiliate.approved': 'active',
  'affiliate.denied': 'denied',
  'affiliate.deactivated': 'inactive',
  'affiliate.removed': 'removed',
  'payout.paid': 'paid',
  'payout.failed': 'failed',
};

/** Fields every record and every delivery has. */
const ALWAYS = new Set(['id', 'platform', 'event', 'vendor_event', 'raw']);

/**
 * The fields a live delivery of each of `events` fills.
 * @returns the fields every one of them fills, or undefined when each fills the whole field map
 */
export function deliveredFields(events: readonly VendorEvent[]): Set<string> | undefined {
  let common: Set<string> | undefined;
  for (const event of events) {
    if (event.delivers === undefined) continue;
    const fields = new Set(event.delivers);
    common = common === undefined ? fields : new Set([...common].filter((field) => fields.has(field)));
  }
  return common;
}

/**
 * The test step's records: those with the wanted status (all when none is wanted), at most
 * `TEST_STEP_SIZE`, each without the fields a live delivery lacks.
 * @param records a full page of the list, newest first where the vendor orders so
 * @param status the status a live run would have (the user's filter, or the trigger's own)
 * @param delivered what `deliveredFields` returned for the subscribed events
 */
export function testStepRecords(records: readonly NormalizedOutput[], status: string | undefined, delivered: Set<string> | undefined): NormalizedOutput[] {
  return records
    .filter((record) => status === undefined || ('status' in record && record.status === status))
    .slice(0, TEST_STEP_SIZE)
    .map((record) =>
      delivered === undefined ? record : (Object.fromEntries(Object.entries(record).filter(([key]) => ALWAYS.has(key) || delivered.has(key))) as NormalizedOutput),
    );
}
