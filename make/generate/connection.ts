/**
 * The Make base (base URL, auth header, error message) and the connection (key fields, test call).
 * Make applies the base to modules, RPCs and webhook attach/detach, but not to the connection's
 * own test call, which therefore carries the full URL and reads the fields as `parameters.*`.
 */
import type { PlatformDefinition } from '../../platforms/types';
import type { AppFiles } from './app-files';
import { authHeaders, connectionFields, requestOf, resolverFor, sanitizedHeaders } from './context';
import type { IssueLog } from './issues';
import { firstPresent, pathExpression, quote, wrap } from './iml';
import type { JsonRecord } from './json';
import { sentenceCase } from './labels';

/** The vendor's error message: the first of its documented error paths, with the HTTP status. */
export function errorDirective(platform: PlatformDefinition): JsonRecord {
  const message = firstPresent([...platform.errorMessagePaths.map((path) => pathExpression('body', path)), 'statusCode']);
  return {
    message: `[{{statusCode}}] ${platform.name}: ${wrap(message)}`,
    '401': { message: `${platform.name} refused the key: ${wrap(message)}`, type: 'InvalidAccessTokenError' },
    '429': { message: `${platform.name} rate limit reached: ${wrap(message)}`, type: 'RateLimitError' },
  };
}

/** The connection parameter that picks the base URL, for a platform with `baseUrlFallbacks` (e.g. an API v2 or v1). */
export const BASE_URL_PARAM = 'base_url';

function hasFallbacks(platform: PlatformDefinition): boolean {
  return (platform.baseUrlFallbacks?.length ?? 0) > 0;
}

/**
 * IML of the base URL a call uses: the documented `baseUrl`, or for a platform with fallbacks the
 * one the connection chose (`source.base_url`; a connection saved before the parameter existed has
 * none and keeps the documented one).
 */
function baseUrlIml(platform: PlatformDefinition, source: 'connection' | 'parameters'): string {
  return hasFallbacks(platform) ? `{{ifempty(${source}.${BASE_URL_PARAM}, ${quote(platform.baseUrl)})}}` : platform.baseUrl;
}

/**
 * The connection's base URL choice, where the platform's documented base may not be live for every
 * account (`baseUrlFallbacks`): Make has no per-connection memory the Zapier side's fallback
 * (platforms/base-url.ts) could use, so the user picks, the documented one by default, and the test
 * call's 404 says which to pick instead.
 */
function baseUrlParam(platform: PlatformDefinition): JsonRecord[] {
  const fallbacks = platform.baseUrlFallbacks ?? [];
  if (fallbacks.length === 0) return [];
  const host = new URL(platform.baseUrl);
  return [
    {
      name: BASE_URL_PARAM,
      label: 'API base URL',
      type: 'select',
      required: true,
      default: platform.baseUrl,
      options: [{ label: `Documented: ${host.host}${host.pathname}`, value: platform.baseUrl }, ...fallbacks.map((fallback) => ({ label: sentenceCase(fallback.label), value: fallback.url }))],
      help: `${platform.name} documents ${platform.baseUrl}; some accounts answer only at ${fallbacks.map((fallback) => fallback.url).join(' or ')}. Keep the documented one unless saving the connection says ${platform.name} answered 404 there.`,
    },
  ];
}

/** The connection test's 404, for a platform with fallbacks: the chosen base may not be live for this account, so name the others. */
function notLiveError(platform: PlatformDefinition): JsonRecord {
  const others = (platform.baseUrlFallbacks ?? []).map((fallback) => `"${sentenceCase(fallback.label)}"`).join(' or ');
  return {
    message: `${platform.name} answered 404 at ${baseUrlIml(platform, 'parameters')}: this API may not be live for your account. Edit the connection and choose ${others} (or the documented one) in "API base URL", then save it again.`,
  };
}

/** `general/base.iml.json`: e.g. `{ baseUrl: 'https://api.acme.example/v2', headers: { Authorization: '{{connection.api_key}}' }, response: { error } }`. */
export function baseOf(platform: PlatformDefinition, log: IssueLog): JsonRecord {
  return {
    baseUrl: baseUrlIml(platform, 'connection'),
    headers: authHeaders(platform, 'connection', log.for('base')),
    response: { error: errorDirective(platform) },
    log: { sanitize: sanitizedHeaders(platform) },
  };
}

/** Adds the connection `<platform id>` (local id) with its parameters and test call. */
export function addConnection(app: AppFiles, platform: PlatformDefinition, log: IssueLog): string {
  const id = platform.id;
  const report = log.for(`connection ${id}`);
  const test = platform.connectionTest ?? null;
  // Without a published API nothing can check the key: say so instead of pretending to.
  const unchecked = test === null ? ` ${platform.name} publishes no API to test a key against, so Make cannot check this key when you save the connection; only the "Make an API call" module sends it.` : '';
  const params: JsonRecord[] = [
    ...connectionFields(platform).map((field) => ({ name: field.name, label: sentenceCase(field.label), type: field.type, required: true, help: `${field.help}${unchecked}` })),
    ...baseUrlParam(platform),
  ];
  // `connectionTest` may be null (the vendor documents no cheap call): then nothing is called and
  // Make only checks that the fields were filled, as the Zapier connection does.
  let communication: JsonRecord;
  if (test === null) {
    report('warning', `${platform.name} has no connection test endpoint: the Make connection is saved without calling ${platform.name}.`);
    communication = { url: `${platform.baseUrl}/`, method: 'GET', condition: false, log: { sanitize: sanitizedHeaders(platform) } };
  } else {
    const request = requestOf(test, resolverFor(platform, { connectionSource: 'parameters', extra: { limit: { literal: 1 }, page: { literal: 1 } } }), report, platform.baseUrl);
    // The test call carries its full URL (see the header): the base the user chose, where there is a choice.
    if (hasFallbacks(platform)) request.url = `${baseUrlIml(platform, 'parameters')}${String(request.url).slice(platform.baseUrl.length)}`;
    const headers = { ...authHeaders(platform, 'parameters', report) };
    const response: JsonRecord = { error: hasFallbacks(platform) ? { ...errorDirective(platform), '404': notLiveError(platform) } : errorDirective(platform) };
    // Make shows `metadata` beside the connection's name, so a user with several accounts tells them apart.
    if (test.accountPath) response.metadata = { type: 'text', value: wrap(pathExpression('body', test.accountPath)) };
    communication = { ...request, headers, response, log: { sanitize: sanitizedHeaders(platform) } };
  }
  app.add('connection', id, { label: platform.name, connectionType: 'basic' }, { communication, params });
  return id;
}
