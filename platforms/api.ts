/**
 * Sends a platform's `RequestSpec` through zapier-platform-core's `z.request` (so credentials,
 * error mapping and logging come from the app's middleware) and returns the parsed body.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
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

/** The parsed response of a platform call. */
export interface ApiResponse {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  data: unknown;
}

/**
 * Calls the vendor.
 * @param scope values for the spec's placeholders
 * @param acceptStatuses error statuses the caller handles itself (e.g. 404 on unsubscribe);
 *   any other 4xx/5xx is thrown by the app's afterResponse as a clear `z.errors.Error`.
 * @throws z.errors.Error / ExpiredAuthError / ThrottledError from the middleware (platforms/middleware.ts)
 */
export async function callPlatform(
  z: ZObject,
  platform: PlatformDefinition,
  spec: RequestSpec,
  scope: Scope,
  acceptStatuses: readonly number[] = [],
): Promise<ApiResponse> {
  const response = await z.request({
    method: spec.method,
    url: baseUrlOf(platform) + renderPath(spec.path, scope),
    params: spec.query ? renderObject(spec.query, scope) : undefined,
    body: spec.body ? renderObject(spec.body, scope) : undefined,
    middlewareData: { acceptStatuses },
  });
  return { status: response.status, data: response.data as unknown };
}

/** The scope every request sees: the bundle's inputs plus call-specific values. */
export function scopeOf(bundle: Bundle, extra: Scope = {}): Scope {
  return { ...bundle.inputData, ...extra };
}
