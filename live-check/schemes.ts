/**
 * Candidate webhook signature schemes, for telling which one a captured delivery carries when the
 * vendor does not document it. Each scheme is an object with `verify` and `sign`, keyed only by the
 * signing secret; every comparison is constant-time (node:crypto timingSafeEqual).
 *
 * Why not signature-schemes/: those receive live deliveries and must refuse a signed
 * time more than 5 minutes old (the `standardwebhooks` library also checks its own tolerance
 * against the clock), while a capture checked here is usually hours old. These identify the
 * scheme whatever the age and report the age instead; the app's own verdict on the same capture
 * is reported beside it (delivery-check.ts), so a difference between the two readings shows.
 * - raw HMAC-SHA256 of the body, hex or base64, optionally prefixed `sha256=`, in any header;
 * - Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp`,
 *   `webhook-signature: v1,<base64>` over `<id>.<timestamp>.<body>`, computed by the
 *   `standardwebhooks` package (also Svix's `svix-*` spelling);
 * - Stripe-style: `t=<unix seconds>,v1=<hex>` over `<t>.<body>`, in any header;
 * - URL token: no signature, the secret is a query parameter of the URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A delivery as captured: header names as sent or as Zapier shows them (`Http-X-…`), the exact body text, the query. */
export interface CapturedDelivery {
  headers: Record<string, string>;
  body: string;
  query: Record<string, string>;
}

/** Which scheme matched and where. */
export interface SchemeMatch {
  /** The scheme's readable name, e.g. `Standard Webhooks`. */
  scheme: string;
  /** The header (or query parameter) that carried the signature. */
  carrier: string;
  /** Seconds between the signed time and now (positive: in the past), for schemes that sign a time. */
  ageSeconds?: number;
}

/** One candidate scheme. */
export interface CandidateScheme {
  /** Readable name, e.g. `Stripe-style t=…,v1=…`. */
  name: string;
  /** @returns where the delivery carries a valid signature by `secret`, or undefined when it does not */
  verify(delivery: CapturedDelivery, secret: string, now: number): SchemeMatch | undefined;
  /**
   * Signs `body` as a vendor using this scheme would.
   * @param now unix ms, for schemes that sign a time
   * @returns header names and query parameters to send with the body
   */
  sign(body: string, secret: string, now: number): { headers: Record<string, string>; query: Record<string, string> };
}

/** Header names lower-cased, Zapier's `Http-` prefix removed: `Http-X-Foo-Signature` → `x-foo-signature`. */
export function vendorHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase().replace(/^http-/, ''), String(value)]));
}

/** Constant-time equality of two byte strings of any lengths (a length difference is no secret). */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

function hmac(secret: string | Buffer, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

/** A header value's digest bytes: hex or base64, with an optional `sha256=` prefix; undefined when it is neither. */
function digestOf(value: string): { bytes: Buffer; encoding: 'hex' | 'base64'; prefixed: boolean } | undefined {
  const trimmed = value.trim();
  const prefixed = /^sha256=/i.test(trimmed);
  const text = prefixed ? trimmed.slice('sha256='.length) : trimmed;
  if (/^[0-9a-f]{64}$/i.test(text)) return { bytes: Buffer.from(text, 'hex'), encoding: 'hex', prefixed };
  if (/^[A-Za-z0-9+/]{43}=$/.test(text) || /^[A-Za-z0-9_-]{43}$/.test(text)) return { bytes: Buffer.from(text, 'base64'), encoding: 'base64', prefixed };
  return undefined;
}

/** Raw HMAC-SHA256 of the body in any header, hex or base64, optionally `sha256=`. */
export const rawHmacScheme: CandidateScheme = {
  name: 'raw HMAC-SHA256 (hex/base64, optional sha256=)',
  verify(delivery, secret) {
    const expected = hmac(secret, delivery.body);
    for (const [name, value] of Object.entries(vendorHeaders(delivery.headers))) {
      const digest = digestOf(value);
      if (digest && sameBytes(digest.bytes, expected)) {
        return { scheme: `raw HMAC-SHA256 (${digest.encoding}${digest.prefixed ? ', sha256= prefix' : ''})`, carrier: name };
      }
    }
    return undefined;
  },
  sign(body, secret) {
    return { headers: { 'X-Signature': hmac(secret, body).toString('hex') }, query: {} };
  },
};

/** The keys a Standard Webhooks secret may be: `whsec_<base64>` (the standard), else its bytes as given. */
function standardKeys(secret: string): Webhook[] {
  const keys: Webhook[] = [];
  try {
    keys.push(new Webhook(secret));
  } catch {
    // Not base64: only the raw form below can be the key.
  }
  keys.push(new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' }));
  return keys;
}

/** Standard Webhooks (or Svix's spelling of it). */
export const standardWebhooksScheme: CandidateScheme = {
  name: 'Standard Webhooks',
  verify(delivery, secret, now) {
    const headers = vendorHeaders(delivery.headers);
    for (const prefix of ['webhook', 'svix']) {
      const id = headers[`${prefix}-id`];
      const timestamp = headers[`${prefix}-timestamp`];
      const signature = headers[`${prefix}-signature`];
      if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp.trim())) continue;
      const seconds = Number(timestamp.trim());
      for (const key of standardKeys(secret)) {
        // The package's own verify also refuses a time outside 5 minutes; a capture is usually older,
        // so the signature is computed with its sign and compared here, and the age reported.
        const expected = Buffer.from(key.sign(id, new Date(seconds * 1000), delivery.body).split(',')[1] ?? '', 'base64');
        const given = signature.split(' ').flatMap((part) => (part.startsWith('v1,') ? [Buffer.from(part.slice(3), 'base64')] : []));
        if (given.some((bytes) => sameBytes(bytes, expected))) return { scheme: 'Standard Webhooks', carrier: `${prefix}-signature`, ageSeconds: Math.round(now / 1000 - seconds) };
      }
    }
    return undefined;
  },
  sign(body, secret, now) {
    const id = `msg_${now.toString(36)}`;
    const key = standardKeys(secret)[0];
    return { headers: { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now / 1000)), 'webhook-signature': key.sign(id, new Date(now), body) }, query: {} };
  },
};

/** `t=1700000000,v1=abc,v1=def` → its parts; undefined when the value has no `t` and `v1`. */
function stripeParts(value: string): { t: string; v1: string[] } | undefined {
  const pairs = value.split(',').map((part) => part.trim().split('='));
  const t = pairs.find(([name]) => name === 't')?.[1];
  const v1 = pairs.filter(([name, item]) => name === 'v1' && item !== undefined).map(([, item]) => item);
  return t && /^\d+$/.test(t) && v1.length > 0 ? { t, v1 } : undefined;
}

/** Stripe's scheme (and its imitators): `t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const stripeStyleScheme: CandidateScheme = {
  name: 'Stripe-style t=…,v1=…',
  verify(delivery, secret, now) {
    for (const [name, value] of Object.entries(vendorHeaders(delivery.headers))) {
      const parts = stripeParts(value);
      if (!parts) continue;
      const expected = hmac(secret, `${parts.t}.${delivery.body}`);
      if (parts.v1.some((hex) => /^[0-9a-f]+$/i.test(hex) && sameBytes(Buffer.from(hex, 'hex'), expected))) {
        return { scheme: 'Stripe-style t=…,v1=…', carrier: name, ageSeconds: Math.round(now / 1000 - Number(parts.t)) };
      }
    }
    return undefined;
  },
  sign(body, secret, now) {
    const t = String(Math.floor(now / 1000));
    return { headers: { 'X-Signature': `t=${t},v1=${hmac(secret, `${t}.${body}`).toString('hex')}` }, query: {} };
  },
};

/** No signature: the secret is a token in the URL's query. */
export const urlTokenScheme: CandidateScheme = {
  name: 'URL token (query parameter)',
  verify(delivery, secret) {
    const wanted = Buffer.from(secret, 'utf8');
    const found = Object.entries(delivery.query).find(([, value]) => sameBytes(Buffer.from(String(value), 'utf8'), wanted));
    return found ? { scheme: 'URL token (query parameter)', carrier: `?${found[0]}` } : undefined;
  },
  sign(_body, secret) {
    return { headers: {}, query: { token: secret } };
  },
};

/** Every candidate, most specific first (a Standard Webhooks delivery is not also reported as a raw HMAC). */
export const CANDIDATE_SCHEMES: readonly CandidateScheme[] = [standardWebhooksScheme, stripeStyleScheme, rawHmacScheme, urlTokenScheme];

/** The first candidate that verifies the delivery with `secret`, or undefined. */
export function identifyScheme(delivery: CapturedDelivery, secret: string, now: number = Date.now()): SchemeMatch | undefined {
  for (const scheme of CANDIDATE_SCHEMES) {
    const match = scheme.verify(delivery, secret, now);
    if (match) return match;
  }
  return undefined;
}

/** Header names that look like they carry a signature (by name, or by a digest-shaped value), for "none matched". */
export function signatureLikeHeaders(delivery: CapturedDelivery): string[] {
  return Object.entries(vendorHeaders(delivery.headers))
    .filter(([name, value]) => /sign|hmac|digest|hash|webhook-|svix-/i.test(name) || digestOf(value) !== undefined || stripeParts(value) !== undefined)
    .map(([name]) => name);
}
