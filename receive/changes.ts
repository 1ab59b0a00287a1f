/**
 * Part of step 5 of the receive path (delivery.ts): what an update event's change list says
 * (`VendorEvent.changed`). An update that changed the field is the normalized event the data names
 * (FirstPromoter's `commission.updated` with `changes.status` is a referral status change); and a
 * subscription that took the update in place of refused event names (`VendorEvent.fallback`,
 * platforms/event-fallback.ts) runs its Zap only for the updates a refused event would have brought.
 */
import { normalizeStatus } from '../platforms/normalize';
import { getPath } from '../platforms/paths';
import type { NormalizedEvent, NormalizedOutput, RecordKind } from '../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../platforms/types';

/** True when the delivery body holds the change the event's `changed` names. */
function holdsChange(vendorEvent: VendorEvent, body: unknown): boolean {
  const path = vendorEvent.changed?.path;
  if (path === undefined) return false;
  const value = getPath(body, path);
  return value !== undefined && value !== null;
}

/**
 * The normalized event an update delivery is, from its change list.
 * @returns the `changed.event` when the body holds the change, else undefined (the plain update)
 */
export function changedEvent(vendorEvent: VendorEvent, body: unknown): NormalizedEvent | undefined {
  return holdsChange(vendorEvent, body) ? vendorEvent.changed?.event : undefined;
}

/** The normalized status a replaced event's name says (its status field's default), if any. */
function namedStatus(platform: PlatformDefinition, kind: RecordKind, event: VendorEvent): string | undefined {
  const status = event.fields?.status;
  if (status === undefined || typeof status === 'string' || !('path' in status) || status.default === undefined) return undefined;
  return normalizeStatus(platform, kind, status.default);
}

/**
 * For a delivery of an event that stands in for refused events: the replaced event it amounts to,
 * or why it does not concern this Zap.
 * @param replaced the refused event keys the delivery's event stands in for (the subscription's `standIns`)
 * @returns `{ event }`: run the Zap, the output's event set to the replaced event's (its
 *   `vendor_event` stays the update's); `{ skip }`: no run (no change of the field, or a status no
 *   replaced event names), with the reason for the log
 */
export function standInOutcome(
  platform: PlatformDefinition,
  vendorEvent: VendorEvent,
  replaced: readonly string[],
  body: unknown,
  output: NormalizedOutput,
): { event: NormalizedOutput['event'] } | { skip: string } {
  if (!holdsChange(vendorEvent, body)) return { skip: `${vendorEvent.key} changed nothing the replaced events (${replaced.join(', ')}) stand for` };
  const kind = vendorEvent.record;
  const status = 'status' in output ? output.status : undefined;
  for (const key of replaced) {
    const event = platform.events.find((candidate) => candidate.key === key);
    if (event === undefined || kind === undefined) continue;
    const named = namedStatus(platform, kind, event);
    // A replaced event that names no status (one that is not a status event) takes every change.
    if (named === undefined || named === status) return { event: event.event ?? output.event };
  }
  return { skip: `${vendorEvent.key} brought status ${String(status)}, which none of ${replaced.join(', ')} names` };
}
