/**
 * The shape every signature scheme implements: one object per `SignatureScheme['type']` that both
 * verifies a delivery and signs one the way the vendor does, so the tests, the benchmark and the
 * receiver can never disagree about what a genuine delivery looks like.
 */
import type { ZObject } from 'zapier-platform-core';
import type { Delivery, Expectation } from '../platforms/delivery';
import type { VerifyResult } from '../platforms/signature';
import type { HeaderMatch, PlatformDefinition, SignatureScheme } from '../platforms/types';

/** Everything a scheme may look at to verify one delivery. */
export interface VerifyContext<S extends SignatureScheme> {
  z: ZObject;
  platform: PlatformDefinition;
  scheme: S;
  delivery: Delivery;
  expectation: Expectation;
  /** Unix ms, for schemes that sign a time. */
  now: number;
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
   * @throws z.errors.Error only where the vendor itself must verify and is down (see remote.ts)
   */
  verify(context: VerifyContext<S>): VerifyResult | Promise<VerifyResult>;
  /**
   * Signs `rawBody` as the vendor would.
   * @param secret the subscription's (or dashboard's) signing secret, or our URL token
   * @param now unix ms, for schemes that sign a time
   */
  sign(platform: PlatformDefinition, scheme: S, rawBody: string, secret: string, now: number): SignedParts;
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
