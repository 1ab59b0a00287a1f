/**
 * The shape every signature scheme implements: one object per `SignatureScheme['type']` that both
 * verifies a delivery and signs one the way the vendor does, so the tests, the benchmark and the
 * receiver can never disagree about what a genuine delivery looks like.
 */
import type { VerifyResult } from './primitives';
import type { Delivery, HeaderMatch, SchemeParty, SignatureScheme, VendorAccess, VerifyKeys } from './types';

/** Everything a scheme may look at to verify one delivery. */
export interface VerifyContext<S extends SignatureScheme> {
  platform: SchemeParty;
  scheme: S;
  delivery: Delivery;
  expectation: VerifyKeys;
  /** Unix ms, for schemes that sign a time. */
  now: number;
  /** How a `remote` scheme reaches the vendor; without it a `remote` scheme verifies nothing (a refusal saying so). */
  vendor?: VendorAccess;
  /**
   * When true, a signed time is reported (`signedAt`) but not held to the scheme's tolerance:
   * live-check identifies the scheme of captures hours old. Never set on the receive path.
   */
  ignoreTolerance?: boolean;
}

/** What a genuine vendor delivery carries to prove itself: vendor header names (before Zapier renames them) and query parameters. */
export interface SignedParts {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** One signature scheme: how a delivery is checked and how the vendor signs one. */
export interface SchemeHandler<S extends SignatureScheme> {
  /**
   * @returns the verdict; a bad delivery is always a refusal, never an exception
   * @throws the `vendor.error` only where the vendor itself must verify and is down (see remote.ts)
   */
  verify(context: VerifyContext<S>): VerifyResult | Promise<VerifyResult>;
  /**
   * Signs `rawBody` as the vendor would.
   * @param secret the subscription's (or dashboard's) signing secret, or our URL token
   * @param now unix ms, for schemes that sign a time
   */
  sign(platform: SchemeParty, scheme: S, rawBody: string, secret: string, now: number): SignedParts;
}

/** A scheme of a given type. */
export type SchemeOf<T extends SignatureScheme['type']> = Extract<SignatureScheme, { type: T }>;

/**
 * The header name a test or the playground signs under when the vendor's is not one name: the
 * word's Title-Case form after the platform's name, `X-`-prefixed (`X-Acme-Signature`); a
 * scheme reading every header (name unknown) signs as `<Platform>-Signature`.
 */
export function signedHeaderName(platformName: string, header: HeaderMatch): string {
  if (typeof header === 'string') return header;
  const platform = platformName.replace(/\W/g, '');
  return header.contains === '' ? `${platform}-Signature` : `X-${platform}-${titleCase(header.contains)}`;
}

/** `signature` → `Signature`: header names are written in the vendors' usual Title-Case. */
export function titleCase(word: string): string {
  return word.replace(/(^|-)(\w)/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}
