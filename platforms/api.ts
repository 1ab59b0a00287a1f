/**
 * Sends a platform's `RequestSpec` through zapier-platform-core's `z.request` (so credentials,
 * error mapping and logging come from the app's middleware) and returns the parsed body.
 */
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { encodeForm } from './form-encoding';
import { getPath } from './paths';
import { redact } from './redact';
import { parseJsonExact } from './schemas';
import type { PlatformDefinition, RequestSpec, Template } from './types';
import { renderObject, renderPath, TemplateValueError, type Scope } from './template';
import { baseUrlCandidates, connectionBaseUrl } from './base-url';

/**
 * The environment variable that points every platform at the local emulator instead of the
 * vendor (the playground and the end-to-end test set it). Its value is the emulator's origin,
 * e.g. `http://127.0.0.1:4010`; each platform is then served under `/<platform id>` plus the path
 * of its real base URL. Zapier never sets it.
 */
export const EMULATOR_ENV = 'AFFILIATE_HUB_EMULATOR_URL';

/**
 * The platform's API base URL, without trailing slash (the emulator's when EMULATOR_ENV is set).
 * @param base one of the platform's candidate base URLs (platforms/base-url.ts); default `baseUrl`
 */
export function baseUrlOf(platform: PlatformDefinition, base: string = platform.baseUrl): string {
  const emulator = process.env[EMULATOR_ENV];
  if (!emulator) return base;
  // A base without a path (`https://api.example.com`) has the pathname `/`: no trailing slash either way.
  return `${emulator.replace(/\/$/, '')}/${platform.id}${new URL(base).pathname.replace(/\/$/, '')}`;
}

/** Every base URL the platform's calls may go to (emulator-mapped like `baseUrlOf`): what the middleware adds credentials for. */
export function baseUrlsOf(platform: PlatformDefinition): string[] {
  return baseUrlCandidates(platform).map((base) => baseUrlOf(platform, base));
}

/** How long a vendor may take to answer one request, in milliseconds; below Zapier's own 30 s limit so the user sees why. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Errors zapier-platform-core raises on purpose (vendor errors mapped by the middleware): passed on as they are. */
const APP_ERRORS = new Set(['AppError', 'ExpiredAuthError', 'ThrottledError', 'HaltedError', 'RefreshAuthError', 'ResponseError']);

/** A failure to reach the vendor at all (DNS, refused connection, timeout), as a message naming the platform. */
function unreachable(z: ZObject, platform: PlatformDefinition, spec: RequestSpec, error: unknown): Error {
  const timedOut = error instanceof Error && /timeout|timed out|ETIMEDOUT/i.test(`${error.name} ${error.message}`);
  const reason = timedOut ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : 'could not be reached';
  return new z.errors.Error(
    `${platform.name} ${reason} (${spec.method} ${spec.path}). This is usually temporary: try again in a few minutes.`,
    'VendorUnavailable',
    503,
  );
}

/** The parsed response of a platform call. */
export interface ApiResponse {
  status: number;
  /**
   * Parsed JSON body (integers beyond 2^53 kept as exact text, see `parseJsonExact`), or undefined
   * when the body was empty or not JSON.
   */
  data: unknown;
  /** The body as received (for messages about a body that is not JSON). */
  content: string;
  /** The `Link` header (RFC 8288), where the answer has one: some vendors name their next page there. */
  link?: string;
}

/** What a caller may change about one call beyond the spec and its scope. */
export interface CallOptions {
  /** Error statuses the caller handles itself (e.g. 404 on unsubscribe); others are thrown by the app's afterResponse. */
  acceptStatuses?: readonly number[];
  /**
   * A body sent byte for byte instead of the spec's JSON template (a delivery forwarded for
   * verification); as a stream, core's HTTP log shows `<streaming data>` instead of its text.
   */
  rawBody?: string | NodeJS.ReadableStream;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The error for a vendor that cannot be reached, when the caller words it for its own purpose. */
  unreachable?: (reason: string) => Error;
  /**
   * Secrets this call sends besides the connection's credentials (a webhook secret we chose, the
   * token in a target URL): removed from every message quoting the vendor's answer.
   */
  secrets?: readonly (string | undefined)[];
  /**
   * The caller reports an outcome from this answer (an action, a list): a 2xx body that is not
   * JSON, or whose envelope (the platform's `envelope`) says failure, is an error naming the platform.
   */
  confirm?: boolean;
  /** The base URL to call instead of the connection's (the connection test trying each candidate). */
  baseUrl?: string;
}

/** What the middleware reads from a request (platforms/middleware.ts). */
export interface CallMiddlewareData {
  acceptStatuses: readonly number[];
  secrets: readonly string[];
}

/** A rendered request: its path, the URL with the rendered query below the platform's base URL, and the encoded body. */
interface RenderedRequest {
  path: string;
  url: string;
  body?: { text: string; contentType: string };
}

/**
 * Renders the spec against the scope.
 * @throws z.errors.Error (InvalidInput) naming the platform and the input when a value is missing
 *   from the path or cannot be sent where the template puts it (`TemplateValueError`)
 */
function renderRequest(z: ZObject, platform: PlatformDefinition, spec: RequestSpec, scope: Scope, base: string): RenderedRequest {
  try {
    const path = renderPath(spec.path, scope);
    // The query is serialized here, not handed to core as `params`: core blanks any `{{…}}` in params.
    const query = spec.query ? encodeForm(renderObject(spec.query, scope), spec.query) : '';
    const body = spec.body ? encodeBody(spec, spec.body, scope) : undefined;
    return { path, url: baseUrlOf(platform, base) + path + (query === '' ? '' : `?${query}`), body };
  } catch (error) {
    if (!(error instanceof TemplateValueError)) throw error;
    const text = /^Missing value/.test(error.message) ? `needs a value this step did not provide: ${error.message}` : `cannot use a value of this step: ${error.message}`;
    throw new z.errors.Error(`${platform.name} ${text}.`, 'InvalidInput', 400);
  }
}

/** The 2xx answer's own verdict: a message when it says (or cannot show) that the call succeeded, else undefined. */
function envelopeFailure(platform: PlatformDefinition, response: ApiResponse): string | undefined {
  if (response.data === undefined) return response.content.trim() === '' ? undefined : 'an answer that is not JSON';
  const { successPath, statusPath } = platform.envelope ?? {};
  if (successPath !== undefined && getPath(response.data, successPath) === false) return 'an error';
  const code = statusPath === undefined ? undefined : getPath(response.data, statusPath);
  const number = typeof code === 'number' ? code : typeof code === 'string' && /^\d+$/.test(code.trim()) ? Number(code) : undefined;
  if (number !== undefined && (number < 200 || number > 299)) return `an error (status ${number})`;
  return undefined;
}

/**
 * Calls the vendor. The rendered query and body reach the vendor exactly as rendered: core's
 * `{{…}}` handling (it blanks curlies in params and bodies, and refuses `{{bundle.…}}` and
 * `{{process.…}}` anywhere) is turned off with `merge: false`, the body is sent already
 * serialized, and the query is put into the URL here. User text such as `{{email}}` is text.
 * @param scope values for the spec's placeholders
 * @throws z.errors.Error / ExpiredAuthError / ThrottledError from the middleware (platforms/middleware.ts);
 *   z.errors.Error naming the platform when it cannot be reached or does not answer in time, when
 *   a path value is missing or a dot segment, when a value cannot be sent where its template puts
 *   it (an object or a lone surrogate in a form field or the query, a non-integer for `| integer`:
 *   the message names the input, not its value), and (with `confirm`) when a 2xx answer is not
 *   JSON or its envelope says failure
 */
export async function callPlatform(
  z: ZObject,
  platform: PlatformDefinition,
  spec: RequestSpec,
  scope: Scope,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const base = options.baseUrl ?? (await connectionBaseUrl(z, platform));
  const { path, url, body: rendered } = renderRequest(z, platform, spec, scope, base);
  const secrets = (options.secrets ?? []).filter((secret): secret is string => typeof secret === 'string' && secret !== '');
  const body = options.rawBody ?? rendered?.text;
  const headers = { ...(rendered !== undefined && options.rawBody === undefined ? { 'Content-Type': rendered.contentType } : {}), ...options.headers };
  const middlewareData: CallMiddlewareData = { acceptStatuses: options.acceptStatuses ?? [], secrets };
  let response: ApiResponse;
  try {
    const request: CoreRequest = { method: spec.method, url, body, headers, timeout: REQUEST_TIMEOUT_MS, merge: false, middlewareData };
    const answer = await z.request(request);
    const content = typeof answer.content === 'string' ? answer.content : '';
    const link = answer.getHeader?.('link');
    response = { status: answer.status, data: parseOrUndefined(content), content, ...(typeof link === 'string' ? { link } : {}) };
  } catch (error) {
    if (error instanceof Error && APP_ERRORS.has(error.name)) throw error;
    if (options.unreachable) throw options.unreachable(redact(error instanceof Error ? error.message : String(error), secrets));
    throw unreachable(z, platform, spec, error);
  }
  if (options.confirm && response.status >= 200 && response.status < 300) {
    const failure = envelopeFailure(platform, response);
    if (failure !== undefined) {
      const quoted = redact(vendorText(platform, response), secrets);
      throw new z.errors.Error(
        `${platform.name} answered ${spec.method} ${redact(path, secrets)} (HTTP ${response.status}) with ${failure}, so it is not known to have worked ("${quoted}").`,
        'VendorError',
        502,
      );
    }
  }
  return response;
}

/**
 * A request as core takes it. `merge: false` is core's own switch (prepare-request.js) that skips
 * its `{{…}}` pass and the (unused) app request template; its typings do not list it.
 */
type CoreRequest = HttpRequestOptions & { url: string; merge: boolean };

/** Core's JSON content type, which it set itself when it serialized bodies. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The body rendered and encoded as sent: JSON, or form fields serialized as the query is (`encodeForm`: an array repeats its field). */
function encodeBody(spec: RequestSpec, template: Record<string, Template>, scope: Scope): { text: string; contentType: string } {
  const body = renderObject(template, scope);
  if (spec.encoding === 'form') return { text: encodeForm(body, template), contentType: 'application/x-www-form-urlencoded' };
  return { text: JSON.stringify(body), contentType: JSON_CONTENT_TYPE };
}

function parseOrUndefined(content: string): unknown {
  if (content.trim() === '') return undefined;
  try {
    return parseJsonExact(content);
  } catch {
    return undefined;
  }
}

/** The vendor's message in a 2xx error answer: its message paths, else the start of the body. */
function vendorText(platform: PlatformDefinition, response: ApiResponse): string {
  for (const path of platform.errorMessagePaths) {
    const value = getPath(response.data, path);
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 300);
  }
  const text = response.content.trim();
  return text === '' ? 'no message' : text.slice(0, 300);
}
