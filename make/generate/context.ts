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
  if (auth.type === 'header') return placeholdersOf(auth.value);
  if (auth.type === 'basic') return [auth.username, auth.password];
  return [];
}

/** The connection fields a platform's auth scheme uses, e.g. `[api_key]` or `[public_key, api_key]`. */
export function connectionFields(platform: PlatformDefinition): ConnectionField[] {
  const help = `${platform.connection.keyLocation} (${platform.connection.keyHelpUrl})`;
  const secretLabel = platform.auth.type === 'basic' ? 'Secret Key' : 'API Key';
  return [...new Set(authPlaceholders(platform.auth).map((name) => name.replace(/^auth\./, '')))].map((name) => ({
    name,
    label: name === 'api_key' ? secretLabel : name === 'public_key' ? 'Public Key' : name.replace(/_/g, ' '),
    type: name === 'public_key' ? 'text' : 'password',
    help: `${name === 'public_key' ? 'Your public key' : 'Your secret API key'}: ${help}`,
  }));
}

/**
 * The auth headers, with connection fields read from `source` (`connection` in modules, `parameters`
 * in the connection's own test call).
 */
export function authHeaders(platform: PlatformDefinition, source: 'connection' | 'parameters', report: Reporter): JsonRecord {
  const auth = platform.auth;
  if (auth.type === 'header') {
    const value = translateObject({ v: auth.value }, (name) => ({ iml: `${source}.${name.replace(/^auth\./, '')}` }), report).v;
    return { [auth.header]: value };
  }
  if (auth.type === 'basic') return { Authorization: `Basic {{base64(${source}.${auth.username} + ':' + ${source}.${auth.password})}}` };
  report('error', `auth scheme ${JSON.stringify(auth)} has no Make translation (make/generate/context.ts)`);
  return {};
}

/** Header names whose values must not appear in Make's logs. */
export function sanitizedHeaders(platform: PlatformDefinition): string[] {
  const header = platform.auth.type === 'header' ? platform.auth.header : 'Authorization';
  return [`request.headers.${header.toLowerCase()}`];
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
  const url = translateObject({ url: `${absoluteBase ?? ''}${path}` }, resolve, report).url;
  const out: JsonRecord = { url, method: spec.method };
  if (spec.query && Object.keys(spec.query).length > 0) out.qs = translateObject(spec.query, resolve, report);
  const needsBody = spec.method === 'POST' || spec.method === 'PUT' || spec.method === 'PATCH';
  if (spec.body) out.body = translateObject(spec.body, resolve, report);
  else if (needsBody) out.body = {};
  if (out.body !== undefined) out.type = 'json';
  return out;
}

/** The inputs a request names, for checks that every one is a module parameter. */
export function requestPlaceholders(spec: RequestSpec): string[] {
  return [spec.path, spec.query ?? {}, spec.body ?? {}].flatMap((part) => placeholdersOf(part as Json));
}
