/**
 * Tamio's HTTP conventions (platforms README §5 "Base URL, auth, test", "Polling / list
 * endpoints"): `Authorization: Bearer <secret key>`, per-resource key permissions, the
 * `{"status", "error", "error_code"}` error bodies, and page / per_page parameters.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { installGuard } from '../../common/guard';
import { integerParam, pageOf } from '../../common/paging';
import { oneOfOr, text } from '../../common/request';
import { unixSeconds } from '../../common/time';

/**
 * Tamio error codes. [DOC] 1002 = not found / already approved; 1001 for an invalid parameter is
 * our choice (the real code for a validation failure is [UNK]).
 */
export const TAMIO_NOT_FOUND = 1002;
export const TAMIO_INVALID_PARAMETER = 1001;

/** A 400 answered as `{"status": 400, "error": <message>, "error_code": <code>}` [DOC]. */
export class TamioError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** A 403 for a key without a permission (status and wording are ours; the permission scheme is [DOC]). */
export class TamioForbidden extends Error {
  constructor(readonly permission: TamioPermission) {
    super(`This API key does not have the ${permission} permission`);
  }
}

/**
 * `<resource>.<view|edit|create|remove>` [DOC] ("keys can be restricted per resource … e.g.
 * affiliates.view"). The resource names other than `affiliates` are [INF] from the API paths.
 */
export type TamioPermission = `${'affiliates' | 'affiliate-programs'}.${'view' | 'edit' | 'create' | 'remove'}`;

/** Every permission a resource can grant (a full secret key has them all). */
export const ALL_PERMISSIONS: readonly TamioPermission[] = (['affiliates', 'affiliate-programs'] as const).flatMap((resource) =>
  (['view', 'edit', 'create', 'remove'] as const).map((action): TamioPermission => `${resource}.${action}`),
);

/** The keys this emulated account has: secret key → the permissions it was granted. */
export type TamioKeys = ReadonlyMap<string, ReadonlySet<TamioPermission>>;

function keyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
  return match?.[1];
}

/** Throws {@link TamioForbidden} unless the request's (already authenticated) key has `permission`. */
export function need(keys: TamioKeys, request: FastifyRequest, permission: TamioPermission): void {
  const key = keyOf(request);
  if (key === undefined || !keys.get(key)?.has(permission)) throw new TamioForbidden(permission);
}

/**
 * Guards every route of this (encapsulated) plugin:
 * - `Authorization: Bearer <key>` with a known secret key [DOC]; anything else (no header, a raw
 *   key without `Bearer `, an unknown key) → 401 `{"status": 401, "error": "Unauthorized"}` [DOC shape].
 * - Errors become Tamio bodies: {@link TamioError} → 400 [DOC]; {@link TamioForbidden} → 403;
 *   fastify's own 4xx (bad JSON…) → 400 with {@link TAMIO_INVALID_PARAMETER}; unknown route → 404
 *   `{"status": 404, "error": "Not found"}` (ours).
 * Rate limits are [UNK]: none applied.
 */
export function guard(server: FastifyInstance, keys: TamioKeys): void {
  installGuard(server, {
    admit: (request) => {
      const key = keyOf(request);
      return key !== undefined && keys.has(key) ? undefined : { status: 401, body: { status: 401, error: 'Unauthorized' } };
    },
    ownError: (error) => {
      if (error instanceof TamioError) return { status: 400, body: { status: 400, error: error.message, error_code: error.code } };
      if (error instanceof TamioForbidden) return { status: 403, body: { status: 403, error: error.message } };
      return undefined;
    },
    clientError: (message) => ({ status: 400, body: { status: 400, error: message, error_code: TAMIO_INVALID_PARAMETER } }),
    serverError: () => ({ status: 500, body: { status: 500, error: 'Internal Server Error' } }),
    notFound: () => ({ status: 404, body: { status: 404, error: 'Not found' } }),
  });
}

/** `name`, when present, must be one of `allowed` (400 otherwise). */
export function oneOf<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  return oneOfOr(source, name, allowed, () => new TamioError(`${name} must be one of: ${allowed.join(', ')}`, TAMIO_INVALID_PARAMETER));
}

/** [DOC] `per_page` defaults to 10 and is at most 50 (developers.tamio.com/list-all-affiliates). */
export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 50;

function positiveInt(source: Record<string, unknown>, name: string, fallback: number): number {
  return integerParam(source, name, { min: 1 }, () => new TamioError(`${name} must be a positive integer`, TAMIO_INVALID_PARAMETER)) ?? fallback;
}

/**
 * One page of `items` plus the total before paging (`total_results` [DOC]). `per_page` above 50 is
 * refused with 400 (our reading of the documented maximum; the real API might clamp instead).
 */
export function paginate<T>(items: T[], query: Record<string, unknown>): { total: number; page: T[] } {
  const page = positiveInt(query, 'page', 1);
  const perPage = positiveInt(query, 'per_page', DEFAULT_PER_PAGE);
  if (perPage > MAX_PER_PAGE) throw new TamioError(`per_page must be at most ${MAX_PER_PAGE}`, TAMIO_INVALID_PARAMETER);
  return { total: items.length, page: pageOf(items, page, perPage) };
}

/** `from` / `to` [DOC]: ISO-8601 or unix seconds; answered in unix seconds (400 when unreadable). */
export function timeParam(source: Record<string, unknown>, name: string): number | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TamioError(`${name} must be an ISO-8601 date or a unix timestamp`, TAMIO_INVALID_PARAMETER);
  return unixSeconds(ms);
}
