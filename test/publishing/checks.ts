/**
 * The integration checks Zapier's reviewers run that can be judged from the app definition alone
 * (https://docs.zapier.com/platform/publish/integration-checks-reference), each a small named
 * function returning findings that name the trigger, action, search or field at fault.
 */

/** One problem: which rule, where, and what is wrong. */
export interface Finding {
  rule: string;
  where: string;
  message: string;
}

type Field = { key: string; label?: string; helpText?: string; required?: boolean; dynamic?: string; search?: string; type?: string };
type OutputField = { key: string; label?: string; type?: string };
type Operation = {
  type?: string;
  inputFields?: unknown;
  outputFields?: OutputField[];
  sample?: Record<string, unknown>;
  performSubscribe?: unknown;
  performList?: unknown;
};
type Item = { key: string; display: { label: string; description: string; hidden?: boolean }; operation: Operation };

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
const EXTERNAL_IDS = new Set(['order_id']);

function items(app: AppDefinition): [string, Item][] {
  return [
    ...Object.values(app.triggers ?? {}).map((item): [string, Item] => [`trigger ${item.key}`, item]),
    ...Object.values(app.creates ?? {}).map((item): [string, Item] => [`action ${item.key}`, item]),
    ...Object.values(app.searches ?? {}).map((item): [string, Item] => [`search ${item.key}`, item]),
  ];
}

function staticFields(operation: Operation): Field[] {
  return Array.isArray(operation.inputFields) ? (operation.inputFields as Field[]) : [];
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/\]\((\S+?)\)|\b(https?:\/\/[^\s)]+)/g)].map((match) => match[1] ?? match[2]);
}

export function isTitleCase(label: string): boolean {
  return label.split(/\s+/).every((word, index) => /^[A-Z0-9(]/.test(word) || (index > 0 && SMALL_WORDS.has(word)));
}

/** D002: the API key's help text links to where the user finds it. */
export const d002HelpLinksToKey: Check = (app) =>
  (app.authentication?.fields ?? [])
    .filter((field) => field.type === 'password' && field.required)
    .filter((field) => urlsIn(field.helpText ?? '').length === 0)
    .map((field) => ({ rule: 'D002', where: `connection field ${field.key}`, message: 'help text has no link to where the key is shown' }));

/** D003: the connection has a label, so users can tell connections apart. */
export const d003ConnectionLabel: Check = (app) =>
  app.authentication?.connectionLabel ? [] : [{ rule: 'D003', where: 'connection', message: 'no connection label' }];

/** D004: inputs that take a vendor id offer a dropdown (or a search). */
export const d004IdFieldsHaveDropdowns: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    staticFields(item.operation)
      .filter((field) => ID_KEYS.test(field.key) && !EXTERNAL_IDS.has(field.key) && !field.dynamic && !field.search)
      .map((field) => ({ rule: 'D004', where: `${where} field ${field.key}`, message: 'takes an id but has no dynamic dropdown' })),
  );

/** D005 / D013: dynamic dropdowns and search-or-create pairs point at things that exist. */
export const d005ReferencesResolve: Check = (app) => {
  const findings: Finding[] = [];
  for (const [where, item] of items(app)) {
    for (const field of staticFields(item.operation)) {
      if (!field.dynamic) continue;
      const [trigger, idField, labelField] = field.dynamic.split('.');
      const target = app.triggers?.[trigger];
      const outputs = new Set((target?.operation.outputFields ?? []).map((output) => output.key));
      if (!target || !idField || !labelField || !outputs.has(idField) || !outputs.has(labelField)) {
        findings.push({ rule: 'D005', where: `${where} field ${field.key}`, message: `dynamic "${field.dynamic}" does not resolve` });
      }
    }
  }
  for (const pair of Object.values(app.searchOrCreates ?? {})) {
    if (!app.searches?.[pair.search] || !app.creates?.[pair.create] || pair.key !== pair.search) {
      findings.push({ rule: 'D013', where: `search-or-create ${pair.key}`, message: 'search or create does not exist, or key differs from the search' });
    }
  }
  return findings;
};

/** D006: every REST hook has performList, so the user can test with real data. */
export const d006HooksHavePerformList: Check = (app) =>
  Object.values(app.triggers ?? {})
    .filter((trigger) => trigger.operation.type === 'hook' && trigger.operation.performSubscribe && typeof trigger.operation.performList !== 'function')
    .map((trigger) => ({ rule: 'D006', where: `trigger ${trigger.key}`, message: 'REST hook without performList' }));

/** D007: every URL shown to the user is https. */
export const d007HttpsUrls: Check = (app) => {
  const texts: [string, string][] = (app.authentication?.fields ?? []).map((field) => [`connection field ${field.key}`, field.helpText ?? '']);
  for (const [where, item] of items(app)) {
    texts.push([where, item.display.description]);
    for (const field of staticFields(item.operation)) texts.push([`${where} field ${field.key}`, field.helpText ?? '']);
  }
  return texts.flatMap(([where, text]) =>
    urlsIn(text)
      .filter((url) => !url.startsWith('https://'))
      .map((url) => ({ rule: 'D007', where, message: `non-https URL ${url}` })),
  );
};

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

/** D018: labels are Title Case. */
export const d018TitleCaseLabels: Check = (app) => {
  const labels: [string, string][] = items(app).map(([where, item]) => [where, item.display.label]);
  for (const [where, item] of items(app)) for (const field of staticFields(item.operation)) labels.push([`${where} field ${field.key}`, field.label ?? '']);
  for (const field of app.authentication?.fields ?? []) labels.push([`connection field ${field.key}`, field.label ?? '']);
  for (const [where, item] of items(app)) for (const field of item.operation.outputFields ?? []) labels.push([`${where} output ${field.key}`, field.label ?? '']);
  return labels.filter(([, label]) => !isTitleCase(label)).map(([where, label]) => ({ rule: 'D018', where, message: `label "${label}" is not Title Case` }));
};

/** D021: trigger descriptions start "Triggers when". */
export const d021TriggerDescriptions: Check = (app) =>
  Object.values(app.triggers ?? {})
    .filter((trigger) => !trigger.display.description.startsWith('Triggers when'))
    .map((trigger) => ({ rule: 'D021', where: `trigger ${trigger.key}`, message: 'description does not start "Triggers when"' }));

/** D022: actions have static input fields (a function would hide them from the editor's first load). */
export const d022StaticCreateInputs: Check = (app) =>
  Object.values(app.creates ?? {})
    .filter((create) => !Array.isArray(create.operation.inputFields) || (create.operation.inputFields as unknown[]).some((field) => typeof field === 'function'))
    .map((create) => ({ rule: 'D022', where: `action ${create.key}`, message: 'input fields are not static' }));

/** D023: dates in samples are ISO-8601. */
export const d023IsoDatesInSamples: Check = (app) =>
  items(app).flatMap(([where, item]) =>
    Object.entries(item.operation.sample ?? {})
      .filter(([key, value]) => /_at$/.test(key) && !(typeof value === 'string' && ISO_8601.test(value)))
      .map(([key, value]) => ({ rule: 'D023', where: `${where} sample ${key}`, message: `not ISO-8601: ${JSON.stringify(value)}` })),
  );

/** D024: samples respect outputFields: every sample key is a labelled output field of the declared type. */
export const d024SamplesRespectOutputFields: Check = (app) =>
  items(app).flatMap(([where, item]) => {
    const outputs = new Map((item.operation.outputFields ?? []).map((field) => [field.key, field]));
    return Object.entries(item.operation.sample ?? {})
      .filter(([key]) => key !== 'raw')
      .flatMap(([key, value]) => {
        const field = outputs.get(key);
        if (!field) return [{ rule: 'D024', where: `${where} sample ${key}`, message: 'not among the output fields' }];
        if (field.type === 'number' && typeof value !== 'number') return [{ rule: 'D024', where: `${where} sample ${key}`, message: 'declared number, sample is not' }];
        return [];
      });
  });

/** Every check, by rule. */
export const CHECKS: Record<string, Check> = {
  D002: d002HelpLinksToKey,
  D003: d003ConnectionLabel,
  D004: d004IdFieldsHaveDropdowns,
  D005: d005ReferencesResolve,
  D006: d006HooksHavePerformList,
  D007: d007HttpsUrls,
  D009: d009SearchesHaveSearchField,
  D010: d010SamplesWithPrimaryKey,
  D018: d018TitleCaseLabels,
  D021: d021TriggerDescriptions,
  D022: d022StaticCreateInputs,
  D023: d023IsoDatesInSamples,
  D024: d024SamplesRespectOutputFields,
};
