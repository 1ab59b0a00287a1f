/**
 * `timestamped_hmac`: Stripe's convention, `t=<unix time>,v1=<HMAC-SHA256 of "<t>.<raw body>">`
 * in one header (several `v1` entries while a secret rotates). The time may be seconds or
 * milliseconds and is signed as written; one `t` only, so a value with two times is refused
 * rather than letting a fresh one vouch for a stale signature.
 */
import { claimedDigests, findHeaders, hmacSha256, isFresh, parseTimestampedSignature, refused, safeEqual, secretsFor, type VerifyResult } from './primitives';
import { signedHeaderName, type SchemeHandler, type SchemeOf } from './scheme';

type TimestampedScheme = SchemeOf<'timestamped_hmac'>;

/** Verifies the first matching header with the scheme's shape; signs in seconds with the first encoding. */
export const timestampedHmacScheme: SchemeHandler<TimestampedScheme> = {
  verify({ scheme, delivery, expectation, now, ignoreTolerance }): VerifyResult {
    const secrets = secretsFor(expectation, 'key');
    if (secrets.length === 0) return refused('missing_secret');
    const headers = findHeaders(delivery.headers, scheme.header);
    const parsed = headers.map((header) => parseTimestampedSignature(header.value, scheme.timestampField, scheme.signatureField)).find((item) => item !== undefined);
    if (parsed === undefined) {
      // A header naming the time field but unreadable (two times, no signature) is malformed, not absent.
      const timeField = new RegExp(`(^|,)\\s*${scheme.timestampField}=`);
      return refused(headers.some((header) => timeField.test(header.value)) ? 'malformed_signature' : 'missing_signature');
    }
    if (!ignoreTolerance && !isFresh(parsed.time.seconds, now, scheme.toleranceSeconds)) return refused('stale_timestamp');
    const claims = parsed.signatures.flatMap((signature) => claimedDigests(signature, scheme.encodings));
    if (claims.length === 0) return refused('malformed_signature');
    const signed = `${parsed.time.text}.${delivery.rawBody}`;
    for (const secret of secrets) {
      const expected = hmacSha256(secret, signed);
      if (claims.some((claim) => safeEqual(claim, expected))) return { ok: true, secret, freshSigned: !ignoreTolerance };
    }
    return refused('signature_mismatch');
  },
  sign(platform, scheme, rawBody, secret, now) {
    const timestamp = Math.floor(now / 1000);
    const digest = hmacSha256(secret, `${timestamp}.${rawBody}`).toString(scheme.encodings[0]);
    return { headers: { [signedHeaderName(platform.name, scheme.header)]: `${scheme.timestampField}=${timestamp},${scheme.signatureField}=${digest}` }, query: {} };
  },
};
