/**
 * `url_token`: the vendor signs nothing, so the proof is a random token we put in
 * the target URL's query when subscribing; only the vendor was given that URL.
 */
import { refused, safeEqualText, VERIFIED, type VerifyResult } from './primitives';
import type { SchemeHandler, SchemeOf } from './scheme';

type UrlTokenScheme = SchemeOf<'url_token'>;

/** Compares the URL's token with the one we issued in constant time; "signs" by adding it to the query. */
export const urlTokenScheme: SchemeHandler<UrlTokenScheme> = {
  verify({ scheme, delivery, expectation }): VerifyResult {
    const received = delivery.query[scheme.param];
    if (!expectation.token || received === undefined) return refused('missing_signature');
    return safeEqualText(received, expectation.token) ? VERIFIED : refused('token_mismatch');
  },
  sign(_platform, scheme, _rawBody, secret) {
    return { headers: {}, query: { [scheme.param]: secret } };
  },
};
