/**
 * Builds webhook deliveries the way Zapier hands them to a hook's perform: `rawRequest` with the
 * exact body and headers renamed `Http-X-…`, `cleanedRequest` with the parsed body. Signatures are
 * computed, never hard-coded: `signedHookRequest` through the app's own signature schemes (one rule
 * for both sides), `hmacHex` / `hmacBase64` for the kits, which sign from their own reading of the
 * vendor documents so a wrong rule in the platform data fails against them.
 */
import { createHmac } from 'node:crypto';
import { signDelivery } from '../../signature-schemes';
import type { PlatformDefinition } from '../../platforms/types';

/** `X-UpPromote-Signature` → `Http-X-Uppromote-Signature`, as Zapier renames hook headers. */
export function zapierHeaderName(name: string): string {
  return (
    'Http-' +
    name
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
      .join('-')
  );
}

export function hmacHex(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export function hmacBase64(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export interface HookRequest {
  rawRequest: { method: 'POST'; headers: Record<string, string>; content: string; querystring: string };
  cleanedRequest: unknown;
}

/**
 * A delivery as Zapier passes it.
 * @param headers the vendor's header names; they are renamed unless `renameHeaders` is false
 */
export function hookRequest(
  rawBody: string,
  headers: Record<string, string>,
  query: Record<string, string> = {},
  renameHeaders = true,
): HookRequest {
  const renamed = Object.fromEntries(
    Object.entries({ 'Content-Type': 'application/json', ...headers }).map(([name, value]) => [
      renameHeaders ? zapierHeaderName(name) : name,
      value,
    ]),
  );
  let cleaned: unknown;
  try {
    cleaned = JSON.parse(rawBody);
  } catch {
    cleaned = {};
  }
  return {
    rawRequest: { method: 'POST', headers: renamed, content: rawBody, querystring: new URLSearchParams(query).toString() },
    cleanedRequest: cleaned,
  };
}

/**
 * A delivery of `rawBody` signed as the platform's vendor signs it, through the app's signature
 * scheme (signature-schemes/), as Zapier passes it.
 * @param secret the signing secret, or the URL token for `url_token` platforms
 * @param query further query parameters (e.g. the `ah_event` route)
 * @param now unix ms, for schemes that sign a time
 */
export function signedHookRequest(
  platform: PlatformDefinition,
  rawBody: string,
  secret: string,
  query: Record<string, string> = {},
  now: number = Date.now(),
): HookRequest {
  const signed = signDelivery(platform, rawBody, secret, now);
  return hookRequest(rawBody, signed.headers, { ...query, ...signed.query });
}
