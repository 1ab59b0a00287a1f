/** Small statistics and formatting helpers for the benchmark's figures. */

/** The median of samples (any unit); NaN for none. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Elapsed time since `start` (from process.hrtime.bigint()), in ms. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Bytes as KiB or MiB with one decimal. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  return size >= 1024 * 1024 ? `${sign}${(size / 1024 / 1024).toFixed(1)} MiB` : `${sign}${(size / 1024).toFixed(1)} KiB`;
}

/** Microseconds from ms, e.g. 0.412 → "412 µs". */
export function micros(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms * 1000)} µs` : 'n/a';
}
