/**
 * Random identifiers in the styles vendors document (a prefix and random characters). Each
 * vendor picks its own prefix, alphabet and length.
 */
import { randomBytes } from 'node:crypto';

/** Upper- and lower-case letters and digits (e.g. PartnerStack keys `part_mGXzJol7h633Ft`). */
export const MIXED_CASE_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Digits and lower-case letters (e.g. Tamio event ids `whev_1kg84n28bokqx2r9`). */
export const LOWER_CASE_ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `length` random characters of `alphabet`. Byte-modulo picking is slightly biased; that is fine
 * for test identifiers, which need to be unique-looking, not secret.
 */
export function randomText(alphabet: string, length: number): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
