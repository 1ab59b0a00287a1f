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
 * @param scope values for the request's placeholders (`limit`, `page`, search inputs)
 * @returns the normalized records, in the vendor's order, each with the item under `raw`
 * @throws z.errors.Error from the middleware when the vendor refuses
 */
export async function listRecords<K extends RecordKind>(
  z: ZObject,
  context: NormalizeContext & { kind: K },
  request: RequestSpec,
  itemsPath: string,
  scope: Scope,
): Promise<RecordOf[K][]> {
  const response = await callPlatform(z, context.platform, request, scope);
  const items = readAt(response.data, itemsPath, jsonObjectListSchema) ?? [];
  return items.map((item) => normalizeRecord(context, item, item)).filter((record) => record.id !== '');
}
