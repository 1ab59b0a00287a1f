/**
 * The signature schemes, registered by `SignatureScheme['type']`: the receiver verifies through
 * them and the tests, benchmark and playground sign through them, so both sides use one rule.
 * (The emulator keeps its own signer, written from the vendors' documents.)
 */
import type { NamedSignatureScheme, SchemeParty, SignatureScheme, SingleSignatureScheme } from './types';
import { candidatesSchemeWith } from './candidates';
import { headerTokenScheme } from './header-token';
import { hmacScheme } from './hmac';
import { remoteScheme } from './remote';
import type { SchemeHandler, SchemeOf, SignedParts } from './scheme';
import { standardWebhooksScheme } from './standard-webhooks';
import { timestampedHmacScheme } from './timestamped-hmac';
import { urlTokenScheme } from './url-token';

export type { SchemeHandler, SignedParts, VerifyContext } from './scheme';
export * from './types';
export * from './primitives';

/** Every single scheme type's handler; adding a type to SingleSignatureScheme fails to compile until it is registered here. */
const SINGLE_SCHEMES: { [T in SingleSignatureScheme['type']]: SchemeHandler<SchemeOf<T>> } = {
  hmac: hmacScheme,
  timestamped_hmac: timestampedHmacScheme,
  standard_webhooks: standardWebhooksScheme,
  url_token: urlTokenScheme,
  header_token: headerTokenScheme,
  remote: remoteScheme,
};

function singleHandler(scheme: SingleSignatureScheme): SchemeHandler<SingleSignatureScheme> {
  return SINGLE_SCHEMES[scheme.type] as unknown as SchemeHandler<SingleSignatureScheme>;
}

/** Every scheme type's handler, `candidates` included. */
const SIGNATURE_SCHEMES: { [T in SignatureScheme['type']]: SchemeHandler<SchemeOf<T>> } = {
  ...SINGLE_SCHEMES,
  candidates: candidatesSchemeWith(singleHandler),
};

/** The handler of a scheme, typed to it. */
export function schemeHandler<S extends SignatureScheme>(scheme: S): SchemeHandler<S> {
  return SIGNATURE_SCHEMES[scheme.type] as unknown as SchemeHandler<S>;
}

/** A readable name for a single scheme that has none in the data (live-check's report, the log). */
export function describeScheme(scheme: SingleSignatureScheme): string {
  switch (scheme.type) {
    case 'hmac':
      return `HMAC-SHA256 ${scheme.encodings.join('/')} of the ${scheme.signedBody === undefined || scheme.signedBody === 'raw' ? 'raw body' : `body without "${scheme.signedBody.withoutField}"`}`;
    case 'timestamped_hmac':
      return `Stripe-style ${scheme.timestampField}=…,${scheme.signatureField}=…`;
    case 'standard_webhooks':
      return 'Standard Webhooks';
    case 'url_token':
      return `URL token ?${scheme.param}`;
    case 'header_token':
      return `subscription token in ${scheme.header}`;
    case 'remote':
      return `verified by the vendor's API (${scheme.request.method} ${scheme.request.path})`;
  }
}

/**
 * The schemes a platform's deliveries may be verified by, in the order they are tried, each named:
 * a `candidates` scheme's list, or the one scheme under its described name.
 */
export function candidateSchemes(scheme: SignatureScheme): readonly NamedSignatureScheme[] {
  return scheme.type === 'candidates' ? scheme.candidates : [{ ...scheme, name: describeScheme(scheme) }];
}

/**
 * Signs a body the way the platform's vendor does (its first, documented, candidate).
 * @param secret the signing secret (or, for `url_token`, our URL token)
 * @param now unix ms, for schemes that sign a time
 * @returns vendor header names (not yet renamed by Zapier) and query parameters to send with the body
 */
export function signDelivery(platform: SchemeParty & { signature: SignatureScheme }, rawBody: string, secret: string, now: number = Date.now()): SignedParts {
  return schemeHandler(platform.signature).sign(platform, platform.signature, rawBody, secret, now);
}

/**
 * Signs a body as one named candidate of the platform's schemes would (tests, live-check fixtures).
 * @throws Error when the platform lists no candidate of that name (a programming error)
 */
export function signWithCandidate(platform: SchemeParty & { signature: SignatureScheme }, name: string, rawBody: string, secret: string, now: number = Date.now()): SignedParts {
  const candidate = candidateSchemes(platform.signature).find((item) => item.name === name);
  if (candidate === undefined) throw new Error(`${platform.name} lists no signature scheme named "${name}"`);
  return singleHandler(candidate).sign(platform, candidate, rawBody, secret, now);
}

/** Single schemes that need a secret of ours or the vendor's to verify anything. */
const SECRET_SCHEMES: readonly SingleSignatureScheme['type'][] = ['hmac', 'timestamped_hmac', 'standard_webhooks', 'header_token'];

/**
 * True when nothing can be verified without a signing secret: every candidate checks a signature
 * locally (a `remote` or `url_token` candidate works without one).
 */
export function verifiesWithSecretOnly(scheme: SignatureScheme): boolean {
  return candidateSchemes(scheme).every((candidate) => SECRET_SCHEMES.includes(candidate.type));
}
