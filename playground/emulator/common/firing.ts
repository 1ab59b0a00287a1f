/**
 * The `events` / `fire` / `subscriptions` part of a {@link VendorInstance}, the same for every
 * vendor: check the event name, build the payload, hand it to the vendor's sender. What the
 * payload is (a documented example, overrides merged where) stays the vendor's.
 */
import type { DeliveryRecord } from './delivery-log';
import type { VendorInstance } from './vendor-module';
import { firedEvent } from './webhooks';

/** A vendor's webhook sender: delivers one event's payload to its subscribers and lists them. */
export interface WebhookSender<E extends string, P> {
  send(event: E, payload: P): Promise<DeliveryRecord[]>;
  list(): unknown[];
}

/**
 * `fire` for `events` through `hooks`: `payload` builds what is sent from the event and the
 * caller's overrides (`{}` when none). An event name the vendor does not send throws a plain
 * Error naming `vendorName` (emulator misuse, not an API answer).
 */
export function webhookFiring<E extends string, P>(
  vendorName: string,
  events: readonly E[],
  hooks: WebhookSender<E, P>,
  payload: (event: E, overrides: Record<string, unknown>) => P,
): Pick<VendorInstance, 'events' | 'fire' | 'subscriptions'> {
  return {
    events,
    fire: async (name, overrides) => {
      const event = firedEvent(events, vendorName, name);
      return hooks.send(event, payload(event, overrides ?? {}));
    },
    subscriptions: () => hooks.list(),
  };
}
