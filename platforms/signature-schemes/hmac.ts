/**
 * `hmac`: an HMAC-SHA256 of the raw body with the subscription's (or dashboard's) secret, in a
 * header. Each expected secret is tried, so a Zap with one vendor
 * subscription per event accepts any of its secrets; the one that matched is returned, so the
 * route can be bound to it (receive.ts).
 */
import { findHeader, hmacSha256, refused, verifyHmacSha256, type VerifyResult } from '../signature';
import { titleCase, type SchemeHandler, type SchemeOf } from './scheme';

type HmacScheme = SchemeOf<'hmac'>;

/** The header name a delivery carries: the documented one, else `X-<Platform>-<Word>` (the word is all that is known). */
function headerName(platformName: string, scheme: HmacScheme): string {
  return typeof scheme.header === 'string' ? scheme.header : `X-${platformName.replace(/\W/g, '')}-${titleCase(scheme.header.contains)}`;
}

/** Verifies against each expected secret in turn; signs with the first accepted encoding and the scheme's prefix. */
export const hmacScheme: SchemeHandler<HmacScheme> = {
  verify({ scheme, delivery, expectation }): VerifyResult {
    if (expectation.secrets.length === 0) return refused('missing_secret');
    const received = findHeader(delivery.headers, scheme.header);
    let verdict: VerifyResult = refused('signature_mismatch');
    for (const { secret } of expectation.secrets) {
      verdict = verifyHmacSha256(delivery.rawBody, secret, received, scheme);
      if (verdict.ok || verdict.reason !== 'signature_mismatch') return verdict;
    }
    return verdict;
  },
  sign(platform, scheme, rawBody, secret) {
    const digest = hmacSha256(secret, rawBody).toString(scheme.encodings[0]);
    return { headers: { [headerName(platform.name, scheme)]: `${scheme.prefix ?? ''}${digest}` }, query: {} };
  },
};
