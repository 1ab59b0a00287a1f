/**
 * Step 1 of the receive path (index.ts). Reads a webhook delivery out of the bundle Zapier hands a hook trigger's perform:
 * `bundle.rawRequest` carries the exact body (signatures are computed over it, never over
 * re-serialized JSON), the headers (renamed `Http-X-…`) and the query string.
 */
import type { Bundle } from 'zapier-platform-core';
import type { Delivery } from './delivery';
import { isJsonObject } from '../platforms/paths';

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isJsonObject(value)) return out;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** The delivery in the bundle; a missing part reads as empty (an empty body is never an event). */
export function deliveryFromBundle(bundle: Pick<Bundle, 'rawRequest' | 'cleanedRequest'>): Delivery {
  const raw = bundle.rawRequest ?? {};
  const cleaned: unknown = bundle.cleanedRequest;
  const rawBody = typeof raw.content === 'string' ? raw.content : '';
  const headers = raw.headers ? stringRecord(raw.headers) : stringRecord(isJsonObject(cleaned) ? cleaned.headers : undefined);
  const query =
    typeof raw.querystring === 'string'
      ? Object.fromEntries(new URLSearchParams(raw.querystring))
      : stringRecord(isJsonObject(cleaned) ? cleaned.querystring : undefined);
  return { rawBody, headers, query };
}

/**
 * Which Zap a delivery is for, from what Zapier gives: `bundle.meta.zap.id`, else the hook's
 * `bundle.targetUrl` (one per Zap), else `fallback` (the trigger's own record of its endpoint).
 * Two Zaps on one connection must never share repeat markers.
 */
export function zapIdentity(bundle: Bundle, fallback: string): string {
  const zapId: unknown = bundle.meta?.zap?.id;
  if ((typeof zapId === 'string' && zapId !== '') || typeof zapId === 'number') return `zap:${String(zapId)}`;
  if (typeof bundle.targetUrl === 'string' && bundle.targetUrl !== '') return `url:${bundle.targetUrl}`;
  return fallback;
}
