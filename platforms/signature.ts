/**
 * The one shared webhook-signature verifier. Platforms describe their scheme as data
 * (`SignatureScheme` in types.ts); this file does the cryptography and the comparisons, always in
 * constant time, and names why a delivery was refused (after the Standard Webhooks library's
 * named verification errors).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a delivery was refused. None of these is an error for the user's Zap: the delivery just produces no run. */
export type VerifyFailure =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_secret'
  | 'stale_timestamp'
  | 'token_mismatch'
  | 'rejected_by_vendor';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

export const VERIFIED: VerifyResult = { ok: true };

export function refused(reason: VerifyFailure): VerifyResult {
  return { ok: false, reason };
}

/** Zapier hands hook headers over renamed: `X-UpPromote-Signature` arrives as `Http-X-Uppromote-Signature`. */
const ZAPIER_HEADER_PREFIX = 'http-';

function bareHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith(ZAPIER_HEADER_PREFIX) ? lower.slice(ZAPIER_HEADER_PREFIX.length) : lower;
}

/**
 * Finds a header by exact name, or the first whose name contains a word, case-insensitively and
 * with or without Zapier's `Http-` prefix.
 * @returns the header's value, or undefined when absent or empty
 */
export function findHeader(
  headers: Record<string, string | undefined>,
  name: string | { contains: string },
): string | undefined {
  const wanted = typeof name === 'string' ? name.toLowerCase() : undefined;
  const word = typeof name === 'string' ? undefined : name.contains.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    const bare = bareHeaderName(key);
    const matches = wanted !== undefined ? bare === wanted : bare.includes(word ?? '');
    if (matches && typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Constant-time equality of two secrets of any length (length itself is not secret here). */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time equality of two strings, e.g. URL tokens. */
export function safeEqualText(a: string, b: string): boolean {
  return safeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The digest bytes a received signature claims, or undefined when it is not in any accepted encoding. */
function decodeDigest(text: string, encodings: readonly ('hex' | 'base64')[]): Buffer[] {
  const candidates: Buffer[] = [];
  if (encodings.includes('hex') && text.length % 2 === 0 && HEX.test(text)) candidates.push(Buffer.from(text, 'hex'));
  if (encodings.includes('base64') && text.length % 4 === 0 && BASE64.test(text)) {
    candidates.push(Buffer.from(text, 'base64'));
  }
  return candidates;
}

/**
 * Verifies an HMAC-SHA256 signature of the raw request body.
 * @param rawBody the exact bytes received (never re-serialized JSON)
 * @param received the header value, e.g. `sha256=5f1c…` or `5f1c…`
 * @param options accepted encodings of the digest and an optional prefix before it
 */
export function verifyHmacSha256(
  rawBody: string,
  secret: string | undefined,
  received: string | undefined,
  options: { encodings: readonly ('hex' | 'base64')[]; prefix?: string },
): VerifyResult {
  if (!secret) return refused('missing_secret');
  if (received === undefined) return refused('missing_signature');
  let text = received;
  if (options.prefix && text.toLowerCase().startsWith(options.prefix.toLowerCase())) {
    text = text.slice(options.prefix.length);
  }
  const candidates = decodeDigest(text, options.encodings);
  if (candidates.length === 0) return refused('malformed_signature');
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest();
  return candidates.some((candidate) => safeEqual(candidate, expected)) ? VERIFIED : refused('signature_mismatch');
}

/**
 * Reads a `t=<unix seconds>,s=<signature>` style header value into its parts.
 * @returns the fields, or undefined when the value does not have that shape
 */
export function parseTimestampedSignature(value: string, timestampField: string): { timestamp: number } | undefined {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) return undefined;
    fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const timestamp = Number(fields.get(timestampField));
  return Number.isInteger(timestamp) && fields.size >= 2 ? { timestamp } : undefined;
}

/** True when a signed time (unix seconds) is within `toleranceSeconds` of now (unix ms), either side. */
export function isFresh(timestampSeconds: number, nowMs: number, toleranceSeconds: number): boolean {
  return Math.abs(nowMs / 1000 - timestampSeconds) <= toleranceSeconds;
}
