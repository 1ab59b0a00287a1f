/**
 * Tamio webhook endpoints and signed deliveries (platforms README §5 "Webhook endpoints",
 * "Events"), plus the documented `POST /v2/webhook-endpoints/verify-signature`.
 *
 * Endpoints exist only in Tamio's dashboard [DOC]; the emulator's stand-in for "paste the URL,
 * tick events, copy the secret" is {@link TamioWebhooks.register} (the framework's dashboard
 * capability). The signing rule below is the emulator's own (the real header name and signed
 * string are [UNK]), so an app can only verify a delivery through the verify-signature call, as
 * the README recommends.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type DashboardEndpoint, DashboardWebhooks } from '../../common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../common/delivery-log';
import { LOWER_CASE_ALPHANUMERIC, randomText } from '../../common/ids';
import { unixSeconds } from '../../common/time';

/** The affiliate-related events [DOC] (docs.tamio.com/webhooks/affiliate-events, …/affiliate-program-events). */
export const TAMIO_EVENTS = [
  'affiliate-signup',
  'affiliate-approved',
  'affiliate-declined',
  'affiliate-removed',
  'affiliate-program-created',
  'affiliate-program-updated',
  'affiliate-program-removed',
] as const;
export type TamioEvent = (typeof TAMIO_EVENTS)[number];

/** [DOC] at most 100 endpoints per account. */
export const MAX_ENDPOINTS = 100;

/** [DOC] verify-signature rejects timestamps older than 5 minutes; we also refuse ones 5 minutes in the future (our choice). */
export const SIGNATURE_TOLERANCE_S = 300;

/** Emulator's choice (the real header name is [UNK]); the value format `t=<unix s>,s=<signature>` is [DOC]. */
export const TAMIO_SIGNATURE_HEADER = 'Tamio-Signature';

/** A dashboard endpoint: `events` empty = every event. `secret` format (`whsec_` + 48 hex) is ours. */
export type TamioEndpoint = DashboardEndpoint<TamioEvent>;

/**
 * The emulator's signature: lower-case hex HMAC-SHA256 of `${t}.${rawBody}` with the endpoint's
 * secret. [DOC] HMAC, endpoint secret, SHA-256, payload; the `t.` prefix and hex are our choice.
 */
export function signTamio(secret: string, t: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${t}.`, 'utf8').update(rawBody).digest('hex');
}

/** `whev_` + 16 lower-case alphanumerics, like the documented ids (e.g. `whev_1kg84n28bokqx2r9`). */
function eventId(): string {
  return `whev_${randomText(LOWER_CASE_ALPHANUMERIC, 16)}`;
}

/** Parses `t=<digits>,s=<hex>` (any order, spaces tolerated); undefined when malformed. */
function parseSignature(value: string): { t: number; s: string } | undefined {
  const parts = new Map(value.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]));
  const t = parts.get('t');
  const s = parts.get('s');
  if (t === undefined || s === undefined || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(s)) return undefined;
  return { t: Number(t), s: s.toLowerCase() };
}

/** One account's dashboard endpoints and its signed sender. */
export class TamioWebhooks extends DashboardWebhooks<TamioEvent> {
  // The dashboard asks for HTTPS [DOC]; the registry also takes http so loopback receivers work.
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'Tamio', events: TAMIO_EVENTS, maxEndpoints: MAX_ENDPOINTS }, log, now);
  }

  /**
   * Sends `data` in the documented envelope `{event_id, event_type, api_version: 2, object:
   * "event", data, endpoint_id}` to every endpoint subscribed to `event`, one after another; each
   * delivery has a fresh `event_id` and the endpoint's own id, signed at the emulator clock's time.
   */
  override async send(event: TamioEvent, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const body = JSON.stringify({ event_id: eventId(), event_type: event, api_version: 2, object: 'event', data, endpoint_id: endpoint.id });
      const t = unixSeconds(this.now());
      records.push(
        await this.log.send({
          vendor: 'tamio',
          event,
          targetUrl: endpoint.url,
          body,
          headers: { 'Content-Type': 'application/json', [TAMIO_SIGNATURE_HEADER]: `t=${t},s=${signTamio(endpoint.secret, t, body)}` },
        }),
      );
    }
    return records;
  }

  /** Whether `header` (`t=…,s=…`) over `rawBody` was made by one of this account's endpoint secrets within the tolerance. */
  verify(header: string, rawBody: Buffer): boolean {
    const parsed = parseSignature(header);
    if (!parsed) return false;
    if (Math.abs(unixSeconds(this.now()) - parsed.t) > SIGNATURE_TOLERANCE_S) return false;
    const given = Buffer.from(parsed.s, 'hex');
    return this.endpoints.some((endpoint) => {
      const expected = Buffer.from(signTamio(endpoint.secret, parsed.t, rawBody), 'hex');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  }
}

/** The emulator-only switch for the verify call: `null` = normal, else the status it answers. */
export interface TamioOutage {
  verify: number | null;
}

/** The first request header whose name contains "signature" (the real name is [UNK], so any is accepted). */
function signatureHeader(headers: Record<string, string | string[] | undefined>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (!name.toLowerCase().includes('signature')) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const INVALID = { status: 400, valid: false, errors: ['invalid payload'] } as const;

/**
 * `POST /v2/webhook-endpoints/verify-signature` [DOC]: authenticated with the API key (any valid
 * secret key: the permission it needs is [UNK]), the delivery's signature header passed as a
 * header, the raw event body as the body. Verified over the exact bytes received (a string/buffer
 * body parser replaces JSON parsing in this route's scope; the caller's key is checked by the
 * parent plugin's guard). 200 `{"status": 200, "valid": true}`
 * (the success body beyond "200 = valid" is ours), else 400 `{"status": 400, "valid": false,
 * "errors": ["invalid payload"]}` [DOC]. During an outage (see {@link TamioOutage}) it answers
 * that status with `{"status", "error"}`.
 */
export function verifyRoute(server: FastifyInstance, hooks: TamioWebhooks, outage: TamioOutage): void {
  // A child scope: its parsers stay local, while the parent's auth hook and error handler still apply.
  void server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/v2/webhook-endpoints/verify-signature', async (request, reply) => {
      if (outage.verify !== null) return reply.code(outage.verify).send({ status: outage.verify, error: 'Emulated outage' });
      const header = signatureHeader(request.headers);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (header === undefined || !hooks.verify(header, body)) return reply.code(400).send(INVALID);
      return { status: 200, valid: true };
    });
  });
}
