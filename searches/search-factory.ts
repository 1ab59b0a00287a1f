/**
 * The one search factory: Find Affiliate and Find Referral are this factory applied to their data.
 * The connected platform's `searches` data says which list call filters by the input; results are
 * the same normalized records as the triggers', exact matches only, and an empty list (not an
 * error) when nothing matches.
 */
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callPlatform } from '../platforms/api';
import { listRecords } from '../platforms/list';
import { normalizeRecord, type NormalizeContext } from '../platforms/normalize';
import { jsonObjectSchema, readAt } from '../platforms/schemas';
import { renderObject } from '../platforms/template';
import { type NormalizedEvent, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import type { SearchKey, SearchSpec } from '../platforms/types';
import type { ActionInputField } from '../creates/create-factory';
import { recordOutputFields } from '../triggers/output-fields';
import { searchInputNotice } from '../creates/dynamic-fields';

/** The status with which a direct look-up says "no such item". */
const NOT_FOUND = 404;

/** How many candidates a search reads: enough for exact matches to surface among near ones. */
const SEARCH_LIMIT = 25;

/** The data that defines one search. */
export interface SearchDefinition {
  key: SearchKey;
  noun: string;
  /** Title Case. */
  label: string;
  description: string;
  record: RecordKind;
  /** The normalized event its results carry (what the record is: a created affiliate, a referral). */
  event: NormalizedEvent;
  /** The required search field first (Zapier's check D009). */
  inputFields: ActionInputField[];
  sample: NormalizedOutput;
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

function matchText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
}

/**
 * Only the records whose searched field equals the input (trimmed, case-insensitive), in the
 * vendor's order. Vendor filters are often text searches ("alice@shop.com" also finds
 * "malice@shop.com"), and a near match would make Find or Create update the wrong record.
 */
function exactMatches(records: NormalizedOutput[], spec: SearchSpec, wanted: string): NormalizedOutput[] {
  return records.filter((record) => matchText((record as Record<string, unknown>)[spec.matchField]) === wanted);
}

/**
 * True when the rendered request still carries the search input where its template puts it (the
 * path, or a query or body value naming `{{<input>}}`). A request that lost it (a value blanked
 * on the way) would list everything, so the search must not run.
 */
function carriesInput(request: SearchSpec['request'], scope: Record<string, unknown>, input: string, wanted: string): boolean {
  // Input keys are snake_case words (Zapier field keys), so they need no escaping in the pattern.
  const names = new RegExp(`\\{\\{\\s*${input}\\s*(\\|[^}]*)?\\}\\}`);
  if (names.test(request.path)) return true; // renderPath refuses a missing path value itself
  for (const template of [request.query, request.body]) {
    if (template === undefined) continue;
    const rendered = renderObject(template, scope);
    for (const [key, value] of Object.entries(template)) {
      if (typeof value === 'string' && names.test(value) && matchText(rendered[key]).includes(wanted)) return true;
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

/**
 * Runs a search on the connected platform.
 * @returns the normalized records that match the input exactly (trimmed, case-insensitive); []
 *   when nothing does, or when the request would not carry the input (it would list everything)
 * @throws z.errors.Error naming the platform when it cannot search this, or when the vendor refuses
 */
async function performSearch(z: ZObject, bundle: Bundle, search: SearchDefinition): Promise<NormalizedOutput[]> {
  const { platform, spec } = searchSpecOf(z, bundle, search);
  const wanted = matchText(bundle.inputData[spec.input]);
  if (wanted === '') return [];
  const vendorEvent = platform.events.find((event) => event.event === search.event)?.key ?? search.key;
  const context = { platform, kind: search.record, event: search.event, vendorEvent };
  const scope = { ...bundle.inputData, limit: SEARCH_LIMIT, page: 1 };
  // A scan (`spec.scan`) lists without the input by design and matches below.
  if (spec.scan === undefined && !carriesInput(spec.request, scope, spec.input, wanted)) return [];
  const records =
    spec.itemPath !== undefined
      ? await lookUp(z, context, spec.request, spec.itemPath, scope)
      : await listRecords(z, context, spec.request, spec.itemsPath ?? '', scope);
  return exactMatches(records, spec, wanted);
}

/** Builds a Zapier search from its data (core's `defineSearch`, so its shape is checked against Zapier's schema). */
export function defineSearchFrom(search: SearchDefinition) {
  return defineSearch({
    key: search.key,
    noun: search.noun,
    display: { label: search.label, description: search.description },
    operation: {
      inputFields: [searchInputNotice(search), ...search.inputFields.map(({ connectedHelp: _help, ...field }) => field)],
      perform: (z: ZObject, bundle: Bundle) => performSearch(z, bundle, search),
      sample: search.sample,
      outputFields: recordOutputFields(search.record),
    },
  });
}
