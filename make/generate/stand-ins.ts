/**
 * The Make side of the event fallback (`VendorEvent.fallback`; on Zapier platforms/event-fallback.ts
 * subscribes, receive/changes.ts filters). A platform whose newer event names some accounts refuse
 * (status events documented later than the older `*.updated` ones) gets:
 * - an attach that tries the trigger's events, and on a 400 or 422 refusal subscribes the `*.updated`
 *   events that stand in for them (make/generate/attach-detach.ts);
 * - a webhook that passes on a stand-in delivery only when its change list holds the status field
 *   (`VendorEvent.changed`) and the record's status is one a replaced event names, as that replaced
 *   event's normalized event (its `vendor_event` stays the update's, as on Zapier).
 * A stand-in delivery reaches the webhook only when attach subscribed it, so the webhook needs no
 * memory of which subscription attach made: an account that took the status events never sends it.
 */
import { fallbackSubscription } from '../../platforms/event-fallback';
import { normalizeStatus } from '../../platforms/normalize';
import type { NormalizedEvent } from '../../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../../platforms/types';
import { recordOutput } from './fields';
import type { Reporter } from './issues';
import { asExpression, pathExpression, quote, wrap } from './iml';
import type { JsonRecord } from './json';
import type { MakeTrigger } from './triggers';

/** One update event subscribed in place of refused ones, e.g. `commission.updated` for `commission.approved` and `commission.denied`. */
export interface StandIn {
  event: VendorEvent;
  /** Each normalized status a replaced event names, with that event's normalized event, e.g. `approved` → `referral.approved`. */
  statuses: readonly (readonly [status: string, event: NormalizedEvent])[];
  /** The event the stand-in amounts to, for a re-fetch's status check: the first replaced event's. */
  amountsTo: NormalizedEvent;
}

/** The status a replaced event's name says (its status field's `default`), normalized; undefined for an event that names none. */
function namedStatus(platform: PlatformDefinition, event: VendorEvent): string | undefined {
  const status = event.fields?.status;
  const kind = event.record ?? event.event?.split('.')[0];
  if (status === undefined || typeof status === 'string' || !('path' in status) || status.default === undefined || kind === undefined) return undefined;
  return normalizeStatus(platform, kind as 'referral' | 'affiliate' | 'payout', status.default);
}

/**
 * The stand-ins of a trigger on a platform that registers webhooks through its API: empty where no
 * event of the trigger has a fallback, or where a replaced event names no status (nothing to filter on).
 */
export function standInsOf(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[], report: Reporter): StandIn[] {
  if (trigger.events === 'chosen' || platform.webhooks.kind !== 'api') return [];
  const fallback = fallbackSubscription(platform, events.map((event) => event.key));
  if (fallback === undefined) return [];
  return Object.entries(fallback.standIns).flatMap(([key, replacedKeys]): StandIn[] => {
    const event = platform.events.find((candidate) => candidate.key === key);
    const replaced = replacedKeys.flatMap((replacedKey) => platform.events.filter((candidate) => candidate.key === replacedKey));
    const statuses = replaced.flatMap((item) => {
      const status = namedStatus(platform, item);
      const normalized = item.event ?? event?.changed?.event;
      return status === undefined || normalized === undefined ? [] : [[status, normalized] as const];
    });
    if (event?.changed === undefined || statuses.length !== replaced.length) {
      report('warning', `${key} stands in for ${replacedKeys.join(', ')} but cannot tell their deliveries apart (no change list or no named status): not subscribed in their place.`);
      return [];
    }
    return [{ event, statuses, amountsTo: statuses[0][1] }];
  });
}

/** The record a stand-in delivery outputs: the update's object, its event the replaced event its status names. */
export function standInRecord(platform: PlatformDefinition, standIn: StandIn, report: Reporter): { vendorEvent: string; record: JsonRecord } {
  const { event } = standIn;
  const kind = standIn.amountsTo.split('.')[0] as 'referral' | 'affiliate' | 'payout';
  const record = recordOutput(
    { platform, kind, event: standIn.amountsTo, vendorEvent: event.key, root: pathExpression('body', event.objectPath ?? ''), raw: 'body', overrides: event.fields },
    report,
  );
  if (standIn.statuses.length > 1 && record.status !== undefined) {
    const status = asExpression(record.status);
    record.event = wrap(`switch(${status}, ${standIn.statuses.flatMap(([named, normalized]) => [quote(named), quote(normalized)]).join(', ')}, null)`);
  }
  return { vendorEvent: event.key, record };
}

/**
 * The webhook condition that passes a stand-in delivery: its event, a change of the status field in
 * its change list (present as text, the idiom of make/generate/fields.ts), and a status a replaced
 * event names (one text search in `'|active|denied|'`, so the status is written once).
 * @param record the stand-in's record (standInRecord), whose `status` is read
 */
export function standInCondition(eventIml: string, standIn: StandIn, record: JsonRecord): string {
  const changed = pathExpression('body', standIn.event.changed?.path ?? '');
  const status = record.status === undefined ? "''" : asExpression(record.status);
  const named = `|${[...new Set(standIn.statuses.map(([value]) => value))].join('|')}|`;
  return `(${eventIml} == ${quote(standIn.event.key)} && toString(${changed}) != '' && contains(${quote(named)}, '|' + toString(${status}) + '|'))`;
}
