/**
 * Offline validation of a generated Make app directory:
 * 1. every file passes Make's published JSON schema for its kind (from `../shared/make-schemas/`,
 *    read at run time; skipped with a message when that folder is absent), and
 * 2. checks of our own for what the schemas miss: files named in `makecomapp.json` exist, `rpc://`,
 *    connection and webhook references resolve, module and RPC names are letters and digits,
 *    every POST / PUT / PATCH has a body, `{{ }}` are balanced, IML names only variables Make
 *    provides (a leftover `{{referral_id}}` of our own templates is caught; `payload` only in an
 *    instant trigger's communication), and no webhook communication reads `connection.` (Make gives it none).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';

/** The repository root: the nearest folder above this file with package.json and tsconfig.json (works from make/ and dist/make/). */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  // dist/ holds a copy of package.json (index.ts imports it), so the root is where tsconfig.json is too.
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.json'))) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the schemas live: `../shared/make-schemas/` relative to the repository root. */
export const DEFAULT_SCHEMAS_DIR = join(repoRoot(), '..', 'shared', 'make-schemas');

/** Result of validating one app directory. */
export interface ValidationResult {
  appDir: string;
  /** Files checked against a schema, or why the schema part was skipped. */
  schema: { checked: number; skipped?: string };
  /** `path: message` lines; empty when the app is valid. */
  errors: string[];
}

/** File-name suffix → schema file, as make-schemas/README.md assigns them. */
const SCHEMA_BY_SUFFIX: readonly [RegExp, string][] = [
  [/(^|\/)makecomapp\.json$/, 'makecomapp.schema.json'],
  [/(^|\/)base\.iml\.json$/, 'base.json'],
  [/\.(communication|attach|detach|publish)\.iml\.json$/, 'api.json'],
  [/\.(params|mappable-params|interface)\.iml\.json$/, 'parameters.json'],
  [/\.samples\.iml\.json$/, 'samples.json'],
  [/\.scope-list\.iml\.json$/, 'scopes.json'],
  [/\.(default-scope|required-scope)\.iml\.json$/, 'scope.json'],
  [/\.epoch\.iml\.json$/, 'epoch.json'],
  [/\.oauth-communication\.iml\.json$/, 'api-oauth.json'],
  [/(^|\/)common\.json$/, 'common.json'],
  [/(^|\/)groups\.json$/, 'groups.json'],
];

/** The schema file for an app file, or undefined when none applies (the readme). */
export function schemaFor(path: string): string | undefined {
  return SCHEMA_BY_SUFFIX.find(([pattern]) => pattern.test(path))?.[1];
}

/** Compiles every schema of the folder, registered under its file name so relative `$ref`s resolve. */
export function loadSchemas(schemasDir: string): Map<string, ValidateFunction> | string {
  if (!existsSync(schemasDir)) return `schema validation skipped: ${schemasDir} not found (clone the shared folder beside the repository to enable it)`;
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, unicodeRegExp: false, allErrors: true, validateFormats: false });
  ajv.addKeyword('errorMessage');
  ajv.addKeyword('doNotSuggest');
  const names = readdirSync(schemasDir).filter((name) => name.endsWith('.json'));
  for (const name of names) ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, name), 'utf8')) as object, name);
  const out = new Map<string, ValidateFunction>();
  for (const name of names) {
    const validate = ajv.getSchema(name);
    if (validate) out.set(name, validate);
  }
  return out;
}

function readJsonc(path: string): { value: unknown; error?: string } {
  const errors: ParseError[] = [];
  const value: unknown = parse(readFileSync(path, 'utf8'), errors, { allowTrailingComma: true });
  return errors.length > 0 ? { value, error: `not valid JSON(C) at offset ${errors[0].offset}` } : { value };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return [...Object.keys(value), ...Object.values(value).flatMap(strings)];
  return [];
}

/** The `{{…}}` expressions of a string, or an error when the braces do not balance. */
export function imlExpressions(text: string): { expressions: string[]; error?: string } {
  const expressions: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    const close = text.indexOf('}}', at);
    if (open === -1) return close === -1 ? { expressions } : { expressions, error: `"}}" without "{{" in ${JSON.stringify(text)}` };
    if (close !== -1 && close < open) return { expressions, error: `"}}" without "{{" in ${JSON.stringify(text)}` };
    const end = text.indexOf('}}', open + 2);
    if (end === -1) return { expressions, error: `"{{" without "}}" in ${JSON.stringify(text)}` };
    const inner = text.slice(open + 2, end);
    if (inner.includes('{{')) return { expressions, error: `nested "{{" in ${JSON.stringify(text)}` };
    expressions.push(inner);
    at = end + 2;
  }
}

/** Variables and keywords IML offers in app files. Anything else at the root of an expression is an error. */
const IML_NAMES = new Set([
  'parameters', 'connection', 'body', 'item', 'webhook', 'query', 'headers', 'temp', 'data', 'statusCode', 'output', 'common',
  // `emptyarray` is a scenario keyword, not among the variables Make lists for apps, so it is refused.
  'now', 'timestamp', 'emptystring', 'null', 'true', 'false', 'uuid', 'environment', 'scenario', 'iterate', 'index',
  // A query value Make leaves out: a polling trigger's window without `data.lastDate` (Make's polling-trigger guide).
  'undefined',
  // The pagination directive's page counter (developers.make.com, API → pagination).
  'pagination',
  // The webhook's output, in an instant trigger module's communication only (checked below).
  'payload',
]);

/** Root names an IML expression reads (identifiers not after a dot, not calls, outside quotes). */
export function imlRootNames(expression: string): string[] {
  const bare = expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  const names: string[] = [];
  for (const match of bare.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const before = bare[(match.index ?? 0) - 1];
    const after = bare.slice((match.index ?? 0) + match[0].length).trimStart();
    if (before === '.' || after.startsWith('(')) continue;
    if (before !== undefined && /[0-9]/.test(before)) continue;
    names.push(match[0]);
  }
  return names;
}

function requests(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

const NAME = /^[A-Za-z0-9]+$/;

/**
 * Validates the app in `appDir`.
 * @param schemas compiled schemas (loadSchemas), or the reason they are unavailable
 */
export function validateApp(appDir: string, schemas: Map<string, ValidateFunction> | string): ValidationResult {
  const errors: string[] = [];
  const result: ValidationResult = { appDir, schema: { checked: 0 }, errors };
  if (typeof schemas === 'string') result.schema.skipped = schemas;
  const manifestPath = join(appDir, 'makecomapp.json');
  if (!existsSync(manifestPath)) {
    errors.push('makecomapp.json: missing');
    return result;
  }
  const manifest = readJsonc(manifestPath);
  if (manifest.error || !isObject(manifest.value)) {
    errors.push(`makecomapp.json: ${manifest.error ?? 'not an object'}`);
    return result;
  }
  const files = new Map<string, string>([['makecomapp.json', 'manifest']]);
  const general = isObject(manifest.value.generalCodeFiles) ? manifest.value.generalCodeFiles : {};
  for (const [code, path] of Object.entries(general)) if (typeof path === 'string') files.set(path, `general ${code}`);
  const components = isObject(manifest.value.components) ? manifest.value.components : {};
  const ids = (type: string): Set<string> => new Set(Object.keys(isObject(components[type]) ? components[type] : {}));
  const connections = ids('connection');
  const webhooks = ids('webhook');
  const rpcs = ids('rpc');
  const webhookCommunications = new Set<string>();
  const instantTriggerCommunications = new Set<string>();
  const apiFiles = new Set<string>(typeof general.base === 'string' ? [general.base] : []);
  for (const [type, entries] of Object.entries(components)) {
    if (!isObject(entries)) continue;
    for (const [id, meta] of Object.entries(entries)) {
      const where = `makecomapp.json ${type} ${id}`;
      if ((type === 'module' || type === 'rpc') && !NAME.test(id)) errors.push(`${where}: name must be letters and digits only`);
      if (!isObject(meta)) continue;
      for (const key of ['connection', 'altConnection'] as const) {
        const ref = meta[key];
        if (typeof ref === 'string' && !connections.has(ref)) errors.push(`${where}: ${key} "${ref}" is no connection of this app`);
      }
      const webhook = meta.webhook;
      if (typeof webhook === 'string' && !webhooks.has(webhook)) errors.push(`${where}: webhook "${webhook}" is no webhook of this app`);
      if (meta.moduleType === 'instant_trigger' && typeof webhook !== 'string') errors.push(`${where}: an instant trigger needs a webhook`);
      const codeFiles = isObject(meta.codeFiles) ? meta.codeFiles : {};
      for (const [code, path] of Object.entries(codeFiles)) {
        if (typeof path !== 'string') continue;
        files.set(path, `${type} ${id} ${code}`);
        if (['communication', 'attach', 'detach'].includes(code)) apiFiles.add(path);
        if (type === 'webhook' && code === 'communication') webhookCommunications.add(path);
        if (type === 'module' && meta.moduleType === 'instant_trigger' && code === 'communication') instantTriggerCommunications.add(path);
      }
    }
  }
  for (const [path, owner] of files) {
    const full = join(appDir, path);
    if (!existsSync(full)) {
      errors.push(`${path}: named by ${owner} but missing`);
      continue;
    }
    if (!path.endsWith('.json')) continue;
    const parsed = readJsonc(full);
    if (parsed.error) {
      errors.push(`${path}: ${parsed.error}`);
      continue;
    }
    const schemaName = schemaFor(path);
    if (typeof schemas !== 'string') {
      const validate = schemaName ? schemas.get(schemaName) : undefined;
      if (schemaName && !validate) errors.push(`${path}: schema ${schemaName} not found`);
      else if (!schemaName) errors.push(`${path}: no schema applies to this file name`);
      else if (validate) {
        result.schema.checked += 1;
        if (!validate(parsed.value)) {
          for (const error of validate.errors ?? []) errors.push(`${path}: ${schemaName} ${error.instancePath || '/'} ${error.message ?? ''}`);
        }
      }
    }
    for (const text of strings(parsed.value)) {
      const { expressions, error } = imlExpressions(text);
      if (error) errors.push(`${path}: unbalanced IML braces: ${error}`);
      for (const expression of expressions) {
        for (const name of imlRootNames(expression)) {
          if (!IML_NAMES.has(name)) errors.push(`${path}: IML reads "${name}", which Make does not provide (in {{${expression}}})`);
          else if (name === 'payload' && !instantTriggerCommunications.has(path)) {
            errors.push(`${path}: IML reads "payload", which Make provides only in an instant trigger's communication (in {{${expression}}})`);
          }
        }
        if (webhookCommunications.has(path) && /(^|[^.\w])connection\./.test(expression)) {
          errors.push(`${path}: webhook communication reads connection (Make gives webhooks no connection): {{${expression}}}`);
        }
      }
      const rpc = /^rpc:\/\/([^?/]+)/.exec(text);
      if (rpc && !rpcs.has(rpc[1])) errors.push(`${path}: ${text} names no RPC of this app`);
    }
    if (apiFiles.has(path)) {
      for (const request of requests(parsed.value)) {
        const method = typeof request.method === 'string' ? request.method.toUpperCase() : 'GET';
        if (['POST', 'PUT', 'PATCH'].includes(method) && request.body === undefined) errors.push(`${path}: ${method} request without a body`);
      }
    }
  }
  return result;
}
