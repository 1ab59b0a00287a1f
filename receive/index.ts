/**
 * The receive path: the one pipeline every webhook trigger runs, one file a step, read in order:
 * 1. bundle.ts — the delivery out of Zapier's bundle, and which Zap is listening;
 * 2. verify.ts — its signature, through the platform's scheme (signature-schemes/);
 * 3. delivery.ts — parse, then (4) identify.ts — which vendor event, then (5) normalize through the
 *    platform's field map (platforms/normalize.ts);
 * 6. this file — the trigger's event and status filters, and how a refusal reaches the user;
 * 7. dedupe.ts — once per Zap.
 * The triggers' perform only says what to expect and which Zap is listening.
 *
 * A delivery refused because it could not be verified or understood (a signature that matches no
 * scheme, a body that is not JSON, an unknown event, an item without id) must reach the user, yet
 * never count toward pausing their Zap, and forgeries must not flood their Zap history: the first
 * such refusal per Zap and reason in REFUSAL_REPORT_SECONDS throws `z.errors.HaltedError` with the
 * reason (Zapier shows a halted run with its message and does not count it as an error); the
 * others within that hour are `[]` plus a `z.console.log` (developer logs only). No message quotes
 * the body, a secret or a signature. URL-check pings, events the trigger does not listen to,
 * filtered and repeated deliveries stay silent (`[]`). A genuine problem throws `z.errors.Error`:
 * the vendor's verify service being down, a verified delivery this Zap can never identify, an
 * output Zapier cannot carry.
 */
import type { ZObject } from 'zapier-platform-core';
import { createHash } from 'node:crypto';
import { isFirstDelivery, storedNew } from './dedupe';
import { receiveDelivery, type Delivery, type Expectation, type Refusal } from './delivery';
import type { NormalizedOutput } from '../platforms/records';
import type { PlatformDefinition } from '../platforms/types';

/** What the trigger passes on among the deliveries it accepts. */
export interface DeliveryFilters {
  /** Normalized events (e.g. `referral.created`) to pass on; undefined passes every event. */
  events?: readonly string[];
  /** Pass on only records whose normalized `status` is this one; undefined passes every status. */
  status?: string;
}

/** One delivery for one Zap's trigger. */
export interface ReceiveRequest {
  delivery: Delivery;
  /** The secrets, token and vendor events the delivery is checked against. */
  expectation: Expectation;
  filters?: DeliveryFilters;
  /** The listening Zap (zapIdentity in bundle.ts): repeat markers are per Zap. */
  listener: string;
  /** Names the endpoint in log lines, e.g. `dashboard`. */
  endpoint?: string;
  /**
   * The error for a verified delivery whose event cannot be known (a platform whose payloads name
   * none, reaching a webhook with no route): without it, such a delivery is refused like any other.
   */
  unnamedEventError?: () => Error;
  /** Unix ms, for schemes that sign a time. */
  now?: number;
}

/** How long one reported refusal silences the same refusal for the same Zap, in seconds (an hour). */
export const REFUSAL_REPORT_SECONDS = 60 * 60;

/**
 * Refusals that are not failures: a URL check, an event this trigger does not listen to, and a
 * delivery with nothing on record to check it against yet (one racing the subscribe that issues the secret).
 */
const SILENT_REFUSALS: readonly Refusal['reason'][] = ['empty_body', 'not_listened', 'missing_secret', 'test_delivery'];

/** The cache scope of the report markers: the connection (as the repeat markers in dedupe.ts). */
const REPORT_SCOPE = ['auth'];

/**
 * True the first time this Zap sees this refusal reason within REFUSAL_REPORT_SECONDS: a read, then
 * one `set` with `nx`, as the repeat markers. Only a definite `true` (stored) counts as first: any other
 * answer (false, or the null core's typing allows) reads as "already reported", so a confused
 * cache never floods the user's Zap history; the odd answer is logged for the developer.
 */
async function isFirstReport(z: ZObject, platform: PlatformDefinition, listener: string, reason: string): Promise<boolean> {
  const key = `refusal:${createHash('sha256').update(`${platform.id}\n${listener}\n${reason}`).digest('hex')}`;
  // Read first: a cache that answers every set `true` (core's own test cache does, ignoring `nx`)
  // still holds the key, so forgeries cannot flood the history through it. Core's typing omits the
  // scope argument its cache takes (create-cache.js).
  const read = z.cache.get as (key: string, scope?: string[]) => Promise<unknown>;
  const held = await read(key, REPORT_SCOPE);
  if (held !== null && held !== undefined) return false;
  return storedNew(z, await z.cache.set(key, true, REFUSAL_REPORT_SECONDS, REPORT_SCOPE, true), 'a refusal report');
}

/**
 * A halted run whose message reaches Zapier as written: without `doNotContextify`, core appends
 * its "What happened" trace (the whole bundle: subscribe data with our secrets, the raw delivery,
 * the URL) and, outside tests, the run's console lines to the message (core's middleware.js and
 * create-lambda-handler.js). Its AppError and ThrottledError carry the flag; HaltedError does not.
 */
function haltedRun(z: ZObject, message: string): Error {
  return Object.assign(new z.errors.HaltedError(message), { doNotContextify: true });
}

/** What a halted run says: which delivery was refused, why, and what the user can do. */
function refusalReport(where: string, refusal: Refusal): string {
  const signature = refusal.message.startsWith('signature check failed');
  const advice = signature
    ? "If it came from your platform, check this Zap's signing secret and the webhook's settings (see docs/security.md in Affiliate Hub's documentation); a forged request is refused the same way."
    : refusal.reason === 'stale_event'
      ? "A captured delivery sent again is refused this way; an event this old is not run (a polling trigger reads it from the platform's API instead, where the platform has one)."
      : 'If this keeps happening, the platform may have changed its webhook format.';
  return `Affiliate Hub refused a delivery from ${where}: ${refusal.message}. ${advice} The same refusal is not reported again for an hour.`;
}

/** True when the output survives the JSON serialization Zapier applies to a run's results. */
function isSerializable(output: NormalizedOutput): boolean {
  try {
    JSON.stringify(output);
    return true;
  } catch {
    // A body nested thousands of levels deep parses but overflows the stack when serialized.
    return false;
  }
}

/**
 * Runs the whole pipeline for one delivery.
 * @returns the one normalized record to run the Zap with, or [] when the delivery is filtered out,
 *   a repeat, silent (a URL check, an event not listened to) or a refusal already reported this hour
 * @throws z.errors.HaltedError for the first refusal per Zap and reason in an hour (see above)
 * @throws z.errors.Error when the vendor's verify service cannot be reached or answers 5xx (so the
 *   vendor retries), for `unnamedEventError`, and when a verified output cannot be serialized
 *   (before any repeat marker is written, so the vendor's retry is not taken for a repeat)
 */
export async function receive(z: ZObject, platform: PlatformDefinition, request: ReceiveRequest): Promise<NormalizedOutput[]> {
  const { delivery, expectation, filters = {}, listener } = request;
  // "from <platform>", never "a <platform> …": an article before a vendor's name reads wrong for many names.
  const where = request.endpoint ? `${platform.name} (${request.endpoint} webhook)` : platform.name;
  const outcome = await receiveDelivery(z, platform, delivery, expectation, request.now);
  if (!outcome.accepted) {
    if (outcome.reason === 'unnamed_event' && request.unnamedEventError) throw request.unnamedEventError();
    z.console.log(`Affiliate Hub ignored a delivery from ${where}: ${outcome.message}`);
    if (!SILENT_REFUSALS.includes(outcome.reason) && (await isFirstReport(z, platform, listener, outcome.reason))) {
      throw haltedRun(z, refusalReport(where, outcome));
    }
    return [];
  }
  const { output, vendorEvent } = outcome;
  if (filters.events !== undefined && !filters.events.includes(output.event)) {
    z.console.log(`Affiliate Hub skipped a delivery from ${where} (${vendorEvent.key}): ${output.event} is not among the chosen events`);
    return [];
  }
  if (filters.status !== undefined && !('status' in output && output.status === filters.status)) return [];
  if (!isSerializable(output)) {
    throw new z.errors.Error(
      `Affiliate Hub could not pass on a delivery from ${platform.name} (${vendorEvent.key}): its payload is nested too deeply to serialize.`,
      'UnserializableDelivery',
      422,
    );
  }
  const first = await isFirstDelivery(z, {
    platform: platform.id,
    listener,
    deliveryId: outcome.deliveryId,
    timed: outcome.timed,
    rawBody: delivery.rawBody,
    signedText: outcome.signedText,
    recordKey: outcome.recordKey,
    retryWindowSeconds: platform.delivery.retryWindowSeconds,
    acceptedForSeconds: outcome.acceptedForSeconds,
  });
  if (!first) {
    z.console.log(`Affiliate Hub ignored a repeated ${platform.name} delivery of ${vendorEvent.key}.`);
    return [];
  }
  return [output];
}
