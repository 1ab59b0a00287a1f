/**
 * What a polling trigger remembers between polls of one Zap, in Zapier's cache (`z.cache`): the
 * last-seen status of each record it watches, the ids a new-item trigger has returned, and where a
 * forward-reading window stopped. Zapier's own deduplication remembers only ids, which cannot tell
 * a return to an earlier status from a repeat; this state can.
 *
 * Scope: one entry per trigger and Zap, under the connection (`['auth']`), so neither another Zap
 * nor another account ever reads it. Limits: the entry lives POLL_STATE_TTL_SECONDS after the last
 * poll that wrote it (every poll does), and holds at most MAX_REMEMBERED records (about 40 bytes
 * each, some 200 kB at most; Zapier documents no size limit we could read [INF]).
 */
import type { ZObject } from 'zapier-platform-core';

/** How long a Zap's polling state outlives its last poll, in seconds (30 days: a Zap switched off longer starts afresh). */
export const POLL_STATE_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Most records (statuses or returned ids) one Zap's state keeps; the least recently seen go first. */
export const MAX_REMEMBERED = 5000;

/** Zapier keeps a key under `['auth']` apart per connection. */
const STATE_SCOPE = ['auth'];

/** One Zap's polling state, as stored (JSON). */
export interface PollState {
  /** Record id → last-seen normalized status, most recently seen first. */
  statuses?: [string, string][];
  /** Record ids a new-item trigger returned, most recent first. */
  returned?: string[];
  /** ISO-8601 time of the last item a forward-reading window processed. */
  cursor?: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The state read back from the cache, checked field by field (zod's load cost is kept off this
 * path, platforms/schemas.ts): undefined unless it has the stored shape.
 */
export function parseState(value: unknown): PollState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { statuses, returned, cursor } = value as Record<string, unknown>;
  const pairs = statuses === undefined || (Array.isArray(statuses) && statuses.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(isText)));
  const ids = returned === undefined || (Array.isArray(returned) && returned.every(isText));
  if (!pairs || !ids || (cursor !== undefined && !isText(cursor))) return undefined;
  return value as PollState;
}

/** The cache key of a trigger's state for one Zap (Zapier's `bundle.meta.zap.id`). */
export function stateKey(triggerKey: string, zapId: unknown): string {
  const zap = typeof zapId === 'string' || typeof zapId === 'number' ? String(zapId) : 'unknown';
  return `polling:${triggerKey}:zap:${zap}`;
}

/**
 * The Zap's state, or undefined when there is none: a new Zap, or one whose entry expired or was
 * evicted. A malformed entry counts as none (the poll then learns the list afresh, without runs).
 */
export async function loadState(z: ZObject, key: string): Promise<PollState | undefined> {
  // Core's cache takes the scope on `get` too (create-cache.js); its typings omit the argument.
  const scopedGet = z.cache.get as (key: string, scope: string[]) => Promise<unknown>;
  return parseState(await scopedGet(key, STATE_SCOPE));
}

/**
 * Stores the Zap's state for the next poll. Fails closed: Zapier's cache answers `true` when it
 * stored the value; any other answer (false, null) means the next poll would not know what this
 * one returned, so the poll fails instead of returning runs it cannot account for. Nothing is
 * lost: the next poll finds the same changes again.
 * @throws z.errors.Error (PollingStateNotStored) when the cache does not confirm the write
 */
export async function saveState(z: ZObject, key: string, state: PollState): Promise<void> {
  const stored = await z.cache.set(key, state, POLL_STATE_TTL_SECONDS, STATE_SCOPE);
  if (stored !== true) {
    throw new z.errors.Error(
      'Zapier did not confirm storing what this check saw, so no run was started; the next scheduled check tries again and loses nothing.',
      'PollingStateNotStored',
      503,
    );
  }
}

/** Keeps the first `MAX_REMEMBERED` entries (the most recently seen). */
export function bounded<T>(entries: readonly T[]): T[] {
  return entries.slice(0, MAX_REMEMBERED);
}
