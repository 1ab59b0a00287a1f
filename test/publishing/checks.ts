/**
 * The integration checks Zapier's reviewers run that can be judged from the app definition alone
 * (https://docs.zapier.com/platform/publish/integration-checks-reference), each a small named
 * function returning findings that name the trigger, action, search or field at fault. Checks of
 * the project's own carry a name instead of a Zapier id (HELP-REDUNDANT, CHOICE-LABELS,
 * FIELD-LISTS), so an id always means Zapier's check of that id (D008: URLs as markdown links;
 * D022: actions have static input fields, per issue 23).
 */
import { PLATFORMS } from '../../platforms/registry';

/** One problem: which rule, where, and what is wrong. */
export interface Finding {
  rule: string;
  where: string;
  message: string;
}

type Choices = readonly (string | { value: string; label: string; sample?: string })[] | Record<string, string>;
/** Zapier's perform-based dropdown (zapier-platform-schema 19, FieldDynamicChoicesSchema): choices a function lists. */
type PerformChoices = { perform: unknown };
type Field = {
  key: string;
  label?: string;
  helpText?: string;
  required?: boolean;
  dynamic?: string;
  search?: string;
  type?: string;
  list?: boolean;
  choices?: Choices | PerformChoices;
};
type OutputField = { key: string; label?: string; type?: string };
type Operation = {
  type?: string;
  inputFields?: unknown;
  /** Static fields and, since dynamic output fields, functions of the connection. */
  outputFields?: unknown;
  sample?: Record<string, unknown>;
  performSubscribe?: unknown;
  performList?: unknown;
};
/** A hidden operation (a dropdown's list) may have no label or description: Zapier's schema asks for them only where the user sees the operation. */
type Item = { key: string; display: { label?: string; description?: string; hidden?: boolean; directions?: string }; operation: Operation };

/** The parts of a Zapier app definition the checks read. */
export interface AppDefinition {
  authentication?: { fields?: Field[]; connectionLabel?: unknown };
  triggers?: Record<string, Item>;
  creates?: Record<string, Item>;
  searches?: Record<string, Item>;
  searchOrCreates?: Record<string, { key: string; search: string; create: string; display: { label: string } }>;
}

export type Check = (app: AppDefinition) => Finding[];

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Inputs that take the platform's own ids. An order id is the shop's, which the platform cannot list: left out. */
const ID_KEYS = /(^|_)(id|key)$|^affiliate$/;
const EXTERNAL_IDS = new Set(['order_id', 'refund_id']);

function items(app: AppDefinition): [string, Item][] {
  return [
    ...Object.values(app.triggers ?? {}).map((item): [string, Item] => [`trigger ${item.key}`, item]),
    ...Object.values(app.creates ?? {}).map((item): [string, Item] => [`action ${item.key}`, item]),
    ...Object.values(app.searches ?? {}).map((item): [string, Item] => [`search ${item.key}`, item]),
  ];
}

/** The field objects of an `inputFields` array (dynamic entries, functions, are resolved per platform by the test). */
function staticFields(operation: Operation): Field[] {
  return Array.isArray(operation.inputFields) ? (operation.inputFields as unknown[]).filter((field): field is Field => typeof field === 'object' && field !== null) : [];
}

/** The field objects of an `outputFields` array. */
function staticOutputs(operation: Operation): OutputField[] {
  return Array.isArray(operation.outputFields)
    ? (operation.outputFields as unknown[]).filter((field): field is OutputField => typeof field === 'object' && field !== null)
    : [];
}

/** Fields that take input (a `copy` field is a notice). */
function valueFields(operation: Operation): Field[] {
  return staticFields(operation).filter((field) => field.type !== 'copy');
}

/** Hooks the user registers by hand (no performSubscribe): Zapier's static webhooks. */
function staticHooks(app: AppDefinition): Item[] {
  return Object.values(app.triggers ?? {}).filter((trigger) => trigger.operation.type === 'hook' && !trigger.operation.performSubscribe);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !SMALL_WORDS.has(word) && word !== 'your' && word !== 'this');
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/\]\((\S+?)\)|\b(https?:\/\/[^\s)]+)/g)].map((match) => match[1] ?? match[2]);
}

export function isTitleCase(label: string): boolean {
  return label.split(/\s+/).every((word, index) => /^[A-Z0-9(]/.test(word) || (index > 0 && SMALL_WORDS.has(word)));
}

/** Inputs that ask for a credential, which belongs in the connection (a webhook's signing secret is the webhook's, not an API credential). */
const CREDENTIAL_KEYS = /(^|_)(api_?key|access_?token|client_secret|password)$/i;

/** D001: no trigger, action or search asks for an API key or similar: credentials live in the connection. */
export const d001NoCredentialsInSteps: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    valueFields(item.operation)
      .filter((field) => CREDENTIAL_KEYS.test(field.key) || /\bapi key\b/i.test(field.label ?? ''))
      .map((field) => ({ rule: 'D001', where: `${where} field ${field.key}`, message: 'asks for a credential in a step instead of the connection' })),
  );

/** D002: the API key's help text links to where the user finds it. */
export const d002HelpLinksToKey: Check = (app) =>
  (app.authentication?.fields ?? [])
    .filter((field) => field.type === 'password' && field.required)
    .filter((field) => urlsIn(field.helpText ?? '').length === 0)
    .map((field) => ({ rule: 'D002', where: `connection field ${field.key}`, message: 'help text has no link to where the key is shown' }));

/** D003: the connection has a label, so users can tell connections apart. */
export const d003ConnectionLabel: Check = (app) =>
  app.authentication?.connectionLabel ? [] : [{ rule: 'D003', where: 'connection', message: 'no connection label' }];

/** What the editor says of a field whose platform has no list to offer (fields/editor-fields.ts): typed or mapped, never an empty dropdown. */
const NO_LIST = /offers no list to pick from/;

/** D004: inputs that take a vendor id offer a dropdown (or a search), unless the platform has nothing to list and the help says so. */
export const d004IdFieldsHaveDropdowns: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    staticFields(item.operation)
      .filter((field) => (ID_KEYS.test(field.key) || / IDs?$/.test(field.label ?? '')) && !EXTERNAL_IDS.has(field.key) && !hasDropdown(field) && !field.search && !NO_LIST.test(field.helpText ?? ''))
      .map((field) => ({ rule: 'D004', where: `${where} field ${field.key}`, message: 'takes an id but has no dynamic dropdown' })),
  );

/** D005: dynamic dropdowns point at a trigger that exists and outputs the id and label fields named. */
export const d005ReferencesResolve: Check = (app) => {
  const findings: Finding[] = [];
  for (const [where, item] of items(app)) {
    for (const field of staticFields(item.operation)) {
      if (!field.dynamic) continue;
      const [trigger, idField, labelField] = field.dynamic.split('.');
      const target = app.triggers?.[trigger];
      const outputs = new Set((target ? staticOutputs(target.operation) : []).map((output) => output.key));
      if (!target || !idField || !labelField || !outputs.has(idField) || !outputs.has(labelField)) {
        findings.push({ rule: 'D005', where: `${where} field ${field.key}`, message: `dynamic "${field.dynamic}" does not resolve` });
      }
    }
  }
  return findings;
};

/** D015: a search-or-create pairs a search and a create that exist, under the search's key. */
export const d015SearchOrCreatesResolve: Check = (app) =>
  Object.values(app.searchOrCreates ?? {})
    .filter((pair) => !app.searches?.[pair.search] || !app.creates?.[pair.create] || pair.key !== pair.search)
    .map((pair) => ({ rule: 'D015', where: `search-or-create ${pair.key}`, message: 'search or create does not exist, or key differs from the search' }));

/** D013: a search-powered field (`search: "<search key>.<field>"`) points at a search that exists. */
export const d013SearchFieldsResolve: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    staticFields(item.operation)
      .filter((field) => field.search !== undefined)
      .filter((field) => {
        const [search, output] = (field.search ?? '').split('.');
        return !app.searches?.[search] || !output;
      })
      .map((field) => ({ rule: 'D013', where: `${where} field ${field.key}`, message: `search "${field.search}" does not exist` })),
  );

/** D014: a search-powered field is also a dynamic dropdown (Zapier offers the search from the dropdown). */
export const d014SearchFieldsAreDropdowns: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    staticFields(item.operation)
      .filter((field) => field.search !== undefined && !field.dynamic)
      .map((field) => ({ rule: 'D014', where: `${where} field ${field.key}`, message: 'search-powered field without a dynamic dropdown' })),
  );

/** D006: every hook, REST or static, has performList, so the user can test with real data. */
export const d006HooksHavePerformList: Check = (app) =>
  Object.values(app.triggers ?? {})
    .filter((trigger) => trigger.operation.type === 'hook' && typeof trigger.operation.performList !== 'function')
    .map((trigger) => ({ rule: 'D006', where: `trigger ${trigger.key}`, message: `${trigger.operation.performSubscribe ? 'REST' : 'static'} hook without performList` }));

/** D007: every URL shown to the user is https. */
export const d007HttpsUrls: Check = (app) => {
  const texts: [string, string][] = (app.authentication?.fields ?? []).map((field) => [`connection field ${field.key}`, field.helpText ?? '']);
  for (const [where, item] of items(app)) {
    texts.push([where, item.display.description ?? '']);
    for (const field of staticFields(item.operation)) texts.push([`${where} field ${field.key}`, field.helpText ?? '']);
  }
  return texts.flatMap(([where, text]) =>
    urlsIn(text)
      .filter((url) => !url.startsWith('https://'))
      .map((url) => ({ rule: 'D007', where, message: `non-https URL ${url}` })),
  );
};

function isChoiceList(choices: Choices): choices is Extract<Choices, readonly unknown[]> {
  return Array.isArray(choices);
}

/** True for a perform-based dropdown (its choices come from a function, labelled by the list itself). */
function isPerformChoices(choices: Choices | PerformChoices | undefined): choices is PerformChoices {
  return choices !== undefined && !Array.isArray(choices) && typeof (choices as PerformChoices).perform !== 'undefined';
}

/** True when a field offers a dropdown: a hidden trigger's (`dynamic`) or its own perform-based choices. */
function hasDropdown(field: Field): boolean {
  return field.dynamic !== undefined || isPerformChoices(field.choices);
}

/** Project check (not a Zapier id): help text adds something to the label: never the label again, in other words or none. */
export const helpTextNotRedundant: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    valueFields(item.operation)
      .filter((field) => {
        const help = words(field.helpText ?? '');
        const label = new Set(words(field.label ?? ''));
        return help.length > 0 && help.every((word) => label.has(word));
      })
      .map((field) => ({ rule: 'HELP-REDUNDANT', where: `${where} field ${field.key}`, message: `help text repeats the label "${field.label}"` })),
  );

/** Project check (not a Zapier id): static dropdown choices have readable labels, not the bare values the API takes. */
export const choicesHaveLabels: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    staticFields(item.operation)
      .filter((field) => {
        const choices = field.choices;
        if (choices === undefined || isPerformChoices(choices)) return false;
        const pairs: [string, string][] = isChoiceList(choices)
          ? choices.map((choice): [string, string] => (typeof choice === 'string' ? [choice, choice] : [choice.value, choice.label]))
          : Object.entries(choices);
        return pairs.some(([value, label]) => label === value && /^[a-z_.]+$/.test(value));
      })
      .map((field) => ({ rule: 'CHOICE-LABELS', where: `${where} field ${field.key}`, message: 'choices without readable labels' })),
  );

/** D009: a search has a required field to search by. */
export const d009SearchesHaveSearchField: Check = (app) =>
  Object.values(app.searches ?? {})
    .filter((search) => !staticFields(search.operation).some((field) => field.required))
    .map((search) => ({ rule: 'D009', where: `search ${search.key}`, message: 'no required search field' }));

/** D010 / D012: visible operations have a static sample with a primary key. */
export const d010SamplesWithPrimaryKey: Check = (app) =>
  items(app)
    .filter(([, item]) => !item.display.hidden)
    .filter(([, item]) => !item.operation.sample || item.operation.sample.id === undefined || item.operation.sample.id === '')
    .map(([where]) => ({ rule: 'D010', where, message: 'no static sample with an id' }));

/** D016: a static webhook tells the user where to paste its URL (display directions). */
export const d016StaticHooksHaveDirections: Check = (app) =>
  staticHooks(app)
    .filter((trigger) => (trigger.display.directions ?? '').trim() === '')
    .map((trigger) => ({ rule: 'D016', where: `trigger ${trigger.key}`, message: 'static webhook without directions' }));

/**
 * D017: a public integration uses REST hooks, not static webhooks (the user would have to copy a
 * URL by hand). Each static webhook is a finding; the app keeps one on purpose (docs/development.md, publishing checks).
 */
export const d017NoStaticHooks: Check = (app) =>
  staticHooks(app).map((trigger) => ({ rule: 'D017', where: `trigger ${trigger.key}`, message: 'static webhook (public integrations need REST hooks)' }));

/** D018: labels are Title Case. */
export const d018TitleCaseLabels: Check = (app) => {
  // A hidden dropdown list may leave out the labels no user sees (its own, its output fields'); those it has are judged.
  const hidden = (item: Item) => item.display.hidden === true;
  const labels: [string, string][] = items(app)
    .filter(([, item]) => !hidden(item) || item.display.label !== undefined)
    .map(([where, item]) => [where, item.display.label ?? '']);
  for (const [where, item] of items(app)) for (const field of valueFields(item.operation)) labels.push([`${where} field ${field.key}`, field.label ?? '']);
  for (const field of app.authentication?.fields ?? []) labels.push([`connection field ${field.key}`, field.label ?? '']);
  for (const [where, item] of items(app)) {
    for (const field of staticOutputs(item.operation).filter((output) => !hidden(item) || output.label !== undefined)) labels.push([`${where} output ${field.key}`, field.label ?? '']);
  }
  return labels.filter(([, label]) => !isTitleCase(label)).map(([where, label]) => ({ rule: 'D018', where, message: `label "${label}" is not Title Case` }));
};

/** D021: trigger descriptions start "Triggers when" and end with a period. */
export const d021TriggerDescriptions: Check = (app) =>
  Object.values(app.triggers ?? {})
    .filter((trigger) => trigger.display.hidden !== true || trigger.display.description !== undefined)
    .filter((trigger) => !(trigger.display.description ?? '').startsWith('Triggers when') || !(trigger.display.description ?? '').endsWith('.'))
    .map((trigger) => ({ rule: 'D021', where: `trigger ${trigger.key}`, message: 'description does not start "Triggers when" and end with a period' }));

/**
 * Project check (not a Zapier id): an action's input fields are an array of fields and
 * dynamic-field functions (a bare function or any other value is not a field list the editor can load).
 */
export const createInputsAreFieldLists: Check = (app) =>
  Object.values(app.creates ?? {})
    .filter(
      (create) =>
        !Array.isArray(create.operation.inputFields) ||
        (create.operation.inputFields as unknown[]).some((field) => typeof field !== 'function' && (typeof field !== 'object' || field === null)),
    )
    .map((create) => ({ rule: 'FIELD-LISTS', where: `action ${create.key}`, message: 'input fields are not a list of fields and functions' }));

/** D022: an action has static input fields (not only dynamic-field functions), as Zapier's reference asks. Judged on the unresolved definition. */
export const d022ActionsHaveStaticInputs: Check = (app) =>
  Object.values(app.creates ?? {})
    .filter((create) => !Array.isArray(create.operation.inputFields) || !(create.operation.inputFields as unknown[]).some((field) => typeof field === 'object' && field !== null))
    .map((create) => ({ rule: 'D022', where: `action ${create.key}`, message: 'no static input field (only dynamic ones)' }));

/** Every text a user reads beside a field or an operation: descriptions, directions, help texts. */
function userTexts(app: AppDefinition): [string, string][] {
  const texts: [string, string][] = (app.authentication?.fields ?? []).map((field) => [`connection field ${field.key}`, field.helpText ?? '']);
  for (const [where, item] of items(app)) {
    texts.push([where, item.display.description ?? ''], [`${where} directions`, item.display.directions ?? '']);
    for (const field of staticFields(item.operation)) texts.push([`${where} field ${field.key}`, field.helpText ?? '']);
  }
  return texts;
}

/** A URL not written as a markdown link `[text](url)` nor inside backticks. */
const BARE_URL = /https?:\/\/[^\s)`\]]+/g;

function bareUrls(text: string): string[] {
  // Drop what is already right: code spans and the targets of markdown links.
  const rest = text.replace(/`[^`]*`/g, '').replace(/\]\(\s*https?:\/\/[^)\s]+\s*\)/g, ']()');
  return rest.match(BARE_URL) ?? [];
}

/** D008: URLs in help text and descriptions are markdown links or in backticks, never bare. */
export const d008UrlsAreMarkdownLinks: Check = (app) =>
  userTexts(app).flatMap(([where, text]) => bareUrls(text).map((url) => ({ rule: 'D008', where, message: `bare URL ${url} (write [text](url), or \`url\`)` })));

/** D023: dates in samples are ISO-8601. */
export const d023IsoDatesInSamples: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    Object.entries(item.operation.sample ?? {})
      .filter(([key, value]) => /_at$/.test(key) && !(typeof value === 'string' && ISO_8601.test(value)))
      .map(([key, value]) => ({ rule: 'D023', where: `${where} sample ${key}`, message: `not ISO-8601: ${JSON.stringify(value)}` })),
  );

/** Whether a sample value has an output field's declared type. */
function hasType(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && ISO_8601.test(value);
    case undefined:
    case 'string':
    case 'text':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return true;
  }
}

/**
 * D024: samples respect outputFields: every sample key is a labelled output field of the declared
 * type (number, integer, boolean, datetime, string). Run on a definition whose dynamic output fields
 * are resolved for the sample's platform (publishing.test.ts), so no field the platform fills is missed.
 */
export const d024SamplesRespectOutputFields: Check = (app) =>
  items(app).flatMap(([where, item]) => {
    const outputs = new Map(staticOutputs(item.operation).map((field) => [field.key, field]));
    return Object.entries(item.operation.sample ?? {})
      .filter(([key]) => key !== 'raw')
      .flatMap(([key, value]) => {
        const field = outputs.get(key);
        if (!field) return [{ rule: 'D024', where: `${where} sample ${key}`, message: 'not among the output fields' }];
        if (!hasType(field.type, value)) return [{ rule: 'D024', where: `${where} sample ${key}`, message: `declared ${field.type ?? 'string'}, sample is ${JSON.stringify(value)}` }];
        return [];
      });
  });

/** Zapier's marketing limit on a trigger's, action's or search's description. */
const MAX_DESCRIPTION = 140;

/**
 * M002: descriptions are under 140 characters and name no vendor: the integration is one app for
 * every platform, so a description speaks of "your platform".
 */
export function m002DescriptionsFor(vendorNames: readonly string[]): Check {
  return (app) =>
    items(app)
      .filter(([, item]) => !item.display.hidden)
      .flatMap(([where, item]) => {
        const description = item.display.description ?? '';
        const named = vendorNames.filter((name) => description.includes(name));
        return [
          ...(description.length >= MAX_DESCRIPTION ? [{ rule: 'M002', where, message: `description is ${description.length} characters (under ${MAX_DESCRIPTION})` }] : []),
          ...named.map((name) => ({ rule: 'M002', where, message: `description names the vendor ${name}` })),
        ];
      });
}

/** Every check, by rule. */
export const CHECKS: Record<string, Check> = {
  D001: d001NoCredentialsInSteps,
  D002: d002HelpLinksToKey,
  D003: d003ConnectionLabel,
  D004: d004IdFieldsHaveDropdowns,
  D005: d005ReferencesResolve,
  D006: d006HooksHavePerformList,
  D007: d007HttpsUrls,
  D008: d008UrlsAreMarkdownLinks,
  'HELP-REDUNDANT': helpTextNotRedundant,
  D009: d009SearchesHaveSearchField,
  D010: d010SamplesWithPrimaryKey,
  'CHOICE-LABELS': choicesHaveLabels,
  D013: d013SearchFieldsResolve,
  D014: d014SearchFieldsAreDropdowns,
  D015: d015SearchOrCreatesResolve,
  D016: d016StaticHooksHaveDirections,
  D017: d017NoStaticHooks,
  D018: d018TitleCaseLabels,
  D021: d021TriggerDescriptions,
  D022: d022ActionsHaveStaticInputs,
  'FIELD-LISTS': createInputsAreFieldLists,
  D023: d023IsoDatesInSamples,
  D024: d024SamplesRespectOutputFields,
  M002: m002DescriptionsFor(PLATFORMS.map((platform) => platform.name)),
};

/**
 * Findings the app accepts, by rule and place, each with why: they are what keeps it from a public
 * listing (docs/development.md, "Zapier's publishing checks"), not mistakes.
 */
export const ACCEPTED: Record<string, string> = {
  'D022 action create_referral':
    'No field is shared by every platform offering Create Referral (UpPromote takes an affiliate and order, PartnerStack a customer email and amount): each platform\'s fields are dynamic.',
  'D022 action mark_payout_paid':
    'No field is shared by every platform offering Mark Payout Paid (UpPromote pays an affiliate, the others a payout): each platform\'s fields are dynamic.',
  'D017 trigger dashboard_webhook':
    'Tamio and ViralRef register webhooks only in their dashboards, so a static webhook is the only instant trigger they can have.',
};
