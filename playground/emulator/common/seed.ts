/**
 * Seed data lives beside each emulator module as JSON (`seed.json`, documented examples included),
 * imported with `resolveJsonModule` so that tsc copies it into `dist/` and ts-jest reads it as is.
 */

/**
 * A deep copy of imported JSON, typed as the vendor's stored shape. The JSON is the emulator's own
 * and the vendor tests exercise every seeded object, so the cast is checked there rather than by
 * a schema at run time. A copy because each emulator mutates its own store.
 */
export function seedCopy<T>(json: unknown): T {
  return structuredClone(json) as T;
}

/**
 * The seeded item whose `id` (or `key`) is `id`, for building `fire` examples. Throws when it is
 * gone: the examples name seeded ids, so a missing one is a broken seed, not a request error.
 */
export function seeded<T extends { id: unknown }>(items: readonly T[], id: T['id'], what: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`Seeded ${what} ${String(id)} is missing.`);
  return found;
}

/**
 * A deep copy of a seed that keeps the vendor's verbatim documented examples under `examples`
 * beside its store: the store alone (see {@link seedCopy}), the examples being read-only.
 */
export function storeOf<T>(json: { examples?: unknown }): T {
  const { examples: _examples, ...store } = json;
  return seedCopy<T>(store);
}
