/**
 * `header_token`: the vendor signs nothing, but a subscription may carry custom headers that the
 * vendor sends with every delivery. We choose a random secret per subscription (the webhook API's
 * `callerChoosesSecret`), put it in such a header when subscribing, and compare it on receipt:
 * only the vendor was given it. The secret that matched is returned, so the route can be bound
 * to it (receive/identify.ts), as for `hmac`.
 */
import { findHeaders, refused, safeEqualText, secretsFor, type VerifyResult } from './primitives';
import type { SchemeHandler, SchemeOf } from './scheme';

type HeaderTokenScheme = SchemeOf<'header_token'>;

/** Compares the header's value with each of the subscription's secrets in constant time; "signs" by sending it. */
export const headerTokenScheme: SchemeHandler<HeaderTokenScheme> = {
  verify({ scheme, delivery, expectation }): VerifyResult {
    const secrets = secretsFor(expectation, 'token');
    if (secrets.length === 0) return refused('missing_secret');
    const received = findHeaders(delivery.headers, scheme.header).map((header) => header.value);
    if (received.length === 0) return refused('missing_signature');
    for (const secret of secrets) {
      if (received.some((value) => safeEqualText(value, secret))) return { ok: true, secret };
    }
    return refused('token_mismatch');
  },
  sign(_platform, scheme, _rawBody, secret) {
    return { headers: { [scheme.header]: secret }, query: {} };
  },
};
