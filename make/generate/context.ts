/**
 * Where our `{{name}}` placeholders point on Make: connection fields, module parameters, webhook
 * facts. One resolver per Make context (connection test, module, RPC, attach, detach).
 */
import type { AuthScheme, PlatformDefinition, RequestSpec } from '../../platforms/types';
import type { Reporter } from './issues';
import { placeholdersOf, translateObject, type Binding, type Resolver } from './iml';
import type { Json, JsonRecord } from './json';

/** A connection field of the Make connection, named as in the Zapier auth fields (`api_key`, `public_key`). */
export interface ConnectionField {
  name: string;
  label: string;
  type: 'password' | 'text';
  help: string;
}

function authPlaceholders(auth: AuthScheme): string[] {
  if (auth.type === 'header') return [auth.value, ...Object.values(auth.extraHeaders ?? {})].flatMap((value) => placeholdersOf(value));
  if (auth.type === 'basic') return auth.password === undefined ? [auth.username] : [auth.username, auth.password];
  return [];
}

/** Make's sentence case for a Title Case label: `Public Key` → `Public key`; acronyms stay (`Account ID`). */
function sentenceCase(label: string): string {
  return label.replace(/ (\w+)/g, (word, text: string) => (text === text.toUpperCase() ? word : word.toLowerCase()));
}

/**
 * The connection fields a platform's auth scheme uses, e.g. `[api_key]` or `[public_key, api_key]`:
 * the API key, and each of the platform's extra connection fields with its own label and help
 * (masked when it is a secret).
 */
export function connectionFields(platform: PlatformDefinition): ConnectionField[] {
  const help = `${platform.connection.keyLocation} (${platform.connection.keyHelpUrl})`;
  const secretLabel = platform.auth.type === 'basic' ? 'Secret key' : 'API key';
  const extra = new Map((platform.connection.extraFields ?? []).map((field) => [field.key, field]));
  return [...new Set(authPlaceholders(platform.auth).map((name) => name.replace(/^auth\./, '')))].map((name): ConnectionField => {
    const field = extra.get(name);
    if (field !== undefined) return { name, label: sentenceCase(field.label), type: field.secret ? 'password' : 'text', help: field.helpText };
    return { name, label: name === 'api_key' ? secretLabel : sentenceCase(name.replace(/_/g, ' ')), type: 'password', help: `Your secret API key: ${help}` };
  });
}

/**
 * The auth headers, with connection fields read from `source` (`connection` in modules, `parameters`
 * in the connection's own test call).
 */
export function authHeaders(platform: PlatformDefinition, source: 'connection' | 'parameters', report: Reporter): JsonRecord {
  const auth = platform.auth;
  if (auth.type === 'header') {
    const templates: Record<string, string> = { [auth.header]: auth.value, ...auth.extraHeaders };
    return translateObject(templates, (name) => ({ iml: `${source}.${name.replace(/^auth\./, '')}` }), report) as JsonRecord;
  }
  if (auth.type === 'basic') {
    const password = auth.password === undefined ? "''" : `${source}.${auth.password}`;
    return { Authorization: `Basic {{base64(${source}.${auth.username} + ':' + ${password})}}` };
  }
  report('error', `auth scheme ${JSON.stringify(auth)} has no Make translation (make/generate/context.ts)`);
  return {};
}

/** Header names whose values must not appear in Make's logs. */
export function sanitizedHeaders(platform: PlatformDefinition): string[] {
  const auth = platform.auth;
  const headers = auth.type === 'header' ? [auth.header, ...Object.keys(auth.extraHeaders ?? {})] : ['Authorization'];
  return headers.map((header) => `request.headers.${header.toLowerCase()}`);
}

/** Facts a resolver may know besides connection fields and inputs. */
export interface ResolverOptions {
  /** Input names that become `{{parameters.<name>}}`. */
  inputs?: Iterable<string>;
  /** Extra bindings (`limit`, `page`, `target_url`, `event`…). */
  extra?: Record<string, Binding>;
  /** Where connection fields live in this context. */
  connectionSource?: 'connection' | 'parameters';
}

/** A resolver for one context: extra bindings first, then inputs, then connection fields. */
export function resolverFor(platform: PlatformDefinition, options: ResolverOptions): Resolver {
  const inputs = new Set(options.inputs ?? []);
  const fields = new Set(connectionFields(platform).map((field) => field.name));
  const source = options.connectionSource ?? 'connection';
  return (name) => {
    if (options.extra && Object.hasOwn(options.extra, name)) return options.extra[name];
    if (inputs.has(name)) return { iml: `parameters.${name}` };
    const bare = name.replace(/^auth\./, '');
    if (fields.has(bare) || name.startsWith('auth.')) return { iml: `${source}.${bare}` };
    return undefined;
  };
}

/** Our request spec as a Make request: relative `url` (the base adds the host), method, qs, body. POST/PUT/PATCH always carry a body. */
export function requestOf(spec: RequestSpec, resolve: Resolver, report: Reporter, absoluteBase?: string): JsonRecord {
  const path = spec.path.startsWith('/') ? spec.path : `/${spec.path}`;
  // A fixed list (e.g. `expand[]: ['sale']`) goes into the URL as `key=value` per item, so it
  // reaches the vendor exactly as documented: how Make's `qs` serializes an array is not documented.
  const query = Object.entries(spec.query ?? {});
  const fixedLists = query.filter(([, value]) => Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number') && placeholdersOf(value).length === 0);
  const listed = fixedLists.flatMap(([key, value]) => (value as (string | number)[]).map((item) => `${key}=${item}`)).join('&');
  const url = translateObject({ url: `${absoluteBase ?? ''}${path}${listed === '' ? '' : `${path.includes('?') ? '&' : '?'}${listed}`}` }, resolve, report).url;
  const out: JsonRecord = { url, method: spec.method };
  const rest = query.filter((entry) => !fixedLists.includes(entry));
  if (rest.length > 0) out.qs = translateObject(Object.fromEntries(rest), resolve, report);
  const needsBody = spec.method === 'POST' || spec.method === 'PUT' || spec.method === 'PATCH';
  if (spec.body) out.body = translateObject(spec.body, resolve, report);
  else if (needsBody) out.body = {};
  if (out.body !== undefined) out.type = spec.encoding === 'form' ? 'urlencoded' : 'json';
  return out;
}

/** The inputs a request names, for checks that every one is a module parameter. */
export function requestPlaceholders(spec: RequestSpec): string[] {
  return [spec.path, spec.query ?? {}, spec.body ?? {}].flatMap((part) => placeholdersOf(part as Json));
}
