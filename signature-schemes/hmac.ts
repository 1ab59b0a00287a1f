/**
 * `hmac`: an HMAC-SHA256 of the raw body with the subscription's (or dashboard's) secret, in a
 * header. Every header the scheme matches and every expected secret
 * is tried, so a Zap with one vendor subscription per event accepts any of its secrets, and a vendor
 * whose header name is unknown is matched by value (and, for a body that carries its own signature
 * field, that field's value too); the secret that matched is returned, so the
 * route can be bound to it (receive/identify.ts).
 */
import { claimedDigests, findHeaders, hmacSha256, refused, safeEqual, secretsFor, type VerifyResult } from './primitives';
import { signatureInBody, signedBodies } from './signed-body';
import { signedHeaderName, type SchemeHandler, type SchemeOf } from './scheme';

type HmacScheme = SchemeOf<'hmac'>;

/** Verifies against each matching header, secret and signed-body reading; signs with the first accepted encoding and the scheme's prefix. */
export const hmacScheme: SchemeHandler<HmacScheme> = {
  verify({ scheme, delivery, expectation }): VerifyResult {
    const secrets = secretsFor(expectation, 'key');
    if (secrets.length === 0) return refused('missing_secret');
    const inBody = signatureInBody(delivery.rawBody, scheme.signedBody);
    const received = [...findHeaders(delivery.headers, scheme.header).map((header) => header.value), ...(inBody === undefined ? [] : [inBody])];
    if (received.length === 0) return refused('missing_signature');
    const claims = received.map((value) => claimedDigests(value, scheme.encodings, scheme.prefix)).filter((digests) => digests.length > 0);
    if (claims.length === 0) return refused('malformed_signature');
    const bodies = signedBodies(delivery.rawBody, scheme.signedBody);
    for (const secret of secrets) {
      for (const body of bodies) {
        const expected = hmacSha256(secret, body);
        if (!claims.some((digests) => digests.some((digest) => safeEqual(digest, expected)))) continue;
        return body === delivery.rawBody ? { ok: true, secret } : { ok: true, secret, signedText: body };
      }
    }
    return refused('signature_mismatch');
  },
  sign(platform, scheme, rawBody, secret) {
    const body = signedBodies(rawBody, scheme.signedBody)[0] ?? rawBody;
    const digest = hmacSha256(secret, body).toString(scheme.encodings[0]);
    return { headers: { [signedHeaderName(platform.name, scheme.header)]: `${scheme.prefix ?? ''}${digest}` }, query: {} };
  },
};
