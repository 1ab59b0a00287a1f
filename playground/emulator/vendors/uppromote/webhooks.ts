/**
 * UpPromote webhook subscriptions and signed deliveries (platforms README §1 "Webhook
 * subscription management", "Events", "Payloads", "Signature").
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DeliveryLog, DeliveryRecord } from '../../common/delivery-log';
import { isoSeconds } from '../../common/time';
import { bodyOf, text } from '../../common/request';
import { UpPromoteError, oneOf, paginate, required, success } from './http';
import { hmacSha256Hex, isEventOf, isHttpUrl } from '../../common/webhooks';

/** The nine events [DOC] (docs.uppromote.com + apidog "Webhook Event Payload"). */
export const UPPROMOTE_EVENTS = [
  'referral.new',
  'referral.approved',
  'referral.denied',
  'referral.status-changed',
  'affiliate.new',
  'affiliate.approved',
  'affiliate.inactive',
  'affiliate.status-changed',
  'payment.paid',
] as const;
export type UpPromoteEvent = (typeof UPPROMOTE_EVENTS)[number];

/** A list item [INF] (PostHog fixtures): `{event, target_url, status: "active", secret_key, created_at}`. */
export interface UpSubscription {
  event: UpPromoteEvent;
  target_url: string;
  status: 'active';
  secret_key: string;
  created_at: string;
}

/** `X-UpPromote-Signature` [DOC]: HMAC-SHA256 of the raw body with the subscription's secret key, lower-case hex [INF]. */
export function signUpPromote(secretKey: string, rawBody: string): string {
  return hmacSha256Hex(secretKey, rawBody);
}

/**
 * The body bytes: JSON with `/` and non-ASCII escaped as PHP's `json_encode` does by default.
 * Our choice: the exact bytes are not documented, and this way a verifier that re-serialises the
 * parsed body instead of hashing the raw one fails here as it would against a PHP sender. Both
 * characters can only occur inside JSON strings, so the replacements cannot touch the syntax.
 */
export function encodeBody(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The 422 message when the subscribe-time URL check fails (wording is ours; the real one is [UNK]). */
const URL_CHECK_FAILED = 'target_url did not respond with 200';

function isEvent(value: string): value is UpPromoteEvent {
  return isEventOf(UPPROMOTE_EVENTS, value);
}

/** One store's subscriptions (at most one per event [INF]) and its signed sender. */
export class UpPromoteWebhooks {
  private readonly byEvent = new Map<UpPromoteEvent, UpSubscription>();

  constructor(
    private readonly log: DeliveryLog,
    private readonly now: () => number,
  ) {}

  list(): UpSubscription[] {
    return [...this.byEvent.values()].map((subscription) => ({ ...subscription }));
  }

  /**
   * Sends `payload` (the bare object [INF]: no envelope, no event name) to the subscriber of
   * `event`, if any, with `Content-Type: application/json` and `X-UpPromote-Signature`.
   */
  async send(event: UpPromoteEvent, payload: unknown): Promise<DeliveryRecord[]> {
    const subscription = this.byEvent.get(event);
    if (!subscription) return [];
    const body = encodeBody(payload);
    const record = await this.log.send({
      vendor: 'uppromote',
      event,
      targetUrl: subscription.target_url,
      body,
      headers: { 'Content-Type': 'application/json', 'X-UpPromote-Signature': signUpPromote(subscription.secret_key, body) },
    });
    return [record];
  }

  /**
   * [INF] (two third-party receivers): before accepting a URL, UpPromote POSTs an unsigned request
   * with an empty body and requires HTTP 200. Sending `Content-Type: application/json` with that
   * empty body is our choice (the harder case for a receiver that parses JSON).
   */
  private async checkUrl(event: UpPromoteEvent, targetUrl: string): Promise<void> {
    const record = await this.log.send({ vendor: 'uppromote', event: `url-check:${event}`, targetUrl, body: '', headers: { 'Content-Type': 'application/json' } });
    if (record.status !== 200) throw new UpPromoteError(422, URL_CHECK_FAILED);
  }

  /** Parses and validates `{target_url, event}` (422 on an unknown event or a missing / non-URL target). */
  private static input(body: unknown): { event: UpPromoteEvent; targetUrl: string } {
    const source = bodyOf(body);
    const event = required(source, 'event');
    if (!isEvent(event)) throw new UpPromoteError(422, `The selected event is invalid. Allowed: ${UPPROMOTE_EVENTS.join(', ')}.`);
    const targetUrl = required(source, 'target_url');
    if (!isHttpUrl(targetUrl)) throw new UpPromoteError(422, 'The target url must be a valid URL.');
    return { event, targetUrl };
  }

  /**
   * One subscription per event per store [INF]. What the real API does on a second POST for the
   * same event is [UNK]; our reading: a different target_url is refused with 422 "The event <e>
   * has already been subscribed", the same target_url returns the existing subscription.
   */
  async subscribe(body: unknown): Promise<UpSubscription> {
    const { event, targetUrl } = UpPromoteWebhooks.input(body);
    const existing = this.byEvent.get(event);
    if (existing && existing.target_url === targetUrl) return { ...existing };
    if (existing) throw new UpPromoteError(422, `The event ${event} has already been subscribed`);
    await this.checkUrl(event, targetUrl);
    const subscription: UpSubscription = {
      event,
      target_url: targetUrl,
      status: 'active',
      secret_key: randomBytes(20).toString('hex'),
      created_at: isoSeconds(this.now()),
    };
    // Re-check: another subscribe for this event may have completed while the URL was checked.
    const raced = this.byEvent.get(event);
    if (raced && raced.target_url === targetUrl) return { ...raced };
    if (raced) throw new UpPromoteError(422, `The event ${event} has already been subscribed`);
    this.byEvent.set(event, subscription);
    return { ...subscription };
  }

  /** PUT keyed by event [INF] (polymetrics): a new target_url, checked like a new one; the secret stays. */
  async update(body: unknown): Promise<UpSubscription> {
    const { event, targetUrl } = UpPromoteWebhooks.input(body);
    const existing = this.byEvent.get(event);
    if (!existing) throw new UpPromoteError(404, `No subscription for the event ${event}`);
    if (existing.target_url !== targetUrl) await this.checkUrl(event, targetUrl);
    existing.target_url = targetUrl;
    return { ...existing };
  }

  /** DELETE with JSON body `{event}` [INF]; 404 when the event has no subscription. */
  remove(body: unknown): void {
    const event = oneOf(bodyOf(body), 'event', UPPROMOTE_EVENTS);
    if (event === undefined) throw new UpPromoteError(422, 'The event field is required.');
    if (!this.byEvent.delete(event)) throw new UpPromoteError(404, `No subscription for the event ${event}`);
  }
}

/** Mounts `/api/v2/webhook-subscriptions` (GET list [DOC], POST [DOC], PUT [DOC] method, DELETE [DOC] method). */
export function webhookRoutes(server: FastifyInstance, hooks: UpPromoteWebhooks): void {
  server.get<{ Querystring: Record<string, unknown> }>('/api/v2/webhook-subscriptions', async (request) => {
    const event = text(request.query, 'event');
    const items = hooks.list().filter((subscription) => event === undefined || subscription.event === event);
    return success(paginate(items, request.query));
  });

  // The POST answer's fields follow the brief: {event, target_url, secret_key, created_at} ([INF]: PostHog reads data.secret_key).
  server.post('/api/v2/webhook-subscriptions', async (request) => {
    const { event, target_url, secret_key, created_at } = await hooks.subscribe(request.body);
    return success({ event, target_url, secret_key, created_at });
  });

  server.put('/api/v2/webhook-subscriptions', async (request) => {
    const { event, target_url, secret_key, created_at } = await hooks.update(request.body);
    return success({ event, target_url, secret_key, created_at });
  });

  server.delete('/api/v2/webhook-subscriptions', async (request) => {
    hooks.remove(request.body);
    return success();
  });
}
