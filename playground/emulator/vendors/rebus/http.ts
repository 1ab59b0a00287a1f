/**
 * Rebus AI's HTTP conventions for the emulator (platforms README §4 "Base URL, auth, test",
 * "Polling / actions"; docs on a customer-hosted copy, [DOC-3P]): Bearer API keys, the
 * `{success, data, message, timestamp (unix s), api_version}` envelope, dates as
 * `2024-01-15T10:30:00Z`, page-number pagination with a
 * `pagination` block, and trailing slashes on every path (a path without one is a 404 here).
 *
 * The paths, `{value, display}` status objects and slash convention look like Django REST
 * Framework; where the docs are silent the emulator follows DRF's defaults and says so.
 */
import type { FastifyInstance } from 'fastify';
import { type Answer, installGuard } from '../../common/guard';
import { integerParam, pageOf } from '../../common/paging';
import { oneOfOr, text } from '../../common/request';
import { unixSeconds } from '../../common/time';

/** [DOC-3P] "api_version": "1.0". */
export const API_VERSION = '1.0';


/**
 * An error answered in the emulator's error envelope. Only `"success": false` is documented
 * [DOC-3P, cut]; the rest is our choice: `{"success": false, "error": {"code", "message",
 * "details"?}, "timestamp", "api_version"}` with `details` = DRF-style `{field: [messages]}`.
 */
export class RebusError extends Error {
  constructor(
    readonly status: 400 | 401 | 404,
    readonly code: string,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** A 400 `validation_error` naming the offending fields. */
export function invalid(details: Record<string, string[]>): RebusError {
  const fields = Object.keys(details).join(', ');
  return new RebusError(400, 'validation_error', `Invalid input: ${fields}`, details);
}

/** The success envelope [DOC-3P]: `{"success": true, "data", "message", "timestamp" (unix s), "api_version": "1.0"}`. */
export function success(data: unknown, message: string, now: number): Record<string, unknown> {
  return { success: true, data, message, timestamp: unixSeconds(now), api_version: API_VERSION };
}

function failure(error: RebusError, now: number): Record<string, unknown> {
  const detail = error.details === undefined ? {} : { details: error.details };
  return { success: false, error: { code: error.code, message: error.message, ...detail }, timestamp: unixSeconds(now), api_version: API_VERSION };
}

/** [DOC-3P] live keys `sk_live_…`, sandbox keys `sk_test_…`. */
export const KEY_FORMAT = /^sk_(live|test)_[A-Za-z0-9]+$/;

/**
 * Guards every route of this (encapsulated) plugin:
 * - `Authorization: Bearer <key>` [DOC-3P] with exactly the emulator's key; the scheme word is
 *   matched case-insensitively (DRF's token authentication does so); a raw key, another scheme
 *   (including the documented `JWT <token>` alternative, not emulated) or a wrong key → 401
 *   `{"success": false, "error": {"code": "unauthorized", …}}`.
 * - RebusError → its envelope; other 4xx (unparsable JSON) → 400 `parse_error`; the rest 500.
 */
export function guard(server: FastifyInstance, apiKey: string, now: () => number): void {
  const refusal = (error: RebusError): Answer => ({ status: error.status, body: failure(error, now()) });
  installGuard(server, {
    admit: (request) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (match && match[1] === apiKey) return undefined;
      const message = match ? 'Invalid API key.' : 'Authentication credentials were not provided.';
      return { ...refusal(new RebusError(401, 'unauthorized', message)), headers: { 'WWW-Authenticate': 'Bearer' } };
    },
    ownError: (error) => (error instanceof RebusError ? refusal(error) : undefined),
    clientError: (message) => refusal(new RebusError(400, 'parse_error', message)),
    serverError: () => ({ status: 500, body: { success: false, error: { code: 'server_error', message: 'Internal server error.' }, timestamp: unixSeconds(now()), api_version: API_VERSION } }),
    notFound: (request) => refusal(new RebusError(404, 'not_found', `No route ${request.method} ${request.url}.`)),
  });
}

/** An integer query/body value within [min, max], or `fallback` when absent; 400 otherwise. */
export function intParam(source: Record<string, unknown>, name: string, min: number, max: number, fallback?: number): number | undefined {
  return integerParam(source, name, { min, max }, () => invalid({ [name]: [`Must be an integer between ${min} and ${max}.`] }), fallback);
}

/** `true`/`false` (any case) as a query value, or undefined when absent; 400 otherwise. */
export function boolParam(source: Record<string, unknown>, name: string): boolean | undefined {
  const value = text(source, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid({ [name]: ['Must be true or false.'] });
  return value === 'true';
}

/** One of `allowed`, or undefined when absent; 400 otherwise. */
export function choice<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, (value) => invalid({ [name]: [`"${value}" is not a valid choice. Allowed: ${allowed.join(', ')}.`] }));
}

/** [DOC-3P] `page_size` max 100, default 20. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The documented `pagination` block [DOC-3P]. */
export interface Pagination {
  page: number;
  page_size: number;
  total_pages: number;
  total_count: number;
  has_next: boolean;
  has_previous: boolean;
  next_url: string | null;
  previous_url: string | null;
}

/**
 * One page of `items` and its `pagination` block [DOC-3P]. `next_url` / `previous_url` are paths
 * like the documented `/api/v1/affiliate/affiliates/?page=2`, keeping the request's other query
 * parameters (our choice). `page_size` outside 1–100 → 400 (the docs say "max 100"; DRF would
 * clamp); a page past the last → 404 "Invalid page." (DRF's answer). An empty list has one page.
 */
export function paginate<T>(items: readonly T[], query: Record<string, unknown>, path: string): { results: T[]; pagination: Pagination } {
  const pageSize = intParam(query, 'page_size', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const page = intParam(query, 'page', 1, Number.MAX_SAFE_INTEGER, 1) ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (page > totalPages) throw new RebusError(404, 'not_found', 'Invalid page.');
  const urlFor = (target: number): string => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (name !== 'page' && typeof value === 'string') params.set(name, value);
    params.set('page', String(target));
    return `/api/v1/affiliate${path}?${params.toString()}`;
  };
  return {
    results: pageOf(items, page, pageSize),
    pagination: {
      page,
      page_size: pageSize,
      total_pages: totalPages,
      total_count: items.length,
      has_next: page < totalPages,
      has_previous: page > 1,
      next_url: page < totalPages ? urlFor(page + 1) : null,
      previous_url: page > 1 ? urlFor(page - 1) : null,
    },
  };
}

/** Money in major units rounded to cents, as a JSON number (`85.5` for 85.50 [DOC-3P] style). */
export function money(amount: number): number {
  return Math.round(amount * 100) / 100;
}
