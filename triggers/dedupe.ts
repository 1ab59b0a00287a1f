/**
 * Suppresses repeated deliveries. Vendors retry with backoff and Zapier does not deduplicate hook
 * runs, so the same event can arrive twice; the second one must not run the Zap again. Each
 * accepted delivery leaves a marker in zapier-platform-core's `z.cache`, keyed on the vendor's
 * event id where it has one, else on a digest of the verified body.
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';

/** How long a delivery is remembered, in seconds: longer than vendors' documented retry windows we know of (ViralRef: exponential backoff, unspecified). */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

/** What identifies a delivery for one Zap. */
export interface DeliveryIdentity {
  platform: string;
  /** The Zap's vendor subscription (subscribeData.id), or the dashboard endpoint, so two Zaps never share markers. */
  listener: string;
  /** The vendor's event id, where the payload has one. */
  deliveryId?: string;
  /** The exact body, digested when there is no event id. */
  rawBody: string;
}

function cacheKey(identity: DeliveryIdentity): string {
  const what = identity.deliveryId ? `id:${identity.deliveryId}` : `body:${createHash('sha256').update(identity.rawBody).digest('hex')}`;
  return `delivery:${createHash('sha256').update(`${identity.platform}\n${identity.listener}\n${what}`).digest('hex')}`;
}

/**
 * Marks a delivery as seen.
 * @returns true the first time a delivery is seen, false for a repeat within DEDUPE_TTL_SECONDS
 */
export async function isFirstDelivery(z: ZObject, identity: DeliveryIdentity): Promise<boolean> {
  const key = cacheKey(identity);
  if ((await z.cache.get(key)) !== null) return false;
  // nx: where two copies race, only the first set succeeds (Zapier's cache answers false for the second).
  const stored = await z.cache.set(key, true, DEDUPE_TTL_SECONDS, ['auth'], true);
  return stored !== false;
}
