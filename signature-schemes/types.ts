/**
 * The shapes of the signature layer: how a platform's data describes the way its deliveries prove
 * themselves (`SignatureScheme`), and what a scheme is handed to check one delivery. This folder
 * imports nothing from the rest of the repository, so any layer may use it: the platforms' data
 * names a scheme, the receive path verifies with it, tests, bench, playground and live-check sign
 * and identify with it.
 */

/** A webhook request as received: the exact body text, headers and query parameters. */
export interface Delivery {
  rawBody: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** What a secret is: a token we chose that the vendor sends back as given, or a key the vendor signs with. */
export type SecretUse = 'token' | 'key';

/** What a delivery may be checked against: the secrets that may have signed it, and our URL token. */
export interface VerifyKeys {
  /** One per vendor subscription, or the dashboard webhook's one; `use` absent: either use. */
  secrets: readonly { secret: string; use?: SecretUse }[];
  /** The URL token we issued, for `url_token` schemes. */
  token?: string;
}

/**
 * The platform a scheme verifies for, as far as a scheme needs it: its name for messages and
 * signed header names, and (for `remote`) its restricted-key notes, told on a 403.
 */
export interface SchemeParty {
  name: string;
  permissions?: readonly { method?: string; pathPrefix: string; note?: string }[];
}

/**
 * A `remote` scheme's verify call, below the platform's API base URL. `source` says where its shape
 * comes from (`documented`, or `inferred: <basis>`).
 */
export interface VerifyCallSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /**
   * The one name the signature's value is sent under: never the name it arrived with, which the
   * sender chose (a `Transfer-Encoding` or `Trailer` "signature" would break the call).
   */
  signatureHeader: string;
  source: string;
}

/**
 * One call to the vendor's API (see VendorAccess).
 * @param options.rawBody sent byte for byte; options.headers added as given
 * @param options.acceptStatuses statuses answered as a response rather than thrown
 * @param options.unreachable builds the error thrown when the vendor cannot be reached (gets the
 *   transport's message with secrets removed)
 * @returns the HTTP status of the answer
 * @throws what `unreachable` builds, or the app's own errors (e.g. a ThrottledError)
 */
export type VendorCall = (
  request: VerifyCallSpec,
  options: { rawBody: string; headers: Record<string, string>; acceptStatuses: readonly number[]; unreachable: (reason: string) => Error },
) => Promise<{ status: number }>;

/**
 * How a `remote` scheme reaches the vendor: given by the caller (the receive path wraps the app's
 * API client and error class), so this layer holds no HTTP client of its own.
 */
export interface VendorAccess {
  call: VendorCall;
  /** The error a genuine outage throws (the app's `z.errors.Error`, so Zapier shows a failed run). */
  error: (message: string, code: string, status: number) => Error;
  /**
   * The error when the vendor rate-limits the verify call (the app's `z.errors.ThrottledError`,
   * which Zapier retries after `delaySeconds` rather than dropping the delivery).
   */
  throttled: (message: string, delaySeconds?: number) => Error;
}

/**
 * Which headers a scheme reads: one name (case-insensitive, with or without Zapier's `Http-`
 * prefix), or every name containing a word; `ANY_HEADER` (the empty word) reads every header, for
 * vendors whose header name is unknown (the value's shape then tells).
 */
export type HeaderMatch = string | { contains: string };

/** Every header: the empty word is contained in every name. */
export const ANY_HEADER = { contains: '' } as const;

/**
 * How a delivery proves it comes from the vendor. Interpreted by signature-schemes/.
 * - `hmac`: HMAC-SHA256 of the raw body with the subscription's (or the dashboard's) secret, in a header.
 * - `timestamped_hmac`: Stripe-style `t=<unix time>,v1=<hmac of "t.body">` in one header.
 * - `standard_webhooks`: the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`), or
 *   Svix's same scheme under `svix-id`, `svix-timestamp`, `svix-signature`.
 * - `url_token`: no vendor signature; a random token we add to the target URL's query is checked.
 * - `header_token`: no vendor signature; the random secret we chose when subscribing, which the
 *   vendor sends back in a custom header of that subscription, is checked.
 * - `remote`: the vendor's own API verifies the delivery (signature shape known, signed string not).
 * - `candidates`: several of the above, all keyed by the same secret, tried in order.
 */
export type SingleSignatureScheme =
  | {
      type: 'hmac';
      header: HeaderMatch;
      encodings: readonly ('hex' | 'base64')[];
      /** An optional prefix before the digest, e.g. `sha256=` (accepted with or without it). */
      prefix?: string;
      /**
       * What is signed: the raw body (default), or the body without one of its own top-level fields
       * (a vendor that puts the signature in the body it signed, then adds that field).
       */
      signedBody?: 'raw' | { withoutField: string };
      source: string;
    }
  | {
      type: 'timestamped_hmac';
      header: HeaderMatch;
      /** The time's field, e.g. `t` (unix seconds or milliseconds). */
      timestampField: string;
      /** The signature's field, e.g. `v1` (Stripe) or `s`. */
      signatureField: string;
      encodings: readonly ('hex' | 'base64')[];
      /** A signed time further than this from now (seconds, either side) is refused. */
      toleranceSeconds: number;
      source: string;
    }
  | {
      type: 'standard_webhooks';
      toleranceSeconds: number;
      /**
       * The header family the vendor sends: `webhook` (the spec's `webhook-id` …, default) or `svix`
       * (Svix's `svix-id`, `svix-timestamp`, `svix-signature`, same algorithm). Verification accepts
       * both; signing (tests, playground) uses this one.
       */
      headers?: 'webhook' | 'svix';
      source: string;
    }
  | { type: 'url_token'; param: string; source: string }
  /** `header`: the custom header's name, set in the subscribe request's body as `{ [header]: '{{secret}}' }`. */
  | { type: 'header_token'; header: string; source: string }
  | {
      type: 'remote';
      header: HeaderMatch;
      /**
       * The value's shape: `<timestampField>=<unix time>,<…>=<signature>`; the header is the first
       * matching `header` whose value has this shape.
       */
      timestampField: string;
      /** A signed time further than this from now (seconds, either side) is refused before the vendor is called. */
      toleranceSeconds: number;
      /**
       * The verify call. It carries the raw body exactly (Content-Type application/json) and the
       * signature header's value under `signatureHeader`, and nothing else the sender sent. 200 =
       * valid, 400 = invalid, 429 = retried later (ThrottledError); any other answer verifies nothing.
       */
      request: VerifyCallSpec;
      source: string;
    };

/** A candidate scheme with the readable name logs and live-check report, e.g. `Standard Webhooks`. */
export type NamedSignatureScheme = SingleSignatureScheme & { name: string };

/** Every way a platform's deliveries can prove themselves. */
export type SignatureScheme =
  | SingleSignatureScheme
  | {
      type: 'candidates';
      /**
       * Tried in order, documented first; the first that verifies wins. All are keyed by the same
       * secret, so accepting any is no weaker than accepting one.
       */
      candidates: readonly NamedSignatureScheme[];
      /**
       * A URL token the user may choose instead on the dashboard trigger, when no candidate matches
       * their deliveries: the query parameter they append to the URL in the vendor's dashboard.
       */
      urlTokenOption?: { param: string; source: string };
      source: string;
    };
