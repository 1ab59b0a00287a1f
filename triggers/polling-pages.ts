/**
 * What one poll reads from a vendor list: which window (a time filter, or the newest pages), how
 * many pages the vendor's rate limit allows, and the records in the order a poll processes them
 * (oldest first). The decisions about those records are in polling-status.ts and polling-new.ts.
 */
import type { ZObject } from 'zapier-platform-core';
import { convert } from '../platforms/conversions';
import { listPage } from '../platforms/list';
import { afterCursor, nextCursor } from '../platforms/list-cursor';
import { getPath } from '../platforms/paths';
import type { NormalizeContext } from '../platforms/normalize';
import type { NormalizedOutput, RecordKind } from '../platforms/records';
import { pagesPerPoll } from '../platforms/polling-budget';
import type { ListPolling, ListSpec, RequestSpec, TimeFilter } from '../platforms/types';

/**
 * How far back a new-item poll's creation filter reaches, in seconds. Zapier polls every 1 to 15
 * minutes, so a day covers any delay in its schedule and the polls a burst takes to drain.
 */
export const LOOKBACK_SECONDS = 24 * 60 * 60;

/** A time as a filter parameter expects it. */
export function formatTime(time: Date, format: TimeFilter['format']): string | number {
  if (format === 'epoch_ms') return time.getTime();
  if (format === 'epoch_s') return Math.floor(time.getTime() / 1000);
  const iso = time.toISOString();
  // `2021-11-01T11:02:43Z` as vendors show it: no milliseconds.
  return format === 'date' ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The list request narrowed to a window.
 * @param since the window's start; its end, where the vendor wants one (`untilParam`), is `now`
 * @returns the request with the filter's parameters added to its query (literal values, no placeholders)
 */
export function withTimeFilter(request: RequestSpec, filter: TimeFilter | undefined, since: Date, now: Date = new Date()): RequestSpec {
  if (filter === undefined) return request;
  const query = { ...request.query, ...filter.query, [filter.param]: formatTime(since, filter.format) };
  // UpPromote answers 422 when from_date comes without to_date: every window carries its end where the vendor names one.
  if (filter.untilParam) query[filter.untilParam] = formatTime(now, filter.format);
  return { ...request, query };
}

/** Whether a request reads a page named by `{{page}}`, so a poll can ask for the next. */
export function pagesByNumber(request: RequestSpec): boolean {
  return Object.values(request.query ?? {}).some((value) => value === '{{page}}');
}

/** A record with the time that orders it: its change time (status polls) or creation time (new-item polls). */
export interface Timed {
  record: NormalizedOutput;
  /** ISO-8601, or undefined when the item carries none. */
  time?: string;
}

/** The item's last-update time as ISO-8601, where the list says where it is. */
export function updatedAtOf(record: NormalizedOutput, polling: ListPolling): string | undefined {
  if (!polling.updatedAt) return undefined;
  const time = convert(getPath(record.raw, polling.updatedAt.path), polling.updatedAt.convert);
  return typeof time === 'string' ? time : undefined;
}

/** The record's creation time, where its field map reads one. */
export function createdAtOf(record: NormalizedOutput): string | undefined {
  return 'created_at' in record && typeof record.created_at === 'string' ? record.created_at : undefined;
}

/**
 * Sorts oldest first by time (ISO-8601 text); items without one keep their place relative to each
 * other, before the timed ones (the vendor's newest-first order reversed). Stable.
 */
export function oldestFirst(items: readonly Timed[]): Timed[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const [x, y] = [a.item.time, b.item.time];
      if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? -1 : 1;
      return x === y ? a.index - b.index : x < y ? -1 : 1;
    })
    .map((entry) => entry.item);
}

/** What one poll reads. */
export interface PageRead {
  /** The list request, its window applied. */
  request: RequestSpec;
  /** Records per page (the vendor's largest page). */
  pageSize: number;
  /** Pages this poll may read (1 where the list is not paged by number). */
  pages: number;
  /**
   * Stops paging early: called with each page's records; true when the poll has reached what it
   * saw before (the last-seen point).
   */
  reached?: (page: readonly NormalizedOutput[]) => boolean;
}

/** The request for the page after `body`, by the list's cursor (platforms/list-cursor.ts); undefined when there is none. */
function nextByCursor(list: ListSpec, request: RequestSpec, body: unknown, page: readonly NormalizedOutput[]): RequestSpec | undefined {
  const paging = list.polling?.cursor;
  if (!paging) return undefined;
  const cursor = nextCursor(body, paging, page.at(-1)?.raw);
  return cursor === undefined ? undefined : afterCursor(request, paging, cursor);
}

/**
 * Reads up to `read.pages` pages (by page number, or by the list's cursor), stopping at a short or
 * last page, or at the last-seen point.
 * @returns the records in the vendor's order
 * @throws the middleware's errors when the vendor refuses (nothing is half-processed: the poll fails whole)
 */
export async function readPages<K extends RecordKind>(
  z: ZObject,
  context: NormalizeContext & { kind: K },
  list: ListSpec,
  read: PageRead,
): Promise<NormalizedOutput[]> {
  const records: NormalizedOutput[] = [];
  let request: RequestSpec | undefined = read.request;
  for (let page = 1; page <= read.pages && request !== undefined; page += 1) {
    const found: { records: NormalizedOutput[]; body: unknown; link?: string } = await listPage(z, context, request, list.itemsPath, { limit: read.pageSize, page });
    records.push(...found.records);
    if (found.records.length < read.pageSize || read.reached?.(found.records)) break;
    // A full last page: the vendor's Link header names no next one, so none is asked for.
    if (list.polling?.linkHeaderPaging === true && !/rel="?next"?/.test(found.link ?? '')) break;
    request = pagesByNumber(request) ? request : nextByCursor(list, request, found.body, found.records);
  }
  return records;
}

/** How many pages a poll of this list may read: the rate limit's share where pages are numbered or cursor-linked, else one. */
export function pageBudget(list: ListSpec, polling: ListPolling): number {
  return pagesByNumber(list.request) || polling.cursor !== undefined ? pagesPerPoll(polling.rateLimit) : 1;
}
