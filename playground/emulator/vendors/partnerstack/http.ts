/**
 * PartnerStack's HTTP conventions for the emulator (platforms README §3 "Base URL, auth" and
 * "Responses, errors, pagination, time"): HTTP Basic with the public key as user name and the
 * secret key as password, the `{data, message, status}` envelope, `{message, status}` errors,
 * cursor pagination over newest-first lists, epoch-millisecond times.
 */
import type { FastifyInstance } from 'fastify';
import { installGuard } from '../../common/guard';
import { MIXED_CASE_ALPHANUMERIC, randomText } from '../../common/ids';
import { text } from '../../common/request';

/** Vendor-side keys: `public_key` is the Basic user name, `api_key` (the secret key) the password [DOC]. */
export interface PartnerStackCredentials {
  public_key: string;
  api_key: string;
}

/**
 * An error answered as `{"message": <message>, "status": <code>}` [DOC shape]. Which code for
 * what is our choice (the real mapping is [UNK]): 400 a missing or malformed parameter, 404 an
 * unknown key (in the path or referenced by the body), 422 a well-formed request the current
 * state refuses (an e-mail already taken, an application already decided).
 */
export class PartnerStackError extends Error {
  constructor(
    readonly status: 400 | 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** The success envelope [DOC]: `{"data": …, "message": "…", "status": 200}`. */
export function ok(data: unknown, message: string): { data: unknown; message: string; status: 200 } {
  return { data, message, status: 200 };
}

/** `user:password` of a `Basic` header, or undefined when the header is absent or not Basic. */
function basicPair(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Guards every route of this (encapsulated) plugin:
 * - `Authorization: Basic base64(public_key:secret_key)` [DOC]; anything else (Bearer, the keys
 *   swapped, a wrong key, no header) → 401 `{"message": "Unauthorized", "status": 401}` (the
 *   message text is ours).
 * - PartnerStackError → its status; other 4xx (e.g. an unparsable JSON body) → 400; the rest 500.
 */
export function guard(server: FastifyInstance, credentials: PartnerStackCredentials): void {
  installGuard(server, {
    admit: (request) => {
      const pair = basicPair(request.headers.authorization);
      if (pair && pair.user === credentials.public_key && pair.password === credentials.api_key) return undefined;
      return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="PartnerStack"' }, body: { message: 'Unauthorized', status: 401 } };
    },
    ownError: (error) => (error instanceof PartnerStackError ? { status: error.status, body: { message: error.message, status: error.status } } : undefined),
    clientError: (message) => ({ status: 400, body: { message, status: 400 } }),
    serverError: () => ({ status: 500, body: { message: 'Internal server error', status: 500 } }),
    notFound: (request) => ({ status: 404, body: { message: `Route ${request.method} ${request.url} not found`, status: 404 } }),
  });
}

/** A required string field: 400 `"<name> is required"` otherwise. */
export function required(source: Record<string, unknown>, name: string): string {
  const value = text(source, name);
  if (value === undefined) throw new PartnerStackError(400, `${name} is required`);
  return value;
}

/** A new object key in PartnerStack's style: a type prefix and 14 random alphanumerics (`part_mGXzJol7h633Ft`). */
export function newKey(prefix: string): string {
  return `${prefix}_${randomText(MIXED_CASE_ALPHANUMERIC, 14)}`;
}

/** [DOC] `limit` 1–250, default 10. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 250;

/** Anything a list can hold: a key (the cursor) and a creation time in epoch ms. */
export interface Listed {
  key: string;
  created_at: number;
}

function epochMs(query: Record<string, unknown>, name: string): number | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new PartnerStackError(400, `${name} must be a timestamp in milliseconds`);
  return Number(value);
}

/**
 * One page of a list [DOC]: newest first (ties: the later-inserted first), optionally filtered by
 * `min_created` / `max_created` (epoch ms, inclusive [INF]); `starting_after=<key>` gives the
 * items after that one, `ending_before=<key>` the `limit` items just before it (cursor semantics
 * as in Stripe-style APIs [INF]). `has_more` says whether items remain in the direction of
 * travel. A cursor naming no item of the list, both cursors at once, or a `limit` outside 1–250
 * → 400 (our choice).
 */
export function paginate<T extends Listed>(items: readonly T[], query: Record<string, unknown>): { has_more: boolean; items: T[] } {
  const rawLimit = text(query, 'limit');
  if (rawLimit !== undefined && (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT)) {
    throw new PartnerStackError(400, `limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  const minCreated = epochMs(query, 'min_created');
  const maxCreated = epochMs(query, 'max_created');
  const ordered = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => (minCreated === undefined || item.created_at >= minCreated) && (maxCreated === undefined || item.created_at <= maxCreated))
    .sort((a, b) => b.item.created_at - a.item.created_at || b.index - a.index)
    .map(({ item }) => item);

  const after = text(query, 'starting_after');
  const before = text(query, 'ending_before');
  if (after !== undefined && before !== undefined) throw new PartnerStackError(400, 'Use either starting_after or ending_before, not both');
  const position = (key: string, name: string): number => {
    const index = ordered.findIndex((item) => item.key === key);
    if (index < 0) throw new PartnerStackError(400, `${name} ${key} is not an item of this list`);
    return index;
  };
  if (before !== undefined) {
    const end = position(before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { has_more: start > 0, items: ordered.slice(start, end) };
  }
  const start = after === undefined ? 0 : position(after, 'starting_after') + 1;
  return { has_more: start + limit < ordered.length, items: ordered.slice(start, start + limit) };
}

/** The list envelope [DOC]: `{"data": {"has_more", "items"}, "message": "Page returned successfully", "status": 200}`. */
export function listPage<T extends Listed>(items: readonly T[], query: Record<string, unknown>, view: (item: T) => unknown = (item) => item): ReturnType<typeof ok> {
  const page = paginate(items, query);
  return ok({ has_more: page.has_more, items: page.items.map(view) }, 'Page returned successfully');
}
