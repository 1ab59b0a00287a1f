/**
 * `standard_webhooks`: the Standard Webhooks spec (https://www.standardwebhooks.com), verified by
 * its own library: headers `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature`
 * (`v1,<base64>` entries), key = base64 of the secret after `whsec_`, signed `id.timestamp.body`.
 * The library checks the signature and its own 5-minute tolerance against the clock; the
 * scheme's tolerance is checked first against `now`, so a stale delivery is named as such.
 *
 * Svix (which delivers for several vendors) sends the same three headers named `svix-id`,
 * `svix-timestamp` and `svix-signature`, with the same algorithm and `whsec_` keys
 * (https://docs.svix.com/receiving/verifying-payloads/how-manual). Verification accepts either
 * family (case-insensitive, with or without Zapier's `Http-` prefix): the first family whose three
 * headers are all present is read, and handed to the library under the spec's names.
 */
import { createHash } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { findHeader, isFresh, readSignedTime, refused, safeEqualText, type SignedTime, secretsFor, type VerifyResult } from './primitives';
import type { SchemeHandler, SchemeOf } from './scheme';

type StandardWebhooksScheme = SchemeOf<'standard_webhooks'>;

/** The spec's header names (lower-case; Zapier's `Http-` prefix is removed by findHeader). */
const ID_HEADER = 'webhook-id';
const TIMESTAMP_HEADER = 'webhook-timestamp';
const SIGNATURE_HEADER = 'webhook-signature';

/** The header families read, in order: the spec's `webhook-*`, then Svix's `svix-*`. */
const HEADER_FAMILIES = ['webhook', 'svix'] as const;

/** The three headers of a family, by what they carry. */
type SignedHeaders = { id: string; timestamp: string; signature: string };

/** The three headers of the first family present in full, or undefined when no family is. */
function signedHeaders(headers: Record<string, string | undefined>): SignedHeaders | undefined {
  for (const family of HEADER_FAMILIES) {
    const id = findHeader(headers, `${family}-id`);
    const timestamp = findHeader(headers, `${family}-timestamp`);
    const signature = findHeader(headers, `${family}-signature`);
    if (id !== undefined && timestamp !== undefined && signature !== undefined) return { id, timestamp, signature };
  }
  return undefined;
}

/**
 * The library's verifier for a secret, or undefined when the secret is not a Standard Webhooks
 * key (not base64 after `whsec_`): then this scheme cannot be the one it signs with.
 */
function verifierFor(secret: string): Webhook | undefined {
  try {
    return new Webhook(secret);
  } catch {
    return undefined;
  }
}

/**
 * True when `verifier`'s key signed the delivery. The library's `verify` decides, except with the
 * tolerance ignored: it also holds the time to 5 minutes of the clock, so then its own `sign`
 * recomputes the signature for the signed time, compared in constant time with each `v1,` entry.
 */
function signedBy(verifier: Webhook, rawBody: string, found: SignedHeaders, time: SignedTime, ignoreTolerance: boolean): boolean {
  if (ignoreTolerance) {
    const expected = verifier.sign(found.id, new Date(time.seconds * 1000), rawBody).split(',')[1] ?? '';
    return found.signature.split(' ').some((entry) => entry.startsWith('v1,') && safeEqualText(entry.slice(3), expected));
  }
  const headers = { [ID_HEADER]: found.id, [TIMESTAMP_HEADER]: found.timestamp, [SIGNATURE_HEADER]: found.signature };
  try {
    // jsonParse off: the body is parsed once, later, by the pipeline (and need not be JSON here).
    verifier.verify(rawBody, headers, { jsonParse: false });
    return true;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return false;
  }
}

/** Verifies with the library for each expected secret; signs with the library's own `sign`. */
export const standardWebhooksScheme: SchemeHandler<StandardWebhooksScheme> = {
  verify({ scheme, delivery, expectation, now, ignoreTolerance = false }): VerifyResult {
    const secrets = secretsFor(expectation, 'key');
    if (secrets.length === 0) return refused('missing_secret');
    const found = signedHeaders(delivery.headers);
    if (found === undefined) return refused('missing_signature');
    const time = readSignedTime(found.timestamp);
    if (time === undefined) return refused('malformed_signature');
    if (!ignoreTolerance && !isFresh(time.seconds, now, scheme.toleranceSeconds)) return refused('stale_timestamp');
    for (const secret of secrets) {
      const verifier = verifierFor(secret);
      if (verifier !== undefined && signedBy(verifier, delivery.rawBody, found, time, ignoreTolerance)) return { ok: true, secret, freshSigned: !ignoreTolerance };
    }
    return refused('signature_mismatch');
  },
  /**
   * The message id is derived from the body (stable, so a re-sent delivery is a retry). The
   * secret must be a Standard Webhooks key (`whsec_<base64>`). The headers are named in the
   * scheme's `headers` family (`webhook-*` unless it says `svix`).
   */
  sign(_platform, scheme, rawBody, secret, now) {
    const id = `msg_${createHash('sha256').update(rawBody).digest('hex').slice(0, 24)}`;
    const timestamp = new Date(Math.floor(now / 1000) * 1000);
    const family = scheme.headers ?? 'webhook';
    return {
      headers: {
        [`${family}-id`]: id,
        [`${family}-timestamp`]: String(timestamp.getTime() / 1000),
        [`${family}-signature`]: new Webhook(secret).sign(id, timestamp, rawBody),
      },
      query: {},
    };
  },
};
