/**
 * Part of step 3 of the receive path (delivery.ts): old signed deliveries. A body signature that
 * signs no time (an HMAC of the raw body, a header token) stays valid for ever, so a captured
 * delivery could be replayed weeks later, once its repeat marker has expired. Where the body
 * carries its own event time (`delivery.timePath`), a delivery older than the vendor's retry window
 * (a genuine one is never retried later than that) is refused, and repeat markers live at least
 * that long (dedupe.ts), so within the window a replay is a repeat and after it a refusal.
 */
import { toTime } from '../platforms/conversions';
import type { DeliveryShape } from '../platforms/types';

/**
 * The retry window assumed where the vendor documents none, in seconds: three days, the longest
 * documented window among the platforms served (Rewardful's "over the next 3 days").
 */
export const DEFAULT_MAX_AGE_SECONDS = 3 * 24 * 60 * 60;

/**
 * Added to the window, in seconds: the event time is stamped before the first attempt, Zapier may
 * queue a delivery before running the trigger, and the vendor's clock may run ahead of Zapier's.
 */
export const FRESHNESS_MARGIN_SECONDS = 60 * 60;

/**
 * How long after its event time a timed delivery is still accepted, in seconds: the platform's
 * stated retry window (`delivery.retryWindowSeconds`), else DEFAULT_MAX_AGE_SECONDS, plus the margin.
 */
export function acceptedForSeconds(shape: Pick<DeliveryShape, 'retryWindowSeconds'>): number {
  return (shape.retryWindowSeconds ?? DEFAULT_MAX_AGE_SECONDS) + FRESHNESS_MARGIN_SECONDS;
}

/**
 * The age of a delivery by the event time its body carries.
 * @param eventTime the value at `timePath` (ISO-8601 text, or unix seconds or milliseconds)
 * @param now unix ms
 * @returns the age in seconds (negative for a time ahead of now), or undefined when the value is
 *   not a time (then nothing can be judged and the delivery is not refused for its age)
 */
export function ageSeconds(eventTime: unknown, now: number): number | undefined {
  const iso = toTime(eventTime);
  const at = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(at) ? undefined : (now - at) / 1000;
}

/** True when a delivery with this event time is older than the platform accepts (see acceptedForSeconds). */
export function isStale(shape: Pick<DeliveryShape, 'retryWindowSeconds'>, eventTime: unknown, now: number): boolean {
  const age = ageSeconds(eventTime, now);
  return age !== undefined && age > acceptedForSeconds(shape);
}
