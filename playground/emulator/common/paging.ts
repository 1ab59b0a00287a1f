/**
 * Page-number paging shared by the vendors that use it (UpPromote, Rebus AI, Tamio): reading an
 * integer parameter and slicing one page. Parameter names, defaults, caps and the refusal (status,
 * wording, envelope) are each vendor's, passed in.
 */
import { text } from './request';

/**
 * The integer `name` of a query or body, or `fallback` when absent. A value that is not a whole
 * number (optionally negative when `min` < 0) or lies outside [`min`, `max`] throws what
 * `refuse` builds.
 */
export function integerParam(
  source: Record<string, unknown>,
  name: string,
  range: { min: number; max?: number },
  refuse: () => Error,
  fallback?: number,
): number | undefined {
  const value = text(source, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < range.min || number > (range.max ?? Number.MAX_SAFE_INTEGER)) throw refuse();
  return number;
}

/** The items of 1-based page `page` when every page holds `perPage` items (empty past the end). */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}
