/**
 * New records from one poll, decided against the ids the Zap's previous polls returned.
 *
 * - A record not returned before is new; Zapier deduplicates by its id as well.
 * - At most `max` (Zapier's 100 new items per poll), the oldest first: the rest are not marked
 *   returned, so the next poll returns them, and no record of a burst is skipped. Outputs are
 *   newest first, as Zapier expects.
 * - The first poll (no state yet, or expired) returns what it read and marks it all returned: it
 *   is Zapier's deduplication population when the Zap is turned on, and after an expiry Zapier's
 *   own deduplication recognises the ids, so nothing runs twice.
 */
import type { NormalizedOutput } from '../platforms/records';
import { bounded } from './polling-state';
import { ZAPIER_ITEMS_PER_POLL } from './polling-status';

/** The outcome of one poll. */
export interface NewResult {
  /** Newest first. */
  outputs: NormalizedOutput[];
  /** The ids to remember as returned, most recent first. */
  returned: string[];
  /** How many of the observed records were processed (the rest wait for the next poll). */
  processed: number;
}

/**
 * Decides one poll's new records.
 * @param observed the records read, oldest first
 * @param returned the ids earlier polls returned (most recent first), undefined on the first poll
 */
export function detectNewRecords(observed: readonly NormalizedOutput[], returned: readonly string[] | undefined, max = ZAPIER_ITEMS_PER_POLL): NewResult {
  const before = new Set(returned ?? []);
  const fresh: NormalizedOutput[] = [];
  const taken = new Set<string>();
  let processed = 0;
  for (const record of observed) {
    const isNew = !before.has(record.id) && !taken.has(record.id);
    // Zapier would drop the 101st new item: leave it, and everything after it, to the next poll.
    if (isNew && returned !== undefined && fresh.length === max) break;
    if (isNew) {
      fresh.push(record);
      taken.add(record.id);
    }
    processed += 1;
  }
  const outputs = fresh.reverse();
  return { outputs, returned: bounded([...outputs.map((record) => record.id), ...(returned ?? [])]), processed };
}
