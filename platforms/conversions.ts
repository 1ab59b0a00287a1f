/**
 * The named conversions a field map may apply (DESIGN.md section 4): vendor units and formats to
 * normalized ones. Each returns undefined for a value it cannot convert, so a malformed field is
 * left out of the record instead of failing the whole delivery.
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
    case 'epoch_ms': {
      const ms = toNumber(value);
      return ms === undefined ? undefined : toIso(new Date(ms));
    }
    case 'epoch_s': {
      const seconds = toNumber(value);
      return seconds === undefined ? undefined : toIso(new Date(seconds * 1000));
    }
    case 'iso':
      return typeof value === 'string' ? toIso(new Date(value)) : undefined;
    case 'upper': {
      const text = toText(value);
      return text?.toUpperCase();
    }
  }
}
