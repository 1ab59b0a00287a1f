/**
 * The event of a record in words (issue 23 item 11), the `event_name` output field: the same text
 * on Zapier (receive/enrich.ts fills it on every trigger's records) and in the Make apps (their
 * record outputs carry it as a constant per event, make/generate/fields.ts).
 */
import { UNMAPPED_EVENT } from './records';
import type { PlatformDefinition } from './types';

/**
 * "Referral approved" for a normalized event (`referral.approved`), else the vendor's own label
 * without its code ("Link: Clicked (link.clicked)" → "Link clicked"), else the vendor's event name.
 * @param event the normalized event, or UNMAPPED_EVENT
 * @param vendorEvent the vendor's event name, e.g. `link.clicked`
 */
export function eventName(platform: PlatformDefinition, event: string, vendorEvent: string): string {
  const words =
    event !== UNMAPPED_EVENT
      ? event.replace('.', ' ').replace(/_/g, ' ')
      : (platform.events.find((candidate) => candidate.key === vendorEvent)?.label ?? vendorEvent).replace(/\s*\([^)]*\)$/, '').replace(/:\s*/g, ' ');
  const text = words.trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
