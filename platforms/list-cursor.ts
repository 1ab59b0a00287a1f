/**
 * Cursor paging for readers of a list beyond the polling engine (dropdowns, searches): the request
 * for the page after a cursor, and the cursor the answer names for the next page. The cursor's
 * shape is the list's data (`ListPolling.cursor`: Tolt's `starting_after` = `next_cursor` while
 * `has_more`), so a dropdown's "load more" and a search read the next page the way a poll does.
 */
import { getPath } from './paths';
import type { ListPolling, RequestSpec } from './types';

/** A list's cursor paging, as its data describes it. */
export type CursorPaging = NonNullable<ListPolling['cursor']>;

/** The request for the page after `cursor` (the request itself for the first page). */
export function afterCursor(request: RequestSpec, paging: CursorPaging, cursor: string | undefined): RequestSpec {
  return cursor === undefined ? request : { ...request, query: { ...request.query, [paging.param]: cursor } };
}

/**
 * The cursor of the next page: in the answer (`nextPath`) or on the page's last item (`lastItemPath`).
 * @param lastItem the page's last item as received (a record's `raw`)
 * @returns undefined when the answer says there is no more (`morePath` not `true`) or names no cursor
 */
export function nextCursor(body: unknown, paging: CursorPaging, lastItem?: unknown): string | undefined {
  if (getPath(body, paging.morePath) !== true) return undefined;
  const next = paging.nextPath !== undefined ? getPath(body, paging.nextPath) : paging.lastItemPath !== undefined ? getPath(lastItem, paging.lastItemPath) : undefined;
  return (typeof next === 'string' && next !== '') || typeof next === 'number' ? String(next) : undefined;
}
