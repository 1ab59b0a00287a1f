/**
 * Seed data lives in each vendor folder as JSON (`seed.json`, `examples.json`), imported with
 * `resolveJsonModule` so that tsc copies it into `dist/` and ts-jest reads it as is.
 */

/**
 * A deep copy of imported JSON, typed as the vendor's stored shape. The JSON is the emulator's own
 * and the vendor tests exercise every seeded object, so the cast is checked there rather than by
 * a schema at run time. A copy because each emulator mutates its own store.
 */
export function seedCopy<T>(json: unknown): T {
  return structuredClone(json) as T;
}
