/**
 * The one search factory: Find Affiliate and Find Referral are this factory applied to their data.
 * The connected platform's `searches` data says which list call filters by the input; results are
 * the same normalized records as the triggers', exact matches only (as the search's `match` rule
 * compares), and an empty list (not an error) when nothing matches.
 */
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callPlatform } from '../platforms/api';
import { listPage, listRecords } from '../platforms/list';
import { afterCursor, nextCursor } from '../platforms/list-cursor';
import { normalizeRecord, type NormalizeContext } from '../platforms/normalize';
import { withPayloadText } from '../platforms/payload-text';
import { jsonObjectSchema, readAt } from '../platforms/schemas';
import { renderObject } from '../platforms/template';
import { type NormalizedOutput } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import type { GetSpec, SearchKey, SearchSpec } from '../platforms/types';
import { getPath, isJsonObject } from '../platforms/paths';
import type { SearchDefinition, SearchMatch } from '../fields/operations';
import { recordOutputFields } from '../fields/output-fields';
import { searchInputNotice } from '../fields/editor-fields';

/** The status with which a direct look-up says "no such item". */
const NOT_FOUND = 404;

/** How many candidates a search reads: enough for exact matches to surface among near ones. */
const SEARCH_LIMIT = 25;

/**
 * The comparable form of a searched value under a match rule: text or a number, trimmed, lower-cased
 * for `case_insensitive`; '' for anything else (it matches nothing).
 */
export function matchText(value: unknown, match: SearchMatch): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value).trim();
  return match === 'case_insensitive' ? text.toLowerCase() : text;
}

function searchSpecOf(z: ZObject, bundle: Bundle, search: SearchDefinition) {
  const platform = platformOf(z, bundle);
  const spec = platform.searches?.[search.key];
  if (spec === undefined) {
    throw new z.errors.Error(`${platform.name} offers no way to look this up through its API, so "${search.label}" is not available there.`);
  }
  if ('unsupported' in spec) throw new z.errors.Error(`${search.label} is not available for ${platform.name}: ${spec.unsupported}`);
  return { platform, spec };
}

/**
 * Only the records whose searched field equals the input (under the search's match rule), in the
 * vendor's order. Vendor filters are often text searches ("alice@shop.com" also finds
 * "malice@shop.com"), and a near match would make Find or Create update the wrong record.
 */
function exactMatches(records: NormalizedOutput[], spec: SearchSpec, match: SearchMatch, wanted: string): NormalizedOutput[] {
  return records.filter((record) => matchText((record as Record<string, unknown>)[spec.matchField], match) === wanted);
}

/**
 * True when the rendered request still carries the search input where its template puts it (the
 * path, or a query or body value naming `{{<input>}}`). A request that lost it (a value blanked
 * on the way) would list everything, so the search must not run.
 */
function carriesInput(request: SearchSpec['request'], scope: Record<string, unknown>, input: string, match: SearchMatch, wanted: string): boolean {
  // Input keys are snake_case words (Zapier field keys), so they need no escaping in the pattern.
  const names = new RegExp(`\\{\\{\\s*${input}\\s*(\\|[^}]*)?\\}\\}`);
  if (names.test(request.path)) return true; // renderPath refuses a missing path value itself
  for (const template of [request.query, request.body]) {
    if (template === undefined) continue;
    const rendered = renderObject(template, scope);
    for (const [key, value] of Object.entries(template)) {
      if (typeof value === 'string' && names.test(value) && matchText(rendered[key], match).includes(wanted)) return true;
    }
  }
  return false;
}

/** A direct look-up: the one record, or none when the vendor answers 404. */
async function lookUp(
  z: ZObject,
  context: NormalizeContext,
  request: SearchSpec['request'],
  itemPath: string,
  scope: Record<string, unknown>,
): Promise<NormalizedOutput[]> {
  const response = await callPlatform(z, context.platform, request, scope, { acceptStatuses: [NOT_FOUND], confirm: true });
  const object = response.status === NOT_FOUND ? undefined : readAt(response.data, itemPath, jsonObjectSchema);
  if (object === undefined) return [];
  const record = normalizeRecord(context, object, object);
  return record.id === '' ? [] : [record];
}

/** True for text that reads as an email address (an id never holds an @). */
function looksLikeEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(value);
}

/**
 * The record with this id, through the platform's get of the record kind (a get through a list
 * filter answers an array: its first item).
 * @returns the record, or [] when the vendor answers 404 or an empty list
 */
async function lookUpById(z: ZObject, context: NormalizeContext, get: GetSpec, id: string): Promise<NormalizedOutput[]> {
  const response = await callPlatform(z, context.platform, get.request, { id }, { acceptStatuses: [NOT_FOUND], confirm: true });
  const found = response.status === NOT_FOUND ? undefined : getPath(response.data, get.objectPath);
  const object = Array.isArray(found) ? found[0] : found;
  if (!isJsonObject(object)) return [];
  const record = normalizeRecord(context, object, object);
  return record.id === '' ? [] : [record];
}

/**
 * Runs a search on the connected platform.
 * @returns the normalized records that match the input exactly (trimmed; case as `search.match`
 *   says); [] when nothing does, or when the request would not carry the input (it would list everything)
 * @throws z.errors.Error naming the platform when it cannot search this, or when the vendor refuses
 */
async function performSearch(z: ZObject, bundle: Bundle, search: SearchDefinition): Promise<NormalizedOutput[]> {
  const { platform, spec } = searchSpecOf(z, bundle, search);
  const wanted = matchText(bundle.inputData[spec.input], search.match);
  if (wanted === '') return [];
  const vendorEvent = platform.events.find((event) => event.event === search.event)?.key ?? search.key;
  const context = { platform, kind: search.record, event: search.event, vendorEvent };
  const get = platform.gets?.[search.record];
  if (search.idInput === spec.input && get !== undefined && !looksLikeEmail(wanted)) return lookUpById(z, context, get, String(bundle.inputData[spec.input]).trim());
  // A scan compares every item its one request asks for (`limit` also caps what listRecords keeps).
  const scope = { ...bundle.inputData, limit: spec.scan?.pageSize ?? SEARCH_LIMIT, page: 1 };
  // A scan (`spec.scan`) lists without the input by design and matches below.
  if (spec.scan === undefined && !carriesInput(spec.request, scope, spec.input, search.match, wanted)) return [];
  if (spec.itemPath !== undefined) return exactMatches(await lookUp(z, context, spec.request, spec.itemPath, scope), spec, search.match, wanted);
  if (spec.cursor !== undefined) return searchPages(z, context, spec, spec.cursor, scope, (records) => exactMatches(records, spec, search.match, wanted));
  return exactMatches(await listRecords(z, context, spec.request, spec.itemsPath ?? '', scope), spec, search.match, wanted);
}

/**
 * A list search over a cursor-paged list: page after page (platforms/list-cursor.ts) until one
 * holds a match, the list ends, or `paging.maxPages` pages were read.
 * @returns the matches of the first page that has any, else []
 */
async function searchPages(
  z: ZObject,
  context: NormalizeContext,
  spec: SearchSpec,
  paging: NonNullable<SearchSpec['cursor']>,
  scope: Record<string, unknown>,
  matching: (records: NormalizedOutput[]) => NormalizedOutput[],
): Promise<NormalizedOutput[]> {
  let cursor: string | undefined;
  for (let page = 0; page < paging.maxPages; page += 1) {
    const { records, body } = await listPage(z, context, afterCursor(spec.request, paging, cursor), spec.itemsPath ?? '', scope);
    const found = matching(records);
    cursor = nextCursor(body, paging, records.at(-1)?.raw);
    if (found.length > 0 || cursor === undefined) return found;
  }
  return [];
}

/** Builds a Zapier search from its data (core's `defineSearch`, so its shape is checked against Zapier's schema). */
export function defineSearchFrom<K extends SearchKey>(search: SearchDefinition<K>) {
  return defineSearch({
    key: search.key,
    noun: search.noun,
    display: { label: search.label, description: search.description },
    operation: {
      inputFields: [searchInputNotice(search), ...search.inputFields.map(({ connectedHelp: _help, ...field }) => field)],
      // Where a search's records leave the app: `raw` as one JSON text (platforms/payload-text.ts).
      perform: async (z: ZObject, bundle: Bundle) => (await performSearch(z, bundle, search)).map(withPayloadText),
      sample: search.sample,
      outputFields: recordOutputFields(search.record),
    },
  });
}
