/**
 * Checks of one vendor answer per kind of request the platform data describes: the connection
 * test, a list, a dropdown list, the webhook look-up, a subscribe, a search, an action. Each
 * returns the rows for every path the data reads from that answer (platforms/types.ts).
 */
import { baseUrlOf } from '../platforms/api';
import { getPath } from '../platforms/paths';
import type { RecordKind } from '../platforms/records';
import { parseJsonExact } from '../platforms/schemas';
import type { ChoiceListSpec, FieldSource, ListSpec, PlatformDefinition, RequestSpec, SearchSpec, WebhookApi } from '../platforms/types';
import type { Exchange } from './app-runner';
import { checkFieldMap, checkItems, checkPath, checkStatuses, describeType, type CheckContext } from './path-checks';
import type { Row } from './rows';

/** The source tag of what a spec does not tag itself (field maps, status tables, envelopes). */
export function untagged(platform: PlatformDefinition, file: string): string {
  return `untagged: platforms/${platform.id}/${file}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The exchange that answered `spec` (its method and path, placeholders matching one segment), the last one when several did. */
export function exchangeFor(platform: PlatformDefinition, exchanges: readonly Exchange[], spec: RequestSpec): Exchange | undefined {
  const base = new URL(baseUrlOf(platform)).pathname.replace(/\/$/, '');
  const pattern = new RegExp(`^${escapeRegExp(base)}${spec.path.split(/\{\{[^}]*\}\}/).map(escapeRegExp).join('[^/]+')}$`);
  return [...exchanges].reverse().find((exchange) => exchange.method === spec.method && URL.canParse(exchange.url) && pattern.test(new URL(exchange.url).pathname));
}

/** The parsed body, or undefined when it is not JSON. */
export function bodyOf(exchange: Exchange): unknown {
  try {
    return exchange.content.trim() === '' ? undefined : parseJsonExact(exchange.content);
  } catch {
    return undefined;
  }
}

/** `GET /referrals`: a request's label in the report. */
export function describeRequest(operation: string, spec: RequestSpec): string {
  return `${operation} ${spec.method} ${spec.path}`;
}

/** The rows for a request whose answer was not found among the exchanges (the app failed before or without it). */
function unanswered(context: CheckContext, why: string): Row[] {
  return [{ ...context, path: 'answer', verdict: 'absent', detail: why }];
}

/** The envelope paths the app reads from every list and action answer (platforms/api.ts `envelopeFailure`). */
function envelopeRows(platform: PlatformDefinition, request: string, body: unknown): Row[] {
  const envelope = platform.envelope;
  if (!envelope) return [];
  const context = { request, source: untagged(platform, 'index.ts (envelope)') };
  return [envelope.statusPath, envelope.successPath].flatMap((path) => (path === undefined ? [] : [checkPath(context, `envelope ${path}`, [body], [path], { expectScalar: true })]));
}

/** The connection test: a 2xx answer and, where the data names one, the account's name at `accountPath`. */
export function connectionRows(platform: PlatformDefinition, exchanges: readonly Exchange[]): Row[] {
  const spec = platform.connectionTest;
  if (spec === null) return [];
  const context = { request: describeRequest('connection test', spec), source: spec.source };
  const exchange = exchangeFor(platform, exchanges, spec);
  if (!exchange) return unanswered(context, 'no answer');
  const rows: Row[] = [{ ...context, path: 'HTTP status', verdict: exchange.status < 300 ? 'confirmed' : 'differs', detail: String(exchange.status) }];
  if (spec.accountPath) rows.push(checkPath(context, `account name at ${spec.accountPath}`, [bodyOf(exchange)], [spec.accountPath], { expectScalar: true }));
  return rows;
}

/** A record list (performList, polling, record dropdowns): items, every normalized field, status values, the polling paths, the page size. */
export function listRows(platform: PlatformDefinition, kind: RecordKind, list: ListSpec, operation: string, exchanges: readonly Exchange[], limit: number): Row[] {
  const request = describeRequest(operation, list.request);
  const context = { request, source: list.request.source };
  const exchange = exchangeFor(platform, exchanges, list.request);
  if (!exchange) return unanswered(context, 'no answer');
  const body = bodyOf(exchange);
  const { row, items } = checkItems(context, body, list.itemsPath);
  const fieldMap = (platform.fields[kind] ?? {}) as Record<string, string | FieldSource | undefined>;
  const fieldContext = { request, source: untagged(platform, 'fields.ts') };
  const rows = [row, ...envelopeRows(platform, request, body), ...checkFieldMap(fieldContext, kind, items, fieldMap)];
  rows.push(...checkStatuses({ request, source: untagged(platform, 'fields.ts (statuses)') }, kind, items, fieldMap.status, platform.statuses));
  const polling = list.polling;
  if (polling) {
    const pollingContext = { request, source: polling.source };
    // Presence only: the field map reads the value below it where it is an object (e.g. `status.value`).
    if ('field' in polling.status) rows.push(checkPath(pollingContext, `polling status field ${polling.status.field}`, items, [polling.status.field]));
    if (polling.updatedAt) rows.push(checkPath(pollingContext, `polling update time ${polling.updatedAt.path}`, items, [polling.updatedAt.path], { expectScalar: true }));
  }
  if (row.verdict === 'confirmed') {
    const honoured = items.length <= limit;
    rows.push({ ...context, path: `page size ≤ ${limit}`, verdict: honoured ? 'confirmed' : 'differs', detail: honoured ? `${items.length} returned` : `${items.length} returned for ${limit} asked` });
  }
  return rows;
}

/** A dropdown list that is not a record (programs, groups, applicants): items, each item's id and one of its label paths. */
export function choiceRows(platform: PlatformDefinition, key: string, spec: ChoiceListSpec, operation: string, exchanges: readonly Exchange[]): Row[] {
  const context = { request: describeRequest(operation, spec.request), source: spec.request.source };
  const exchange = exchangeFor(platform, exchanges, spec.request);
  if (!exchange) return unanswered(context, 'no answer');
  const body = bodyOf(exchange);
  const { row, items } = checkItems(context, body, spec.itemsPath);
  const claimed = new Set([spec.idPath, ...spec.labelPaths]);
  return [
    row,
    ...envelopeRows(platform, context.request, body),
    checkPath(context, `${key} id ← ${spec.idPath}`, items, [spec.idPath], { expectScalar: true, claimed }),
    checkPath(context, `${key} label ← ${spec.labelPaths.join(' | ')}`, items, spec.labelPaths, { expectScalar: true, claimed }),
  ];
}

/** The webhook look-up (one-per-event vendors): items, and the event, target and secret fields the app reads from each. */
export function lookupRows(platform: PlatformDefinition, api: WebhookApi, operation: string, exchanges: readonly Exchange[]): Row[] {
  const spec = api.findExisting;
  if (!spec) return [];
  const context = { request: describeRequest(operation, spec), source: spec.source };
  const exchange = exchangeFor(platform, exchanges, spec);
  if (!exchange) return unanswered(context, 'no answer');
  const { row, items } = checkItems(context, bodyOf(exchange), spec.itemsPath);
  const fields = ['event', spec.targetField, ...(spec.secretField ? [spec.secretField] : [])];
  const claimed = new Set(fields);
  return [row, ...fields.map((field) => checkPath(context, `subscription ${field}`, items, [field], { expectScalar: true, claimed }))];
}

/** A subscribe answer: the id and secret paths, and what the created object carries (the vendor's own field names). */
export function subscribeRows(platform: PlatformDefinition, api: WebhookApi, operation: string, exchanges: readonly Exchange[]): Row[] {
  const spec = api.subscribe;
  const context = { request: describeRequest(operation, spec), source: spec.source };
  const exchange = exchangeFor(platform, exchanges, spec);
  if (!exchange) return unanswered(context, 'no answer');
  const body = bodyOf(exchange);
  const rows: Row[] = [{ ...context, path: 'HTTP status', verdict: exchange.status < 300 ? 'confirmed' : 'differs', detail: String(exchange.status) }];
  const claimed = new Set([spec.idPath, spec.secretPath].filter((path): path is string => path !== undefined));
  if (spec.idPath) rows.push(checkPath(context, `subscription id ← ${spec.idPath}`, [body], [spec.idPath], { expectScalar: true, claimed }));
  if (spec.secretPath) rows.push(checkPath(context, `signing secret ← ${spec.secretPath}`, [body], [spec.secretPath], { expectScalar: true, claimed }));
  // The created object's own keys, so a maintainer sees where the vendor put the id, secret and target.
  const created = ['data', ''].map((path) => getPath(body, path)).find((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
  rows.push({ ...context, path: 'created object fields', verdict: 'confirmed', detail: created ? Object.keys(created).join(', ') : `answer is ${describeType(body)}` });
  return rows;
}

/** An unsubscribe answer: 2xx, or 404/410 (already gone), as the app accepts. */
export function unsubscribeRows(platform: PlatformDefinition, api: WebhookApi, operation: string, exchanges: readonly Exchange[]): Row[] {
  const context = { request: describeRequest(operation, api.unsubscribe), source: api.unsubscribe.source };
  const exchange = exchangeFor(platform, exchanges, api.unsubscribe);
  if (!exchange) return [{ ...context, path: 'HTTP status', verdict: 'unchecked', detail: 'not called (nothing of ours to remove)' }];
  const ok = exchange.status < 300 || exchange.status === 404 || exchange.status === 410;
  return [{ ...context, path: 'HTTP status', verdict: ok ? 'confirmed' : 'differs', detail: String(exchange.status) }];
}

/** A search answer: the items (or the one item) and every normalized field of its record kind. */
export function searchRows(platform: PlatformDefinition, kind: RecordKind, spec: SearchSpec, operation: string, exchanges: readonly Exchange[]): Row[] {
  const request = describeRequest(operation, spec.request);
  const context = { request, source: spec.request.source };
  const exchange = exchangeFor(platform, exchanges, spec.request);
  if (!exchange) return unanswered(context, 'no answer');
  const body = bodyOf(exchange);
  let rows: Row[];
  let items: unknown[];
  if (spec.itemsPath !== undefined) {
    const checked = checkItems(context, body, spec.itemsPath);
    rows = [checked.row];
    items = checked.items;
  } else {
    const item = getPath(body, spec.itemPath ?? '');
    rows = [checkPath(context, `item at ${spec.itemPath ?? '(the body)'}`, [body], [spec.itemPath ?? ''])];
    items = item === undefined || exchange.status === 404 ? [] : [item];
  }
  const fieldMap = (platform.fields[kind] ?? {}) as Record<string, string | FieldSource | undefined>;
  return [...rows, ...envelopeRows(platform, request, body), ...checkFieldMap({ request, source: untagged(platform, 'fields.ts') }, kind, items, fieldMap)];
}

/** An action answer: the object at `resultPath` and the normalized fields read from it. */
export function actionRows(platform: PlatformDefinition, kind: RecordKind, spec: RequestSpec, resultPath: string | undefined, operation: string, exchanges: readonly Exchange[]): Row[] {
  const request = describeRequest(operation, spec);
  const context = { request, source: spec.source };
  const exchange = exchangeFor(platform, exchanges, spec);
  if (!exchange) return unanswered(context, 'no answer');
  const body = bodyOf(exchange);
  const rows: Row[] = [{ ...context, path: 'HTTP status', verdict: exchange.status < 300 ? 'confirmed' : 'differs', detail: String(exchange.status) }, ...envelopeRows(platform, request, body)];
  if (resultPath === undefined) return rows;
  rows.push(checkPath(context, `result at ${resultPath}`, [body], [resultPath]));
  const result = getPath(body, resultPath);
  const items = typeof result === 'object' && result !== null ? [Array.isArray(result) ? result[0] : result] : [];
  const fieldMap = (platform.fields[kind] ?? {}) as Record<string, string | FieldSource | undefined>;
  return [...rows, ...checkFieldMap({ request, source: untagged(platform, 'fields.ts') }, kind, items, fieldMap)];
}
