/**
 * The checks of one vendor answer against the paths the platform data reads from it: is the item
 * array where `itemsPath` says, does each dotted path hold a value in some item, is each status a
 * key of the status table. Where a path holds nothing, a similarly named key is looked for, so a
 * renamed field is reported as "differs: found `email_address`" rather than just "absent".
 */
import { getPath, isJsonObject } from '../platforms/paths';
import type { FieldSource, StatusTable } from '../platforms/types';
import type { RecordKind } from '../platforms/records';
import type { Row } from './rows';

/** Where the rows of one answer come from: the request's label and the tag of what is checked. */
export interface CheckContext {
  request: string;
  source: string;
}

/** How deep a response is searched for a renamed key (vendor objects are shallow). */
const MAX_DEPTH = 4;

/** Lower-case letters and digits only: `affiliate_email`, `affiliate.email` and `affiliateEmail` read alike. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every dotted path below `value` (arrays by their first item), e.g. `affiliate.email`, `coupons.0.code`. */
function pathsIn(value: unknown, prefix = '', depth = 0, out: string[] = []): string[] {
  if (depth >= MAX_DEPTH) return out;
  if (Array.isArray(value)) {
    if (value.length > 0) {
      const path = prefix === '' ? '0' : `${prefix}.0`;
      out.push(path);
      pathsIn(value[0], path, depth + 1, out);
    }
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path);
      pathsIn(item, path, depth + 1, out);
    }
  }
  return out;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function parentOf(path: string): string {
  return path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
}

/** Edit distance, for keys one or two letters apart (`comission`, `total_sale`). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * A path in `objects` that plausibly holds what `path` was meant to read, or undefined.
 * @param claimed paths other checks of the same objects read (never offered as a rename)
 */
export function findInstead(objects: readonly unknown[], path: string, claimed: ReadonlySet<string> = new Set()): string | undefined {
  // Never the path's own ancestors: an empty `coupons` array is no rename of `coupons.0.code`.
  const available = [...new Set(objects.flatMap((object) => pathsIn(object)))].filter(
    (candidate) => !claimed.has(candidate) && candidate !== path && !path.startsWith(`${candidate}.`),
  );
  const leaf = squash(lastSegment(path));
  const parent = parentOf(path);
  const sameParent = available.filter((candidate) => parentOf(candidate) === parent);
  const tests: ((candidate: string) => boolean)[] = [
    (candidate) => squash(candidate) === squash(path),
    (candidate) => squash(lastSegment(candidate)) === leaf && leaf !== '',
    (candidate) => {
      const other = squash(lastSegment(candidate));
      return leaf.length >= 3 && other.length >= 3 && (other.includes(leaf) || leaf.includes(other));
    },
    (candidate) => leaf.length >= 5 && distance(squash(lastSegment(candidate)), leaf) <= 2,
  ];
  for (const test of tests) {
    const found = sameParent.find(test) ?? (test === tests[0] || test === tests[1] ? available.find(test) : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `[1,2]` → `an array`, `{…}` → `an object`, for "found … instead". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isJsonObject(value)) return 'an object';
  return `a ${typeof value}`;
}

/**
 * Checks that the answer holds an array of objects at `itemsPath`.
 * @returns the row and the items (empty when absent)
 */
export function checkItems(context: CheckContext, body: unknown, itemsPath: string): { row: Row; items: unknown[] } {
  const label = `items at ${itemsPath === '' ? '(the body)' : itemsPath}`;
  const value = getPath(body, itemsPath);
  if (Array.isArray(value)) {
    return { row: { ...context, path: label, verdict: 'confirmed', detail: `${value.length} item${value.length === 1 ? '' : 's'}` }, items: value };
  }
  const paths = ['', ...pathsIn(body)];
  const list = paths.find((path) => {
    const candidate = getPath(body, path);
    return Array.isArray(candidate) && candidate.some(isJsonObject);
  });
  const where = list === undefined ? undefined : `a list at ${list === '' ? '(the body)' : list}`;
  const detail = value !== undefined ? `found ${describeType(value)}${where ? `; ${where}` : ''}` : where ? `found ${where}` : undefined;
  return { row: { ...context, path: label, verdict: detail ? 'differs' : 'absent', detail }, items: [] };
}

/**
 * Checks that some object holds a value (null included: the key exists) at one of `paths`.
 * @param label what the row names, e.g. `affiliate.email ← affiliate.email`
 * @param expectScalar whether an object or array found there differs (ids, texts, amounts)
 */
export function checkPath(
  context: CheckContext,
  label: string,
  objects: readonly unknown[],
  paths: readonly string[],
  options: { expectScalar?: boolean; claimed?: ReadonlySet<string> } = {},
): Row {
  if (objects.length === 0) return { ...context, path: label, verdict: 'unchecked', detail: 'no item to check' };
  for (const path of paths) {
    const values = objects.map((object) => getPath(object, path)).filter((value) => value !== undefined);
    if (values.length === 0) continue;
    const scalar = values.find((value) => !Array.isArray(value) && !isJsonObject(value));
    if (options.expectScalar && scalar === undefined) return { ...context, path: label, verdict: 'differs', detail: `${path} holds ${describeType(values[0])}` };
    const which = paths.length > 1 ? `${path}, ` : '';
    return { ...context, path: label, verdict: 'confirmed', detail: `${which}in ${values.length} of ${objects.length}` };
  }
  // Not the candidates' own ancestors either (an empty `coupons` array is no rename of `coupon`).
  const ancestors = paths.flatMap((path) => path.split('.').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('.')));
  const claimed = new Set([...(options.claimed ?? []), ...ancestors]);
  const instead = paths.map((path) => findInstead(objects, path, claimed)).find((found) => found !== undefined);
  return instead === undefined ? { ...context, path: label, verdict: 'absent' } : { ...context, path: label, verdict: 'differs', detail: `found ${instead} instead` };
}

/** The dotted paths a field source reads (the candidates of a path list, each part of a join); `$.` paths read a delivery, not an item. */
export function pathsOf(source: string | FieldSource): string[] {
  const paths = typeof source === 'string' ? [source] : 'join' in source ? [...source.join] : typeof source.path === 'string' ? [source.path] : [...source.path];
  return paths.filter((path) => !path.startsWith('$.'));
}

/**
 * One row per normalized field of a field map: the field's paths against the items.
 * A field with a `default` is never absent (the default stands in), so it is not failed for it.
 */
export function checkFieldMap(context: CheckContext, kind: RecordKind, items: readonly unknown[], fieldMap: Record<string, string | FieldSource | undefined>): Row[] {
  const claimed = new Set(Object.values(fieldMap).flatMap((source) => (source === undefined ? [] : pathsOf(source))));
  return Object.entries(fieldMap).flatMap(([field, source]): Row[] => {
    if (source === undefined) return [];
    const paths = pathsOf(source);
    if (paths.length === 0) return [];
    const label = `${kind}.${field} ← ${paths.join(typeof source !== 'string' && 'join' in source ? ' + ' : ' | ')}`;
    if (typeof source !== 'string' && 'join' in source) {
      const rows = paths.map((path) => checkPath(context, label, items, [path], { claimed }));
      return [{ ...(rows.find((row) => row.verdict !== 'confirmed') ?? rows[0]), optional: true }];
    }
    const row = checkPath(context, label, items, paths, { expectScalar: true, claimed });
    if (row.verdict === 'absent' && typeof source !== 'string' && source.default !== undefined) {
      return [{ ...row, verdict: 'confirmed', detail: `absent; the default ${JSON.stringify(source.default)} stands in` }];
    }
    // Only the id is required of an item (the app drops items without one).
    return [field === 'id' ? row : { ...row, optional: true, ...(row.verdict === 'absent' ? { detail: 'no item carries it (optional: may be empty on this account)' } : {}) }];
  });
}

/**
 * One row per distinct status value found in the items at the status field's paths: confirmed
 * when the status table knows it (lower-cased, as the app compares).
 */
export function checkStatuses(context: CheckContext, kind: RecordKind, items: readonly unknown[], source: string | FieldSource | undefined, table: StatusTable): Row[] {
  if (source === undefined) return [];
  const known = table[kind] ?? {};
  const values = new Set<string>();
  for (const item of items) {
    // As the app reads it (normalize.ts): the first candidate the table knows, else the first present.
    const present = pathsOf(source)
      .map((path) => getPath(item, path))
      .filter((found): found is string | number | boolean => typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean')
      .map(String);
    const value = present.find((text) => Object.hasOwn(known, text.toLowerCase())) ?? present[0];
    if (value !== undefined) values.add(value);
  }
  return [...values].map((value): Row => {
    const label = `${kind} status value "${value}"`;
    return Object.hasOwn(known, value.toLowerCase())
      ? { ...context, path: label, verdict: 'confirmed', detail: `→ ${String(known[value.toLowerCase() as keyof typeof known])}` }
      : { ...context, path: label, verdict: 'differs', detail: `not in the status table (it knows ${Object.keys(known).join(', ')})` };
  });
}
