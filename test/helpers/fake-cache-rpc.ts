/**
 * A fake of Zapier's cache RPC (`zcache_get`, `zcache_set`, `zcache_delete`) that behaves like
 * Zapier's store where core's own test mock does not: core's `rpcCacheMock`
 * (create-rpc-client.js) ignores the scope, the ttl and `nx`, and answers true to every set. Here a
 * key set under `['auth']` is another key than the unscoped one, `nx` refuses to overwrite and
 * answers false, and entries expire on a clock the test moves.
 *
 * The app still talks to core's real `z.cache` (create-cache.js, with its argument checks): only
 * the RPC behind it is fake, injected the way core wires it (`input._zapier.rpc`).
 */
import type { ZObject } from 'zapier-platform-core';

type Rpc = (method: string, ...params: unknown[]) => Promise<unknown>;

// Core's cache tool is not in its public typings; this is its shape (src/tools/create-cache.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createCache = require('zapier-platform-core/src/tools/create-cache') as (input: { _zapier: { rpc: Rpc } }) => ZObject['cache'];

/** One `zcache_set` as the RPC received it. */
export interface CacheSetCall {
  key: string;
  ttl: number | null;
  scope: string[] | null;
  nx: boolean | null;
}

export interface FakeCacheRpc {
  /** The RPC function core's cache calls. */
  rpc: Rpc;
  /** A `z.cache` over this RPC (core's own cache tool). */
  cache: ZObject['cache'];
  /** Every set, in order. */
  sets: CacheSetCall[];
  /** Every RPC method called, in order. */
  methods: string[];
  /** Moves the store's clock forward, expiring what outlives its ttl. */
  advance(seconds: number): void;
  /** How many live entries the store holds. */
  size(): number;
}

function storeKey(key: string, scope: unknown): string {
  const parts = Array.isArray(scope) ? [...(scope as string[])].sort() : [];
  return `${parts.join('+')}\u0000${key}`;
}

/** How the fake answers a `zcache_set`. */
export interface FakeCacheOptions {
  /**
   * Replaces the answer of every set (the store itself behaves as usual): e.g. `() => null`, an
   * answer core's typing allows whose meaning Zapier does not document.
   */
  setAnswer?: (stored: boolean) => unknown;
}

/** A fresh, empty store. */
export function fakeCacheRpc(options: FakeCacheOptions = {}): FakeCacheRpc {
  const answer = options.setAnswer ?? ((stored: boolean) => stored);
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let now = 0;
  const sets: CacheSetCall[] = [];
  const methods: string[] = [];
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now) entries.delete(key);
    return entries.get(key);
  };
  const rpc: Rpc = async (method, ...params) => {
    methods.push(method);
    const [key, second, third, fourth, fifth] = params;
    if (typeof key !== 'string') throw new Error('zcache key must be a string');
    if (method === 'zcache_get') return live(storeKey(key, second))?.value ?? null;
    if (method === 'zcache_delete') return entries.delete(storeKey(key, second));
    if (method === 'zcache_set') {
      const ttl = typeof third === 'number' ? third : null;
      const scope = Array.isArray(fourth) ? (fourth as string[]) : null;
      const nx = typeof fifth === 'boolean' ? fifth : null;
      sets.push({ key, ttl, scope, nx });
      const at = storeKey(key, scope);
      if (nx === true && live(at) !== undefined) return answer(false);
      entries.set(at, { value: String(second), expiresAt: ttl === null ? Number.POSITIVE_INFINITY : now + ttl });
      return answer(true);
    }
    throw new Error(`Unexpected method '${method}'`);
  };
  return {
    rpc,
    cache: createCache({ _zapier: { rpc } }),
    sets,
    methods,
    advance(seconds) {
      now += seconds;
    },
    size() {
      for (const key of [...entries.keys()]) live(key);
      return entries.size;
    },
  };
}

/** A perform that runs with `z.cache` backed by `store` instead of core's test mock. */
export function withCache<B>(perform: (z: ZObject, bundle: B) => unknown, store: FakeCacheRpc): (z: ZObject, bundle: B) => unknown {
  return (z, bundle) => {
    z.cache = store.cache;
    return perform(z, bundle);
  };
}
