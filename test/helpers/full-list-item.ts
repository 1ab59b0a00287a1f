/**
 * A vendor list item that fills every field a platform's field map reads for a record kind: the
 * most a test step (performList) could show, so a parity test can ask whether a live delivery
 * fills the same. Values are typed by the field's conversion (a status the platform's table maps,
 * an ISO time, a decimal text, cents).
 */
import type { RecordKind } from '../../platforms/records';
import type { FieldSource, PlatformDefinition } from '../../platforms/types';

/** Sets `value` at a dotted path of `target`, creating objects on the way (a `$.` envelope path is the item itself in a list). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/^\$\./, '').split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  if (node[parts[parts.length - 1]] === undefined) node[parts[parts.length - 1]] = value;
}

function valueFor(platform: PlatformDefinition, kind: RecordKind, field: string, source: Extract<FieldSource, { path: unknown }>, status: string | undefined): unknown {
  switch (source.convert) {
    case 'status': {
      const table: Record<string, string> = platform.statuses[kind] ?? {};
      return Object.keys(table).find((vendor) => status === undefined || table[vendor] === status) ?? status ?? 'x';
    }
    case 'time':
    case 'iso':
    case 'epoch_ms':
    case 'epoch_s':
      return '2026-03-10T11:45:00Z';
    case 'decimal':
      return '12.50';
    case 'minor_units':
      return 1250;
    case 'upper':
      return 'usd';
    default:
      return field === 'id' ? '9001' : `${field} value`;
  }
}

/**
 * One list item of `kind` filling every field of the platform's field map.
 * @param status the normalized status the item's status field must map to, if any
 */
export function listItemFilling(platform: PlatformDefinition, kind: RecordKind, status?: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(platform.fields[kind] ?? {})) {
    if (spec === undefined) continue;
    if (typeof spec !== 'string' && 'join' in spec) {
      for (const path of spec.join) setPath(item, path, `${field} part`);
      continue;
    }
    const source = typeof spec === 'string' ? { path: spec } : spec;
    const paths = typeof source.path === 'string' ? [source.path] : source.path;
    if (paths.length > 0) setPath(item, paths[0], valueFor(platform, kind, field, source, status));
  }
  return item;
}

/** A list answer holding `items` at `itemsPath` ('' for a bare array). */
export function listAnswer(itemsPath: string, items: unknown[]): Record<string, unknown> | unknown[] {
  if (itemsPath === '') return items;
  const answer: Record<string, unknown> = {};
  setPath(answer, itemsPath, items);
  return answer;
}

/** A request path template as a pattern, e.g. `/referrals/{{id}}` → /\/referrals\/[^/?]+(\?|$)/. */
function pathPattern(path: string): RegExp {
  const escaped = path.split(/\{\{[^}]+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${escaped.join('[^/?]+')}(\\?|$)`);
}

/**
 * The platform's API as a parity test needs it: every get-by-id (`gets`) answers with a full item
 * of its kind at its `objectPath`; anything else with a list of full items of `kind`.
 * @param path the request's path below the origin (with the base URL's own path)
 */
export function fullAnswer(platform: PlatformDefinition, kind: RecordKind, path: string, status?: string): Record<string, unknown> | unknown[] {
  const base = new URL(platform.baseUrl).pathname.replace(/\/$/, '');
  const below = path.startsWith(base) ? path.slice(base.length) : path;
  for (const [getKind, get] of Object.entries(platform.gets ?? {}) as [RecordKind, NonNullable<PlatformDefinition['gets']>[RecordKind]][]) {
    if (get === undefined || !pathPattern(get.request.path).test(below)) continue;
    const item = listItemFilling(platform, getKind, getKind === kind ? status : undefined);
    if (get.objectPath === '') return item;
    const answer: Record<string, unknown> = {};
    setPath(answer, get.objectPath, item);
    return answer;
  }
  return listAnswer(platform.lists[kind]?.itemsPath ?? 'data', [listItemFilling(platform, kind, status)]);
}
