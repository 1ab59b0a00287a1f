/**
 * The named conversions a field map may apply (DESIGN.md section 4): vendor units and formats to
 * normalized ones. Each returns undefined only for a value it cannot read, so a malformed field is
 * left out of the record instead of failing the whole delivery; a value it can read is never dropped.
 */
import type { Conversion } from './types';

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function toIso(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Epoch numbers below this are seconds, from it on milliseconds. 1e11 seconds is the year 5138 and
 * 1e11 milliseconds is 1973-03-03, so no time a vendor sends about its affiliates falls on the
 * wrong side: 1700000000 (s) and 1700000000000 (ms) both read as 2023-11-14T22:13:20.000Z.
 */
export const EPOCH_SECONDS_BELOW = 1e11;

/**
 * Any time a vendor sends, to ISO-8601 UTC (`2023-11-14T22:13:20.000Z`):
 * - a number, or a string of only a number (`"1700000000"`, `" 1700000000.5 "`): epoch seconds
 *   when its magnitude is below EPOCH_SECONDS_BELOW, else epoch milliseconds (negative numbers by
 *   the same magnitude rule);
 * - any other string that `Date` parses (ISO-8601 with or without offset, RFC 2822).
 * @returns undefined only for what no rule reads (objects, booleans, empty or unparseable text)
 */
export function toTime(value: unknown): string | undefined {
  const epoch = toNumber(value);
  if (epoch !== undefined) return toIso(new Date(Math.abs(epoch) < EPOCH_SECONDS_BELOW ? epoch * 1000 : epoch));
  if (typeof value === 'string' && value.trim() !== '') return toIso(new Date(ZONELESS.test(value.trim()) ? `${value.trim().replace(' ', 'T')}Z` : value.trim()));
  return undefined;
}

/** A date and time with no zone (`2020-02-14 18:48:42`): read as UTC, never as the server's local time. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Scalar to string; objects and arrays have no text form here. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Applies a conversion other than `status` (which needs the platform's table). */
export function convert(value: unknown, conversion: Exclude<Conversion, 'status'>): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  switch (conversion) {
    case 'text':
      return toText(value);
    case 'decimal':
      return toNumber(value);
    case 'minor_units': {
      const minor = toNumber(value);
      return minor === undefined ? undefined : Math.round(minor) / 100;
    }
    // One rule for every time: a vendor that documents milliseconds and sends seconds (or ISO
    // text) still gets its time through, so the old unit names are aliases of `time`.
    case 'time':
    case 'epoch_ms':
    case 'epoch_s':
    case 'iso':
      return toTime(value);
    case 'upper': {
      const text = toText(value);
      return text?.toUpperCase();
    }
  }
}
