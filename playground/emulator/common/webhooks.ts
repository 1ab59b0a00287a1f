/**
 * Webhook mechanics shared by the emulated senders: event-name and target-URL checks and the
 * HMAC-SHA256 primitive. Which header carries a signature, its prefix and the signed bytes are
 * vendor rules and stay in each `vendors/<id>/webhooks.ts`.
 */
import { createHmac } from 'node:crypto';

/** Whether `value` is one of a vendor's event names (`events` is its `as const` list). */
export function isEventOf<E extends string>(events: readonly E[], value: unknown): value is E {
  return events.some((event) => event === value);
}

/**
 * `event` typed as one of the vendor's names, for `fire`: the emulator's own misuse (not an API
 * answer), hence a plain Error naming the vendor.
 */
export function firedEvent<E extends string>(events: readonly E[], vendorName: string, event: string): E {
  if (!isEventOf(events, event)) throw new Error(`${vendorName} sends no event "${event}".`);
  return event;
}

/**
 * Whether `value` is an absolute http(s) URL. The vendors ask for HTTPS targets; plain http is
 * accepted everywhere so that tests can use loopback receivers.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Lower-case hex HMAC-SHA256 of the UTF-8 `payload` with `secret`. */
export function hmacSha256Hex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}
