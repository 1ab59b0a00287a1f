/**
 * The one receive pipeline every webhook trigger runs: verify → parse → identify → normalize
 * (delivery.ts) → filter (the trigger's event and status filters) → deduplicate (once per Zap).
 * The triggers' perform only says what to expect and which Zap is listening.
 *
 * A refusal is `[]` plus a `z.console.log` of its reason (never the body, a secret or a
 * signature): a forged, stale or unverifiable delivery must produce no run and never count toward
 * pausing the user's Zap. Only a genuine problem the user must see throws: the vendor's verify
 * service being down, a verified delivery this Zap can never identify, an output Zapier cannot carry.
 */
import type { ZObject } from 'zapier-platform-core';
import { isFirstDelivery } from '../triggers/dedupe';
import { receiveDelivery, type Delivery, type Expectation } from './delivery';
import type { NormalizedOutput } from './records';
import type { PlatformDefinition } from './types';

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
  /** The listening Zap (zapIdentity in triggers/bundle-delivery.ts): repeat markers are per Zap. */
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
 * @returns the one normalized record to run the Zap with, or [] when the delivery is refused,
 *   filtered out or a repeat (each logged with its reason)
 * @throws z.errors.Error when the vendor's verify service cannot be reached or answers 5xx (so the
 *   vendor retries), for `unnamedEventError`, and when a verified output cannot be serialized
 *   (before any repeat marker is written, so the vendor's retry is not taken for a repeat)
 */
export async function receive(z: ZObject, platform: PlatformDefinition, request: ReceiveRequest): Promise<NormalizedOutput[]> {
  const { delivery, expectation, filters = {}, listener } = request;
  // "from UpPromote", never "a UpPromote …": the name is not read as a word after an article.
  const where = request.endpoint ? `${platform.name} (${request.endpoint} webhook)` : platform.name;
  const outcome = await receiveDelivery(z, platform, delivery, expectation, request.now);
  if (!outcome.accepted) {
    if (outcome.reason === 'unnamed_event' && request.unnamedEventError) throw request.unnamedEventError();
    z.console.log(`Affiliate Hub ignored a delivery from ${where}: ${outcome.message}`);
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
    retryWindowSeconds: platform.delivery.retryWindowSeconds,
  });
  if (!first) {
    z.console.log(`Affiliate Hub ignored a repeated ${platform.name} delivery of ${vendorEvent.key}.`);
    return [];
  }
  return [output];
}
