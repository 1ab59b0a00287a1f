/**
 * Sends a platform's `RequestSpec` through zapier-platform-core's `z.request` (so credentials,
 * error mapping and logging come from the app's middleware) and returns the parsed body.
 */
import type { ZObject } from 'zapier-platform-core';
import type { PlatformDefinition, RequestSpec } from './types';
import { renderObject, renderPath, type Scope } from './template';

/**
 * The environment variable that points every platform at the local emulator instead of the
 * vendor (the playground and the end-to-end test set it). Its value is the emulator's origin,
 * e.g. `http://127.0.0.1:4010`; each platform is then served under `/<platform id>` plus the path
 * of its real base URL. Zapier never sets it.
 */
export const EMULATOR_ENV = 'AFFILIATE_HUB_EMULATOR_URL';

/** The platform's API base URL, without trailing slash (the emulator's when EMULATOR_ENV is set). */
export function baseUrlOf(platform: PlatformDefinition): string {
  const emulator = process.env[EMULATOR_ENV];
  if (!emulator) return platform.baseUrl;
  return `${emulator.replace(/\/$/, '')}/${platform.id}${new URL(platform.baseUrl).pathname}`;
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
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  data: unknown;
}

/** What a caller may change about one call beyond the spec and its scope. */
export interface CallOptions {
  /** Error statuses the caller handles itself (e.g. 404 on unsubscribe); others are thrown by the app's afterResponse. */
  acceptStatuses?: readonly number[];
  /** A body sent byte for byte instead of the spec's JSON template (a delivery forwarded for verification). */
  rawBody?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The error for a vendor that cannot be reached, when the caller words it for its own purpose. */
  unreachable?: (reason: string) => Error;
}

/**
 * Calls the vendor.
 * @param scope values for the spec's placeholders
 * @throws z.errors.Error / ExpiredAuthError / ThrottledError from the middleware (platforms/middleware.ts);
 *   z.errors.Error naming the platform when it cannot be reached or does not answer in time
 */
export async function callPlatform(
  z: ZObject,
  platform: PlatformDefinition,
  spec: RequestSpec,
  scope: Scope,
  options: CallOptions = {},
): Promise<ApiResponse> {
  let url: string;
  try {
    url = baseUrlOf(platform) + renderPath(spec.path, scope);
  } catch (error) {
    throw new z.errors.Error(`${platform.name} needs a value this step did not provide: ${error instanceof Error ? error.message : String(error)}.`, 'InvalidInput', 400);
  }
  try {
    const response = await z.request({
      method: spec.method,
      url,
      params: spec.query ? renderObject(spec.query, scope) : undefined,
      body: options.rawBody ?? (spec.body ? renderObject(spec.body, scope) : undefined),
      headers: options.headers,
      timeout: REQUEST_TIMEOUT_MS,
      middlewareData: { acceptStatuses: options.acceptStatuses ?? [] },
    });
    return { status: response.status, data: response.data as unknown };
  } catch (error) {
    if (error instanceof Error && APP_ERRORS.has(error.name)) throw error;
    if (options.unreachable) throw options.unreachable(error instanceof Error ? error.message : String(error));
    throw unreachable(z, platform, spec, error);
  }
}
