/**
 * Step 2 of the receive path (index.ts). Verifies a delivery with the platform's signature scheme
 * (signature-schemes/), or with the one the trigger's user chose instead (`Expectation.scheme`);
 * a `remote` scheme reaches the vendor through the app's API client (platforms/api.ts).
 */
import { Readable } from 'node:stream';
import type { ZObject } from 'zapier-platform-core';
import type { Expectation } from './expectation';
import { callPlatform } from '../platforms/api';
import { describeScheme, schemeHandler, type Delivery, type VendorAccess, type VerifyResult } from '../signature-schemes';
import type { PlatformDefinition } from '../platforms/types';

/** What a `remote` scheme verifies through: the platform's API (no template values) and Zapier's error. */
function vendorAccess(z: ZObject, platform: PlatformDefinition): VendorAccess {
  return {
    // As a stream with its length: core logs every request's body in the developer's HTTP log,
    // and a delivery (personal data, or text a forger chose) must not be written there.
    call: (request, options) =>
      callPlatform(z, platform, request, {}, {
        ...options,
        rawBody: Readable.from([Buffer.from(options.rawBody, 'utf8')]),
        headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.rawBody, 'utf8')) },
      }),
    error: (message, code, status) => new z.errors.Error(message, code, status),
    throttled: (message, delaySeconds) => new z.errors.ThrottledError(message, delaySeconds),
  };
}

/**
 * Verifies a delivery against the platform's scheme (or `expectation.scheme`).
 * @param now unix ms
 * @returns the verdict (a `candidates` scheme's names the candidate that matched); never throws for a bad delivery
 * @throws z.errors.Error only for a `remote` scheme (alone or as a candidate), when the vendor's
 *   verification service is down
 */
export async function verifyDelivery(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number,
): Promise<VerifyResult> {
  const scheme = expectation.scheme ?? platform.signature;
  return schemeHandler(scheme).verify({ platform, scheme, delivery, expectation, now, vendor: vendorAccess(z, platform) });
}

/**
 * Which of the platform's candidate schemes verified a delivery (live-check names it for a
 * captured delivery).
 * @param now unix ms (default: now)
 * @returns the candidate's readable name (e.g. `Standard Webhooks`), or undefined when none verified it
 * @throws z.errors.Error as verifyDelivery
 */
export async function matchingScheme(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number = Date.now(),
): Promise<string | undefined> {
  const verdict = await verifyDelivery(z, platform, delivery, expectation, now);
  if (!verdict.ok) return undefined;
  const scheme = expectation.scheme ?? platform.signature;
  return verdict.scheme ?? (scheme.type === 'candidates' ? undefined : describeScheme(scheme));
}
