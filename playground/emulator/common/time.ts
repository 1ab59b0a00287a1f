/**
 * Time formats several vendors document: ISO-8601 UTC with whole seconds and unix seconds. Which
 * vendor uses which stays in the vendor's own code; this file only converts the emulator clock
 * (unix ms).
 */

/** Unix ms → unix seconds, rounded down. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Unix ms → `2025-09-24T10:52:59Z` (UTC, fraction dropped). */
export function isoSeconds(ms: number): string {
  return new Date(unixSeconds(ms) * 1000).toISOString().replace('.000Z', 'Z');
}
