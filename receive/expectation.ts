/**
 * What a trigger tells the receive path to accept: the secrets, token and vendor events a delivery
 * is checked against (verify.ts, identify.ts, delivery.ts read it; index.ts takes it from the trigger).
 */
import type { SignatureScheme } from '../signature-schemes';

/** A secret that may have signed a delivery, with the vendor events of the subscription it belongs to. */
export interface ExpectedSecret {
  secret: string;
  /** The subscription's vendor events; undefined for every event (a dashboard webhook's secret). */
  events?: readonly string[];
  /**
   * Which schemes the secret may verify in: `token` only as a token we chose and the vendor sends
   * back (`header_token`), `key` only as a signing key (HMAC schemes); undefined for either (a
   * dashboard secret). A FirstPromoter token must never pass as an HMAC key, nor the reverse.
   */
  use?: 'token' | 'key';
}

/** A route our subscribe registered: the `ah_event` of one subscription and its `ah_route` token. */
export interface ExpectedRoute {
  event: string;
  token: string;
}

/** What the receiver may accept for this trigger. */
export interface Expectation {
  /** Secrets that may have signed the delivery (one per vendor subscription, or the dashboard's). */
  secrets: readonly ExpectedSecret[];
  /** The URL token we issued, for `url_token` platforms. */
  token?: string;
  /** The route tokens of the Zap's subscriptions (receive/secrets.ts); absent for subscriptions made before them. */
  routes?: readonly ExpectedRoute[];
  /** Vendor events this trigger listens to; undefined accepts every event in the catalogue. */
  events?: readonly string[];
  /**
   * Events subscribed in place of refused ones (the subscriptions' `standIns`): their deliveries run
   * only when they carry what a replaced event would have (receive/changes.ts).
   */
  standIns?: Readonly<Record<string, readonly string[]>>;
  /**
   * The scheme to verify with instead of the platform's, where the user chose one (the dashboard
   * trigger's URL-token option).
   */
  scheme?: SignatureScheme;
}
