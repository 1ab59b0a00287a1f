/**
 * Subscribe-side half of the event fallback (`VendorEvent.fallback`): which events to subscribe
 * when an account refuses newer event names, and which refused events each one stands in for. The
 * receive path (receive/changes.ts) reads the stand-ins back to run a Zap only for the deliveries
 * the refused events would have brought.
 */
import type { PlatformDefinition } from './types';

/** The events to subscribe instead, and for each fallback event the refused events it stands in for. */
export interface FallbackSubscription {
  events: string[];
  /** Fallback event key → the event keys it replaces, e.g. `{ 'commission.updated': ['commission.approved'] }`. */
  standIns: Record<string, string[]>;
}

/**
 * The subscription to try when the vendor refuses `events`: each event with a `fallback` replaced by
 * its fallback (once, however many it replaces), the others kept.
 * @returns undefined when no event of the list has a fallback (nothing else to try)
 */
export function fallbackSubscription(platform: PlatformDefinition, events: readonly string[]): FallbackSubscription | undefined {
  const standIns: Record<string, string[]> = {};
  const subscribed: string[] = [];
  for (const key of events) {
    const fallback = platform.events.find((event) => event.key === key)?.fallback?.event;
    const instead = fallback ?? key;
    if (!subscribed.includes(instead)) subscribed.push(instead);
    if (fallback !== undefined) (standIns[fallback] ??= []).push(key);
  }
  const hasFallback = Object.keys(standIns).length > 0;
  // An event the Zap asked for itself runs for every delivery: it stands in for nothing.
  for (const key of events) delete standIns[key];
  return hasFallback ? { events: subscribed, standIns } : undefined;
}
