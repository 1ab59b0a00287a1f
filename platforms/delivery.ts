/**
 * One incoming webhook delivery, from raw request to a normalized record: verify, parse, identify
 * the vendor event, normalize. Every refusal is an outcome, never an exception, so a forged or
 * malformed request produces no Zap run and nothing that could count against the user's Zap.
 * receive.ts runs this, then the trigger's filters and the repeat check.
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { normalizeRecord, unmappedOutput } from './normalize';
import { toText } from './conversions';
import { getPath } from './paths';
import { UNMAPPED_EVENT, recordKindOf, type JsonObject, type NormalizedOutput } from './records';
import { parseJsonObject, readAt, vendorIdSchema } from './schemas';
import type { VerifyFailure } from './signature';
import { verifyDelivery } from './verify-delivery';
import type { PlatformDefinition, SignatureScheme, VendorEvent } from './types';

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

/** A secret that may have signed a delivery, with the vendor events of the subscription it belongs to. */
export interface ExpectedSecret {
  secret: string;
  /** The subscription's vendor events; undefined for every event (a dashboard webhook's secret). */
  events?: readonly string[];
}

/** What the receiver may accept for this trigger. */
export interface Expectation {
  /** Secrets that may have signed the delivery (one per vendor subscription, or the dashboard's). */
  secrets: readonly ExpectedSecret[];
  /** The URL token we issued, for `url_token` platforms. */
  token?: string;
  /** Vendor events this trigger listens to; undefined accepts every event in the catalogue. */
  events?: readonly string[];
  /**
   * The scheme to verify with instead of the platform's, where the user chose one (the dashboard
   * trigger's URL-token option).
   */
  scheme?: SignatureScheme;
}

/** Why a delivery produced no run: a failed check (`reason`, machine-readable) and what to tell the user. */
export interface Refusal {
  accepted: false;
  /** A signature failure, or a step of the pipeline (`empty_body`, `not_json`, `unknown_event`, …). */
  reason: VerifyFailure | 'empty_body' | 'not_json' | 'unknown_event' | 'unnamed_event' | 'not_listened' | 'no_id' | 'test_delivery';
  /** A sentence for the log; never quotes the body, a secret or a signature. */
  message: string;
}

/** What receiveDelivery concluded: the accepted record with what identifies its event, or a refusal. */
export type DeliveryOutcome =
  | {
      accepted: true;
      vendorEvent: VendorEvent;
      output: NormalizedOutput;
      /** The vendor's event id, where the payload has one. */
      deliveryId?: string;
      /** True when the body carries its event's time (timePath), so the body is unique to its event. */
      timed: boolean;
    }
  | Refusal;

function refusal(reason: Refusal['reason'], message: string): Refusal {
  return { accepted: false, reason, message };
}

/**
 * True when the platform's deliveries may be routed by our `ah_event` URL parameter: its bodies
 * name no event, or may not (`routeByUrl`). webhooks.ts adds the parameter for the same platforms.
 */
export function routesByUrl(platform: PlatformDefinition): boolean {
  return platform.delivery.eventPath === undefined || platform.delivery.routeByUrl === true;
}

/**
 * The vendor event a delivery names, and whether that came from the URL's route rather than the
 * body: the body's event paths first, then (where the platform routes by URL) our `ah_event`
 * parameter, then the single event the subscription covers.
 */
function identifyEvent(platform: PlatformDefinition, body: JsonObject, delivery: Delivery, expectation: Expectation): { key?: string; routed: boolean } {
  const { eventPath, eventAliases } = platform.delivery;
  const paths: readonly string[] = eventPath === undefined ? [] : typeof eventPath === 'string' ? [eventPath] : eventPath;
  const named = paths.map((path) => getPath(body, path)).find((value) => typeof value === 'string');
  if (typeof named === 'string') return { key: eventAliases?.[named] ?? named, routed: false };
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
function routeMatchesSecret(expectation: Expectation, verifiedWith: string | undefined, eventKey: string): boolean {
  if (verifiedWith === undefined) return true;
  return expectation.secrets.some((entry) => entry.secret === verifiedWith && (entry.events === undefined || entry.events.includes(eventKey)));
}

/**
 * Processes one delivery for a trigger: verify → parse → identify → normalize.
 * @param now unix ms, for schemes that sign a time
 * @returns the normalized output, or why the delivery produces no run
 * @throws z.errors.Error only when the vendor's own verification service is down (so a delivery
 *   is never silently dropped for an outage)
 */
export async function receiveDelivery(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number = Date.now(),
): Promise<DeliveryOutcome> {
  if (delivery.rawBody.trim() === '') return refusal('empty_body', 'empty body (a URL check, not an event)');
  const verdict = await verifyDelivery(z, platform, delivery, expectation, now);
  if (!verdict.ok) return refusal(verdict.reason, `signature check failed: ${verdict.reason}${verdict.detail ? ` (${verdict.detail})` : ''}`);
  const body = parseJsonObject(delivery.rawBody);
  if (body === undefined) return refusal('not_json', 'body is not a JSON object');
  const { key, routed } = identifyEvent(platform, body, delivery, expectation);
  if (key === undefined && routesByUrl(platform)) {
    return refusal('unnamed_event', 'the payload names no event and the URL routes to none');
  }
  const vendorEvent = platform.events.find((event) => event.key === key);
  if (vendorEvent === undefined) return refusal('unknown_event', `unknown event ${JSON.stringify((key ?? '').slice(0, 80))}`);
  if (routed && !routeMatchesSecret(expectation, verdict.secret, vendorEvent.key)) {
    return refusal('route_mismatch', `signature check failed: route_mismatch (signed for another event's subscription than ${vendorEvent.key})`);
  }
  if (expectation.events !== undefined && !expectation.events.includes(vendorEvent.key)) {
    return refusal('not_listened', `event ${vendorEvent.key} is not one this trigger listens to`);
  }
  const deliveryIdValue = platform.delivery.idPath ? readAt(body, platform.delivery.idPath, vendorIdSchema) : undefined;
  const deliveryId = deliveryIdValue === undefined ? undefined : String(deliveryIdValue);
  const timeValue = platform.delivery.timePath ? getPath(body, platform.delivery.timePath) : undefined;
  const timed = typeof timeValue === 'string' ? timeValue !== '' : typeof timeValue === 'number';
  const object = getPath(body, vendorEvent.objectPath ?? '');
  const kind = vendorEvent.event === undefined ? vendorEvent.record : recordKindOf(vendorEvent.event);
  if (kind === undefined) {
    // With no record to take an id from: the object's own id where the event names it, else the
    // delivery's own id (or a digest of its body) identifies the run.
    const objectId = vendorEvent.idPath === undefined ? undefined : toText(getPath(object, vendorEvent.idPath));
    const id = objectId ?? deliveryId ?? createHash('sha256').update(delivery.rawBody).digest('hex').slice(0, 24);
    return { accepted: true, vendorEvent, deliveryId, timed, output: unmappedOutput(platform, vendorEvent.key, id, body) };
  }
  const event = vendorEvent.event ?? UNMAPPED_EVENT;
  const output = normalizeRecord(
    { platform, kind, event, vendorEvent: vendorEvent.key, overrides: vendorEvent.fields },
    object,
    body,
  );
  if (output.id === '' && platform.delivery.testPath !== undefined && getPath(body, platform.delivery.testPath) === true) {
    return refusal('test_delivery', `a ${vendorEvent.key} test delivery (it carries no record)`);
  }
  if (output.id === '') return refusal('no_id', `the ${vendorEvent.key} payload carries no id`);
  return { accepted: true, vendorEvent, deliveryId, timed, output };
}
