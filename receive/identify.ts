/**
 * Step 4 of the receive path (index.ts): which vendor event a verified, parsed delivery is, and
 * whether the secret that verified it may carry that event when the event came from our URL route.
 */
import { EVENT_PARAM, ROUTE_PARAM, routesByUrl } from '../platforms/event-route';
import { findHeader, safeEqualText } from '../signature-schemes';
import { getPath } from '../platforms/paths';
import type { JsonObject } from '../platforms/records';
import type { PlatformDefinition } from '../platforms/types';
import type { Delivery } from '../signature-schemes';
import type { Expectation } from './expectation';

/**
 * The vendor event a delivery names, and whether that came from the URL's route rather than the
 * body: the body's event paths first, then the platform's event header, then (where the platform routes by URL) our `ah_event`
 * parameter, then the single event the subscription covers.
 */
export function identifyEvent(platform: PlatformDefinition, body: JsonObject, delivery: Delivery, expectation: Expectation): { key?: string; routed: boolean } {
  const { eventPath, eventAliases } = platform.delivery;
  const paths: readonly string[] = eventPath === undefined ? [] : typeof eventPath === 'string' ? [eventPath] : eventPath;
  const named = paths.map((path) => getPath(body, path)).find((value) => typeof value === 'string');
  if (typeof named === 'string') return { key: eventAliases?.[named] ?? named, routed: false };
  const header = platform.delivery.eventHeader === undefined ? undefined : findHeader(delivery.headers, platform.delivery.eventHeader);
  if (header !== undefined) return { key: eventAliases?.[header] ?? header, routed: false };
  if (!routesByUrl(platform)) return { routed: false };
  const routed = delivery.query[EVENT_PARAM];
  if (routed !== undefined) return { key: routed, routed: true };
  return { key: expectation.events?.length === 1 ? expectation.events[0] : undefined, routed: false };
}

/**
 * True when the secret that verified the delivery may carry `eventKey`: a routed event is taken
 * from the URL, which the signature does not cover, so a captured delivery re-sent with another
 * `ah_event` must not pass with a secret issued for another subscription.
 */
export function routeMatchesSecret(expectation: Expectation, verifiedWith: string | undefined, eventKey: string): boolean {
  if (verifiedWith === undefined) return true;
  return expectation.secrets.some((entry) => entry.secret === verifiedWith && (entry.events === undefined || entry.events.includes(eventKey)));
}

/**
 * True when a routed event is the one its URL was registered for: where the Zap's subscriptions
 * carry route tokens (`expectation.routes`), the delivery's `ah_route` must be the token of a
 * subscription to `eventKey`, compared in constant time. A secret shared by every subscription of
 * a shop (UpPromote may issue one) cannot bind the route; the token, computed with the
 * connection's key, does. An event whose subscription was made before route tokens has none: then
 * only the secret binds it (routeMatchesSecret).
 */
export function routeIsBound(expectation: Expectation, delivery: Delivery, eventKey: string): boolean {
  const routes = (expectation.routes ?? []).filter((route) => route.event === eventKey);
  if (routes.length === 0) return true;
  const received = delivery.query[ROUTE_PARAM];
  return received !== undefined && routes.some((route) => safeEqualText(route.token, received));
}
