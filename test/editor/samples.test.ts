/**
 * Fallback samples per platform (issue 23 item 13, Zapier's check T004): a trigger's static sample
 * is one record for every platform, so it shows only keys that every platform serving the trigger
 * fills live, through its deliveries (the subscribed events' `delivers`, or the whole field map)
 * or its lists (polling), plus what the look-ups add (receive/enrich.ts). The per-platform keys are
 * the test step's, from the platform's own list (test/editor/test-step-parity.test.ts).
 */
import { pollable } from '../../app/served';
import { selectVendorEvents } from '../../fields/event-selection';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers';
import { unservableReason } from '../../fields/hook-trigger-fields';
import { filledKeys, suppliedKeys } from '../../fields/output-fields';
import { POLLING_TRIGGER_SPECS } from '../../fields/polling-triggers';
import { deliveredFields } from '../../fields/test-step';
import { PLATFORMS } from '../../platforms/registry';
import { recordKindOf, type NormalizedEvent, type RecordKind } from '../../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../../platforms/types';
import { DASHBOARD_WEBHOOK } from '../../triggers/dashboard_webhook';
import { app } from '../helpers/app';

/** Keys that say what a record is, filled on every platform by construction (their values are the sample's platform's). */
const FACTS = new Set(['id', 'platform', 'event', 'vendor_event', 'event_name', 'raw']);

/** A polling status change names its record and, past the first poll, the status before (fields/status-change.ts). */
const STATUS_POLL_FACTS = new Set(['record_id', 'previous_status']);

/** What a live delivery of any one of `events` fills, look-ups included. */
function deliveredKeys(platform: PlatformDefinition, kind: RecordKind, events: readonly VendorEvent[]): Set<string> {
  const delivered = deliveredFields(events);
  return delivered === undefined ? filledKeys(platform, kind) : new Set([...delivered, ...suppliedKeys(platform, kind)]);
}

function eventsOfKind(platform: PlatformDefinition, kind: RecordKind): VendorEvent[] {
  return platform.events.filter((event) => (event.event !== undefined ? recordKindOf(event.event) : event.record) === kind);
}

/** Each platform serving the trigger, with the keys it fills for the sample's record kind. */
function servingPlatforms(key: string, kind: RecordKind): { platform: PlatformDefinition; filled: Set<string> }[] {
  const hook = HOOK_TRIGGER_SPECS.find((spec) => spec.key === key);
  const poll = POLLING_TRIGGER_SPECS.find((spec) => spec.key === key);
  return PLATFORMS.flatMap((platform) => {
    if (poll !== undefined) return pollable(platform, poll) ? [{ platform, filled: filledKeys(platform, kind) }] : [];
    const dashboard = key === DASHBOARD_WEBHOOK;
    if (platform.webhooks.kind !== (dashboard ? 'dashboard' : 'api')) return [];
    if (hook !== undefined && unservableReason(hook, platform) !== undefined) return [];
    const events = hook !== undefined && hook.events !== 'chosen' ? selectVendorEvents(platform, hook.events) : eventsOfKind(platform, kind);
    return events.length === 0 ? [] : [{ platform, filled: deliveredKeys(platform, kind, events) }];
  });
}

const TRIGGERS = Object.values(app.triggers as Record<string, { key: string; display: { hidden?: boolean }; operation: { sample?: Record<string, unknown> } }>).filter(
  (trigger) => trigger.display.hidden !== true && trigger.operation.sample !== undefined,
);

describe('fallback samples show only what every platform fills', () => {
  it.each(TRIGGERS.map((trigger) => [trigger.key, trigger] as const))('%s', (key, trigger) => {
    const sample = trigger.operation.sample!;
    const kind = recordKindOf(sample.event as NormalizedEvent);
    const serving = servingPlatforms(key, kind);
    expect(serving.length).toBeGreaterThan(0);
    const facts = POLLING_TRIGGER_SPECS.some((spec) => spec.key === key && spec.watch === 'status') ? new Set([...FACTS, ...STATUS_POLL_FACTS]) : FACTS;
    const lacking = serving.flatMap(({ platform, filled }) =>
      Object.keys(sample)
        .filter((field) => !facts.has(field) && !filled.has(field))
        .map((field) => `${platform.id} fills no ${field}`),
    );
    expect(lacking).toEqual([]);
  });
});
