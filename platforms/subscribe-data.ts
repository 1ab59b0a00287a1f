/**
 * What a Zap keeps between subscribe and unsubscribe (Zapier's `subscribeData`), written by
 * webhooks.ts and read back through schemas.ts' `subscribeDataSchema`: a shape of its own, so the
 * schema and the registration code need not import each other.
 */
import type { PlatformId } from './types';

/** One vendor-side subscription. */
export interface VendorSubscription {
  /** Vendor events it covers. */
  events: string[];
  /** The vendor's id for it, where the vendor returns one. */
  id?: string;
  /** Its signing secret (issued by the vendor, or chosen by us). */
  secret?: string;
  /**
   * A signing secret the vendor issued although we chose `secret` ourselves (a vendor documented as
   * both taking our header token and, perhaps, issuing a secret): a second secret the platform's
   * candidate schemes may verify with, and what live-check identifies the vendor's scheme by.
   */
  issuedSecret?: string;
  /**
   * The target URL we registered (with our query parameters): on a one-per-event vendor, what
   * unsubscribe compares with the vendor's current subscription before removing it.
   */
  target?: string;
  /**
   * Where the vendor refused newer event names and their fallbacks were subscribed instead
   * (`VendorEvent.fallback`): fallback event → the events it stands in for. The receive path runs
   * the Zap only for the fallback's deliveries that carry what a replaced event would have.
   */
  standIns?: Record<string, string[]>;
}

/** What a Zap keeps between subscribe and unsubscribe (Zapier's `subscribeData`). */
export interface SubscribeData {
  /** Zapier requires an id: the vendor ids, or the events, joined. */
  id: string;
  platform: PlatformId;
  subscriptions: VendorSubscription[];
  /** The random token in the target URL, for `url_token` platforms. */
  token?: string;
}
