/**
 * The local vendor emulator: one fastify server on loopback that imitates the affiliate
 * platforms' public APIs, each mounted under `/<vendor>` (UpPromote's documented base URL
 * `https://aff-api.uppromote.com/api/v2` becomes `${emulator.url}/uppromote/api/v2`), and sends
 * their webhooks.
 *
 * Written from the vendor documents only; it never imports the app (`platforms/`, `receive/`,
 * `fields/`, `triggers/`, `creates/`), so a wrong path, field or signature rule in the app fails
 * against it instead of being mirrored by it (test/emulator/independence.test.ts).
 *
 * Adding a vendor: a folder `workshops/<id>/emulator/` whose `index.ts` exports a
 * {@link VendorModule} named `vendor` (`npm run new-platform` writes one from
 * scaffold/templates/emulator/); the server finds it by itself.
 */
import Fastify from 'fastify';
import { DeliveryLog, type DeliveryRecord, type Vendor } from './common/delivery-log';
import { discoverVendors } from './common/discover-vendors';
import type { VendorContext, VendorInstance } from './common/vendor-module';

export type { DeliveryRecord, Vendor } from './common/delivery-log';
export type { VendorContext, VendorInstance, VendorModule } from './common/vendor-module';

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Injectable clock, unix ms: rate-limit windows and new objects' timestamps follow it. Default `Date.now`. */
  now?: () => number;
}

export interface Emulator {
  /** Origin, e.g. `http://127.0.0.1:40123`; vendor APIs live under `${url}/<vendor>`. */
  url: string;
  /** Credentials the emulator accepts, per vendor, e.g. `{ uppromote: { api_key: '…' } }`. */
  credentials: Record<string, Record<string, string>>;
  /** Every delivery attempt, in order of completion (see {@link DeliveryLog}). */
  deliveries: DeliveryRecord[];
  /**
   * Delivers the documented (or constructed) example of `event`, shallowly merged with
   * `overrides`, to every subscriber of it; resolves with those attempts once all finished.
   * Rejects for a vendor not registered here or an event the vendor does not send.
   */
  fire(vendor: Vendor, event: string, overrides?: Record<string, unknown>): Promise<DeliveryRecord[]>;
  /**
   * Stands in for the merchant creating a webhook endpoint in the vendor's dashboard (pasting the
   * Zap's URL, ticking `events`, copying the signing secret): `fire` then delivers each listed
   * event (every event when `events` is empty) to `url`. Throws for a vendor without dashboard
   * endpoints, or when the vendor refuses the URL or an event name.
   */
  registerDashboardEndpoint(vendor: Vendor, url: string, events: string[]): { secret: string };
  /** The vendor's own event names that `fire` accepts, in the vendor's order. Throws for a vendor not registered here. */
  events(vendor: Vendor): readonly string[];
  /** Resolves when every delivery triggered so far (including by API calls such as approving a referral) has completed. */
  settled(): Promise<void>;
  /** Waits for pending deliveries, then stops the server. */
  close(): Promise<void>;
}

/** Every vendor folder, loaded once per process (see {@link discoverVendors}). */
const VENDORS = discoverVendors();

/** The credentials each vendor's emulation accepts, by vendor id, e.g. `EMULATOR_CREDENTIALS.uppromote.api_key`. */
export const EMULATOR_CREDENTIALS: Record<string, Record<string, string>> = Object.fromEntries(
  [...VENDORS].map(([vendor, module]) => [vendor, { ...module.credentials }]),
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Starts an emulator with freshly seeded data on 127.0.0.1.
 * Control endpoints for manual use (no auth): `POST /_emulator/:vendor/fire/:event` (optional JSON
 * body = overrides; answers the delivery records), `GET /_emulator/deliveries`,
 * `GET /_emulator/:vendor/subscriptions`, `POST /_emulator/:vendor/dashboard-endpoints`
 * (`{url, events}` → `{secret}`), plus each vendor's own `controls`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const log = new DeliveryLog();
  const context: VendorContext = { now: options.now ?? Date.now, log };
  const instances = new Map<Vendor, VendorInstance>([...VENDORS].map(([vendor, module]) => [vendor, module.create(context)]));

  const instanceOf = (vendor: string): VendorInstance => {
    const instance = instances.get(vendor);
    if (!instance) throw new Error(`The emulator has no vendor "${vendor}" (registered: ${[...instances.keys()].join(', ')}).`);
    return instance;
  };

  const fire = async (vendor: string, event: string, overrides?: Record<string, unknown>): Promise<DeliveryRecord[]> => {
    const instance = instanceOf(vendor);
    if (!instance.events.includes(event)) throw new Error(`${vendor} sends no event "${event}" (it sends: ${instance.events.join(', ')}).`);
    return log.track(instance.fire(event, overrides));
  };

  const registerDashboardEndpoint = (vendor: string, url: string, events: string[]): { secret: string } => {
    const dashboard = instances.get(vendor)?.dashboard;
    if (!dashboard) throw new Error(`The emulator has no vendor "${vendor}" with dashboard webhook endpoints.`);
    return dashboard.register(url, events);
  };

  const server = Fastify({ logger: false });
  for (const [vendor, instance] of instances) {
    if (instance.routes) await server.register(instance.routes, { prefix: `/${vendor}` });
    if (instance.controls) await server.register(instance.controls, { prefix: `/_emulator/${vendor}` });
  }

  server.post<{ Params: { vendor: string; event: string } }>('/_emulator/:vendor/fire/:event', async (request, reply) => {
    try {
      return await fire(request.params.vendor, request.params.event, isObject(request.body) ? request.body : undefined);
    } catch (error) {
      return reply.code(404).send({ message: error instanceof Error ? error.message : String(error) });
    }
  });
  server.get('/_emulator/deliveries', async () => log.records);
  server.get<{ Params: { vendor: string } }>('/_emulator/:vendor/subscriptions', async (request, reply) => {
    const instance = instances.get(request.params.vendor);
    if (!instance) return reply.code(404).send({ message: `The emulator has no vendor "${request.params.vendor}".` });
    return instance.subscriptions();
  });

  server.post<{ Params: { vendor: string } }>('/_emulator/:vendor/dashboard-endpoints', async (request, reply) => {
    const { vendor } = request.params;
    if (!instances.get(vendor)?.dashboard) return reply.code(404).send({ message: `The emulator has no vendor "${vendor}" with dashboard webhook endpoints.` });
    const body = isObject(request.body) ? request.body : {};
    const events = Array.isArray(body.events) ? body.events : [];
    if (typeof body.url !== 'string' || !events.every((event): event is string => typeof event === 'string')) {
      return reply.code(400).send({ message: 'Body must be {"url": string, "events": string[]}.' });
    }
    try {
      return registerDashboardEndpoint(vendor, body.url, events);
    } catch (error) {
      return reply.code(400).send({ message: error instanceof Error ? error.message : String(error) });
    }
  });

  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The emulator is not listening on a TCP port.');

  return {
    url: `http://127.0.0.1:${address.port}`,
    // A copy per emulator: a caller editing it must not change what other emulators accept.
    credentials: Object.fromEntries(Object.entries(EMULATOR_CREDENTIALS).map(([vendor, values]) => [vendor, { ...values }])),
    deliveries: log.records,
    fire,
    registerDashboardEndpoint,
    events: (vendor: string) => instanceOf(vendor).events,
    settled: () => log.settled(),
    close: async () => {
      await log.settled();
      await server.close();
    },
  };
}
