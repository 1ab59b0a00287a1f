/**
 * The webhook endpoints of a vendor whose endpoints exist only in its dashboard (Tamio, ViralRef, Tolt…):
 * the merchant pastes a URL, ticks event types (none = every event) and copies a signing secret.
 * Only this bookkeeping is shared; each vendor's envelope, signature and retry rules stay in its
 * own emulator module (`workshops/<id>/emulator/`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeliveryLog, DeliveryRecord } from './delivery-log';
import { isEventOf, isHttpUrl } from './webhooks';

/** A dashboard endpoint: `events` empty = every event. `secret` format (`whsec_` + 48 hex) is ours for both vendors. */
export interface DashboardEndpoint<E extends string> {
  id: string;
  url: string;
  events: E[];
  secret: string;
}

/** Who owns the dashboard: the name used in refusals, the events it sends, and its endpoint cap (none when absent). */
export interface DashboardRules<E extends string> {
  vendorName: string;
  events: readonly E[];
  maxEndpoints?: number;
}

/** One account's dashboard endpoints, in creation order. */
export class DashboardEndpoints<E extends string> {
  private readonly endpoints: DashboardEndpoint<E>[] = [];

  constructor(private readonly rules: DashboardRules<E>) {}

  /** The dashboard's "Save": a new endpoint (throws on a bad URL, an unknown event, or one endpoint past the cap). */
  register(url: string, events: string[]): DashboardEndpoint<E> {
    const { vendorName, events: known, maxEndpoints } = this.rules;
    if (!isHttpUrl(url)) throw new Error(`Not an http(s) URL: ${url}`);
    const unknown = events.filter((event) => !isEventOf(known, event));
    if (unknown.length > 0) throw new Error(`${vendorName} has no event ${unknown.join(', ')} (it sends: ${known.join(', ')}).`);
    if (maxEndpoints !== undefined && this.endpoints.length >= maxEndpoints) throw new Error(`${vendorName} allows at most ${maxEndpoints} webhook endpoints.`);
    const endpoint: DashboardEndpoint<E> = {
      id: randomUUID(),
      url,
      events: events.filter((event): event is E => isEventOf(known, event)),
      secret: `whsec_${randomBytes(24).toString('hex')}`,
    };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  /** Copies of every endpoint (for the control endpoint's subscription list). */
  list(): DashboardEndpoint<E>[] {
    return this.endpoints.map((endpoint) => ({ ...endpoint, events: [...endpoint.events] }));
  }

  /**
   * The endpoints that receive `event`, in creation order. A generator over the live list, so an
   * endpoint saved while a send is awaiting earlier deliveries still receives that event.
   */
  *subscribedTo(event: E): Generator<DashboardEndpoint<E>> {
    for (const endpoint of this.endpoints) {
      if (endpoint.events.length === 0 || endpoint.events.includes(event)) yield endpoint;
    }
  }

  /** Whether any endpoint satisfies `test` (e.g. its secret made a signature). */
  some(test: (endpoint: DashboardEndpoint<E>) => boolean): boolean {
    return this.endpoints.some(test);
  }
}

/**
 * The base of a dashboard-only vendor's webhook sender: its endpoints, `register` (the dashboard's
 * "Save", answering the signing secret) and `list`. Subclasses add `send`, with their own
 * envelope, signature and retry rules.
 */
export abstract class DashboardWebhooks<E extends string> {
  protected readonly endpoints: DashboardEndpoints<E>;

  constructor(
    rules: DashboardRules<E>,
    protected readonly log: DeliveryLog,
    protected readonly now: () => number,
  ) {
    this.endpoints = new DashboardEndpoints(rules);
  }

  /** A new endpoint for `url` and `events`; see {@link DashboardEndpoints.register} for what throws. */
  register(url: string, events: string[]): { secret: string } {
    return { secret: this.endpoints.register(url, events).secret };
  }

  /** Copies of every endpoint. */
  list(): DashboardEndpoint<E>[] {
    return this.endpoints.list();
  }

  /** Delivers `data` for `event` to every endpoint subscribed to it; resolves with every attempt. */
  abstract send(event: E, data: Record<string, unknown>): Promise<DeliveryRecord[]>;
}
