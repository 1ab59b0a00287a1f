/**
 * Webhook mechanics shared by the emulated senders: event-name and target-URL checks and the
 * HMAC-SHA256 primitive, and non-ASCII escaping of body bytes. Which header carries a signature,
 * its prefix and the signed bytes are vendor rules and stay in each vendor's emulator module.
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

/**
 * `json` with every non-ASCII character written as a `\uXXXX` escape (characters beyond the BMP
 * as their surrogate pair), as PHP's `json_encode` and Python's `json.dumps` write by default.
 * Such characters occur only inside JSON strings, so the meaning is unchanged and only the bytes
 * differ from `JSON.stringify`: a receiver that re-serialises the parsed body instead of hashing
 * the raw bytes then fails its signature check, as it would against those senders.
 */
export function asciiOnlyJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
