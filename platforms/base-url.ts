/**
 * Which base URL a connection's calls use, for a platform that lists `baseUrlFallbacks`: the one
 * the connection test found working (platforms/connection-probe.ts), remembered per connection in
 * Zapier's cache; the documented `baseUrl` until then. Every other platform uses its `baseUrl`.
 */
import type { ZObject } from 'zapier-platform-core';
import type { PlatformDefinition } from './types';

/** The z.cache scope of what is remembered per connection: Zapier keeps a key under `['auth']` apart per connection. */
const CONNECTION_SCOPE = ['auth'];

/** How long a working base URL is remembered, in seconds (30 days; every connection test renews it). */
export const BASE_URL_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The documented base URL, then the fallbacks, in the order the connection test tries them. */
export function baseUrlCandidates(platform: PlatformDefinition): string[] {
  return [platform.baseUrl, ...(platform.baseUrlFallbacks ?? []).map((fallback) => fallback.url)];
}

function cacheKey(platform: PlatformDefinition): string {
  return `base-url:${platform.id}`;
}

/**
 * The base URL this connection's calls use (the vendor's, before the emulator mapping in api.ts).
 * @returns the remembered one when it is still a candidate, else the documented `baseUrl`; a
 *   cache that cannot be read counts as nothing remembered
 */
export function connectionBaseUrl(z: ZObject, platform: PlatformDefinition): Promise<string> {
  if (platform.baseUrlFallbacks === undefined || platform.baseUrlFallbacks.length === 0) return Promise.resolve(platform.baseUrl);
  // One cache read per invocation (`z` is one per run), not one per request of a poll or a search.
  const known = READ_THIS_RUN.get(z);
  if (known !== undefined) return known;
  // Core's cache takes the scope on `get` too (create-cache.js); its typings omit the argument.
  const scopedGet = z.cache.get as (key: string, scope: string[]) => Promise<unknown>;
  const read = Promise.resolve(scopedGet(cacheKey(platform), CONNECTION_SCOPE))
    .catch(() => undefined)
    .then((remembered) => (typeof remembered === 'string' && baseUrlCandidates(platform).includes(remembered) ? remembered : platform.baseUrl));
  READ_THIS_RUN.set(z, read);
  return read;
}

/** The base URL read for each invocation's `z` (one connection, one platform per run). */
const READ_THIS_RUN = new WeakMap<ZObject, Promise<string>>();

/** Remembers the base URL that answered for this connection (a cache failure only loses the memory). */
export async function rememberBaseUrl(z: ZObject, platform: PlatformDefinition, url: string): Promise<void> {
  READ_THIS_RUN.set(z, Promise.resolve(url));
  await Promise.resolve(z.cache.set(cacheKey(platform), url, BASE_URL_TTL_SECONDS, CONNECTION_SCOPE)).catch(() => undefined);
}
