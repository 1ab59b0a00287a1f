/**
 * Which vendor events a trigger subscribes to on a given platform. Triggers speak normalized
 * events; each platform's catalogue says which of its events carry them.
 */
import type { NormalizedEvent } from '../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../platforms/types';

/** The normalized events a trigger listens to. */
export interface TriggerEvents {
  /**
   * Groups in order of preference: the first group the platform serves is used, with every event
   * of it the platform has. (A vendor's single "status changed" event beats separate approved /
   * denied events, which would run the Zap twice for one change.)
   */
  preference: readonly (readonly NormalizedEvent[])[];
  /** With a status filter: the event that means exactly "became <status>", preferred when the platform has it. */
  byStatus?: Readonly<Record<string, NormalizedEvent>>;
}

function eventsFor(platform: PlatformDefinition, wanted: readonly NormalizedEvent[]): VendorEvent[] {
  return platform.events.filter((event) => event.event !== undefined && wanted.includes(event.event));
}

/**
 * The vendor events to subscribe for a trigger.
 * @param status the user's optional "only when the status becomes" filter
 * @returns the vendor events, empty when the platform serves none of the trigger's events
 */
export function selectVendorEvents(platform: PlatformDefinition, events: TriggerEvents, status?: string): VendorEvent[] {
  const exact = status ? events.byStatus?.[status] : undefined;
  if (exact) {
    const matching = eventsFor(platform, [exact]);
    if (matching.length > 0) return matching;
  }
  for (const group of events.preference) {
    const matching = eventsFor(platform, group);
    if (matching.length > 0) return matching;
  }
  return [];
}

/** "referral.new, referral.approved, …": what a platform offers, for error messages. */
export function describeOffer(platform: PlatformDefinition): string {
  return platform.events.map((event) => event.key).join(', ');
}
