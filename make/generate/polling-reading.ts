/**
 * How a Make polling trigger reads the vendor's list: from where the last run stopped, by Make's own
 * trigger state, within the vendor's rate limit. The rules of the Zapier polls (docs/polling.md),
 * expressed in what Make gives a polling trigger:
 *
 * - **Make's state.** A `date` trigger remembers the date of the last item it processed (and the ids
 *   of processed items sharing that date) and gives it to the request as `data.lastDate`; the first
 *   run gets the date "Choose where to start" (the epoch) chose: now ("From now on"), a date, the
 *   chosen item's date, or 1970-01-01 ("All"). Make's best-practice page (developers.make.com,
 *   custom apps → best practices → trigger modules) shows `"from": "{{data.lastDate}}"`; Make's
 *   polling-trigger guide adds `|| undefined`, so a run without a date sends no filter at all.
 * - **Where the vendor filters by creation time**, the window starts one second before
 *   `data.lastDate` (a vendor's "after" may be strict; Make drops the re-read item itself) and ends
 *   now where the vendor wants an end (`createdSince.untilParam`: a vendor may refuse a start
 *   alone). A window the vendor also sorts oldest first is read `asc`, so each run continues where the last
 *   stopped; a window of undocumented order is `unordered`: Make sorts what it read.
 * - **Lists documented newest first** are read `desc`: Make reads down to the last processed item.
 * - **Pages**: further pages while full (by page number or the answer's cursor), at most as many a
 *   run as the Zapier poll may spend of the vendor's rate limit (platforms/polling-budget.ts).
 *   Make evaluates a pagination `condition` after each answer with `pagination.page` at the page
 *   just read and again at the next [INF: Make's polling-trigger review guide, not the public
 *   reference], so `pagination.page <= N` reads pages 1 to N.
 */
import type { ListSpec, TimeFilter } from '../../platforms/types';
import { pagesPerPoll } from '../../platforms/polling-budget';
import { pathExpression, quote, unwrap, wrap } from './iml';
import type { JsonRecord } from './json';
import { paginationOf } from './searches';

/** Make's `trigger.order`: how the items of one run arrive. */
export type MakeTriggerOrder = 'asc' | 'desc' | 'unordered';

/** What the trigger's request reads in one run. */
export interface MakeReading {
  order: MakeTriggerOrder;
  /** Query parameters added to (or overriding) the list's own: the window from Make's state. */
  qs: JsonRecord;
  /** Make's `pagination` directive, bounded to `pages`; undefined where the list is not paged. */
  pagination?: JsonRecord;
  /** Pages one run reads at most (1 where the list is not paged). */
  pages: number;
  /** The epoch's query overrides: the newest items whatever the trigger's state ("Choose where to start" lists them). */
  epochQs: JsonRecord;
}

/** Make's date formats for a time filter's value (IML `formatDate`, UTC). */
const MAKE_FORMATS: Readonly<Record<TimeFilter['format'], string>> = {
  iso: quote('YYYY-MM-DDTHH:mm:ss[Z]'),
  date: quote('YYYY-MM-DD'),
  epoch_ms: quote('x'),
  epoch_s: quote('X'),
};

/** A query value Make leaves out of the request. */
const OMITTED = wrap('undefined');

/** The window from Make's state: its start just before the last processed item, its end now where the vendor wants one; both left out without a date. */
function windowQuery(filter: TimeFilter): JsonRecord {
  const format = MAKE_FORMATS[filter.format];
  // Empty input passes on through Make's date functions, so without a date this is `undefined`: no parameter.
  const query: JsonRecord = { [filter.param]: wrap(`formatDate(addSeconds(data.lastDate, -1), ${format}, 'UTC') || undefined`) };
  if (filter.untilParam) query[filter.untilParam] = wrap(`if(data.lastDate, formatDate(now, ${format}, 'UTC'), undefined)`);
  return query;
}

/** The pagination directive before its bound: by page number, or by the answer's cursor (`polling.cursor`); undefined for neither. */
function unboundedPagination(list: ListSpec): JsonRecord | undefined {
  const byNumber = paginationOf(list.request, pathExpression('body', list.itemsPath), list.maxPageSize);
  const cursor = list.polling?.cursor;
  if (byNumber || !cursor) return byNumber;
  const next = cursor.nextPath !== undefined ? pathExpression('body', cursor.nextPath) : pathExpression(`last(${pathExpression('body', list.itemsPath)})`, cursor.lastItemPath ?? 'id');
  return { qs: { [cursor.param]: wrap(next) }, condition: wrap(pathExpression('body', cursor.morePath)) };
}

/**
 * How the Make polling trigger of a list reads it (see the file comment).
 * @returns the order, window, bounded pagination and the epoch's overrides
 */
export function makeReading(list: ListSpec): MakeReading {
  const polling = list.polling;
  const unbounded = unboundedPagination(list);
  const pages = unbounded ? pagesPerPoll(polling?.rateLimit) : 1;
  const pagination = unbounded && { ...unbounded, condition: wrap(`pagination.page <= ${pages} && (${unwrap(String(unbounded.condition))})`) };
  const filter = polling?.createdSince;
  const forward = filter?.oldestFirst === true;
  if (filter && (forward || polling?.order !== 'newest_first')) {
    const qs = { ...(forward ? filter.query : {}), ...windowQuery(filter) };
    // "Choose where to start" lists the newest items: the list's own order, no window.
    const epochQs: JsonRecord = Object.fromEntries(Object.keys(qs).map((key) => [key, list.request.query?.[key] ?? OMITTED]));
    return { order: forward ? 'asc' : 'unordered', qs, pagination: pagination || undefined, pages, epochQs };
  }
  return { order: polling?.order === 'newest_first' ? 'desc' : 'unordered', qs: {}, pagination: pagination || undefined, pages, epochQs: {} };
}
