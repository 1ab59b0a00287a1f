/**
 * `candidates`: a platform whose scheme is not fully documented lists the schemes it may use, all
 * keyed by the same secret, documented first; the first that verifies wins and its name is
 * returned (`VerifyResult.scheme`), for the log and for live-check. Accepting any of them is no
 * weaker than accepting one: each needs the secret.
 */
import type { VerifyFailure, VerifyResult } from './primitives';
import type { NamedSignatureScheme, SingleSignatureScheme } from './types';
import type { SchemeHandler, SchemeOf } from './scheme';

type CandidatesScheme = SchemeOf<'candidates'>;

/**
 * Which refusal to report when every candidate refused: the most telling first (a vendor's own
 * "invalid" over a mismatch, a mismatch over a missing header that other candidates look for). A
 * missing secret comes last: it only says a local candidate could not apply, while another (the
 * vendor's verify call) may have looked at the delivery.
 */
const REASON_PRIORITY: readonly VerifyFailure[] = [
  'rejected_by_vendor',
  'stale_timestamp',
  'verification_unavailable',
  'signature_mismatch',
  'token_mismatch',
  'malformed_signature',
  'missing_signature',
  'missing_secret',
];

/** Rank of a reason in REASON_PRIORITY (unlisted reasons last). */
function rank(reason: VerifyFailure): number {
  const at = REASON_PRIORITY.indexOf(reason);
  return at === -1 ? REASON_PRIORITY.length : at;
}

/**
 * Builds the handler around the registry's lookup (passed in, as the registry itself lists this handler).
 * @param handlerOf the handler of one single scheme
 */
export function candidatesSchemeWith(handlerOf: (scheme: SingleSignatureScheme) => SchemeHandler<SingleSignatureScheme>): SchemeHandler<CandidatesScheme> {
  return {
    async verify(context): Promise<VerifyResult> {
      const refusals: { candidate: NamedSignatureScheme; reason: VerifyFailure; detail?: string }[] = [];
      for (const candidate of context.scheme.candidates) {
        // In order, one at a time: a later candidate may call the vendor, which a local match spares.
        const verdict = await handlerOf(candidate).verify({ ...context, scheme: candidate });
        if (verdict.ok) return { ...verdict, scheme: candidate.name };
        refusals.push({ candidate, reason: verdict.reason, detail: verdict.detail });
      }
      const worst = [...refusals].sort((a, b) => rank(a.reason) - rank(b.reason))[0];
      if (worst === undefined) return { ok: false, reason: 'missing_signature', detail: 'no scheme to try' };
      const tried = `tried ${refusals.map(({ candidate, reason }) => `${candidate.name}: ${reason}`).join('; ')}`;
      return { ok: false, reason: worst.reason, detail: worst.detail ? `${worst.detail}; ${tried}` : tried };
    },
    /** Signs as the first (documented) candidate. */
    sign(platform, scheme, rawBody, secret, now) {
      const [first] = scheme.candidates;
      return handlerOf(first).sign(platform, first, rawBody, secret, now);
    },
  };
}
