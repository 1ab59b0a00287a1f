/**
 * Suppresses repeated deliveries. Vendors retry with backoff and Zapier does not deduplicate hook
 * runs, so the same event can arrive twice; the second one must not run the Zap again. But a
 * vendor may also send a byte-identical body for a new event (status-changed bodies
 * are bare diffs with no id or time), which must run. So a repeat is keyed on what identifies an
 * event, per Zap:
 * - the vendor's event id, or a body that carries its event's time: remembered DEDUPE_TTL_SECONDS;
 * - otherwise a digest of the verified body, remembered only for the vendor's retry window.
 * One marker per key in zapier-platform-core's `z.cache`, written with `nx` in one call, whose
 * answer says whether the key was new.
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';

/** How long an event id is remembered, in seconds: longer than vendors' documented retry windows we know of. */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

/**
 * How long an anonymous body (no event id, no time) is remembered when the platform states no
 * retry window, in seconds: a few minutes catches a vendor's prompt retries of a delivery that
 * timed out, yet lets a legitimately repeated state change through soon after [INF].
 */
export const DEFAULT_RETRY_WINDOW_SECONDS = 10 * 60;

/** The cache scope of the markers: the connection, so another account never sees them. */
const MARKER_SCOPE = ['auth'];

/** What identifies a delivery for one Zap. */
export interface DeliveryIdentity {
  platform: string;
  /** The Zap (see zapIdentity in bundle-delivery.ts), so two Zaps never share markers. */
  listener: string;
  /** The vendor's event id, where the payload has one. */
  deliveryId?: string;
  /** True when the body carries its event's time, so identical bodies are the same event. */
  timed: boolean;
  /** The exact body, digested when there is no event id. */
  rawBody: string;
  /** The platform's retry window in seconds (`delivery.retryWindowSeconds`), for anonymous bodies. */
  retryWindowSeconds?: number;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The marker's key and how long it lives (seconds, an integer as z.cache requires). */
export function markerFor(identity: DeliveryIdentity): { key: string; ttl: number } {
  const what = identity.deliveryId ? `id:${identity.deliveryId}` : `body:${digest(identity.rawBody)}`;
  const lasting = identity.deliveryId !== undefined || identity.timed;
  const ttl = lasting ? DEDUPE_TTL_SECONDS : Math.max(1, Math.round(identity.retryWindowSeconds ?? DEFAULT_RETRY_WINDOW_SECONDS));
  return { key: `delivery:${digest(`${identity.platform}\n${identity.listener}\n${what}`)}`, ttl };
}

/**
 * Marks a delivery as seen, in one `set` with `nx` (so two copies racing cannot both pass). Call
 * it only once the run is certain to be handed to Zapier: a marker for a run that then fails would
 * make the vendor's retry look like a repeat.
 * @returns true the first time a delivery is seen, false for a repeat while its marker lives.
 *   Zapier's cache answers false when `nx` found the key; any other answer counts as new, so an
 *   unexpected answer never drops a genuine event.
 */
export async function isFirstDelivery(z: ZObject, identity: DeliveryIdentity): Promise<boolean> {
  const { key, ttl } = markerFor(identity);
  const stored = await z.cache.set(key, true, ttl, MARKER_SCOPE, true);
  return stored !== false;
}
