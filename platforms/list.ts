/**
 * Reads a vendor list and normalizes its items: what performList, dropdowns and searches share.
 */
import type { ZObject } from 'zapier-platform-core';
import { callPlatform } from './api';
import { normalizeRecord, type NormalizeContext } from './normalize';
import type { RecordKind, RecordOf } from './records';
import { jsonObjectListSchema, readAt } from './schemas';
import type { RequestSpec } from './types';
import type { Scope } from './template';

/**
 * Calls a list request and normalizes every item that carries an id.
 * @param itemsPath dotted path of the item array in the response (a missing or malformed array reads as empty)
 * @param scope values for the request's placeholders (`limit`, `page`, search inputs); a positive
 *   integer `limit` also caps how many records are returned
 * @returns the normalized records, in the vendor's order, each with the item under `raw`, at most `limit`
 * @throws z.errors.Error from the middleware when the vendor refuses; z.errors.Error naming the
 *   platform when a 2xx answer is not JSON or its envelope says failure (platforms/api.ts `confirm`)
 */
export async function listRecords<K extends RecordKind>(
  z: ZObject,
  context: NormalizeContext & { kind: K },
  request: RequestSpec,
  itemsPath: string,
  scope: Scope,
): Promise<RecordOf[K][]> {
  return (await listPage(z, context, request, itemsPath, scope)).records;
}

/**
 * As `listRecords`, with the parsed answer beside the records (where a cursor list says what comes next).
 * @returns `body`: the parsed JSON answer (undefined when empty); `link`: its `Link` header, if any
 */
export async function listPage<K extends RecordKind>(
  z: ZObject,
  context: NormalizeContext & { kind: K },
  request: RequestSpec,
  itemsPath: string,
  scope: Scope,
): Promise<{ records: RecordOf[K][]; body: unknown; link?: string }> {
  // `confirm`: an HTML page or an error envelope with HTTP 200 is an error, never "no items".
  const response = await callPlatform(z, context.platform, request, scope, { confirm: true });
  const items = readAt(response.data, itemsPath, jsonObjectListSchema) ?? [];
  const records = items.map((item) => normalizeRecord(context, item, item)).filter((record) => record.id !== '');
  // A vendor may ignore its page size (20,000 items for 10 asked): never pass on more than asked.
  const limit = Number(scope.limit);
  return { records: Number.isInteger(limit) && limit > 0 ? records.slice(0, limit) : records, body: response.data, link: response.link };
}
