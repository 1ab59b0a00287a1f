/**
 * What the contract test needs to know about a platform, written from the vendor documents (not
 * read from platforms/): how its API answers subscribe and unsubscribe, how it signs and shapes a
 * delivery, and the documented (or constructed) payloads with the normalized fields they must give.
 */
import type nock from 'nock';

/** The subscription facts a kit needs to sign a delivery: what our subscribe stored. */
export interface StoredSubscription {
  id: string;
  subscriptions: { events: string[]; id?: string; secret?: string; target?: string }[];
  token?: string;
}

export interface KitDelivery {
  /** The vendor's event name. */
  vendorEvent: string;
  /** The payload body (object, serialized by the kit as the vendor would). */
  body: Record<string, unknown>;
  /** Normalized fields the delivery must produce (a subset of the record; `raw` is checked separately). */
  expected: Record<string, unknown>;
}

export interface PlatformKit {
  id: string;
  authData: Record<string, string>;
  /** nock scope on the vendor's API origin with the auth header matched. */
  api(): nock.Scope;
  /** Expects one subscribe call for `event` to a target URL on the Zap's hook host; replies as the vendor does. */
  expectSubscribe(scope: nock.Scope, event: string): void;
  /** Expects the unsubscribe call for what subscribe stored. */
  expectUnsubscribe(scope: nock.Scope, stored: StoredSubscription): void;
  /** A signed delivery of `body` as `vendorEvent` for the stored subscription: raw body, vendor header names, query. */
  deliver(vendorEvent: string, body: Record<string, unknown>, stored: StoredSubscription): {
    rawBody: string;
    headers: Record<string, string>;
    query: Record<string, string>;
  };
  /**
   * How a forger gets a delivery wrong: `body` (the default) changes the signed body and keeps the
   * signature; `token` keeps the body and guesses the URL token, for vendors that sign nothing and
   * where only a token in the target URL proves where a delivery comes from (PartnerStack);
   * `header` keeps the body and guesses the token in `forgedHeader`, for vendors that sign nothing
   * but send back a custom header the subscription set (FirstPromoter).
   */
  forgery?: 'body' | 'token' | 'header';
  /** The header a `header` forgery guesses. */
  forgedHeader?: string;
  /** The documented (or constructed) deliveries. */
  deliveries: KitDelivery[];
}
