/**
 * Field maps (platforms/<id>/fields.ts) → IML output objects: the normalized record of DESIGN.md
 * section 2 computed by Make from the vendor object, as platforms/normalize.ts computes it on Zapier.
 */
import { STATUSES, type RecordKind } from '../../platforms/records';
import type { FieldMap, FieldSource, PlatformDefinition } from '../../platforms/types';
import { outputFieldsFor } from '../../triggers/output-fields';
import type { Reporter } from './issues';
import { asExpression, firstPresent, pathExpression, quote, wrap } from './iml';
import type { Json, JsonRecord } from './json';
import { DELIVERY_PREFIX } from '../../platforms/normalize';

const ISO_FORMAT = quote('YYYY-MM-DDTHH:mm:ss.SSS[Z]');

/** IML for a named conversion of `value` (platforms/conversions.ts), or undefined when there is none. */
function converted(platform: PlatformDefinition, kind: RecordKind, conversion: string, value: string): string | undefined {
  switch (conversion) {
    case 'text':
      return value;
    case 'decimal':
      return `parseNumber(${value}, '.')`;
    case 'minor_units':
      return `${value} / 100`;
    // platforms/conversions.ts `toTime`: a number (or numeric text) is epoch seconds below 1e11,
    // else milliseconds; anything else is date text.
    case 'time':
    case 'epoch_ms':
    case 'epoch_s':
    case 'iso': {
      const epoch = `parseNumber(toString(${value}), '.')`;
      const unit = `if(abs(${epoch}) < 100000000000, 'X', 'x')`;
      return `if(toString(${epoch}) == trim(toString(${value})), formatDate(parseDate(toString(${epoch}), ${unit}), ${ISO_FORMAT}, 'UTC'), formatDate(${value}, ${ISO_FORMAT}, 'UTC'))`;
    }
    case 'upper':
      return `upper(${value})`;
    case 'status':
      return statusSwitch(platform, kind, value);
    default:
      return undefined;
  }
}

/** The platform's status table as `switch()`; values outside the table become `unknown`, as on Zapier. */
export function statusSwitch(platform: PlatformDefinition, kind: RecordKind, value: string): string {
  const allowed: readonly string[] = STATUSES[kind];
  const table: Record<string, string> = platform.statuses[kind] ?? {};
  const cases = Object.entries(table)
    .filter(([, normalized]) => allowed.includes(normalized))
    .flatMap(([vendor, normalized]) => [quote(vendor), quote(normalized)]);
  const body = cases.length === 0 ? quote('unknown') : `switch(lower(toString(${value})), ${cases.join(', ')}, 'unknown')`;
  // Test for absence through the text form: `if(value, …)` would take a vendor's boolean `false`
  // (`approved: false`, a declined application) for a missing status.
  return `if(toString(${value}) == '', null, ${body})`;
}

/**
 * A status read from several candidates, as platforms/normalize.ts reads it: the first candidate the
 * table knows decides (`pick` gives the result for a known value), else `fallback`.
 */
function firstKnownStatus(platform: PlatformDefinition, kind: RecordKind, candidates: readonly string[], pick: (vendor: string, normalized: string, value: string) => string, fallback: string): string {
  const allowed: readonly string[] = STATUSES[kind];
  const entries = Object.entries(platform.statuses[kind] ?? {}).filter(([, normalized]) => allowed.includes(normalized));
  if (entries.length === 0) return fallback;
  return candidates.reduceRight(
    (otherwise, value) => `switch(lower(toString(${value})), ${entries.flatMap(([vendor, normalized]) => [quote(vendor), pick(vendor, normalized, value)]).join(', ')}, ${otherwise})`,
    fallback,
  );
}

/** IML for a status with several candidate paths, and for its vendor_status (the value that decided). */
function candidateStatus(platform: PlatformDefinition, kind: RecordKind, candidates: readonly string[]): { status: string; vendorStatus: string } {
  const present = firstPresent(candidates);
  const status = firstKnownStatus(platform, kind, candidates, (_vendor, normalized) => quote(normalized), quote('unknown'));
  const vendorStatus = firstKnownStatus(platform, kind, candidates, (_vendor, _normalized, value) => value, present);
  return { status: `if(toString(${present}) == '', null, ${status})`, vendorStatus };
}

/** The candidate path expressions of a status source with more than one path, else undefined. */
function statusCandidates(root: string, raw: string, source: unknown): string[] | undefined {
  if (typeof source !== 'object' || source === null || !('path' in source)) return undefined;
  const spec = source as { path: string | readonly string[]; convert?: string };
  if (spec.convert !== 'status' || typeof spec.path === 'string' || spec.path.length < 2) return undefined;
  return spec.path.map((path) => (path.startsWith(DELIVERY_PREFIX) ? pathExpression(raw, path.slice(DELIVERY_PREFIX.length)) : pathExpression(root, path)));
}

/** The vendor value behind a field source (before conversion), or undefined for joins and unknown shapes. */
export function sourceValue(root: string, source: string | FieldSource, raw: string = root): string | undefined {
  if (typeof source === 'string') return pathExpression(root, source);
  if ('path' in source) {
    const paths = typeof source.path === 'string' ? [source.path] : [...source.path];
    // `$.`: the whole delivery (the envelope), as platforms/normalize.ts reads it.
    return firstPresent(paths.map((path) => (path.startsWith(DELIVERY_PREFIX) ? pathExpression(raw, path.slice(DELIVERY_PREFIX.length)) : pathExpression(root, path))));
  }
  return undefined;
}

function joinExpression(parts: readonly string[]): string {
  return `trim(${parts.map((part) => `ifempty(${part}, '')`).join(" + ' ' + ")})`;
}

/** One field's IML, or undefined (reported) when the source cannot be translated. */
function fieldExpression(platform: PlatformDefinition, kind: RecordKind, root: string, field: string, source: unknown, report: Reporter, raw: string = root): string | undefined {
  if (typeof source === 'string') return pathExpression(root, source);
  if (typeof source === 'object' && source !== null && 'join' in source && Array.isArray(source.join)) {
    return joinExpression(source.join.map((path: unknown) => pathExpression(root, String(path))));
  }
  if (typeof source === 'object' && source !== null && 'path' in source) {
    const spec = source as { path: string | readonly string[]; convert?: string };
    const value = sourceValue(root, spec as FieldSource, raw);
    if (value === undefined) return undefined;
    const out = converted(platform, kind, spec.convert ?? 'text', value);
    if (out === undefined) report('error', `field ${field}: conversion "${String(spec.convert)}" has no IML translation (make/generate/fields.ts)`);
    return out;
  }
  report('error', `field ${field}: source ${JSON.stringify(source)} has a shape the Make generator does not know (make/generate/fields.ts)`);
  return undefined;
}

/** What the record is about: the facts that do not come from the vendor object. */
export interface RecordContext {
  platform: PlatformDefinition;
  kind: RecordKind;
  /** Normalized event, or `other`. */
  event: string;
  vendorEvent: string;
  /** IML expression of the vendor object (`item`, `body.data`). */
  root: string;
  /** IML expression kept under `raw` (the whole delivery body, or the list item). */
  raw: string;
  overrides?: FieldMap<RecordKind>;
  /** Per field, an IML expression used when the vendor object has no value (an action's known inputs). */
  fallbacks?: Record<string, string>;
  /** True when there is no vendor object to read (an action whose response returns none): only fallbacks apply. */
  noObject?: boolean;
}

/**
 * The normalized record as an IML output object, keys in the order of the Zapier output fields.
 * @returns e.g. `{ id: '{{item.id}}', platform: 'acme', event: 'referral.created', status: '{{if(item.status, switch(…), null)}}', raw: '{{item}}' }`
 */
export function recordOutput(context: RecordContext, report: Reporter): JsonRecord {
  const { platform, kind, root } = context;
  const map: Record<string, unknown> = { ...(platform.fields[kind] ?? {}), ...(context.overrides ?? {}) };
  const expressions: Record<string, string> = {};
  for (const [field, source] of Object.entries(map)) {
    if (source === undefined || context.noObject) continue;
    const candidates = field === 'status' ? statusCandidates(root, context.raw, source) : undefined;
    if (candidates !== undefined) {
      const { status, vendorStatus } = candidateStatus(platform, kind, candidates);
      expressions.status = status;
      expressions.vendor_status = vendorStatus;
      continue;
    }
    const expression = fieldExpression(platform, kind, root, field, source, report, context.raw);
    if (expression !== undefined) expressions[field] = expression;
    if (field === 'status') {
      const raw = sourceValue(root, source as string | FieldSource, context.raw);
      if (raw !== undefined) expressions.vendor_status = raw;
    }
  }
  if (expressions.name === undefined && (expressions.first_name !== undefined || expressions.last_name !== undefined)) {
    expressions.name = joinExpression([expressions.first_name ?? "''", expressions.last_name ?? "''"]);
  }
  for (const [field, fallback] of Object.entries(context.fallbacks ?? {})) {
    expressions[field] = expressions[field] === undefined ? fallback : `ifempty(${expressions[field]}, ${fallback})`;
  }
  const out: JsonRecord = {};
  for (const { key } of outputFieldsFor(kind)) {
    if (key === 'platform') out.platform = platform.id;
    else if (key === 'event') out.event = context.event;
    else if (key === 'vendor_event') out.vendor_event = context.vendorEvent;
    else if (key === 'id') out.id = wrap(expressions.id ?? "''");
    else if (expressions[key] !== undefined) out[key] = wrap(expressions[key]);
  }
  out.raw = wrap(context.raw);
  return out;
}

/**
 * Merges the records of several vendor events into one output: a field that differs between events
 * becomes `switch(<event expression>, 'ev1', …, 'ev2', …, null)`.
 */
export function mergeByEvent(eventExpression: string, variants: readonly { vendorEvent: string; record: JsonRecord }[]): JsonRecord {
  if (variants.length === 1) return variants[0].record;
  const keys = [...new Set(variants.flatMap((variant) => Object.keys(variant.record)))];
  const out: JsonRecord = {};
  for (const key of keys) {
    const values = variants.map((variant) => variant.record[key] ?? null);
    const first = JSON.stringify(values[0]);
    if (values.every((value) => JSON.stringify(value) === first)) {
      if (values[0] !== null) out[key] = values[0];
      continue;
    }
    const cases = variants.flatMap((variant, index) => [quote(variant.vendorEvent), asExpression(values[index] as Json)]);
    out[key] = wrap(`switch(${eventExpression}, ${cases.join(', ')}, null)`);
  }
  return out;
}
