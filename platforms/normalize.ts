/**
 * Interprets a platform's field maps: turns a vendor object into the normalized record of
 * DESIGN.md section 2, keeping the vendor payload under `raw`.
 */
import { convert, toText } from './conversions';
import { getPath } from './paths';
import {
  STATUSES,
  UNMAPPED_EVENT,
  type JsonObject,
  type NormalizedEvent,
  type NormalizedOutput,
  type RecordKind,
  type RecordOf,
} from './records';
import type { FieldMap, FieldSource, PlatformDefinition } from './types';

/**
 * The key under `raw` where Affiliate Hub's own notes about a record are added (a doubtful unit):
 * a copy of the vendor payload gets it, the vendor's keys untouched. Documented in docs/platforms.
 */
export const FLAGS_KEY = '_affiliate_hub_flags';

/** True for a number, or numeric text, with a fractional part (12.5, "12.5"). */
function isFraction(value: unknown): boolean {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) && !Number.isInteger(number);
}

/** Statuses normalize through the platform's table; this is what arrives when the table has no entry. */
const UNKNOWN_STATUS = 'unknown';

function joined(object: unknown, paths: readonly string[]): string | undefined {
  const parts = paths.map((path) => toText(getPath(object, path))).filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/**
 * A path with this prefix reads the whole delivery body (or list item) kept under `raw`, not the
 * vendor object: an envelope's own fields, e.g. `$.timestamp` beside an envelope's `data`.
 */
export const DELIVERY_PREFIX = '$.';

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The present values of a source's candidate paths, in order. */
function presentValues(object: unknown, raw: unknown, path: string | readonly string[]): unknown[] {
  const paths = typeof path === 'string' ? [path] : path;
  return paths
    .map((candidate) => (candidate.startsWith(DELIVERY_PREFIX) ? getPath(raw, candidate.slice(DELIVERY_PREFIX.length)) : getPath(object, candidate)))
    .filter(isPresent);
}

/** True when the platform's status table has an entry for the value's text. */
function knownStatus(platform: PlatformDefinition, kind: RecordKind, value: unknown): boolean {
  const text = toText(value);
  const table: Record<string, string> = platform.statuses[kind] ?? {};
  return text !== undefined && Object.hasOwn(table, text.toLowerCase());
}

/**
 * The vendor value a field is read from: the first present candidate; for a status, the first
 * present candidate the status table knows (so a `paid: false` leaves the decision to its
 * `status`, while `paid: true` decides), else the first present one.
 */
function sourceValue(platform: PlatformDefinition, kind: RecordKind, object: unknown, raw: unknown, source: { path: string | readonly string[]; convert?: string }): unknown {
  const values = presentValues(object, raw, source.path);
  if (source.convert === 'status') return values.find((value) => knownStatus(platform, kind, value)) ?? values[0];
  return values[0];
}

/**
 * A vendor status through the platform's status table.
 * @returns the normalized status, `unknown` for a value the table lacks, undefined for no value
 */
export function normalizeStatus(platform: PlatformDefinition, kind: RecordKind, value: unknown): string | undefined {
  const text = toText(value);
  if (text === undefined) return undefined;
  const table: Record<string, string> = platform.statuses[kind] ?? {};
  const mapped = table[text.toLowerCase()];
  const allowed: readonly string[] = STATUSES[kind];
  return mapped !== undefined && allowed.includes(mapped) ? mapped : UNKNOWN_STATUS;
}

/**
 * The vendor's status as a person reads it: its own word, or for a yes/no flag (`approved: false`,
 * `paid: true`) the flag's name, or "not" and the name, never "true" / "false" (issue 23 item 11).
 * A flag read from a default (`default: true`) is named after the first candidate path.
 */
function vendorStatusText(value: unknown, path: string | readonly string[]): string | undefined {
  const text = toText(value);
  if (text !== 'true' && text !== 'false') return text;
  const first = typeof path === 'string' ? path : (path[0] ?? 'status');
  const flag = (first.split('.').pop() ?? first).replace(/_/g, ' ');
  return text === 'true' ? flag : `not ${flag}`;
}

/**
 * First and last name out of a full name, where a platform gives only the full name (issue 23 item
 * 11; receive/enrich.ts applies it to what the triggers emit): the first word, then the rest
 * ("Ludwig van Beethoven" → Ludwig / van Beethoven); one word is a first name only.
 */
export function nameParts(name: string): { first_name?: string; last_name?: string } {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return {};
  return words.length === 1 ? { first_name: words[0] } : { first_name: words[0], last_name: words.slice(1).join(' ') };
}

/** What happened and where: the facts a record carries besides the vendor object's fields. */
export interface NormalizeContext {
  platform: PlatformDefinition;
  kind: RecordKind;
  /** Normalized event, or `other`. */
  event: NormalizedEvent | typeof UNMAPPED_EVENT;
  /** The vendor's event name. */
  vendorEvent: string;
  /** Field-map overrides for this vendor event. */
  overrides?: FieldMap<RecordKind>;
}

/**
 * Normalizes one vendor object.
 * @param object the vendor object (e.g. a referral), read through the platform's field map
 * @param raw what to keep under `raw` (the whole delivery body, or the list item)
 * @returns the record, with only the fields the vendor supplied; `id` falls back to '' only when
 *   the vendor sent none (callers that need an id check it).
 */
export function normalizeRecord<K extends RecordKind>(
  context: NormalizeContext & { kind: K },
  object: unknown,
  raw: JsonObject,
): RecordOf[K] {
  const { platform, kind } = context;
  const map: Record<string, string | FieldSource | undefined> = {
    ...(platform.fields[kind] as Record<string, string | FieldSource | undefined>),
    ...(context.overrides as Record<string, string | FieldSource | undefined> | undefined),
  };
  const record: Record<string, unknown> = {
    id: '',
    platform: platform.id,
    event: context.event,
    vendor_event: context.vendorEvent,
  };
  const flags: string[] = [];
  for (const [field, spec] of Object.entries(map)) {
    if (spec === undefined) continue;
    if (typeof spec !== 'string' && 'join' in spec) {
      const text = joined(object, spec.join);
      if (text !== undefined) record[field] = text;
      continue;
    }
    const source: Extract<FieldSource, { path: unknown }> = typeof spec === 'string' ? { path: spec } : spec;
    const value = sourceValue(platform, kind, object, raw, source) ?? source.default;
    const conversion = source.convert ?? 'text';
    const converted =
      conversion === 'status' ? normalizeStatus(platform, kind, value) : convert(value, conversion);
    if (converted !== undefined) record[field] = converted;
    if (source.flagFraction !== undefined && isFraction(value)) flags.push(`${field}: ${String(value)} is not a whole number; ${source.flagFraction}`);
    // The vendor's own word for the current status stays visible next to the normalized one.
    if (field === 'status' && value !== undefined) record.vendor_status = vendorStatusText(value, source.path);
  }
  if (record.name === undefined && (record.first_name !== undefined || record.last_name !== undefined)) {
    record.name = [record.first_name, record.last_name].filter((part) => part !== undefined).join(' ');
  }
  record.raw = flags.length === 0 ? raw : { ...raw, [FLAGS_KEY]: flags };
  return record as unknown as RecordOf[K];
}

/** The output of a vendor event that has no normalized record: the base fields and `raw`. */
export function unmappedOutput(
  platform: PlatformDefinition,
  vendorEvent: string,
  id: string,
  raw: JsonObject,
): NormalizedOutput {
  return { id, platform: platform.id, event: UNMAPPED_EVENT, vendor_event: vendorEvent, raw };
}
