/**
 * `remote`: the vendor's own API says whether it signed a delivery (e.g.
 * `POST /webhook-endpoints/verify-signature`: signature header + raw body, 200 valid, 400 invalid
 * [DOC]); the signature's shape (`t=<unix s>,s=<signature>`) is known, its signed string is not.
 *
 * Everything the delivery carries is untrusted data: it is forwarded byte for byte (never as a
 * template), a header value HTTP cannot carry is refused before any call, and only a genuine
 * outage (unreachable, 5xx) throws, so junk cannot raise Zap errors or spend the merchant's rate
 * limit beyond one refused call, and no error text ever quotes the delivery.
 */
import {
  findHeaders,
  hmacSha256,
  isFresh,
  isSendableHeaderValue,
  parseTimestampedSignature,
  refused,
  type FoundHeader,
  type VerifyResult,
} from './primitives';
import type { SchemeParty, VendorAccess } from './types';
import type { SchemeHandler, SchemeOf, VerifyContext } from './scheme';

type RemoteScheme = SchemeOf<'remote'>;

/** The verify call's "valid" and "invalid signature" answers [DOC: the vendor's `{"status": 400, "valid": false, …}`]. */
const VALID_STATUS = 200;
const INVALID_STATUS = 400;

/** HTTP status range ends. */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, index) => 400 + index);
const SERVER_ERRORS = Array.from({ length: 100 }, (_, index) => 500 + index);

/**
 * Every answer but 429 is taken here rather than by the app's afterResponse: a 401 must not ask the
 * user to reconnect because of a stranger's request, and a 5xx error must say a delivery could not
 * be verified. A 429 is left to the app's client, whose ThrottledError carries the vendor's Retry-After.
 */
const HANDLED_STATUSES: readonly number[] = [...CLIENT_ERRORS.filter((status) => status !== 429), ...SERVER_ERRORS];

/** RFC 9110 token characters: a header name the HTTP client will send. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header matching the scheme and valued `t=…,s=…`, with its signed time (unix s, read from seconds or ms). */
type TimestampedHeader = FoundHeader & { timestamp: number };

/**
 * Finds the signature header by name and shape: the name is not documented, only that it carries
 * `t=<timestamp>,s=<signature>`, so a header named e.g. `…-Signature-Version` with another value is
 * skipped, and with `ANY_HEADER` every header is looked at and only the value's shape tells.
 * @returns the header, `malformed` when one is named like it but none has that value (or one names
 *   the time twice), undefined when none is named like it
 */
function findTimestampedHeader(
  headers: Record<string, string>,
  scheme: Pick<RemoteScheme, 'header' | 'timestampField'>,
): TimestampedHeader | 'malformed' | undefined {
  const named = findHeaders(headers, scheme.header);
  for (const header of named) {
    const parsed = parseTimestampedSignature(header.value, scheme.timestampField);
    if (parsed) return { ...header, timestamp: parsed.time.seconds };
  }
  const everyHeader = typeof scheme.header !== 'string' && scheme.header.contains === '';
  if (!everyHeader) return named.length > 0 ? 'malformed' : undefined;
  // Any header: one named like a signature, or naming the time field (`t=1,t=2,s=…`), without the shape is malformed.
  const timeField = new RegExp(`(^|,)\\s*${scheme.timestampField}=`);
  const malformed = named.some((header) => /signature/i.test(header.name) || timeField.test(header.value));
  return malformed ? 'malformed' : undefined;
}

/**
 * The error that makes Zapier show a failed run (and the vendor's retry a second chance). It names
 * the call and what went wrong, never the body, a key or the signature.
 * @param what e.g. `could not be reached to verify a webhook delivery (POST /x)`
 */
function outage(vendor: VendorAccess, platform: SchemeParty, what: string, status = 503): Error {
  return vendor.error(
    `${platform.name} ${what}. The delivery was not run; this is usually temporary and ${platform.name} normally retries it.`,
    'VerificationUnavailable',
    status,
  );
}

/**
 * What the user should do about an answer that verified nothing. A 403 tells the platform's own
 * note for the verify call where its data has one (its `permissions` table).
 */
function hintFor(status: number, platform: SchemeParty, request: RemoteScheme['request']): string {
  const note = platform.permissions?.find(
    (rule) => (rule.method === undefined || rule.method === request.method) && request.path.startsWith(rule.pathPrefix),
  )?.note;
  if (status === 403 && note !== undefined) return note;
  if (status === 401 || status === 403) return `check that the connected ${platform.name} API key is still valid (reconnect if not)`;
  return `${platform.name} may have changed its verify call`;
}

/** Statuses core throws before any middleware sees them (zapier-platform-core 18+: 429 as ThrottledError). */
function thrownStatus(error: unknown): number | undefined {
  return error instanceof Error && error.name === 'ThrottledError' ? RATE_LIMITED : undefined;
}

/** The rate-limit answer. */
const RATE_LIMITED = 429;

/** How long Zapier waits before retrying a rate-limited verification when the vendor names no time, in seconds. */
const DEFAULT_RETRY_SECONDS = 60;

/**
 * The delay a ThrottledError of core carries (its message is `{"message", "delay"}` as JSON, the
 * delay from the answer's Retry-After), if any.
 */
function retryDelay(error: unknown): number | undefined {
  try {
    const delay: unknown = (JSON.parse((error as Error).message) as { delay?: unknown }).delay;
    return typeof delay === 'number' && delay > 0 ? delay : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the vendor whether it signed the delivery. The signed time is checked first, so a replay
 * never reaches the vendor. Once the signed string is known, a local HMAC check can replace the
 * call here without touching any caller.
 * @returns verified (200); refused for a missing, malformed or stale header, an invalid answer
 *   (400) or an answer that verifies nothing (other 4xx: `verification_unavailable`)
 * @throws `vendor.error` (the app's z.errors.Error) naming the platform when it cannot be reached or answers 5xx
 * @throws `vendor.throttled` (the app's ThrottledError) on 429: Zapier retries the delivery later
 */
async function verifyRemotely({ platform, scheme, delivery, now, vendor, ignoreTolerance }: VerifyContext<RemoteScheme>): Promise<VerifyResult> {
  const header = findTimestampedHeader(delivery.headers, scheme);
  if (header === undefined) return refused('missing_signature');
  if (header === 'malformed') return refused('malformed_signature');
  const forwardedName = scheme.request.signatureHeader;
  if (!HEADER_NAME.test(forwardedName) || !isSendableHeaderValue(header.value)) return refused('malformed_signature');
  if (!ignoreTolerance && !isFresh(header.timestamp, now, scheme.toleranceSeconds)) return refused('stale_timestamp');
  const { request } = scheme;
  const call = `${request.method} ${request.path}`;
  if (vendor === undefined) return refused('verification_unavailable', `no call to ${platform.name}'s ${call} was given`);
  let status: number;
  let delay: number | undefined;
  try {
    ({ status } = await vendor.call(request, {
      // The exact bytes received, as data: re-serialized JSON would not match the vendor's signature.
      rawBody: delivery.rawBody,
      headers: { 'Content-Type': 'application/json', [forwardedName]: header.value },
      acceptStatuses: HANDLED_STATUSES,
      // The transport's own message may quote the request: only the kind of failure is kept.
      unreachable: (reason) =>
        outage(vendor, platform, `${/timeout|timed out|ETIMEDOUT/i.test(reason) ? 'did not answer in time' : 'could not be reached'} to verify a webhook delivery (${call})`),
    }));
  } catch (error) {
    const thrown = thrownStatus(error);
    if (thrown === undefined) throw error;
    status = thrown;
    delay = retryDelay(error);
  }
  // The vendor also refuses a signed time older than its tolerance [DOC], held here first.
  if (status === VALID_STATUS) return { ok: true, freshSigned: !ignoreTolerance };
  // Forgeries that passed every cheap check may have spent the limit genuine deliveries need:
  // a retry later, never a silent refusal.
  if (status === RATE_LIMITED) {
    throw vendor.throttled(
      `${platform.name} is rate-limiting ${call}, so a webhook delivery could not be verified yet; it is retried later.`,
      delay ?? DEFAULT_RETRY_SECONDS,
    );
  }
  if (status === INVALID_STATUS) return refused('rejected_by_vendor');
  if (status >= 500) throw outage(vendor, platform, `could not verify a webhook delivery: ${call} answered HTTP ${status}`, status);
  return refused('verification_unavailable', `${platform.name} answered HTTP ${status} to ${call}: ${hintFor(status, platform, request)}`);
}

/** Verifies through the vendor's verify call (verifyRemotely); signs with a stand-in for the undocumented signed string. */
export const remoteScheme: SchemeHandler<RemoteScheme> = {
  verify: verifyRemotely,
  /**
   * A stand-in for the vendor's signature: its signed string is not documented [UNK], so this
   * signs `<t>.<raw body>` (the common convention) for tests whose stand-in verify call agrees.
   */
  sign(_platform, scheme, rawBody, secret, now) {
    const timestamp = Math.floor(now / 1000);
    const digest = hmacSha256(secret, `${timestamp}.${rawBody}`).toString('hex');
    const name = scheme.request.signatureHeader;
    return { headers: { [name]: `${scheme.timestampField}=${timestamp},s=${digest}` }, query: {} };
  },
};
