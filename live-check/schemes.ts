/**
 * Which signature scheme a captured delivery carries, for telling the vendor's scheme when it does
 * not document it. The candidates are the usual conventions of the app's own scheme catalogue
 * (signature-schemes/common-candidates.ts, verified by the same handlers as live deliveries), read
 * in any header, plus a URL token in any query parameter; each is keyed only by the signing secret.
 *
 * The one difference from the receive path: a capture is usually hours old, so the schemes run
 * with their tolerance ignored (`ignoreTolerance`) and the signed time's age is reported instead;
 * the app's own verdict on the same capture is reported beside it (delivery-check.ts).
 */
import {
  ANY_HEADER,
  bareHeaderName,
  claimedDigests,
  findHeader,
  parseTimestampedSignature,
  readSignedTime,
  schemeHandler,
  type Delivery,
  type NamedSignatureScheme,
} from '../signature-schemes';
import { hmacOfRawBody, standardWebhooks, stripeStyle } from '../signature-schemes/common-candidates';

/** A delivery as captured: header names as sent or as Zapier shows them (`Http-X-…`), the exact body text, the query. */
export interface CapturedDelivery {
  headers: Record<string, string>;
  body: string;
  query: Record<string, string>;
  /** The vendor event the capture's URL was set up for, where deliveries name none (`webhooks.eventChosenPerUrl`). */
  event?: string;
}

/** Which scheme matched and where. */
export interface SchemeMatch {
  /** The scheme's readable name, e.g. `Standard Webhooks`. */
  scheme: string;
  /** The header (lower-case, without Zapier's prefix) or `?<query parameter>` that carried the proof. */
  carrier: string;
  /** Seconds between the signed time and now (positive: in the past), for schemes that sign a time. */
  ageSeconds?: number;
}

const SOURCE = 'live-check: a usual convention, tried on a captured delivery';

/** The candidates, most specific first (a Standard Webhooks delivery is not also reported as a raw HMAC). */
export const CANDIDATE_SCHEMES: readonly NamedSignatureScheme[] = [standardWebhooks(SOURCE), stripeStyle(ANY_HEADER, SOURCE), hmacOfRawBody(ANY_HEADER, SOURCE)];

/** A URL token candidate for each query parameter of the capture (the parameter's name is the vendor's choice). */
function urlTokenCandidates(capture: CapturedDelivery): NamedSignatureScheme[] {
  return Object.keys(capture.query).map((param) => ({ name: 'URL token (query parameter)', type: 'url_token', param, source: SOURCE }));
}

/** Header names lower-cased, Zapier's `Http-` prefix removed: `Http-X-Foo-Signature` → `x-foo-signature`. */
export function vendorHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [bareHeaderName(name), String(value)]));
}

/** True when the candidate verifies the delivery with the secret, whatever the signed time's age. */
async function verifies(scheme: NamedSignatureScheme, delivery: Delivery, secret: string, now: number): Promise<boolean> {
  const verdict = await schemeHandler(scheme).verify({ platform: { name: 'live-check' }, scheme, delivery, expectation: { secrets: [{ secret }], token: secret }, now, ignoreTolerance: true });
  return verdict.ok;
}

/**
 * Where a verified delivery carries its proof, and its signed time (unix s) where the scheme signs
 * one: the query parameter, Standard Webhooks' signature header, or the one header that verifies alone.
 */
async function locate(scheme: NamedSignatureScheme, delivery: Delivery, secret: string, now: number): Promise<{ carrier: string; signedAt?: number }> {
  if (scheme.type === 'url_token') return { carrier: `?${scheme.param}` };
  if (scheme.type === 'standard_webhooks') {
    const family = ['webhook', 'svix'].find((name) => findHeader(delivery.headers, `${name}-signature`) !== undefined) ?? 'webhook';
    return { carrier: `${family}-signature`, signedAt: readSignedTime(findHeader(delivery.headers, `${family}-timestamp`) ?? '')?.seconds };
  }
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (!(await verifies(scheme, { ...delivery, headers: { [name]: value } }, secret, now))) continue;
    const signed = scheme.type === 'timestamped_hmac' ? parseTimestampedSignature(value, scheme.timestampField, scheme.signatureField) : undefined;
    return { carrier: name, signedAt: signed?.time.seconds };
  }
  return { carrier: 'several headers' };
}

/**
 * The first candidate that verifies the delivery with `secret`.
 * @param now unix ms, for the signed time's age
 * @returns the match, or undefined when no candidate verifies it
 */
export async function identifyScheme(capture: CapturedDelivery, secret: string, now: number = Date.now()): Promise<SchemeMatch | undefined> {
  const delivery: Delivery = { rawBody: capture.body, headers: vendorHeaders(capture.headers), query: capture.query };
  for (const scheme of [...CANDIDATE_SCHEMES, ...urlTokenCandidates(capture)]) {
    if (!(await verifies(scheme, delivery, secret, now))) continue;
    const { carrier, signedAt } = await locate(scheme, delivery, secret, now);
    return { scheme: scheme.name, carrier, ...(signedAt === undefined ? {} : { ageSeconds: Math.round(now / 1000 - signedAt) }) };
  }
  return undefined;
}

/** True when a value has the shape of an HMAC-SHA256 digest (hex or base64, optionally `sha256=`) or of a `t=…,…` signature. */
function looksSigned(value: string): boolean {
  const digest = claimedDigests(value.trim(), ['hex', 'base64'], 'sha256=').some((bytes) => bytes.length === 32);
  return digest || parseTimestampedSignature(value.trim(), 't') !== undefined;
}

/** Header names that look like they carry a signature (by name, or by a digest-shaped value), for "none matched". */
export function signatureLikeHeaders(delivery: CapturedDelivery): string[] {
  return Object.entries(vendorHeaders(delivery.headers))
    .filter(([name, value]) => /sign|hmac|digest|hash|webhook-|svix-/i.test(name) || looksSigned(value))
    .map(([name]) => name);
}
