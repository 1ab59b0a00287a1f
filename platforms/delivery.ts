/**
 * One incoming webhook delivery, from raw request to normalized records: verify, parse, identify
 * the vendor event, normalize. Every refusal is an outcome, never an exception, so a forged or
 * malformed request produces no Zap run and nothing that could count against the user's Zap.
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { normalizeRecord, unmappedOutput } from './normalize';
import { getPath } from './paths';
import { UNMAPPED_EVENT, recordKindOf, type JsonObject, type NormalizedOutput } from './records';
import { parseJsonObject, readAt, vendorIdSchema } from './schemas';
import { verifyDelivery } from './verify-delivery';
import type { PlatformDefinition, VendorEvent } from './types';

/** A webhook request as received: the exact body text, headers and query parameters. */
export interface Delivery {
  rawBody: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

/**
 * The query parameter our subscribe adds to the target URL for platforms whose payloads name no
 * event: the delivery tells which subscription (so which event) it belongs to.
 */
export const EVENT_PARAM = 'ah_event';

/** What the receiver may accept for this trigger. */
export interface Expectation {
  /** Secrets that may have signed the delivery (one per vendor subscription, or the dashboard's). */
  secrets: readonly string[];
  /** The URL token we issued, for `url_token` platforms. */
  token?: string;
  /** Vendor events this trigger listens to; undefined accepts every event in the catalogue. */
  events?: readonly string[];
}

export type DeliveryOutcome =
  | { accepted: true; vendorEvent: VendorEvent; output: NormalizedOutput; deliveryId?: string }
  | { accepted: false; reason: string };

function ignored(reason: string): DeliveryOutcome {
  return { accepted: false, reason };
}

function identifyEvent(platform: PlatformDefinition, body: JsonObject, delivery: Delivery, expectation: Expectation): string | undefined {
  const { eventPath, eventAliases } = platform.delivery;
  if (eventPath !== undefined) {
    const candidates: readonly string[] = typeof eventPath === 'string' ? [eventPath] : eventPath;
    const named = candidates.map((path) => getPath(body, path)).find((value) => typeof value === 'string');
    if (typeof named !== 'string') return undefined;
    return eventAliases?.[named] ?? named;
  }
  const routed = delivery.query[EVENT_PARAM];
  if (routed !== undefined) return routed;
  return expectation.events?.length === 1 ? expectation.events[0] : undefined;
}

/**
 * Processes one delivery for a trigger.
 * @param now unix ms, for schemes that sign a time
 * @returns the normalized output, or why the delivery produces no run. Throws only when the
 *   vendor's own verification service fails (so a delivery is never silently dropped for an outage).
 */
export async function receiveDelivery(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number = Date.now(),
): Promise<DeliveryOutcome> {
  if (delivery.rawBody.trim() === '') return ignored('empty body (a URL check, not an event)');
  const verdict = await verifyDelivery(z, platform, delivery, expectation, now);
  if (!verdict.ok) return ignored(`signature check failed: ${verdict.reason}`);
  const body = parseJsonObject(delivery.rawBody);
  if (body === undefined) return ignored('body is not a JSON object');
  const key = identifyEvent(platform, body, delivery, expectation);
  const vendorEvent = platform.events.find((event) => event.key === key);
  if (vendorEvent === undefined) return ignored(`unknown event ${JSON.stringify(key ?? null)}`);
  if (expectation.events !== undefined && !expectation.events.includes(vendorEvent.key)) {
    return ignored(`event ${vendorEvent.key} is not one this trigger listens to`);
  }
  const deliveryIdValue = platform.delivery.idPath ? readAt(body, platform.delivery.idPath, vendorIdSchema) : undefined;
  const deliveryId = deliveryIdValue === undefined ? undefined : String(deliveryIdValue);
  const object = getPath(body, vendorEvent.objectPath ?? '');
  const kind = vendorEvent.event === undefined ? vendorEvent.record : recordKindOf(vendorEvent.event);
  if (kind === undefined) {
    // With no record to take an id from, the delivery's own id (or a digest of its body) identifies the run.
    const id = deliveryId ?? createHash('sha256').update(delivery.rawBody).digest('hex').slice(0, 24);
    return { accepted: true, vendorEvent, deliveryId, output: unmappedOutput(platform, vendorEvent.key, id, body) };
  }
  const event = vendorEvent.event ?? UNMAPPED_EVENT;
  const output = normalizeRecord(
    { platform, kind, event, vendorEvent: vendorEvent.key, overrides: vendorEvent.fields },
    object,
    body,
  );
  if (output.id === '') return ignored(`the ${vendorEvent.key} payload carries no id`);
  return { accepted: true, vendorEvent, deliveryId, output };
}
