/**
 * Applies a platform's signature scheme (data) to a delivery through the shared verifier.
 */
import type { ZObject } from 'zapier-platform-core';
import { callPlatform } from './api';
import type { Delivery, Expectation } from './delivery';
import { VERIFIED, findHeader, isFresh, parseTimestampedSignature, refused, safeEqualText, verifyHmacSha256, type VerifyResult } from './signature';
import type { PlatformDefinition, SignatureScheme } from './types';

type RemoteScheme = Extract<SignatureScheme, { type: 'remote' }>;

/** Zapier renames hook headers `Http-…`; the verify call forwards the vendor's own name. */
const ZAPIER_HEADER_PREFIX = /^http-/i;

/** The verify call's "invalid signature" answer [DOC: Tamio `{"status": 400, "valid": false, …}`]. */
const INVALID_STATUS = 400;

/**
 * 5xx answers are taken here rather than by the app's afterResponse, so the error says a delivery
 * could not be verified (not that an action failed).
 */
const SERVER_ERRORS: readonly number[] = Array.from({ length: 100 }, (_, index) => 500 + index);

/** A header whose name contains the scheme's word and whose value has the `t=…,s=…` shape. */
interface TimestampedHeader {
  /** The vendor's header name, without Zapier's prefix. */
  name: string;
  value: string;
  /** Unix seconds. */
  timestamp: number;
}

/**
 * Finds the signature header by name and shape: the name is not documented, only that it carries
 * `t=<timestamp>,s=<signature>`, so a header named e.g. `…-Signature-Version` with another value is skipped.
 * @returns the header, `malformed` when one is named like it but has no such value, undefined when none is named like it
 */
function findTimestampedHeader(headers: Record<string, string>, scheme: RemoteScheme): TimestampedHeader | 'malformed' | undefined {
  const word = scheme.header.contains.toLowerCase();
  let named = false;
  for (const [key, raw] of Object.entries(headers)) {
    const name = key.replace(ZAPIER_HEADER_PREFIX, '');
    if (!name.toLowerCase().includes(word) || typeof raw !== 'string') continue;
    named = true;
    const value = raw.trim();
    const parsed = parseTimestampedSignature(value, scheme.timestampField);
    if (parsed) return { name, value, timestamp: parsed.timestamp };
  }
  return named ? 'malformed' : undefined;
}

/**
 * Asks the vendor whether it signed the delivery. The signed time is checked first, so a replay
 * never reaches the vendor. This sits behind `verifyDelivery` on purpose: once the signed string
 * is known, a local HMAC check can replace the call without touching any caller.
 * @param now unix ms
 * @returns verified (200) or refused (400, stale, missing or malformed header)
 * @throws z.errors.Error naming the platform when it cannot be reached or answers 5xx (the
 *   delivery is neither run nor taken for a forgery); the app middleware's errors for 401/403/429/404
 */
async function verifyRemotely(z: ZObject, platform: PlatformDefinition, scheme: RemoteScheme, delivery: Delivery, now: number): Promise<VerifyResult> {
  const header = findTimestampedHeader(delivery.headers, scheme);
  if (header === undefined) return refused('missing_signature');
  if (header === 'malformed') return refused('malformed_signature');
  if (!isFresh(header.timestamp, now, scheme.toleranceSeconds)) return refused('stale_timestamp');
  const { request } = scheme;
  const call = `${request.method} ${request.path}`;
  const { status } = await callPlatform(z, platform, request, {}, {
    // The exact bytes received: re-serialized JSON would not match the vendor's signature.
    rawBody: delivery.rawBody,
    headers: { 'Content-Type': 'application/json', [request.signatureHeader ?? header.name]: header.value },
    acceptStatuses: [INVALID_STATUS, ...SERVER_ERRORS],
    unreachable: (reason) =>
      new z.errors.Error(
        `${platform.name} could not be reached to verify a webhook delivery (${call}: ${reason}). ` +
          `The delivery was not run; ${platform.name} normally retries it.`,
        'VerificationUnavailable',
        503,
      ),
  });
  if (status === 200) return VERIFIED;
  if (status === INVALID_STATUS) return refused('rejected_by_vendor');
  throw new z.errors.Error(
    `${platform.name} could not verify a webhook delivery: ${call} answered HTTP ${status}. ` +
      `The delivery was not run; this is usually temporary and ${platform.name} normally retries it.`,
    'VerificationUnavailable',
    status >= 500 ? status : 502,
  );
}

/**
 * Verifies a delivery against the platform's scheme.
 * @param now unix ms
 * @returns the verdict; never throws for a bad delivery
 * @throws z.errors.Error only for the `remote` scheme, when the vendor's verification service fails
 */
export async function verifyDelivery(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number,
): Promise<VerifyResult> {
  const scheme = platform.signature;
  switch (scheme.type) {
    case 'hmac': {
      const received = findHeader(delivery.headers, scheme.header);
      if (expectation.secrets.length === 0) return refused('missing_secret');
      let verdict: VerifyResult = refused('signature_mismatch');
      for (const secret of expectation.secrets) {
        verdict = verifyHmacSha256(delivery.rawBody, secret, received, scheme);
        if (verdict.ok || verdict.reason !== 'signature_mismatch') return verdict;
      }
      return verdict;
    }
    case 'url_token': {
      const received = delivery.query[scheme.param];
      if (!expectation.token || received === undefined) return refused('missing_signature');
      return safeEqualText(received, expectation.token) ? VERIFIED : refused('token_mismatch');
    }
    case 'remote':
      return verifyRemotely(z, platform, scheme, delivery, now);
  }
}
