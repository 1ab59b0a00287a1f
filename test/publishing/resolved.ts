/**
 * The app definition as the Zap editor sees it for one connection: every dynamic `inputFields` and
 * `outputFields` entry (a function of the connection) replaced by what it returns for that
 * platform, so the publishing checks judge the fields users really get.
 */
import { appTester, app, type OperationFunction } from '../helpers/app';
import type { AppDefinition } from './checks';

type Operation = { inputFields?: unknown; outputFields?: unknown; [key: string]: unknown };
type Item = { key: string; display: { label: string; description: string }; operation: Operation };

/** Runs one of a definition's functions as Zapier would (zapier-platform-core's tester of that definition). */
export type FunctionRunner = (fn: OperationFunction, bundle: { authData: Record<string, string>; inputData: Record<string, unknown> }) => Promise<unknown>;

async function resolveEntries(entries: unknown, platform: string, run: FunctionRunner): Promise<unknown> {
  if (!Array.isArray(entries)) return entries;
  const out: unknown[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') {
      const fields = await run(entry as OperationFunction, { authData: { platform, api_key: 'key' }, inputData: {} });
      out.push(...(fields as unknown[]));
    } else out.push(entry);
  }
  return out;
}

async function resolveItems(group: Record<string, Item> | undefined, platform: string, run: FunctionRunner): Promise<Record<string, Item>> {
  const resolved: Record<string, Item> = {};
  for (const [key, item] of Object.entries(group ?? {})) {
    resolved[key] = {
      ...item,
      operation: {
        ...item.operation,
        inputFields: await resolveEntries(item.operation.inputFields, platform, run),
        outputFields: await resolveEntries(item.operation.outputFields, platform, run),
      },
    };
  }
  return resolved;
}

/**
 * The definition resolved for a connection of `platform` (a registered id): the multi-platform app
 * by default, or another definition (a single-platform app, test/single-platform/) with its runner.
 */
export async function resolvedDefinition(platform: string, of: object = app, run: FunctionRunner = appTester): Promise<AppDefinition> {
  const definition = of as AppDefinition & { triggers: Record<string, Item>; creates: Record<string, Item>; searches: Record<string, Item> };
  return {
    ...definition,
    triggers: (await resolveItems(definition.triggers, platform, run)) as AppDefinition['triggers'],
    creates: (await resolveItems(definition.creates, platform, run)) as AppDefinition['creates'],
    searches: (await resolveItems(definition.searches, platform, run)) as AppDefinition['searches'],
  };
}

/** Only the operations whose static sample is of `platform` (or names none): the samples D024 can judge for it. */
export function withSamplesOf(definition: AppDefinition, platform: string): AppDefinition {
  const keep = <T extends { operation: { sample?: Record<string, unknown> } }>(group: Record<string, T> | undefined) =>
    Object.fromEntries(Object.entries(group ?? {}).filter(([, item]) => (item.operation.sample?.platform ?? platform) === platform));
  return { ...definition, triggers: keep(definition.triggers), creates: keep(definition.creates), searches: keep(definition.searches) };
}
