/**
 * The usual webhook-signing conventions, as candidate schemes a platform whose own scheme is not
 * fully documented lists after its documented one (platforms/<id>/index.ts). Every one is keyed by
 * the same signing secret, so trying them all is no weaker than trying one.
 */
import type { HeaderMatch, NamedSignatureScheme } from './types';

/** A signed time further than this from now is refused (seconds, either side): Standard Webhooks' and Stripe's default. */
const TOLERANCE_SECONDS = 5 * 60;

/** HMAC-SHA256 of the raw body in hex or base64, with or without a `sha256=` prefix, in the given headers. */
export function hmacOfRawBody(header: HeaderMatch, source: string): NamedSignatureScheme {
  return { name: 'HMAC-SHA256 (hex or base64, optional sha256=) of the raw body', type: 'hmac', header, encodings: ['hex', 'base64'], prefix: 'sha256=', source };
}

/** Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`, `whsec_` keys). */
export function standardWebhooks(source: string): NamedSignatureScheme {
  return { name: 'Standard Webhooks', type: 'standard_webhooks', toleranceSeconds: TOLERANCE_SECONDS, source };
}

/** Stripe's `t=<unix time>,v1=<HMAC-SHA256 hex of "t.body">`, in the given headers. */
export function stripeStyle(header: HeaderMatch, source: string): NamedSignatureScheme {
  return {
    name: 'Stripe-style t=…,v1=…',
    type: 'timestamped_hmac',
    header,
    timestampField: 't',
    signatureField: 'v1',
    encodings: ['hex'],
    toleranceSeconds: TOLERANCE_SECONDS,
    source,
  };
}
