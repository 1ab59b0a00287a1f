/**
 * Verifies a delivery with the platform's signature scheme (platforms/signature-schemes/).
 */
import type { ZObject } from 'zapier-platform-core';
import type { Delivery, Expectation } from './delivery';
import { schemeHandler } from './signature-schemes';
import type { VerifyResult } from './signature';
import type { PlatformDefinition } from './types';

/**
 * Verifies a delivery against the platform's scheme.
 * @param now unix ms
 * @returns the verdict; never throws for a bad delivery
 * @throws z.errors.Error only for the `remote` scheme, when the vendor's verification service is down
 */
export async function verifyDelivery(
  z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  now: number,
): Promise<VerifyResult> {
  const scheme = platform.signature;
  return schemeHandler(scheme).verify({ z, platform, scheme, delivery, expectation, now });
}
