/**
 * The connection test's call for a platform that lists `baseUrlFallbacks` (Tolt: API v2 as its
 * docs say, then the v1 host independent production code still calls): each candidate base URL in
 * order, falling to the next on a 404 or an unreachable host, the first that answers remembered
 * for the connection (platforms/base-url.ts).
 */
import type { ZObject } from 'zapier-platform-core';
import { callPlatform, type ApiResponse } from './api';
import { baseUrlCandidates, rememberBaseUrl } from './base-url';
import type { PlatformDefinition, RequestSpec } from './types';

/** What the probe found: the answer, the base URL that gave it, and its label when it is a fallback. */
export interface ProbeResult {
  response: ApiResponse;
  baseUrl: string;
  /** The fallback's label (e.g. `API v1, api.tolt.com`); undefined for the documented base URL. */
  fallbackLabel?: string;
}

/**
 * What a fallback may answer and still prove host and key: a validation refusal comes after the key
 * was accepted (a 401 would come first). Tolt's v1 lists refuse a call without `program_id` [DOC: v1
 * list pages], so v1's answer to the v2 test call is a 400 [INF: the refusal's status is not documented].
 */
const FALLBACK_PROOFS: readonly number[] = [400, 422];

/** Thrown inside the probe for a host that cannot be reached, so the next candidate is tried. */
class Unreachable extends Error {}

/**
 * Runs the connection test's request against each candidate base URL.
 * @returns the first answer that is neither a 404 nor a failure to reach the host (for a fallback,
 *   a 400 / 422 counts: see FALLBACK_PROOFS)
 * @throws z.errors.Error naming every address tried when none answers; any other refusal (401,
 *   403, 429, 5xx) as the middleware words it, at once: the host exists, so it is the key or the vendor
 */
export async function probeBaseUrls(z: ZObject, platform: PlatformDefinition, check: RequestSpec): Promise<ProbeResult> {
  const tried: string[] = [];
  for (const [index, baseUrl] of baseUrlCandidates(platform).entries()) {
    const accepted = index === 0 ? [404] : [404, ...FALLBACK_PROOFS];
    try {
      const response = await callPlatform(z, platform, check, {}, { baseUrl, acceptStatuses: accepted, unreachable: (reason) => new Unreachable(reason) });
      if (response.status !== 404) {
        await rememberBaseUrl(z, platform, baseUrl);
        const fallbackLabel = platform.baseUrlFallbacks?.find((fallback) => fallback.url === baseUrl)?.label;
        return { response, baseUrl, ...(fallbackLabel === undefined ? {} : { fallbackLabel }) };
      }
      tried.push(`${baseUrl} (404)`);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      tried.push(`${baseUrl} (not reachable)`);
    }
  }
  throw new z.errors.Error(
    `${platform.name} answered at none of its API addresses: ${tried.join(', ')}. Check ${platform.name}'s status, then test the connection again.`,
    'VendorUnavailable',
    503,
  );
}
