/**
 * The Zapier app of one platform (issue 27): the multi-platform app's operations that platform
 * serves (app/served.ts), under the same keys and with the same output keys, so a Zap moved
 * between the two keeps its field mappings; a connection without a Platform field, showing that
 * platform's fields, help and test; the platform's own words (app/terms.ts) in labels and help;
 * dropdowns carried by their fields (Zapier's perform-based choices), samples of an id only and
 * bare hidden lists, so the definition stays small (issue 27). Every function runs with the
 * platform fixed (app/fixed-platform.ts).
 */
import type { Authentication } from 'zapier-platform-core';
import authentication from '../authentication';
import type { PlatformDefinition } from '../platforms/types';
import { DASHBOARD_WEBHOOK } from '../triggers/dashboard_webhook';
import { isRefusalNotice } from '../fields/refusal-notice';
import { ACTION_SPECS } from '../fields/actions';
import { fixedPlatformActionFields, type EditorField } from '../fields/editor-fields';
import type { ActionDefinition } from '../fields/operations';
import type { ChoiceList } from '../triggers/choice-lists';
import { choiceListOf, performChoices } from '../triggers/perform-choices';
import { fixPlatformIn } from './fixed-platform';
import { keepsHiddenList, servedKeys } from './served';
import { vendorField, vendorText } from './terms';

/** Zapier's limit on `display.directions` and on a field's `helpText` (zapier-platform-schema 19). */
const MAX_HELP = 1000;

/** An operation as this module reads and writes it (the factories' output, loosely typed). */
export interface Item {
  key: string;
  noun?: string;
  display: { label?: string; description?: string; directions?: string; hidden?: boolean };
  operation: { inputFields?: unknown[]; outputFields?: unknown[]; sample?: Record<string, unknown> } & Record<string, unknown>;
}

function titleCase(text: string): string {
  return text.replace(/(^|\s)(\S)/g, (_whole, space: string, letter: string) => space + letter.toUpperCase());
}

/** The first sentences of `text` that fit Zapier's limit. */
function fitted(text: string): string {
  if (text.length <= MAX_HELP) return text;
  const sentences = text.match(/[^.]+\.(\s|$)/g) ?? [text.slice(0, MAX_HELP)];
  let out = '';
  for (const sentence of sentences) if ((out + sentence).length <= MAX_HELP) out += sentence;
  return out.trim();
}

/**
 * The sample of a single-platform operation: the multi-platform sample's `id` only. Zapier needs a
 * static sample with an id (checks D010/D012) on every visible operation; the editor's fields
 * come from the dynamic `outputFields` (labelled, for the connected platform) and the test step's
 * records from the platform itself, so every other key only made the definition, which core
 * copies on every call, larger (issue 27: at most 40% of the multi-platform definition's nodes).
 * Nothing of another vendor (the shared samples' `raw`, ids of other platforms' events) remains.
 */
export function platformSample(sample: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return sample === undefined ? undefined : { id: sample.id };
}

/**
 * `outputFields` as one function: the static fields, then what the dynamic entries return. With
 * the platform fixed, the editor gets the same fields, and the definition that Zapier's core copies
 * on every call is smaller (bench/definition-size.ts). Entries without a function stay as they are
 * (a dropdown's `id` and `label` are read from the static definition, Zapier's check D005).
 */
function oneOutputFunction(entries: unknown[]): unknown[] {
  if (!entries.some((entry) => typeof entry === 'function')) return entries;
  return [
    async (z: unknown, bundle: unknown) => {
      const out: unknown[] = [];
      for (const entry of entries) {
        if (typeof entry === 'function') out.push(...((await (entry as (z: unknown, bundle: unknown) => Promise<unknown[]>)(z, bundle)) ?? []));
        else out.push(entry);
      }
      return out;
    },
  ];
}

/**
 * A hidden dropdown list as small as Zapier's schema lets it be: no label, description or sample
 * (optional when `display.hidden` is true, zapier-platform-schema 19 BasicDisplaySchema and
 * BasicOperationSchema), since no user sees them; its static `outputFields` stay, they name the
 * id and label the dropdown reads (Zapier's check D005).
 */
function hiddenList(item: Item): Item {
  const { sample: _sample, ...operation } = item.operation;
  // Only the keys: the labels of a hidden trigger's output fields are shown nowhere.
  const outputFields = operation.outputFields?.map((field) => (typeof field === 'object' && field !== null && 'key' in field ? { key: field.key } : field));
  return { key: item.key, noun: item.noun, display: { hidden: true }, operation: { ...operation, ...(outputFields ? { outputFields } : {}) } };
}

/**
 * The dropdown source a field carries itself in a single-platform app: the list its `dynamic`
 * names, unless it is search-powered (Zapier's `search` pairs with a `dynamic` dropdown, so that
 * field keeps its hidden trigger, app/served.ts); undefined for a field without a dropdown.
 */
function ownDropdown(field: unknown): ChoiceList | undefined {
  if (field === null || typeof field !== 'object' || !('dynamic' in field) || typeof field.dynamic !== 'string') return undefined;
  return keepsHiddenList(field as { dynamic: string; search?: string }) ? undefined : choiceListOf(field.dynamic);
}

/** The field with its dropdown as its own perform-based choices (triggers/perform-choices.ts) instead of a hidden trigger, where it has one. */
function withOwnDropdown<F>(field: F): F {
  const list = ownDropdown(field);
  if (list === undefined) return field;
  const { dynamic: _dynamic, ...rest } = field as F & { dynamic: string };
  return { ...rest, choices: { perform: performChoices(list) } } as F;
}

/**
 * A single-platform action's input fields, its platform's own (fields/editor-fields.ts
 * `fixedPlatformActionFields`) in the action's order: a field with a dropdown is static (Zapier
 * calls its `choices.perform` at its place in the definition), the fields between are one
 * function each, returning them as they are (a function is one node of the definition core copies
 * on every call, a static field five to eight); where no field has a dropdown, the first is
 * static (Zapier's check D022 asks an action for a static field).
 */
function actionFieldsLaidOut(fields: readonly EditorField[]): unknown[] {
  const laidOut: unknown[] = [];
  let run: EditorField[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    const constant = run;
    laidOut.push(async () => constant);
    run = [];
  };
  const anyDropdown = fields.some((field) => ownDropdown(field) !== undefined);
  fields.forEach((field, index) => {
    if (ownDropdown(field) !== undefined || (!anyDropdown && index === 0)) {
      endRun();
      laidOut.push(withOwnDropdown(field));
    } else run.push(field);
  });
  endRun();
  return laidOut;
}

/**
 * One operation with the platform's words in what the user reads, and the platform's sample; an
 * action (`action` given) with its platform's own fields.
 */
function forPlatform(item: Item, platform: PlatformDefinition, action: ActionDefinition | undefined): Item {
  if (item.display.hidden === true) return hiddenList(item);
  const display = { ...item.display, label: vendorText(item.display.label ?? '', platform), description: vendorText(item.display.description ?? '', platform) };
  // A poll is kept only where no instant trigger serves its records (app/served.ts): no "use it when the instant … cannot" here.
  display.description = display.description.replace(/\s*Use it when the instant [^.]*\./, '');
  if (item.key === DASHBOARD_WEBHOOK && platform.webhooks.kind === 'dashboard') {
    // The multi-platform texts point at every platform's directions; this app has one platform's.
    display.description = 'Triggers when an event reaches a webhook you added in the dashboard (where webhooks are set up by hand).';
    display.directions = fitted(platform.webhooks.directions);
  }
  // A refusal notice is dead here: every step this app keeps is one its platform runs (app/served.ts).
  const fields = (list: unknown[] | undefined) => list?.filter((field) => !isRefusalNotice(field)).map((field) => (typeof field === 'function' ? field : withOwnDropdown(vendorField(field, platform))));
  const { inputFields: _inputs, ...rest } = item.operation;
  const inputFields = action === undefined ? (fields(item.operation.inputFields) ?? []) : actionFieldsLaidOut(fixedPlatformActionFields(action, platform).map((field) => vendorField(field, platform)));
  const operation = {
    ...rest,
    // No empty list: `inputFields` is optional, and an empty one is one more node for nothing.
    ...(inputFields.length > 0 ? { inputFields } : {}),
    ...(item.operation.outputFields ? { outputFields: oneOutputFunction(fields(item.operation.outputFields) ?? []) } : {}),
    ...(item.operation.sample ? { sample: platformSample(item.operation.sample) } : {}),
  };
  return { ...item, ...(item.noun === undefined ? {} : { noun: vendorText(item.noun, platform) }), display, operation };
}

/**
 * The operations of `group` (triggers, creates or searches by key) whose keys are served, for the
 * platform; `kind` 'creates' lays out each action's fields for the platform.
 */
export function servedOf(group: object, keys: Set<string>, platform: PlatformDefinition, kind: 'triggers' | 'creates' | 'searches'): Record<string, Item> {
  return Object.fromEntries(
    Object.entries(group as Record<string, Item>)
      .filter(([key]) => keys.has(key))
      .map(([key, item]) => [key, fixPlatformIn(forPlatform(item, platform, kind === 'creates' ? ACTION_SPECS.find((spec) => spec.key === key) : undefined), platform)]),
  );
}

/** `text` with each bare https URL written as a markdown link (Zapier's check D008 wants no bare URL in help). */
function markdownLinks(text: string): string {
  return text.replace(/(?<!\]\()\bhttps:\/\/[^\s)]+/g, (url) => `[${url.slice('https://'.length)}](${url})`);
}

/** The API key field for one platform: its name for the key, where it shows it, a link there. */
function apiKeyField(platform: PlatformDefinition) {
  const name = platform.connection.apiKeyName ?? 'API key';
  const untested = platform.connectionTest === null ? ` ${platform.name} publishes no API to test a key against, so the key cannot be checked when you connect, and the connection label says so.` : '';
  return {
    key: 'api_key',
    label: titleCase(name),
    required: true,
    type: 'password' as const,
    helpText: `Your ${platform.name} ${name}: ${markdownLinks(platform.connection.keyLocation)}. [Where ${platform.name} shows it](${platform.connection.keyHelpUrl}).${untested}`,
  };
}

/**
 * The connection of a single-platform app: no Platform field; the API key and the fields this
 * platform needs (required), then the optional account name; the multi-platform test and label
 * (which read "<Vendor>: <account>"), run with the platform fixed.
 */
export function singleConnection(platform: PlatformDefinition): Authentication {
  const accountName = authentication.fields.find((field) => field.key === 'account_name');
  const extra = (platform.connection.extraFields ?? []).map((field) => ({
    key: field.key,
    label: field.label,
    required: true,
    ...(field.secret ? { type: 'password' as const } : {}),
    // Every required credential links to where the vendor shows it (Zapier's check D002).
    helpText: `${markdownLinks(field.helpText)} [Where ${platform.name} shows it](${platform.connection.keyHelpUrl}).`,
  }));
  return {
    type: 'custom',
    fields: [apiKeyField(platform), ...extra, ...(accountName ? [accountName] : [])],
    test: fixPlatformIn(authentication.test, platform),
    connectionLabel: fixPlatformIn(authentication.connectionLabel, platform),
  };
}

export { servedKeys };
