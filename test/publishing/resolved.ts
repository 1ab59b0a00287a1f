/**
 * The app definition as the Zap editor sees it for one connection: every dynamic `inputFields` and
 * `outputFields` entry (a function of the connection) replaced by what it returns for that
 * platform, so the publishing checks judge the fields users really get.
 */
import { appTester, app, type OperationFunction } from '../helpers/app';
import type { AppDefinition } from './checks';

type Operation = { inputFields?: unknown; outputFields?: unknown; [key: string]: unknown };
type Item = { key: string; display: { label: string; description: string }; operation: Operation };

async function resolveEntries(entries: unknown, platform: string): Promise<unknown> {
  if (!Array.isArray(entries)) return entries;
  const out: unknown[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') {
      const fields = await appTester(entry as OperationFunction, { authData: { platform, api_key: 'key' }, inputData: {} });
      out.push(...(fields as unknown[]));
    } else out.push(entry);
  }
  return out;
}

async function resolveItems(group: Record<string, Item> | undefined, platform: string): Promise<Record<string, Item>> {
  const resolved: Record<string, Item> = {};
  for (const [key, item] of Object.entries(group ?? {})) {
    resolved[key] = {
      ...item,
      operation: {
        ...item.operation,
        inputFields: await resolveEntries(item.operation.inputFields, platform),
        outputFields: await resolveEntries(item.operation.outputFields, platform),
      },
    };
  }
  return resolved;
}

/** The definition resolved for a connection of `platform` (a registered id). */
export async function resolvedDefinition(platform: string): Promise<AppDefinition> {
  const definition = app as unknown as AppDefinition & { triggers: Record<string, Item>; creates: Record<string, Item>; searches: Record<string, Item> };
  return {
    ...definition,
    triggers: (await resolveItems(definition.triggers, platform)) as AppDefinition['triggers'],
    creates: (await resolveItems(definition.creates, platform)) as AppDefinition['creates'],
    searches: (await resolveItems(definition.searches, platform)) as AppDefinition['searches'],
  };
}

/** Only the operations whose static sample is of `platform` (or names none): the samples D024 can judge for it. */
export function withSamplesOf(definition: AppDefinition, platform: string): AppDefinition {
  const keep = <T extends { operation: { sample?: Record<string, unknown> } }>(group: Record<string, T> | undefined) =>
    Object.fromEntries(Object.entries(group ?? {}).filter(([, item]) => (item.operation.sample?.platform ?? platform) === platform));
  return { ...definition, triggers: keep(definition.triggers), creates: keep(definition.creates), searches: keep(definition.searches) };
}
