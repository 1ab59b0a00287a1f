/**
 * The app's HTTP middleware. `beforeRequest` adds the connection's credentials, and only to
 * requests for the connected platform's own API; `afterResponse` turns vendor errors into
 * messages a Zap user can act on, always carrying the vendor's own message.
 */
import type { AfterResponseMiddleware, BeforeRequestMiddleware, HttpResponse } from 'zapier-platform-core';
import { baseUrlsOf } from './api';
import { getPath } from './paths';
import { findPlatform } from './registry';
import { basicCredential, credentialSecrets, redact } from './redact';
import { renderText } from './template';
import type { PlatformDefinition } from './types';

/** core ≥ 18 throws its own ThrottledError for 429 before afterResponse; this flag lets ours name the platform. */
type CoreRequestOptions = Parameters<BeforeRequestMiddleware>[0] & { throwForThrottlingEarly?: boolean };

/** Adds the platform's auth headers (or HTTP Basic) and JSON headers to requests for its base URL. */
export const addCredentials: BeforeRequestMiddleware = (request, _z, bundle) => {
  const platform = findPlatform(bundle.authData?.platform);
  if (!platform || !baseUrlsOf(platform).some((base) => request.url.startsWith(base))) return request;
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  const auth = platform.auth;
  if (auth.type === 'header') {
    headers[auth.header] = renderText(auth.value, bundle.authData);
    for (const [name, value] of Object.entries(auth.extraHeaders ?? {})) headers[name] = renderText(value, bundle.authData);
  } else {
    headers.Authorization = `Basic ${basicCredential(auth, bundle.authData)}`;
  }
  const prepared: CoreRequestOptions = { ...request, headers, throwForThrottlingEarly: false };
  return prepared;
};

/**
 * The vendor's own error message, from the platform's known error-body paths, else the start of
 * the body; every secret in `secrets` is redacted before the text is cut (so no part of one survives).
 */
export function vendorMessage(platform: PlatformDefinition, response: Pick<HttpResponse, 'data' | 'content'>, secrets: readonly string[] = []): string {
  for (const path of platform.errorMessagePaths) {
    const value = getPath(response.data, path);
    if (typeof value === 'string' && value.trim() !== '') return redact(value.trim(), secrets);
    if (Array.isArray(value) && value.length > 0) return redact(value.map(String).join('; '), secrets);
  }
  const text = typeof response.content === 'string' ? redact(response.content, secrets).trim() : '';
  return text === '' ? 'no message' : text.slice(0, 300);
}

/** Every secret a message about this response must not show: the connection's credentials and what the call sent (api.ts `secrets`). */
function secretsOf(platform: PlatformDefinition, response: HttpResponse, authData: Record<string, unknown> | undefined): string[] {
  const sent: unknown = response.request.middlewareData?.secrets;
  const extra = Array.isArray(sent) ? sent.filter((item): item is string => typeof item === 'string') : [];
  return [...credentialSecrets(authData, platform), ...extra];
}

/** The failed call's method and path below the base URL, without host or query (which may carry tokens). */
function callOf(platform: PlatformDefinition, response: HttpResponse): { method: string; path: string } {
  const url = response.request.url ?? '';
  const base = baseUrlsOf(platform).find((candidate) => url.startsWith(candidate));
  const path = base !== undefined ? url.slice(base.length) : URL.canParse(url) ? new URL(url).pathname : '';
  return { method: (response.request.method ?? 'GET').toUpperCase(), path: path.split('?')[0] };
}

/** `POST /referral/123/status`: which call failed. */
function describeCall(platform: PlatformDefinition, response: HttpResponse): string {
  const { method, path } = callOf(platform, response);
  return `${method} ${path}`;
}

/** The vendor permission a call needs, from the platform's `permissions` table (first match wins). */
export function permissionFor(platform: PlatformDefinition, method: string, path: string): string | undefined {
  const rule = platform.permissions?.find((item) => (item.method === undefined || item.method === method) && path.startsWith(item.pathPrefix));
  return rule?.permission;
}

/** Bounds for a vendor's Retry-After, in seconds: a wait outside them is a vendor mistake, not advice. */
export const RETRY_AFTER_BOUNDS = { min: 1, max: 3600 } as const;

/**
 * The vendor's Retry-After in whole seconds, clamped to RETRY_AFTER_BOUNDS; undefined when absent,
 * not a number of seconds, or negative (an HTTP-date form is not read).
 */
export function retryAfterSeconds(response: Pick<HttpResponse, 'getHeader'>): number | undefined {
  const value = response.getHeader('retry-after')?.trim();
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Math.min(RETRY_AFTER_BOUNDS.max, Math.max(RETRY_AFTER_BOUNDS.min, Math.ceil(Number(value))));
}

/**
 * Maps a vendor error response to the error the user sees.
 * @throws ExpiredAuthError (401), ThrottledError (429, with the vendor's Retry-After in seconds),
 *   z.errors.Error for every other 4xx/5xx, each naming the platform and quoting its message.
 */
export const explainErrors: AfterResponseMiddleware = (response, z, bundle) => {
  const platform = findPlatform(bundle.authData?.platform);
  const accepted: unknown = response.request.middlewareData?.acceptStatuses;
  if (Array.isArray(accepted) && accepted.includes(response.status)) {
    response.skipThrowForStatus = true;
    return response;
  }
  if (!platform || response.status < 400 || response.skipThrowForStatus) return response;
  const name = platform.name;
  const secrets = secretsOf(platform, response, bundle.authData);
  const message = vendorMessage(platform, response, secrets);
  const call = redact(describeCall(platform, response), secrets);
  const status = response.status;
  if (status === 401) {
    const access = platform.connection.accessNote === undefined ? '' : ` ${platform.connection.accessNote}`;
    const expired = new z.errors.ExpiredAuthError(`${name} did not accept the API key ("${message}"). Reconnect your ${name} account with a current key.${access}`);
    // Core appends its "What happened" trace (with the first 100 characters of the raw response, unredacted)
    // to every error without this flag; its own AppError and ThrottledError carry it.
    throw Object.assign(expired, { doNotContextify: true });
  }
  if (status === 429) {
    const delay = retryAfterSeconds(response);
    throw new z.errors.ThrottledError(
      `${name} is rate-limiting this account ("${message}")${delay === undefined ? '' : `; retry in ${delay} s`}.`,
      delay,
    );
  }
  if (status === 403) {
    const { method, path } = callOf(platform, response);
    const permission = permissionFor(platform, method, path);
    // A call whose permission the vendor does not name explains itself through its rule's note.
    const note = platform.permissions?.find((item) => (item.method === undefined || item.method === method) && path.startsWith(item.pathPrefix))?.note;
    if (permission === undefined && note !== undefined) throw new z.errors.Error(`${name} refused ${call} ("${message}"): ${note}`, 'Forbidden', status);
    throw new z.errors.Error(
      permission === undefined
        ? `${name} refused ${call}: the API key lacks a permission it needs ("${message}").`
        : `${name} refused ${call}: the API key needs the "${permission}" permission ("${message}"). ` +
            `Give the key that permission in ${name}'s API key settings, or reconnect with a key that has it.`,
      'Forbidden',
      status,
    );
  }
  if (status === 404) {
    throw new z.errors.Error(`${name} found nothing at ${call} ("${message}"). Check the ID you mapped.`, 'NotFound', status);
  }
  if (status >= 500) {
    throw new z.errors.Error(
      `${name} had a server error (HTTP ${status}) on ${call} ("${message}"). This is usually temporary: try again in a few minutes.`,
      'VendorUnavailable',
      status,
    );
  }
  throw new z.errors.Error(`${name} rejected ${call} (HTTP ${status}): ${message}`, 'InvalidRequest', status);
};
