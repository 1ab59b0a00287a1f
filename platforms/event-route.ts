/**
 * Routing by URL for platforms whose webhook bodies name no event (or may not): subscribing adds
 * our `ah_event` parameter to the target URL (webhooks.ts, the Make generator), and the receive
 * path reads it back (receive/identify.ts) to know which subscription, so which event, a delivery
 * belongs to.
 */
import { createHmac } from 'node:crypto';
import type { PlatformDefinition } from './types';

/**
 * The query parameter our subscribe adds to the target URL for platforms whose payloads name no
 * event: the delivery tells which subscription (so which event) it belongs to.
 */
export const EVENT_PARAM = 'ah_event';

/**
 * The query parameter that binds `ah_event` to its subscription: the signature covers the body,
 * not the URL, so under a secret shared by every subscription of a shop a captured delivery could
 * otherwise be re-sent with another `ah_event` (issue 22 item 14). Only the holder of the
 * connection's key can compute it for another event.
 */
export const ROUTE_PARAM = 'ah_route';

/**
 * The route token of one event of one Zap: HMAC-SHA256 of the Zap's target URL and the event,
 * keyed with the connection's API key, hex, 32 characters. The same on every subscribe of the
 * Zap, so a repeated subscribe registers the same URL (a one-per-event vendor sees no clash).
 */
export function routeToken(key: string, targetUrl: string, event: string): string {
  return createHmac('sha256', key).update(`${targetUrl}\n${event}`, 'utf8').digest('hex').slice(0, 32);
}

/**
 * True when the platform's deliveries may be routed by our `ah_event` URL parameter: its bodies
 * name no event (in the body or a header), or may not (`routeByUrl`). webhooks.ts adds the parameter for the same platforms.
 */
export function routesByUrl(platform: PlatformDefinition): boolean {
  const { eventPath, eventHeader, routeByUrl } = platform.delivery;
  return (eventPath === undefined && eventHeader === undefined) || routeByUrl === true;
}

/**
 * True when a delivery names its own event, in its body (`eventPath`) or a header (`eventHeader`):
 * then one URL can take every event, as a dashboard webhook's does.
 */
export function namesEventInDelivery(platform: PlatformDefinition): boolean {
  return platform.delivery.eventPath !== undefined || platform.delivery.eventHeader !== undefined;
}

/**
 * True when the platform's dashboard webhooks send one event each, named nowhere in the delivery
 * (`webhooks.eventChosenPerUrl`): the dashboard trigger asks which event its URL receives.
 */
export function eventChosenPerUrl(platform: PlatformDefinition): boolean {
  return platform.webhooks.kind === 'dashboard' && platform.webhooks.eventChosenPerUrl !== undefined;
}
