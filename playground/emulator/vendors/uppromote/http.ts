/**
 * UpPromote's HTTP conventions (platforms README §1 "Base URL, auth", "Rate limit",
 * "Response / error format", "Polling / list endpoints"): raw-key auth, the 120/min limit, the
 * `{status, message, data}` envelope, 422/404 errors, page/per_page and date parameters.
 */
import type { FastifyInstance } from 'fastify';
import { type Answer, installGuard } from '../../common/guard';
import { integerParam, pageOf } from '../../common/paging';
import { oneOfOr, text } from '../../common/request';

/** A 404 or 422 answered as `{"status": <code>, "message": <message>}`. */
export class UpPromoteError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** `{"status": 200, "message": "success", "data": …}` [INF] (PostHog fixtures). */
export function success(data?: unknown): Record<string, unknown> {
  return data === undefined ? { status: 200, message: 'success' } : { status: 200, message: 'success', data };
}

/** [DOC] "120 requests per minute per store … fixed 60-s windows". */
export const RATE_LIMIT = 120;
export const RATE_WINDOW_MS = 60_000;

/**
 * Guards every route of this (encapsulated) plugin:
 * - `Authorization` must equal the key exactly [DOC]: no `Bearer ` (that was v1), so an app that
 *   adds it gets 401 `{"message": "Unauthorized"}` [INF] like a missing or wrong key.
 * - Authenticated calls count against the key's fixed 60-s window ([DOC] every call counts, any
 *   status); beyond 120 → 429 `{"message": "Too Many Requests"}` with `Retry-After` = seconds to
 *   the window's end. The 429 status and header are our choice: the real response is [UNK].
 * - Errors become UpPromote-style bodies; body-parse failures count as parameter errors (422 [DOC]).
 */
export function guard(server: FastifyInstance, apiKey: string, now: () => number): void {
  const windows = new Map<string, { start: number; count: number }>();
  const admit = (authorization: string | undefined): Answer | undefined => {
    if (authorization !== apiKey) return { status: 401, body: { message: 'Unauthorized' } };
    const time = now();
    const start = time - (time % RATE_WINDOW_MS);
    const window = windows.get(apiKey);
    const current = window && window.start === start ? window : { start, count: 0 };
    current.count += 1;
    windows.set(apiKey, current);
    if (current.count <= RATE_LIMIT) return undefined;
    const retryAfter = Math.max(1, Math.ceil((start + RATE_WINDOW_MS - time) / 1000));
    return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { message: 'Too Many Requests' } };
  };

  installGuard(server, {
    admit: (request) => admit(request.headers.authorization),
    ownError: (error) => (error instanceof UpPromoteError ? { status: error.status, body: { status: error.status, message: error.message } } : undefined),
    clientError: (message) => ({ status: 422, body: { status: 422, message } }),
    serverError: () => ({ status: 500, body: { status: 500, message: 'Server Error' } }),
    notFound: (request) => ({ status: 404, body: { status: 404, message: `Route ${request.method} ${request.url} not found` } }),
  });
}

/** Requires a string field (422 "The <name> field is required." otherwise). */
export function required(source: Record<string, unknown>, name: string): string {
  const value = text(source, name);
  if (value === undefined) throw new UpPromoteError(422, `The ${name} field is required.`);
  return value;
}

/** Requires `name`, when present, to be one of `allowed` (422 otherwise). */
export function oneOf<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, () => new UpPromoteError(422, `The selected ${name} is invalid. Allowed: ${allowed.join(', ')}.`));
}

/** A positive integer parameter (`page`, `per_page`, ids), or `fallback` when absent. */
export function positiveInt(source: Record<string, unknown>, name: string, fallback?: number): number | undefined {
  return integerParam(source, name, { min: 1 }, () => new UpPromoteError(422, `The ${name} must be a positive integer.`), fallback);
}

/** [INF] default `per_page` is 10 (polymetrics); no cap is documented, so none is applied. */
export const DEFAULT_PER_PAGE = 10;

/** One page of `items`; [INF] responses carry no pagination metadata, an empty page ends iteration. */
export function paginate<T>(items: T[], query: Record<string, unknown>): T[] {
  const page = positiveInt(query, 'page', 1) ?? 1;
  const perPage = positiveInt(query, 'per_page', DEFAULT_PER_PAGE) ?? DEFAULT_PER_PAGE;
  return pageOf(items, page, perPage);
}

function dateParam(query: Record<string, unknown>, name: string): number | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UpPromoteError(422, `The ${name} is not a valid date.`);
  return time;
}

/**
 * `from_date` / `to_date` (ISO-8601, [DOC] request example) as an inclusive range in unix ms.
 * `from_date` without `to_date` → 422 when `requirePair` ([INF] PostHog, for referrals).
 */
export function dateRange(query: Record<string, unknown>, requirePair: boolean): { from?: number; to?: number } {
  const from = dateParam(query, 'from_date');
  const to = dateParam(query, 'to_date');
  if (requirePair && from !== undefined && to === undefined) throw new UpPromoteError(422, 'The to_date field is required when from_date is present.');
  if (from !== undefined && to !== undefined && to < from) throw new UpPromoteError(422, 'The to_date must be a date after or equal to from_date.');
  return { from, to };
}

/** Whether an ISO time falls in a {@link dateRange}. */
export function inRange(iso: string, range: { from?: number; to?: number }): boolean {
  const time = Date.parse(iso);
  return (range.from === undefined || time >= range.from) && (range.to === undefined || time <= range.to);
}

/** Newest first: the real order is [UNK]; this is what a trigger's performList expects. */
export function newestFirst<T>(items: T[], timeOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => Date.parse(timeOf(b)) - Date.parse(timeOf(a)));
}
