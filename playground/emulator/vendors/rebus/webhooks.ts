/**
 * Rebus AI webhooks (platforms README §4 "Webhooks"; seed 003): the `/webhooks/` API and signed
 * deliveries.
 *
 * Delivery body [DOC-3P]: `{"event", "timestamp" (unix s), "data": {…}, "signature": "sha256=<hex>"}`.
 * Signature: the docs' Python verifier computes `hmac(secret, request.body, sha256).hexdigest()`
 * over the raw body and compares it with the `X-Webhook-Signature` header minus `sha256=`
 * [DOC seed]. A body cannot contain an HMAC of itself, so the two signatures differ here:
 * - header `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body bytes)>` — what the
 *   documented verifier checks, and the only one a receiver should trust;
 * - in-body `signature`: `sha256=<hex HMAC-SHA256(secret, the body serialised without that
 *   field)>` — our reading of the documented example's field (it is unverifiable from the raw
 *   body, and a verifier that checks it instead of the header is following no documented step).
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../common/delivery-log';
import { bodyOf } from '../../common/request';
import { isoSeconds, unixSeconds } from '../../common/time';
import { RebusError, invalid, paginate, success } from './http';
import { hmacSha256Hex, isEventOf, isHttpUrl } from '../../common/webhooks';

/** The twelve events [DOC-3P] (webhooks page table). */
export const REBUS_EVENTS = [
  'affiliate.created',
  'affiliate.approved',
  'affiliate.rejected',
  'commission.created',
  'commission.approved',
  'commission.rejected',
  'payout.created',
  'payout.processed',
  'payout.failed',
  'link.clicked',
  'conversion.recorded',
  'code.redeemed',
] as const;
export type RebusEvent = (typeof REBUS_EVENTS)[number];

/** The header carrying the raw-body signature [DOC seed: `request.headers.get('X-Webhook-Signature')`]. */
export const SIGNATURE_HEADER = 'X-Webhook-Signature';

/** `sha256=` + lower-case hex HMAC-SHA256 of `payload` with `secret` [DOC-3P]. */
export function signRebus(secret: string, payload: string): string {
  return `sha256=${hmacSha256Hex(secret, payload)}`;
}

function asciiEscaped(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON as Python's `json.dumps` writes it by default: `", "` and `": "` separators, non-ASCII
 * escaped as `\uXXXX`. Our choice: the sender looks like Django, and these bytes differ from
 * `JSON.stringify` of the parsed body, so a verifier that re-serialises instead of hashing the raw
 * body fails here as it would against such a sender. (Python would print `15.0` for a float; JS
 * numbers cannot tell, so numbers are written as JavaScript writes them.)
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    return `{${entries.map(([key, entry]) => `${asciiEscaped(JSON.stringify(key))}: ${pythonJson(entry)}`).join(', ')}}`;
  }
  return asciiEscaped(JSON.stringify(value) ?? 'null');
}

/** A webhook as the API shows it (response fields [INF]: `id` integer, no secret echoed — our choice). */
export interface RbWebhookView {
  id: number;
  url: string;
  events: RebusEvent[];
  active: boolean;
  created_date: string;
}

interface RbWebhook extends RbWebhookView {
  secret: string;
}

function isEvent(value: unknown): value is RebusEvent {
  return isEventOf(REBUS_EVENTS, value);
}

function view(hook: RbWebhook): RbWebhookView {
  return { id: hook.id, url: hook.url, events: [...hook.events], active: hook.active, created_date: hook.created_date };
}

/**
 * Validates the documented create body `{url, events, secret, active}`: `url` an http(s) URL,
 * `events` a non-empty array of the twelve names, `secret` a non-empty string chosen by the
 * caller [DOC-3P], `active` a boolean (default true, our choice). Every problem is listed in one
 * 400 `validation_error`, DRF style.
 */
function parseCreate(body: unknown): Omit<RbWebhook, 'id' | 'created_date'> {
  const source = bodyOf(body);
  const details: Record<string, string[]> = {};
  const { url, events, secret, active } = source;
  if (typeof url !== 'string' || url.trim() === '') details.url = ['This field is required.'];
  else if (!isHttpUrl(url)) details.url = ['Enter a valid URL.'];
  if (!Array.isArray(events) || events.length === 0) details.events = ['This field is required.'];
  else if (!events.every(isEvent)) details.events = [`Unknown event(s): ${events.filter((event) => !isEvent(event)).map(String).join(', ')}.`];
  if (typeof secret !== 'string' || secret === '') details.secret = ['This field is required.'];
  if (active !== undefined && typeof active !== 'boolean') details.active = ['Must be a valid boolean.'];
  if (Object.keys(details).length > 0) throw invalid(details);
  return {
    url: String(url),
    events: [...new Set((events as unknown[]).filter(isEvent))],
    secret: String(secret),
    active: active !== false,
  };
}

/** One program's webhooks and their signed sender. */
export class RebusWebhooks {
  private readonly hooks: RbWebhook[] = [];
  private nextId = 1;

  constructor(
    private readonly log: DeliveryLog,
    private readonly now: () => number,
  ) {}

  list(): RbWebhookView[] {
    return this.hooks.map(view);
  }

  create(body: unknown): RbWebhookView {
    const hook: RbWebhook = { ...parseCreate(body), id: this.nextId, created_date: isoSeconds(this.now()) };
    this.nextId += 1;
    this.hooks.push(hook);
    return view(hook);
  }

  /** DELETE by id [INF REST convention]; 404 when unknown. */
  remove(id: number): void {
    const index = this.hooks.findIndex((hook) => hook.id === id);
    if (index < 0) throw new RebusError(404, 'not_found', `Webhook ${id} not found.`);
    this.hooks.splice(index, 1);
  }

  /**
   * Sends `data` as `event` to every active webhook subscribed to it, one after another. Each gets
   * its own bytes (the signatures depend on its secret); key order event, timestamp, data,
   * signature as in the documented example.
   */
  async send(event: RebusEvent, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const timestamp = unixSeconds(this.now());
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.filter((candidate) => candidate.active && candidate.events.includes(event))) {
      const unsigned = { event, timestamp, data };
      const body = pythonJson({ ...unsigned, signature: signRebus(hook.secret, pythonJson(unsigned)) });
      records.push(
        await this.log.send({
          vendor: 'rebus',
          event,
          targetUrl: hook.url,
          body,
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signRebus(hook.secret, body) },
        }),
      );
    }
    return records;
  }
}

/**
 * Mounts `/api/v1/affiliate/webhooks/` (POST [DOC-3P]; GET [INF]) and `/webhooks/{id}/` (DELETE
 * [INF]). Create answers 201 (DRF's default for a create; the real code is [UNK]); delete answers
 * 204 with no body (DRF's default, our choice); the list is paged like the other lists.
 */
export function webhookRoutes(server: FastifyInstance, hooks: RebusWebhooks, now: () => number): void {
  server.get<{ Querystring: Record<string, unknown> }>('/api/v1/affiliate/webhooks/', async (request) =>
    success(paginate(hooks.list(), request.query, '/webhooks/'), 'Webhooks retrieved successfully', now()),
  );
  server.post('/api/v1/affiliate/webhooks/', async (request, reply) => reply.code(201).send(success(hooks.create(request.body), 'Webhook created successfully', now())));
  server.delete<{ Params: { id: string } }>('/api/v1/affiliate/webhooks/:id/', async (request, reply) => {
    if (!/^\d+$/.test(request.params.id)) throw new RebusError(404, 'not_found', `Webhook ${request.params.id} not found.`);
    hooks.remove(Number(request.params.id));
    return reply.code(204).send();
  });
}
