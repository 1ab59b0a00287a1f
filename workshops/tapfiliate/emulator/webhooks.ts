/**
 * Tapfiliate's dashboard "Triggers" for the emulator, from its documents only: one trigger = one
 * event and one URL, action "Webhook" POSTs the bare resource JSON ("the same format documented in
 * our API doc examples"), unsigned, with no event name, event id or time [DOC:
 * https://tapfiliate.com/docs/guides/how-to-set-up-trigger-webhooks/]. The labels are the guide's.
 */
import { DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';

/** The guide's trigger events (its list is partial [DOC]), as slugs of their labels (Tapfiliate names them nowhere else). */
export const EVENTS = [
  'commission-created', 'commission-updated', 'conversion-created',
  'affiliate-created', 'affiliate-added-to-program', 'affiliate-approved-for-program', 'affiliate-disapproved-for-program',
  'affiliate-prospect-created', 'affiliate-prospect-promoted', 'affiliate-added-to-group',
  'payment-created', 'customer-created', 'customer-updated',
] as const;
export type Event = (typeof EVENTS)[number];

/**
 * The query parameter the merchant appends to the URL they paste (our directions, not
 * Tapfiliate's: Tapfiliate sends the URL as it is given, so the merchant's secret rides in it).
 */
export const MERCHANT_TOKEN_PARAM = 'ah_token';

/** One URL per trigger: the dashboard's trigger form takes exactly one event. */
export class TriggerWebhooks extends DashboardWebhooks<Event> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Tapfiliate', events: EVENTS }, log, now);
  }

  /** A trigger with one event; the secret answered is the one the merchant appends to the URL. */
  override register(url: string, events: string[]): { secret: string } {
    if (events.length !== 1) throw new Error(`A Tapfiliate trigger has exactly one event (got ${events.length}).`);
    return super.register(url, events);
  }

  /** POSTs the resource to each URL set up for `event`: no signature, no envelope. */
  override async send(event: Event, resource: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    const body = JSON.stringify(resource);
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const target = new URL(endpoint.url);
      target.searchParams.set(MERCHANT_TOKEN_PARAM, endpoint.secret);
      records.push(await this.log.send({ vendor: 'tapfiliate', event, targetUrl: target.toString(), body, headers: { 'Content-Type': 'application/json' } }));
    }
    return records;
  }
}
