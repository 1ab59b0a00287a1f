/**
 * Step 7 of the receive path (index.ts). Suppresses repeated deliveries. Vendors retry with backoff and Zapier does not deduplicate hook
 * runs, so the same event can arrive twice; the second one must not run the Zap again. But a
 * vendor may also send a byte-identical body for a new event (status-changed bodies
 * are bare diffs with no id or time), which must run. So a repeat is keyed on what identifies an
 * event, per Zap:
 * - the vendor's event id, or a body that carries its event's time: remembered DEDUPE_TTL_SECONDS,
 *   or longer where a delivery that old is still accepted (the platform's retry window, see
 *   freshness.ts), so a replay is never new again while it would still pass;
 * - otherwise a digest of the verified body, or (where the platform names what identifies an id-less
 *   delivery, `delivery.recordIdentity`) of its event, record id and state, remembered only for
 *   the vendor's retry window.
 * A body is digested as its signature covers it (`signedText`) where the scheme accepts more than
 * one byte form of one signed event (a signature field cut out of the body it signed, around
 * which whitespace may vary): reformatting a captured delivery never makes it new.
 * One marker per key in zapier-platform-core's `z.cache`, written with `nx` in one call, whose
 * answer says whether the key was new; only a definite `true` does.
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
  /** The Zap (see zapIdentity in bundle.ts), so two Zaps never share markers. */
  listener: string;
  /** The vendor's event id, where the payload has one. */
  deliveryId?: string;
  /** True when the body carries its event's time, so identical bodies are the same event. */
  timed: boolean;
  /** The event, record id and state of an id-less delivery (`delivery.recordIdentity`), keyed instead of the body. */
  recordKey?: string;
  /** The exact body, digested when there is no event id. */
  rawBody: string;
  /** The text the signature covers, digested instead of `rawBody` where it differs (see above). */
  signedText?: string;
  /** The platform's retry window in seconds (`delivery.retryWindowSeconds`), for anonymous bodies. */
  retryWindowSeconds?: number;
  /** Seconds a timed delivery stays acceptable (freshness.ts); markers of identified events live at least that long. */
  acceptedForSeconds?: number;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The marker's key and how long it lives (seconds, an integer as z.cache requires). */
export function markerFor(identity: DeliveryIdentity): { key: string; ttl: number } {
  const what = identity.deliveryId
    ? `id:${identity.deliveryId}`
    : identity.recordKey !== undefined
      ? `record:${digest(identity.recordKey)}`
      : `body:${digest(identity.signedText ?? identity.rawBody)}`;
  const lasting = identity.deliveryId !== undefined || identity.timed;
  // A timed body is accepted for its platform's window (freshness.ts): its marker must outlive that.
  const ttl = lasting
    ? Math.max(DEDUPE_TTL_SECONDS, identity.timed ? Math.ceil(identity.acceptedForSeconds ?? 0) : 0)
    : Math.max(1, Math.round(identity.retryWindowSeconds ?? DEFAULT_RETRY_WINDOW_SECONDS));
  return { key: `delivery:${digest(`${identity.platform}\n${identity.listener}\n${what}`)}`, ttl };
}

/**
 * Marks a delivery as seen, in one `set` with `nx` (so two copies racing cannot both pass). Call
 * it only once the run is certain to be handed to Zapier: a marker for a run that then fails would
 * make the vendor's retry look like a repeat.
 * @returns true the first time a delivery is seen; false for a repeat while its marker lives, and
 *   for any answer but a definite `true` (see storedNew): a confused cache never doubles a run.
 */
export async function isFirstDelivery(z: ZObject, identity: DeliveryIdentity): Promise<boolean> {
  const { key, ttl } = markerFor(identity);
  return storedNew(z, await z.cache.set(key, true, ttl, MARKER_SCOPE, true), 'a repeat marker');
}

/**
 * Reads the answer of a `z.cache.set(…, nx = true)`: true only when the cache says it stored the
 * key (so it was new). Zapier answers false when `nx` found the key; core's typing also allows
 * null, whose meaning is not documented, so null or anything else fails closed (not stored) and is
 * logged for the developer (the key is a digest: the line names no event, Zap or secret).
 * @param what what the marker is for, e.g. `a repeat marker`, for the log line
 */
export function storedNew(z: ZObject, answer: unknown, what: string): boolean {
  if (answer === true) return true;
  if (answer !== false) z.console.log(`Affiliate Hub: Zapier's cache gave no clear answer (${answer === null ? 'null' : typeof answer}) when setting ${what}; taken as already set.`);
  return false;
}
