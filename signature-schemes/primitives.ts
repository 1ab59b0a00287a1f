/**
 * The shared webhook-signature primitives. Platforms describe their scheme as data
 * (`SignatureScheme` in types.ts) and this folder holds one verify-and-sign object per scheme
 * type; this file does the cryptography, the header lookup and the comparisons (always in constant
 * time) and names why a delivery was refused (after the Standard Webhooks library's named
 * verification errors).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderMatch, SecretUse, VerifyKeys } from './types';

/**
 * Why a delivery was refused. None of these is an error for the user's Zap: the delivery just
 * produces no run, and the reason is logged (never the body).
 */
export type VerifyFailure =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_secret'
  | 'stale_timestamp'
  | 'token_mismatch'
  | 'rejected_by_vendor'
  /** The vendor's verify service answered something other than valid / invalid (401, 404, 422, 429…): nothing could be verified. */
  | 'verification_unavailable'
  /** Verified, but with a secret that belongs to another event's subscription than the one the URL routes to. */
  | 'route_mismatch';

/**
 * A verdict. `secret` is the secret that verified the delivery where the check is local (hmac),
 * so the route can be bound to it; `scheme` the name of the candidate scheme that matched (see
 * signature-schemes/candidates.ts); `signedText` the text the signature covers where it is not the
 * raw body (a body without its own signature field): the event's identity for repeat checks, as
 * more than one byte form of the body verifies; `freshSigned` true when the signature covers a time
 * held to the scheme's tolerance (a replay is refused by the scheme itself); `detail` says more
 * for the user (no secret, no body).
 */
export type VerifyResult =
  | { ok: true; secret?: string; scheme?: string; signedText?: string; freshSigned?: boolean }
  | { ok: false; reason: VerifyFailure; detail?: string };

/** A verdict of success where no secret needs naming (URL token, vendor-verified). */
export const VERIFIED: VerifyResult = { ok: true };

/** A refusal verdict, with an optional sentence for the user (never a secret or body). */
export function refused(reason: VerifyFailure, detail?: string): VerifyResult {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

/**
 * The expected secrets a scheme may verify with: a `token` scheme (header_token) only our own
 * tokens, a `key` scheme (HMAC) only signing keys; a secret of no stated use serves both. So a
 * vendor-issued HMAC key never passes as our header token, nor our token as an HMAC key.
 */
export function secretsFor(keys: VerifyKeys, use: SecretUse): readonly string[] {
  return keys.secrets.filter((entry) => entry.use === undefined || entry.use === use).map((entry) => entry.secret);
}

/** Zapier hands hook headers over renamed: `X-Acme-Signature` arrives as `Http-X-Acme-Signature`. */
const ZAPIER_HEADER_PREFIX = 'http-';

/** A header's name as the vendor sent it, lower-cased, without Zapier's `Http-` prefix. */
export function bareHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith(ZAPIER_HEADER_PREFIX) ? lower.slice(ZAPIER_HEADER_PREFIX.length) : lower;
}

/** One received header: its name without Zapier's prefix (original case kept) and its trimmed value. */
export interface FoundHeader {
  name: string;
  value: string;
}

/**
 * Every non-empty header named exactly `name`, or whose name contains a word, case-insensitively
 * and with or without Zapier's `Http-` prefix, in the order received.
 */
export function findHeaders(headers: Record<string, string | undefined>, name: HeaderMatch): FoundHeader[] {
  const wanted = typeof name === 'string' ? name.toLowerCase() : undefined;
  // ANY_HEADER (`contains: ''`) matches every name: the empty word is contained in all of them.
  const word = typeof name === 'string' ? '' : name.contains.toLowerCase();
  const found: FoundHeader[] = [];
  for (const [key, value] of Object.entries(headers)) {
    const bare = bareHeaderName(key);
    const matches = wanted !== undefined ? bare === wanted : bare.includes(word);
    if (!matches || typeof value !== 'string' || value.trim() === '') continue;
    const original = key.toLowerCase().startsWith(ZAPIER_HEADER_PREFIX) ? key.slice(ZAPIER_HEADER_PREFIX.length) : key;
    found.push({ name: original, value: value.trim() });
  }
  return found;
}

/**
 * The first header matching `name` (see findHeaders).
 * @returns the header's trimmed value, or undefined when absent or empty
 */
export function findHeader(headers: Record<string, string | undefined>, name: HeaderMatch): string | undefined {
  return findHeaders(headers, name)[0]?.value;
}

/**
 * True when a header value can be forwarded by an HTTP client: printable ASCII and tabs only.
 * Node refuses control characters and anything beyond one byte, and a signature never needs more.
 */
export function isSendableHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value);
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

/** The digest bytes a received signature claims, in every accepted encoding it fits. */
function decodeDigest(text: string, encodings: readonly ('hex' | 'base64')[]): Buffer[] {
  const candidates: Buffer[] = [];
  if (encodings.includes('hex') && text.length % 2 === 0 && HEX.test(text)) candidates.push(Buffer.from(text, 'hex'));
  if (encodings.includes('base64') && text.length % 4 === 0 && BASE64.test(text)) {
    candidates.push(Buffer.from(text, 'base64'));
  }
  return candidates;
}

/** HMAC-SHA256 of a text with a secret, as raw bytes. */
export function hmacSha256(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

/** A signed time's parts: the text as sent (what the vendor signed) and the time in unix seconds. */
export interface SignedTime {
  /** The timestamp exactly as it appeared in the header, e.g. `1700000000` or `1700000000123`. */
  text: string;
  /** Unix seconds, whether the vendor wrote seconds or milliseconds. */
  seconds: number;
}

/**
 * Above this a unix time is taken for milliseconds (1e11 s is the year 5138; 1e11 ms is 1973), the
 * rule of conversions.ts' `toTime`.
 */
const MILLISECONDS_FROM = 1e11;

/**
 * Reads a unix time given in seconds or milliseconds.
 * @returns the time, or undefined for anything but a positive integer written canonically (no
 *   leading zero: `01700000000` would read as the same time while its text, what is signed, differs)
 */
export function readSignedTime(text: string): SignedTime | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const value = Number(text);
  return { text, seconds: value >= MILLISECONDS_FROM ? value / 1000 : value };
}

/** A `t=<time>,<field>=<signature>,…` header value's parts. */
export interface TimestampedSignature {
  time: SignedTime;
  /** Every value of `signatureField`, in order (a vendor rotating secrets may send several). */
  signatures: string[];
}

/**
 * Reads a `t=<unix time>,s=<signature>` (or Stripe's `t=…,v1=…`) header value into its parts. The
 * freshness check must read one time only, so a value with two `timestampField` entries is refused.
 * @param signatureField the field holding the signature (`s`, `v1`); undefined for whichever other field there is
 * @returns the parts, or undefined when the value does not have that shape
 */
export function parseTimestampedSignature(value: string, timestampField: string, signatureField?: string): TimestampedSignature | undefined {
  const times: string[] = [];
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) return undefined;
    // Not trimmed inside: the time is signed as written, so `t=123 ,…` is not `t=123` (only the whole value is trimmed).
    const name = part.slice(0, at);
    const text = part.slice(at + 1);
    if (name === timestampField) times.push(text);
    else if (signatureField === undefined || name === signatureField) signatures.push(text);
  }
  if (times.length !== 1 || signatures.length === 0) return undefined;
  const time = readSignedTime(times[0]);
  return time === undefined ? undefined : { time, signatures };
}

/** True when a signed time (unix seconds) is within `toleranceSeconds` of now (unix ms), either side. */
export function isFresh(timestampSeconds: number, nowMs: number, toleranceSeconds: number): boolean {
  return Math.abs(nowMs / 1000 - timestampSeconds) <= toleranceSeconds;
}

/** The digest bytes a received signature claims (after an optional prefix), in every accepted encoding it fits. */
export function claimedDigests(received: string, encodings: readonly ('hex' | 'base64')[], prefix?: string): Buffer[] {
  let text = received;
  if (prefix && text.toLowerCase().startsWith(prefix.toLowerCase())) text = text.slice(prefix.length);
  return decodeDigest(text, encodings);
}
