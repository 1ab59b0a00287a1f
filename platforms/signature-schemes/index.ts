/**
 * The signature schemes, registered by `SignatureScheme['type']`: the receiver verifies through
 * them and the tests, benchmark and playground sign through them, so both sides use one rule.
 * (The emulator keeps its own signer, written from the vendors' documents.)
 */
import type { PlatformDefinition, SignatureScheme } from '../types';
import { hmacScheme } from './hmac';
import { remoteScheme } from './remote';
import type { SchemeHandler, SchemeOf, SignedParts } from './scheme';
import { urlTokenScheme } from './url-token';

export type { SchemeHandler, SignedParts, VerifyContext } from './scheme';

/** Every scheme type's handler; adding a type to SignatureScheme fails to compile until it is registered here. */
export const SIGNATURE_SCHEMES: { [T in SignatureScheme['type']]: SchemeHandler<SchemeOf<T>> } = {
  hmac: hmacScheme,
  url_token: urlTokenScheme,
  remote: remoteScheme,
};

/** The handler of a scheme, typed to it. */
export function schemeHandler<S extends SignatureScheme>(scheme: S): SchemeHandler<S> {
  return SIGNATURE_SCHEMES[scheme.type] as unknown as SchemeHandler<S>;
}

/**
 * Signs a body the way the platform's vendor does.
 * @param secret the signing secret (or, for `url_token`, our URL token)
 * @param now unix ms, for schemes that sign a time
 * @returns vendor header names (not yet renamed by Zapier) and query parameters to send with the body
 */
export function signDelivery(platform: PlatformDefinition, rawBody: string, secret: string, now: number = Date.now()): SignedParts {
  return schemeHandler(platform.signature).sign(platform, platform.signature, rawBody, secret, now);
}
