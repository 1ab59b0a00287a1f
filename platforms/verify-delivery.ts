/**
 * Verifies a delivery with the platform's signature scheme (signature-schemes/), or
 * with the one the trigger's user chose instead (`Expectation.scheme`).
 */
import type { ZObject } from 'zapier-platform-core';
import type { Delivery, Expectation } from './delivery';
import { describeScheme, schemeHandler } from '../signature-schemes';
import type { VerifyResult } from './signature';
import type { PlatformDefinition } from './types';

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
  return schemeHandler(scheme).verify({ z, platform, scheme, delivery, expectation, now });
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
