/**
 * Applies a platform's signature scheme (data) to a delivery through the shared verifier.
 */
import type { ZObject } from 'zapier-platform-core';
import type { Delivery, Expectation } from './delivery';
import { VERIFIED, findHeader, refused, safeEqualText, verifyHmacSha256, type VerifyResult } from './signature';
import type { PlatformDefinition } from './types';

/**
 * Verifies a delivery against the platform's scheme.
 * @param now unix ms
 * @returns the verdict; never throws for a bad delivery
 */
export async function verifyDelivery(
  _z: ZObject,
  platform: PlatformDefinition,
  delivery: Delivery,
  expectation: Expectation,
  _now: number,
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
      // Implemented with the first platform that needs it (Tamio); refusing is the safe default.
      return refused('rejected_by_vendor');
  }
}
