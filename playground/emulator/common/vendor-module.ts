/**
 * The contract between the emulator server and a vendor folder (`vendors/<id>/index.ts`, whose
 * named export `vendor` is a {@link VendorModule}). Kept apart from `server.ts` so that vendors
 * depend on this contract only, never on the server that loads them.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from './delivery-log';

/** What a vendor module gets from the emulator. */
export interface VendorContext {
  /** The emulator's clock, unix ms. */
  now: () => number;
  /** Send deliveries through this (it logs them) and track after-response work with it. */
  log: DeliveryLog;
}

/** One emulator instance's view of a vendor: its routes, and its webhook sender. */
export interface VendorInstance {
  /** The vendor's API, registered under the prefix `/<vendor>`; absent for a vendor that only sends webhooks. */
  routes?: FastifyPluginAsync;
  /** The vendor's own event names that `fire` accepts. */
  events: readonly string[];
  /** Delivers the example of `event` merged with `overrides` (see `Emulator.fire`); only called with a name from `events`. */
  fire(event: string, overrides?: Record<string, unknown>): Promise<DeliveryRecord[]>;
  /** Current webhook subscriptions, in the vendor's own shape (for the control endpoint). */
  subscriptions(): unknown[];
  /** For a vendor whose webhooks are created only in its dashboard: see `Emulator.registerDashboardEndpoint`. */
  dashboard?: { register(url: string, events: string[]): { secret: string } };
  /** Emulator-only control routes of this vendor, registered under the prefix `/_emulator/<vendor>`. */
  controls?: FastifyPluginAsync;
}

/** A vendor folder's export: fixed test credentials and a factory for fresh per-emulator state. */
export interface VendorModule<C extends Record<string, string> = Record<string, string>> {
  credentials: C;
  create(context: VendorContext): VendorInstance;
}
