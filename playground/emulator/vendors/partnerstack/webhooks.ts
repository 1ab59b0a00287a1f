/**
 * PartnerStack webhooks (platforms README §3 "Webhook management", "Events"; seed 002):
 * the `/webhooks` API and unsigned JSON deliveries.
 *
 * Nothing about signing is documented [UNK]: no secret comes back from the API and deliveries
 * carry no signature header, so a receiver can only trust the (unguessable) target URL. The
 * target is used byte for byte, query string included, so an app can put a token there.
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../common/delivery-log';
import { bodyOf } from '../../common/request';
import type { KeyParam } from '../../common/routes';
import { type Listed, PartnerStackError, listPage, newKey, ok } from './http';
import { isEventOf, isHttpUrl } from '../../common/webhooks';

/**
 * The events the emulator sends, by their V2 dotted names as subscribed. partnership.* [DOC]
 * (current guide); application.* and customer.* [DOC] as v1 names, dotted by analogy [INF];
 * transaction.created [INF] (third-party examples); reward.created [UNK] (our reading).
 */
export const PARTNERSTACK_EVENTS = [
  'partnership.created',
  'partnership.updated',
  'partnership.tags_updated',
  'application.created',
  'application.approved',
  'application.declined',
  'customer.created',
  'customer.updated',
  'transaction.created',
  'reward.created',
] as const;
export type PartnerStackEvent = (typeof PARTNERSTACK_EVENTS)[number];

/**
 * The body's `event` value: the v1 underscore name (`partnership.created` → `partnership_created`).
 * [DOC quirk] the current guide lists dotted names yet its sample body says `"partnership_created"`.
 */
export function bodyEventName(event: PartnerStackEvent): string {
  return event.replace('.', '_');
}

/** A webhook as the API shows it: `key` (`wh_…`), `target` URL, subscribed `events`, `created_at` epoch ms. */
export interface PsWebhook extends Listed {
  key: string;
  target: string;
  events: PartnerStackEvent[];
  created_at: number;
}

function isEvent(value: unknown): value is PartnerStackEvent {
  return isEventOf(PARTNERSTACK_EVENTS, value);
}

/**
 * `target`: the field name is [INF] from third-party clients (one fork uses `target_url`), so the
 * emulator accepts `target` only: an app sending `target_url` gets 400 "target is required" here,
 * which is the doubt made visible rather than hidden.
 */
function targetOf(body: Record<string, unknown>): string {
  const target = body.target;
  if (typeof target !== 'string' || target.trim() === '') throw new PartnerStackError(400, 'target is required');
  if (!isHttpUrl(target)) throw new PartnerStackError(400, 'target must be a valid URL');
  return target;
}

/** `events`: a non-empty array of V2 dotted names; v1 underscore names are refused (400). */
function eventsOf(body: Record<string, unknown>): PartnerStackEvent[] {
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) throw new PartnerStackError(400, 'events is required');
  const unknown = events.filter((event) => !isEvent(event));
  if (unknown.length > 0) throw new PartnerStackError(400, `Unknown event(s): ${unknown.map(String).join(', ')}. Allowed: ${PARTNERSTACK_EVENTS.join(', ')}`);
  return [...new Set(events.filter(isEvent))];
}

/** One account's webhooks; archived ones are gone from the API and receive nothing. */
export class PartnerStackWebhooks {
  private readonly hooks: PsWebhook[] = [];

  constructor(
    private readonly log: DeliveryLog,
    private readonly now: () => number,
  ) {}

  list(): PsWebhook[] {
    return this.hooks.map((hook) => ({ ...hook, events: [...hook.events] }));
  }

  get(key: string): PsWebhook {
    const hook = this.hooks.find((candidate) => candidate.key === key);
    if (!hook) throw new PartnerStackError(404, `Webhook ${key} not found`);
    return hook;
  }

  /** POST body `{target, events}` [INF field names]; answers the new webhook. */
  create(body: unknown): PsWebhook {
    const source = bodyOf(body);
    const hook: PsWebhook = { key: newKey('wh'), target: targetOf(source), events: eventsOf(source), created_at: this.now() };
    this.hooks.push(hook);
    return { ...hook, events: [...hook.events] };
  }

  /** PATCH [DOC method]: `target` and/or `events`, each validated as on create (our reading of an update). */
  update(key: string, body: unknown): PsWebhook {
    const hook = this.get(key);
    const source = bodyOf(body);
    if (source.target === undefined && source.events === undefined) throw new PartnerStackError(400, 'Nothing to update: send target and/or events');
    const target = source.target === undefined ? hook.target : targetOf(source);
    const events = source.events === undefined ? hook.events : eventsOf(source);
    hook.target = target;
    hook.events = events;
    return { ...hook, events: [...hook.events] };
  }

  /** DELETE = "Archive a webhook" [DOC]: it stops receiving and disappears from the API. */
  archive(key: string): PsWebhook {
    const hook = this.get(key);
    this.hooks.splice(this.hooks.indexOf(hook), 1);
    return { ...hook, events: [...hook.events] };
  }

  /**
   * POSTs `payload` plus `event` (the v1 underscore name) as plain JSON to every webhook
   * subscribed to `event`, one after another, with only `Content-Type: application/json`.
   */
  async send(event: PartnerStackEvent, payload: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const body = JSON.stringify({ ...payload, event: bodyEventName(event) });
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.filter((candidate) => candidate.events.includes(event))) {
      records.push(await this.log.send({ vendor: 'partnerstack', event, targetUrl: hook.target, body, headers: { 'Content-Type': 'application/json' } }));
    }
    return records;
  }
}


/** Mounts `/api/v2/webhooks` and `/api/v2/webhooks/{key}` [DOC paths]; answers in the standard envelope (messages ours). */
export function webhookRoutes(server: FastifyInstance, hooks: PartnerStackWebhooks): void {
  server.get<{ Querystring: Record<string, unknown> }>('/api/v2/webhooks', async (request) => listPage(hooks.list(), request.query));
  server.post('/api/v2/webhooks', async (request) => ok(hooks.create(request.body), 'Webhook created successfully'));
  server.get<KeyParam>('/api/v2/webhooks/:key', async (request) => ok({ ...hooks.get(request.params.key) }, 'Webhook retrieved successfully'));
  server.patch<KeyParam>('/api/v2/webhooks/:key', async (request) => ok(hooks.update(request.params.key, request.body), 'Webhook updated successfully'));
  server.delete<KeyParam>('/api/v2/webhooks/:key', async (request) => ok(hooks.archive(request.params.key), 'Webhook archived successfully'));
}
