/**
 * One poll of a polling trigger, after the trigger has found its list (polling-trigger.ts): reads
 * the window (polling-pages.ts), decides against the Zap's state (polling-state.ts) which records
 * changed status (polling-status.ts) or are new (polling-new.ts), and returns the outputs with the
 * state to store. The editor's sample reads the newest records and touches no state.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { NormalizeContext } from '../platforms/normalize';
import type { NormalizedOutput, RecordKind } from '../platforms/records';
import type { ListPolling, ListSpec, TimeFilter } from '../platforms/types';
import type { PollingTriggerSpec } from '../fields/operations';
import { statusChangeOutput } from '../fields/status-change';
import { readsChangesForward, statusScanDays } from './polling-coverage';
import { detectNewRecords } from './polling-new';
import { createdAtOf, LOOKBACK_SECONDS, oldestFirst, pageBudget, readPages, updatedAtOf, withTimeFilter, type PageRead, type Timed } from './polling-pages';
import type { PollState } from './polling-state';
import { detectStatusChanges, type StatusRecord } from './polling-status';

/** Items Zapier asks for while the user loads samples, when its bundle names no limit. */
export const SAMPLE_SIZE = 3;

/** A forward window restarts this far before the last item it processed, in ms: a vendor's "after" may be strict, and a re-read item with an unchanged status runs nothing. */
const CURSOR_OVERLAP_MS = 1000;

/** Items wanted from this poll: Zapier's limit, 3 while loading samples, undefined for "no limit" (-1 or absent). */
export function wantedItems(meta: Partial<Bundle['meta']> | undefined): number | undefined {
  const limit = Number(meta?.limit);
  if (Number.isInteger(limit) && limit > 0) return limit;
  return meta?.isLoadingSample ? SAMPLE_SIZE : undefined;
}

/** The chosen "Only When the Status Becomes" status, if any. */
export function statusInput(bundle: Bundle): string | undefined {
  const status = bundle.inputData.status;
  return typeof status === 'string' && status !== '' ? status : undefined;
}

function hasStatus(record: NormalizedOutput): record is StatusRecord {
  // A record whose status cannot be read has no status to change: it cannot be told apart from its next state.
  return 'status' in record && typeof record.status === 'string';
}

/** The list a trigger polls, what is known about it, and how its records are normalized. */
export interface Target {
  list: ListSpec;
  polling: ListPolling;
  context: NormalizeContext & { kind: RecordKind };
}

/** Where a forward window starts: just before the last item processed, else a day back (the first poll). */
function forwardStart(state: PollState | undefined, now: Date): Date {
  const cursor = state?.cursor === undefined ? Number.NaN : Date.parse(state.cursor);
  return Number.isNaN(cursor) ? new Date(now.getTime() - LOOKBACK_SECONDS * 1000) : new Date(cursor - CURSOR_OVERLAP_MS);
}

/**
 * The records a poll processes, oldest first, each with the time that orders it.
 * @param asListed true when the records come in the list's own order (not a forward window's oldest first)
 */
function ordered(records: readonly NormalizedOutput[], polling: ListPolling, timeOf: (record: NormalizedOutput) => string | undefined, asListed: boolean): Timed[] {
  const timed = records.map((record) => ({ record, time: timeOf(record) }));
  // Untimed items on a newest-first list: the vendor's order reversed.
  return oldestFirst(asListed && polling.order === 'newest_first' ? timed.reverse() : timed);
}

/** The cursor after a forward window: the time of the last item processed, else where it was. */
function cursorAfter(observed: readonly Timed[], processed: number, previous: string | undefined, start: Date): string {
  return observed[processed - 1]?.time ?? previous ?? start.toISOString();
}

/**
 * One status poll: learns statuses, returns the changes (see polling-status.ts) and the state to store.
 * @throws the middleware's errors when the vendor refuses
 */
export async function pollStatus(z: ZObject, bundle: Bundle, { list, polling, context }: Target, state: PollState | undefined, now: Date) {
  const forward = readsChangesForward(polling);
  // A forward window's first poll starts reading from now: what changed before the Zap was on is not a change it reports.
  if (forward && state === undefined) return { outputs: [], next: { statuses: [], cursor: now.toISOString() } };
  const days = statusScanDays(polling);
  const start = forward ? forwardStart(state, now) : new Date(now.getTime() - (days ?? 0) * 24 * 60 * 60 * 1000);
  const filter: TimeFilter | undefined = forward ? polling.updatedSince : days === undefined ? undefined : polling.createdSince;
  const read: PageRead = { request: withTimeFilter(list.request, filter, start, now), pageSize: list.maxPageSize, pages: pageBudget(list, polling) };
  const records = await readPages(z, context, list, read);
  const timeOf = (record: NormalizedOutput) => updatedAtOf(record, polling) ?? (polling.updatedAt ? undefined : createdAtOf(record));
  const observed = ordered(records.filter(hasStatus), polling, timeOf, true) as (Timed & { record: StatusRecord })[];
  // Without an update time a change is dated by the poll that saw it.
  const marked = polling.updatedAt ? observed : observed.map((item) => ({ ...item, time: undefined }));
  const result = detectStatusChanges({ observed: marked, known: state?.statuses, wanted: statusInput(bundle), now: now.toISOString() });
  const next: PollState = { statuses: result.statuses, ...(forward ? { cursor: cursorAfter(observed, result.processed, state?.cursor, start) } : {}) };
  return { outputs: result.outputs, next };
}

/**
 * One new-item poll: returns records not returned before (see polling-new.ts) and the state to store.
 * @throws the middleware's errors when the vendor refuses
 */
export async function pollNew(z: ZObject, { list, polling, context }: Target, state: PollState | undefined, now: Date) {
  const forward = polling.createdSince?.oldestFirst === true;
  const start = forward ? forwardStart(state, now) : new Date(now.getTime() - LOOKBACK_SECONDS * 1000);
  // A window only where the first pages may not hold the newest items, or to read forward.
  const filter = forward || polling.order !== 'newest_first' ? polling.createdSince : undefined;
  const returned = new Set(state?.returned ?? []);
  const read: PageRead = {
    request: withTimeFilter(list.request, filter, start, now),
    pageSize: list.maxPageSize,
    pages: pageBudget(list, polling),
    // The last-seen point: only a newest-first list puts everything newer before it.
    reached: (page) => polling.order === 'newest_first' && !forward && page.some((record) => returned.has(record.id)),
  };
  const records = await readPages(z, context, list, read);
  const observed = ordered(records, polling, createdAtOf, !forward);
  const result = detectNewRecords(
    observed.map((item) => item.record),
    state?.returned,
  );
  const next: PollState = { returned: result.returned, ...(forward ? { cursor: cursorAfter(observed, result.processed, state?.cursor, start) } : {}) };
  return { outputs: result.outputs, next };
}

/**
 * The editor's sample: the newest records as they are now (at most 3), no state read or written.
 * @throws the middleware's errors when the vendor refuses
 */
export async function sample(z: ZObject, bundle: Bundle, spec: PollingTriggerSpec, { list, polling, context }: Target): Promise<NormalizedOutput[]> {
  // The editor shows three, whatever limit Zapier names; a status filter reads a full page first so it never empties the sample while a match exists.
  const wanted = Math.min(wantedItems(bundle.meta) ?? SAMPLE_SIZE, SAMPLE_SIZE);
  const filtered = spec.watch === 'status' && statusInput(bundle) !== undefined;
  const records = await readPages(z, context, list, { request: list.request, pageSize: filtered ? list.maxPageSize : Math.min(list.maxPageSize, wanted), pages: 1 });
  const newest = ordered(records, polling, spec.watch === 'status' ? (record) => updatedAtOf(record, polling) ?? createdAtOf(record) : createdAtOf, true).reverse();
  if (spec.watch === 'created') return newest.map((item) => item.record).slice(0, wanted);
  const status = statusInput(bundle);
  return newest
    .filter((item): item is Timed & { record: StatusRecord } => hasStatus(item.record) && (status === undefined || item.record.status === status))
    .map((item) => statusChangeOutput(item.record, item.time ?? new Date().toISOString()))
    .slice(0, wanted);
}
