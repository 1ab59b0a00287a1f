/**
 * Steps 2-5 of the receive path (index.ts): one incoming webhook delivery, from raw request to a
 * normalized record: verify (verify.ts), parse, identify the vendor event (identify.ts), normalize
 * (platforms/normalize.ts, the field-map interpreter actions and lists share). Every refusal is an
 * outcome, never an exception, so a forged or malformed request produces no Zap run and nothing
 * that could count against the user's Zap. index.ts runs this, then the trigger's filters and the
 * repeat check (dedupe.ts).
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { normalizeRecord, unmappedOutput } from '../platforms/normalize';
import { toText } from '../platforms/conversions';
import { routesByUrl } from '../platforms/event-route';
import { getPath } from '../platforms/paths';
import { UNMAPPED_EVENT, recordKindOf, type NormalizedOutput } from '../platforms/records';
import { parseJsonObject, readAt, vendorIdSchema } from '../platforms/schemas';
import { candidateSchemes, type Delivery, type SignatureScheme, type VerifyFailure } from '../signature-schemes';
import { acceptedForSeconds, isStale } from './freshness';
import { identifyEvent, routeIsBound, routeMatchesSecret } from './identify';
import { changedEvent, standInOutcome } from './changes';
import { verifyDelivery } from './verify';
import type { Expectation, ExpectedSecret } from './expectation';
import type { PlatformDefinition, VendorEvent } from '../platforms/types';

export type { Delivery };

export type { Expectation, ExpectedSecret };

/** Why a delivery produced no run: a failed check (`reason`, machine-readable) and what to tell the user. */
export interface Refusal {
  accepted: false;
  /** A signature failure, or a step of the pipeline (`empty_body`, `not_json`, `unknown_event`, …). */
  reason:
    | VerifyFailure
    | 'empty_body'
    | 'not_json'
    | 'unknown_event'
    | 'unnamed_event'
    | 'not_listened'
    | 'no_id'
    | 'test_delivery'
    | 'stale_event'
    | 'unverifiable';
  /** A sentence for the log and the user; never quotes the body, a secret, a signature or anything else the sender chose. */
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
      /** The text the signature covers where it is not the raw body (repeats are keyed on it). */
      signedText?: string;
      /** Seconds a timed delivery stays acceptable (freshness.ts): repeat markers live at least that long. */
      acceptedForSeconds: number;
      /** What identifies an id-less delivery where the platform says so (`delivery.recordIdentity`): its event, record id and state. */
      recordKey?: string;
    }
  | Refusal;

function refusal(reason: Refusal['reason'], message: string): Refusal {
  return { accepted: false, reason, message };
}

/** True when verifying may call the vendor's API (a `remote` scheme, alone or as a candidate). */
function mayCallVendor(scheme: SignatureScheme): boolean {
  return candidateSchemes(scheme).some((candidate) => candidate.type === 'remote');
}

/**
 * Cheap checks of what the delivery itself says, before a scheme may spend a call of the
 * merchant's rate limit on it (Tamio's verify call): a forgery that is not JSON, names no event of
 * the catalogue, or lacks the event id every genuine delivery carries is refused without a call,
 * so it cannot use up the limit genuine deliveries need.
 * @returns the refusal, or undefined when the delivery is worth asking the vendor about
 */
function precheck(platform: PlatformDefinition, delivery: Delivery, expectation: Expectation): Refusal | undefined {
  const unverifiable = (why: string) =>
    refusal('unverifiable', `signature check failed: unverifiable (${why}, so ${platform.name} was not asked to verify it)`);
  const body = parseJsonObject(delivery.rawBody);
  if (body === undefined) return unverifiable('the body is not a JSON object');
  const { key } = identifyEvent(platform, body, delivery, expectation);
  if (!platform.events.some((event) => event.key === key)) return unverifiable(`the body names no ${platform.name} event`);
  if (platform.delivery.idPath !== undefined && readAt(body, platform.delivery.idPath, vendorIdSchema) === undefined) {
    return unverifiable('the body carries no event id');
  }
  return undefined;
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
  const implausible = mayCallVendor(expectation.scheme ?? platform.signature) ? precheck(platform, delivery, expectation) : undefined;
  if (implausible !== undefined) return implausible;
  const verdict = await verifyDelivery(z, platform, delivery, expectation, now);
  if (!verdict.ok) return refusal(verdict.reason, `signature check failed: ${verdict.reason}${verdict.detail ? ` (${verdict.detail})` : ''}`);
  const body = parseJsonObject(delivery.rawBody);
  if (body === undefined) return refusal('not_json', 'body is not a JSON object');
  const { key, routed } = identifyEvent(platform, body, delivery, expectation);
  if (key === undefined && routesByUrl(platform)) {
    return refusal('unnamed_event', 'the payload names no event and the URL routes to none');
  }
  const vendorEvent = platform.events.find((event) => event.key === key);
  // The name is the sender's text: never quoted.
  if (vendorEvent === undefined) return refusal('unknown_event', `the payload names an event ${platform.name}'s catalogue does not list`);
  if (routed && !routeIsBound(expectation, delivery, vendorEvent.key)) {
    return refusal('route_mismatch', `signature check failed: route_mismatch (the URL's route token is not the one registered for ${vendorEvent.key})`);
  }
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
  // A signature over a fresh time already refuses replays; a body time then adds nothing.
  if (timed && verdict.freshSigned !== true && isStale(platform.delivery, timeValue, now)) {
    const hours = Math.round(acceptedForSeconds(platform.delivery) / 3600);
    return refusal('stale_event', `the ${vendorEvent.key} event is dated more than ${hours} hours ago, longer than ${platform.name} retries a delivery (a replay)`);
  }
  const identity = { deliveryId, timed, signedText: verdict.signedText, acceptedForSeconds: acceptedForSeconds(platform.delivery) };
  const object = getPath(body, vendorEvent.objectPath ?? '');
  const kind = vendorEvent.event === undefined ? vendorEvent.record : recordKindOf(vendorEvent.event);
  if (kind === undefined) {
    // With no record to take an id from: the object's own id where the event names it, else the
    // delivery's own id (or a digest of its body) identifies the run.
    const objectId = vendorEvent.idPath === undefined ? undefined : toText(getPath(object, vendorEvent.idPath));
    const id = objectId ?? deliveryId ?? createHash('sha256').update(delivery.rawBody).digest('hex').slice(0, 24);
    return { accepted: true, vendorEvent, ...identity, output: unmappedOutput(platform, vendorEvent.key, id, body), recordKey: recordKeyOf(platform, deliveryId, vendorEvent, id, object) };
  }
  const event = vendorEvent.event ?? changedEvent(vendorEvent, body) ?? UNMAPPED_EVENT;
  const output = normalizeRecord(
    { platform, kind, event, vendorEvent: vendorEvent.key, overrides: vendorEvent.fields },
    object,
    body,
  );
  const replaced = expectation.standIns?.[vendorEvent.key];
  if (replaced !== undefined) {
    const standIn = standInOutcome(platform, vendorEvent, replaced, body, output);
    if ('skip' in standIn) return refusal('not_listened', standIn.skip);
    output.event = standIn.event;
  }
  if (output.id === '' && platform.delivery.testPath !== undefined && getPath(body, platform.delivery.testPath) === true) {
    return refusal('test_delivery', `a ${vendorEvent.key} test delivery (it carries no record)`);
  }
  if (output.id === '') return refusal('no_id', `the ${vendorEvent.key} payload carries no id`);
  return { accepted: true, vendorEvent, ...identity, output, recordKey: recordKeyOf(platform, deliveryId, vendorEvent, output.id, object) };
}

/** The key of an id-less delivery (`delivery.recordIdentity`): vendor event, record id and the state paths' values. */
function recordKeyOf(platform: PlatformDefinition, deliveryId: string | undefined, vendorEvent: VendorEvent, id: string, object: unknown): string | undefined {
  const identity = platform.delivery.recordIdentity;
  if (identity === undefined || deliveryId !== undefined) return undefined;
  return JSON.stringify([vendorEvent.key, id, ...identity.paths.map((path) => getPath(object, path) ?? null)]);
}
