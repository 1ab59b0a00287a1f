/**
 * The Make base (base URL, auth header, error message) and the connection (key fields, test call).
 * Make applies the base to modules, RPCs and webhook attach/detach, but not to the connection's
 * own test call, which therefore carries the full URL and reads the fields as `parameters.*`.
 */
import type { PlatformDefinition } from '../../platforms/types';
import type { AppFiles } from './app-files';
import { authHeaders, connectionFields, requestOf, resolverFor, sanitizedHeaders } from './context';
import type { IssueLog } from './issues';
import { firstPresent, pathExpression, wrap } from './iml';
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

/** `general/base.iml.json`: e.g. `{ baseUrl: 'https://api.acme.example/v2', headers: { Authorization: '{{connection.api_key}}' }, response: { error } }`. */
export function baseOf(platform: PlatformDefinition, log: IssueLog): JsonRecord {
  return {
    baseUrl: platform.baseUrl,
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
  const params = connectionFields(platform).map((field) => ({ name: field.name, label: sentenceCase(field.label), type: field.type, required: true, help: `${field.help}${unchecked}` }));
  // `connectionTest` may be null (the vendor documents no cheap call): then nothing is called and
  // Make only checks that the fields were filled, as the Zapier connection does.
  let communication: JsonRecord;
  if (test === null) {
    report('warning', `${platform.name} has no connection test endpoint: the Make connection is saved without calling ${platform.name}.`);
    communication = { url: `${platform.baseUrl}/`, method: 'GET', condition: false, log: { sanitize: sanitizedHeaders(platform) } };
  } else {
    const request = requestOf(test, resolverFor(platform, { connectionSource: 'parameters', extra: { limit: { literal: 1 }, page: { literal: 1 } } }), report, platform.baseUrl);
    const headers = { ...authHeaders(platform, 'parameters', report) };
    const response: JsonRecord = { error: errorDirective(platform) };
    // Make shows `metadata` beside the connection's name, so a user with several accounts tells them apart.
    if (test.accountPath) response.metadata = { type: 'text', value: wrap(pathExpression('body', test.accountPath)) };
    communication = { ...request, headers, response, log: { sanitize: sanitizedHeaders(platform) } };
  }
  app.add('connection', id, { label: platform.name, connectionType: 'basic' }, { communication, params });
  return id;
}
