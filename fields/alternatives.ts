/**
 * The steps that do a trigger's job on a platform where the trigger itself cannot: what every
 * "use … instead" of the editor's notices and of the refusals names. A step is named only when it
 * exists, works on that platform and does the same job (the same record, the same moment: a payout
 * created is not a payout paid), so the advice is never a dead end.
 */
import { eventChosenPerUrl, namesEventInDelivery } from '../platforms/event-route';
import type { NormalizedEvent } from '../platforms/records';
import type { PlatformDefinition } from '../platforms/types';
import { selectVendorEvents } from './event-selection';
import type { HookTriggerSpec, PollingTriggerSpec } from './operations';
import { POLLING_TRIGGER_SPECS } from './polling-triggers';

/** Label of the dashboard-webhook trigger (triggers/dashboard_webhook.ts). */
export const DASHBOARD_TRIGGER_LABEL = 'New Event from Dashboard Webhook';

/**
 * The normalized events an instant trigger listens to, every group of its preference, or `any`
 * for the trigger whose user chooses among every vendor event (New Platform Event).
 */
function jobEvents(spec: HookTriggerSpec): readonly NormalizedEvent[] | 'any' {
  return spec.events === 'chosen' ? 'any' : spec.events.preference.flat();
}

/** Whether the REST-hook trigger can subscribe on the platform (a webhook API and an event for it). */
export function instantServes(platform: PlatformDefinition, spec: HookTriggerSpec): boolean {
  return platform.webhooks.kind === 'api' && (spec.events === 'chosen' || selectVendorEvents(platform, spec.events).length > 0);
}

/**
 * Whether the dashboard webhook passes on the job's events for the platform (its deliveries name
 * their event, or the user names the one its URL receives, and it sends one of them; for `any`,
 * any event the platform sends to a dashboard webhook).
 */
export function dashboardServes(platform: PlatformDefinition, events: readonly NormalizedEvent[] | 'any'): boolean {
  if (!(namesEventInDelivery(platform) || eventChosenPerUrl(platform))) return false;
  if (events === 'any') return platform.webhooks.kind === 'dashboard' && platform.events.length > 0;
  return platform.events.some((event) => event.event !== undefined && events.includes(event.event));
}

/** Why the polling trigger cannot check the platform, or undefined when it can. */
export function pollingRefusal(platform: PlatformDefinition, spec: PollingTriggerSpec): string | undefined {
  const plural = `${spec.record}s`;
  const list = platform.lists[spec.record];
  if (list === undefined) return platform.unlisted?.[spec.record] ?? `${platform.name} offers no API list of ${plural}`;
  if (spec.watch !== 'status') return undefined;
  const status = list.polling?.status ?? (platform.fields[spec.record]?.status !== undefined ? { field: 'status' } : { unavailable: `its ${plural} carry no status` });
  return 'unavailable' in status ? status.unavailable : undefined;
}

/** Quoted labels joined for a sentence: `"A"`, `"A" or "B"`. */
function quoted(labels: readonly string[]): string {
  return labels.map((label) => `"${label}"`).join(' or ');
}

/** The sentence that ends a refusal: what to use instead, or that nothing here does it on the platform. */
function useInstead(platform: PlatformDefinition, labels: readonly string[]): string {
  return labels.length > 0
    ? `Use ${quoted(labels)} instead.`
    : `No other trigger of this app does this on ${platform.name}: check it in ${platform.name}'s dashboard.`;
}

/**
 * The polling trigger that does an instant trigger's job on the platform. New Payout (Polling)
 * reports each payout its list shows once: where the list holds paid payouts only (`onlyStatus`),
 * that is Payout Paid's job and no longer New Payout's.
 */
function pollingTwin(platform: PlatformDefinition, spec: HookTriggerSpec): PollingTriggerSpec | undefined {
  const onlyPaid = platform.lists.payout?.onlyStatus === 'paid';
  if (spec.key === 'new_payout' && onlyPaid) return undefined;
  const key = spec.key === 'payout_paid' && onlyPaid ? 'new_payout' : spec.key;
  return POLLING_TRIGGER_SPECS.find((polling) => polling.instant === key);
}

/**
 * What to use instead of an instant trigger on the platform: its polling twin where the platform's
 * list serves it, and the dashboard webhook where the platform sends the trigger's events to it.
 * @returns a sentence, e.g. `Use "New Referral (Polling)" or "New Event from Dashboard Webhook" instead.`
 */
export function insteadOfInstant(platform: PlatformDefinition, spec: HookTriggerSpec): string {
  const twin = pollingTwin(platform, spec);
  const labels = [
    ...(twin !== undefined && pollingRefusal(platform, twin) === undefined ? [twin.label] : []),
    ...(dashboardServes(platform, jobEvents(spec)) ? [DASHBOARD_TRIGGER_LABEL] : []),
  ];
  return useInstead(platform, labels);
}

/**
 * What to use instead of a polling trigger on the platform: the instant trigger it stands in for
 * where that subscribes, and the dashboard webhook where the platform sends its events to it.
 * @param instant the spec of the instant trigger the polling one stands in for (its `instant` key)
 */
export function insteadOfPolling(platform: PlatformDefinition, instant: HookTriggerSpec | undefined): string {
  const labels = [
    ...(instant !== undefined && instantServes(platform, instant) ? [instant.label] : []),
    ...(instant !== undefined && dashboardServes(platform, jobEvents(instant)) ? [DASHBOARD_TRIGGER_LABEL] : []),
  ];
  return useInstead(platform, labels);
}
