/**
 * Search modules: Find Affiliate / Find Referral where the platform's `searches` data says how,
 * and List Referrals / Affiliates / Payouts from its list endpoints (Make has no performList, so
 * these are how a scenario reads recent items).
 */
import type { ActionInputField } from '../../fields/operations';
import { recordKindOf, type NormalizedEvent, type NormalizedOutput, type RecordKind } from '../../platforms/records';
import type { FieldMap, PlatformDefinition, SearchKey } from '../../platforms/types';
import { SEARCH_SPECS } from '../../fields/searches';
import type { SearchMatch } from '../../fields/operations';
import type { AppFiles } from './app-files';
import { requestOf, requestPlaceholders, resolverFor } from './context';
import { recordOutput, sourceValue } from './fields';
import type { IssueLog } from './issues';
import { pathExpression, wrap } from './iml';
import { parametersOf, pathInputs, type RpcLookup } from './actions';
import { camelName, outputInterface, outputSample } from './modules-common';
import { makeWording } from './wording';
import type { JsonRecord } from './json';
import type { RequestSpec } from '../../platforms/types';

/** The "Limit" parameter every search and list module has (Make's review asks for one). */
function limitParam(platformName: string, maxPageSize: number, paged: boolean): JsonRecord {
  return {
    name: 'limit',
    label: 'Limit',
    type: 'uinteger',
    required: true,
    default: DEFAULT_LIST_SIZE,
    help: paged
      ? `The maximum number of results to return. ${platformName} serves up to ${maxPageSize} per page; Make asks for further pages until the limit is reached.`
      : `The maximum number of results to return. ${platformName} answers with one page of up to ${maxPageSize}, so no more than ${maxPageSize} are returned.`,
    validate: { min: 1 },
  };
}

/**
 * Make's `pagination` directive for a page-numbered list: the later requests ask for
 * `{{pagination.page}}` (Make counts the pages) while the last page was full. Undefined when the
 * request has no page parameter (cursor lists): then one page is read, up to the limit.
 */
export function paginationOf(request: RequestSpec, itemsIml: string, pageSize: number): JsonRecord | undefined {
  const pageParam = Object.keys(request.query ?? {}).find((key) => key === 'page');
  if (pageParam === undefined) return undefined;
  return { qs: { [pageParam]: '{{pagination.page}}' }, condition: wrap(`length(${itemsIml}) >= ${pageSize}`) };
}

interface ZapierSearch {
  key: SearchKey;
  display: { label: string; description: string };
  operation: { inputFields: ActionInputField[]; sample: NormalizedOutput };
}

/** The Zapier searches, with the normalized event their results carry and their match rule (catalogued once in fields/searches/). */
const SEARCHES: readonly { search: ZapierSearch; event: NormalizedEvent; match: SearchMatch; makeLabel: string }[] = SEARCH_SPECS.map((spec) => ({
  search: { key: spec.key, display: { label: spec.label, description: spec.description }, operation: { inputFields: spec.inputFields, sample: spec.sample } },
  event: spec.event,
  match: spec.match,
  makeLabel: spec.makeLabel,
}));

/** The IML comparing a scanned item's value with the input, as the Zapier search compares (`matchText`: trimmed, lower-cased unless case-sensitive). */
function scanCondition(scanned: string, input: string, match: SearchMatch): string {
  const side = (expression: string) => (match === 'case_insensitive' ? `lower(trim(${expression}))` : `trim(${expression})`);
  return wrap(`${side(scanned)} == ${side(`parameters.${input}`)}`);
}

const SEARCH_LIMIT = 25;
const DEFAULT_LIST_SIZE = 10;

/** Adds the search modules; returns their names. */
export function addSearches(app: AppFiles, platform: PlatformDefinition, connection: string, rpc: RpcLookup, log: IssueLog): string[] {
  const names: string[] = [];
  for (const { search, event, match, makeLabel } of SEARCHES) {
    const name = camelName(search.key);
    const spec = platform.searches?.[search.key];
    if (spec === undefined || 'unsupported' in spec) {
      log.add(`module ${name}`, 'info', `not generated: ${makeWording(spec ? spec.unsupported : `${platform.name} offers no way to look this up.`)}`);
      continue;
    }
    if (spec.itemsPath === undefined) {
      // A look-up by id answers 404 for "none", which Make would report as a failed module, not an empty search.
      log.add(`module ${name}`, 'info', `not generated: ${platform.name} looks this up directly (a miss is a 404, not an empty list).`);
      continue;
    }
    const itemsPath = spec.itemsPath;
    const report = log.for(`module ${name}`);
    const kind = recordKindOf(event);
    const known = new Set(search.operation.inputFields.map((field) => field.key));
    const request = requestOf(spec.request, resolverFor(platform, { inputs: known, extra: { limit: { literal: SEARCH_LIMIT }, page: { literal: 1 } } }), report);
    const pagination = paginationOf(spec.request, pathExpression('body', itemsPath), SEARCH_LIMIT);
    if (pagination) request.pagination = pagination;
    const vendorEvent = platform.events.find((item) => item.event === event)?.key ?? requestLine(spec.request);
    const items = wrap(pathExpression('body', itemsPath));
    // A scan (no vendor filter for the input): keep only the items whose field equals the input.
    const source = platform.fields[kind]?.[spec.matchField as keyof FieldMap<RecordKind>];
    const scanned = spec.scan === undefined || source === undefined ? undefined : sourceValue('item', source);
    if (spec.scan !== undefined && scanned === undefined) {
      log.add(`module ${name}`, 'info', `not generated: ${platform.name} has no filter for it and its ${spec.matchField} is not read from vendor paths.`);
      continue;
    }
    if (spec.scan !== undefined) report('info', `${platform.name} has no filter for it: ${spec.scan.limits}.`);
    const output = recordOutput({ platform, kind, event, vendorEvent, root: 'item', raw: 'item' }, report);
    request.response = {
      iterate: scanned === undefined ? items : { container: items, condition: scanCondition(scanned, spec.input, match) },
      limit: '{{parameters.limit}}',
      output,
    };
    const used = new Set([spec.input, ...requestPlaceholders(spec.request)].filter((key) => known.has(key)));
    app.add('module', name, { label: makeLabel, description: makeWording(search.display.description), moduleType: 'search', connection }, {
      communication: request,
      staticParams: [],
      mappableParams: [...parametersOf(search.operation.inputFields, used, { required: [spec.input], inPath: pathInputs(spec.request), rpc }), limitParam(platform.name, SEARCH_LIMIT, pagination !== undefined)],
      interface: outputInterface([output], kind),
      samples: outputSample(platform, search.operation.sample, [output], { event, vendorEvent }),
    });
    names.push(name);
  }
  return names;
}

/**
 * `GET /commissions`, `GET /referrals/{id}`: how a record that is no event names where it came from
 * (triggers/polling-trigger.ts names list items so); placeholders in the documentation's `{name}` form.
 */
export function requestLine(request: RequestSpec): string {
  return `${request.method} ${request.path.replace(/\{\{\s*([\w.]+)[^}]*\}\}/g, '{$1}')}`;
}

const PLURAL: Record<RecordKind, string> = { referral: 'Referrals', affiliate: 'Affiliates', payout: 'Payouts' };

/** Adds a "List <kind>s" search per list endpoint; returns their names. */
export function addListSearches(app: AppFiles, platform: PlatformDefinition, connection: string, samples: Partial<Record<RecordKind, NormalizedOutput>>, log: IssueLog): string[] {
  const names: string[] = [];
  for (const kind of Object.keys(platform.lists) as RecordKind[]) {
    const list = platform.lists[kind];
    if (!list) continue;
    const name = `list${PLURAL[kind]}`;
    const report = log.for(`module ${name}`);
    const pageSize = list.maxPageSize;
    const request = requestOf(list.request, resolverFor(platform, { extra: { limit: { literal: pageSize }, page: { literal: 1 } } }), report);
    const pagination = paginationOf(list.request, pathExpression('body', list.itemsPath), pageSize);
    if (pagination) request.pagination = pagination;
    // A listed record is no event: `other`, named by the request it came from (as the Zapier polls name it).
    const vendorEvent = requestLine(list.request);
    const output = recordOutput({ platform, kind, event: 'other', vendorEvent, root: 'item', raw: 'item' }, report);
    request.response = { iterate: wrap(pathExpression('body', list.itemsPath)), limit: '{{parameters.limit}}', output };
    const sample = samples[kind];
    app.add('module', name, { label: `List ${PLURAL[kind].toLowerCase()}`, description: `Lists recent ${PLURAL[kind].toLowerCase()} from ${platform.name}, in the order ${platform.name} returns them.`, moduleType: 'search', connection }, {
      communication: request,
      staticParams: [],
      mappableParams: [limitParam(platform.name, pageSize, pagination !== undefined)],
      interface: outputInterface([output], kind),
      ...(sample ? { samples: outputSample(platform, sample, [output], { event: 'other', vendorEvent }) } : {}),
    });
    names.push(name);
  }
  return names;
}
