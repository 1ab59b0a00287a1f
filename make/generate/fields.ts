/**
 * Field maps (platforms/<id>/fields.ts) → IML output objects: the normalized record of DESIGN.md
 * section 2 computed by Make from the vendor object, as platforms/normalize.ts computes it on Zapier.
 */
import { STATUSES, type RecordKind } from '../../platforms/records';
import type { FieldMap, FieldSource, PlatformDefinition } from '../../platforms/types';
import { outputFieldsFor } from '../../fields/output-fields';
import { eventName } from '../../platforms/event-name';
import type { Reporter } from './issues';
import { asExpression, firstPresent, ISO_OUTPUT_FORMAT, pathExpression, quote, timeExpression, wrap } from './iml';
import type { Json, JsonRecord } from './json';
import { DELIVERY_PREFIX } from '../../platforms/normalize';

const ISO_FORMAT = quote(ISO_OUTPUT_FORMAT);

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
    case 'iso':
      return `if(toString(${value}) == '', null, formatDate(${timeExpression(value)}, ${ISO_FORMAT}, 'UTC'))`;
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
 * IML for a status with several candidate paths, and for its vendor_status, as platforms/normalize.ts
 * reads them: the first candidate the status table knows decides, else the first present value
 * (whose status is then `unknown`). Whether a candidate is known is one text search in the table's
 * keys (`'|pending|approved|'`), so each candidate is written twice, not once per table entry.
 */
function candidateStatus(platform: PlatformDefinition, kind: RecordKind, candidates: readonly string[]): { status: string; vendorStatus: string } {
  const present = firstPresent(candidates);
  const allowed: readonly string[] = STATUSES[kind];
  const entries = Object.entries(platform.statuses[kind] ?? {}).filter(([, normalized]) => allowed.includes(normalized));
  if (entries.length === 0) return { status: `if(toString(${present}) == '', null, 'unknown')`, vendorStatus: present };
  const keys = quote(`|${entries.map(([vendor]) => vendor).join('|')}|`);
  const firstKnown = (otherwise: string) => candidates.reduceRight((next, value) => `if(contains(${keys}, '|' + lower(toString(${value})) + '|'), ${value}, ${next})`, otherwise);
  const table = entries.flatMap(([vendor, normalized]) => [quote(vendor), quote(normalized)]).join(', ');
  // No known candidate: `lower(toString(null))` is '', which the table does not hold, so `unknown`.
  return { status: `if(toString(${present}) == '', null, switch(lower(toString(${firstKnown('null')})), ${table}, 'unknown'))`, vendorStatus: firstKnown(present) };
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
    const value = firstPresent(paths.map((path) => (path.startsWith(DELIVERY_PREFIX) ? pathExpression(raw, path.slice(DELIVERY_PREFIX.length)) : pathExpression(root, path))));
    // The vendor value an event's name implies when no path holds one (`FieldSource.default`), as on Zapier.
    return source.default === undefined ? value : `ifempty(${value}, ${typeof source.default === 'string' ? quote(source.default) : String(source.default)})`;
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
  // As platforms/normalize.ts: a name the vendor did not send is first and last name joined.
  if (expressions.first_name !== undefined || expressions.last_name !== undefined) {
    const joined = joinExpression([expressions.first_name ?? "''", expressions.last_name ?? "''"]);
    expressions.name = expressions.name === undefined ? joined : `ifempty(${expressions.name}, ${joined})`;
  }
  for (const [field, fallback] of Object.entries(context.fallbacks ?? {})) {
    expressions[field] = expressions[field] === undefined ? fallback : `ifempty(${expressions[field]}, ${fallback})`;
  }
  const out: JsonRecord = {};
  for (const { key } of outputFieldsFor(kind)) {
    if (key === 'platform') out.platform = platform.id;
    else if (key === 'event') out.event = context.event;
    else if (key === 'vendor_event') out.vendor_event = context.vendorEvent;
    else if (key === 'event_name') out.event_name = eventName(platform, context.event, context.vendorEvent);
    else if (key === 'id') out.id = wrap(expressions.id ?? "''");
    else if (expressions[key] !== undefined) out[key] = wrap(expressions[key]);
  }
  out.raw = wrap(context.raw);
  return out;
}

/**
 * `switch(event, 'a', x, 'b', y, …, null)` with each distinct value written once: events sharing a
 * value are first mapped to the first event of their group, so a field that several vendor events
 * fill alike (a created and an updated event of one record) does not repeat its IML per event.
 */
export function eventSwitch(eventExpression: string, cases: readonly (readonly [string, string])[]): string {
  const groups = new Map<string, string[]>();
  for (const [event, value] of cases) groups.set(value, [...(groups.get(value) ?? []), event]);
  const merged = [...groups.values()].some((events) => events.length > 1);
  const representatives = [...groups.values()].flatMap((events) => events.flatMap((event) => [quote(event), quote(events[0])]));
  const subject = merged ? `switch(${eventExpression}, ${representatives.join(', ')}, null)` : eventExpression;
  return `switch(${subject}, ${[...groups].flatMap(([value, events]) => [quote(events[0]), value]).join(', ')}, null)`;
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
    out[key] = wrap(eventSwitch(eventExpression, variants.map((variant, index) => [variant.vendorEvent, asExpression(values[index] as Json)])));
  }
  return out;
}
