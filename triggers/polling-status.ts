/**
 * Status changes from one poll, decided against the statuses the Zap saw at its previous poll.
 *
 * - A record whose status differs from its last-seen status is one change: one output, whatever
 *   the status was before (a return to an earlier status included). Same status: no output.
 * - First sightings (one rule on every platform): a record first seen after the Zap's first poll
 *   counts as a change into the status it is first seen in, so it runs once in that status. The
 *   first poll (no state yet, or the state expired) only learns the statuses and runs nothing.
 * - "Only When the Status Becomes": changes into another status are learnt without output.
 * - At most `max` outputs (Zapier's 100 new items per poll): changes beyond them are left unlearnt,
 *   so the next poll finds them again. The oldest changes go first; outputs are newest first.
 * - Each output's id is `<record id>:<status>:<time of the change>` (the vendor's update time where
 *   items carry one, else the poll's time), new for every change, so Zapier's own deduplication
 *   never swallows a return to an earlier status. `previous_status` is the status seen before.
 */
import type { NormalizedOutput } from '../platforms/records';
import { statusChangeOutput } from '../fields/status-change';
import { bounded } from './polling-state';
import type { Timed } from './polling-pages';

/** Zapier's default throttle: a poll's first 100 new items run ("100 new items/poll", Zapier's operating constraints). */
export const ZAPIER_ITEMS_PER_POLL = 100;

/** A polled record that carries a status. */
export type StatusRecord = NormalizedOutput & { status: string; previous_status?: string };

/** A status trigger's output: the record under an id that changes with each change, its own id in `record_id`. */
export type StatusOutput = StatusRecord & { record_id: string };

/** What one poll observed, oldest change (or oldest record) first. */
export interface StatusPoll {
  observed: readonly (Timed & { record: StatusRecord })[];
  /** Last-seen statuses (record id → status), most recently seen first; undefined on the first poll. */
  known: readonly [string, string][] | undefined;
  /** The chosen "Only When the Status Becomes" status, if any. */
  wanted?: string;
  /** The poll's time (ISO-8601), marking changes whose item carries no time. */
  now: string;
  max?: number;
}

/** The outcome of one poll. */
export interface StatusResult {
  /** Newest change first. */
  outputs: StatusOutput[];
  /** The statuses to remember, most recently seen first. */
  statuses: [string, string][];
  /** How many of `observed` were processed (the rest wait for the next poll). */
  processed: number;
}

/** Decides one poll's status changes (see the module comment). */
export function detectStatusChanges(poll: StatusPoll): StatusResult {
  const max = poll.max ?? ZAPIER_ITEMS_PER_POLL;
  const known = new Map(poll.known ?? []);
  const learnt = new Map<string, string>();
  const outputs: StatusOutput[] = [];
  let processed = 0;
  for (const { record, time } of poll.observed) {
    const previous = learnt.get(record.id) ?? known.get(record.id);
    const changed = poll.known !== undefined && previous !== record.status;
    const runs = changed && (poll.wanted === undefined || record.status === poll.wanted);
    // Zapier would drop the 101st new item: leave it, and everything after it, to the next poll.
    if (runs && outputs.length === max) break;
    if (runs) outputs.push(statusChangeOutput(record, time ?? poll.now, previous));
    learnt.set(record.id, record.status);
    processed += 1;
  }
  const recent = [...learnt.entries()].reverse();
  const older = [...known.entries()].filter(([id]) => !learnt.has(id));
  return { outputs: outputs.reverse(), statuses: bounded([...recent, ...older]), processed };
}
