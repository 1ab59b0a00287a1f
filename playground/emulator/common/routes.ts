/**
 * Small pieces every emulated API's routes use in the same form: fastify route generics, the
 * context the routes work on, e-mail checks and the next integer id. Vendor rules (which field is
 * required, what a refusal says) stay in the vendor folders.
 */
import type { DeliveryLog } from './delivery-log';

/** Route generic for a loosely typed query string (each vendor validates its own parameters). */
export type Query = { Querystring: Record<string, unknown> };
/** Route generic for a `/:id` path parameter. */
export type IdParam = { Params: { id: string } };
/** Route generic for a `/:key` path parameter (vendors whose objects have string keys). */
export type KeyParam = { Params: { key: string } };

/** What a vendor's routes work on: its store, its webhook sender, the delivery log and the clock. */
export interface ApiContext<State, Hooks> {
  state: State;
  hooks: Hooks;
  log: DeliveryLog;
  now: () => number;
}

/** A pragmatic e-mail shape (something@something.tld); no vendor documents its exact rule. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** E-mail addresses compared case-insensitively, as the vendors' lookups by e-mail do. */
export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The next integer id after `ids` (1 for none): ids grow like an auto-increment column. */
export function nextId(ids: readonly number[]): number {
  return Math.max(0, ...ids) + 1;
}
