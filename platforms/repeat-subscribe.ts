/**
 * A repeated subscribe for one Zap. Zapier may call performSubscribe again for the same Zap (a
 * retry after a timeout, a quick off-and-on): on a vendor whose every create makes a new webhook
 * (Rebus AI, FirstPromoter), the earlier one would stay registered, unknown to any subscribeData,
 * and keep receiving deliveries for ever. So each subscribe remembers, per connection and target
 * URL, the vendor ids it made (ids and events only, never a secret), and the next subscribe for
 * the same URL removes those it did not make again.
 */
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import type { VendorSubscription } from './subscribe-data';

/**
 * How long a subscribe is remembered, in seconds: Zapier's retries of one subscribe come within
 * minutes; a later subscribe for the same URL follows an unsubscribe, which removed them already
 * (removing them again answers 404, counted as removed).
 */
export const REMEMBER_SUBSCRIBE_SECONDS = 60 * 60;

/** What is remembered of one vendor subscription: enough to remove it. */
type Remembered = Pick<VendorSubscription, 'id' | 'events' | 'target'>;

const ORPHAN_LEFT = 'Affiliate Hub could not remove a webhook an earlier subscribe of this Zap made; remove it in the platform by hand.';

function keyFor(platformId: string, targetUrl: string): string {
  return `subscribed:${createHash('sha256').update(`${platformId}\n${targetUrl}`).digest('hex')}`;
}

function rememberedList(value: unknown): Remembered[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const entry = item as Partial<Remembered> | null;
    const events = entry?.events;
    if (typeof entry?.id !== 'string' || !Array.isArray(events) || !events.every((event) => typeof event === 'string')) return [];
    return [{ id: entry.id, events, target: typeof entry.target === 'string' ? entry.target : undefined }];
  });
}

/**
 * Removes what an earlier subscribe for the same target URL made and this one did not, then
 * remembers this one's. A removal that fails is logged (never thrown: the new webhook works).
 * @param remove removes one vendor subscription (webhooks.ts' unsubscribeOne)
 */
export async function replacePreviousSubscribe(
  z: ZObject,
  platformId: string,
  targetUrl: string,
  made: readonly VendorSubscription[],
  remove: (subscription: VendorSubscription) => Promise<void>,
): Promise<void> {
  // Unscoped: the target URL is the Zap's own, so the key is already unique to it.
  const key = keyFor(platformId, targetUrl);
  const kept = new Set(made.map((subscription) => subscription.id));
  const remembered: Remembered[] = made.flatMap(({ id, events, target }) => (id === undefined ? [] : [target === undefined ? { id, events } : { id, events, target }]));
  try {
    const previous = rememberedList(await z.cache.get(key));
    for (const orphan of previous.filter((item) => !kept.has(item.id))) {
      await remove(orphan).catch(() => z.console.log(ORPHAN_LEFT));
    }
    await z.cache.set(key, remembered, REMEMBER_SUBSCRIBE_SECONDS);
  } catch {
    // The cache is a convenience here: the new webhook works, so its failure never fails the subscribe.
    z.console.log('Affiliate Hub could not check for a webhook an earlier subscribe of this Zap made (the cache did not answer).');
  }
}
