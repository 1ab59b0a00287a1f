/**
 * Dub's webhooks, emulated: the webhook API Dub's server serves (`GET` / `POST /webhooks`, `DELETE
 * /webhooks/{id}`; in no document, read in github.com/dubinc/dub `apps/web/app/api/webhooks/`) and
 * the signed sender [DOC: https://dub.co/docs/webhooks/verify-webhook-requests].
 *
 * - Create: `{name (1–40 characters), url, triggers[]}` → 201 `{id: "wh_…", name, url, secret:
 *   "whsec_…", triggers, linkScope, disabledAt, installationId}`; the same URL twice → 409
 *   `conflict`; `payout.confirmed` outside external / hybrid payout mode → 400; `link.clicked`
 *   needs a link scope, which the emulator does not model, so it is refused (400).
 * - Delivery: `{id: "evt_…", event, createdAt, data}` as `JSON.stringify` writes it, with
 *   `Dub-Signature` = lower-case hex HMAC-SHA256 of those bytes keyed with the secret text.
 */
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { MIXED_CASE_ALPHANUMERIC, randomText } from '../../../playground/emulator/common/ids';
import { bodyOf } from '../../../playground/emulator/common/request';
import { hmacSha256Hex, isEventOf, isHttpUrl } from '../../../playground/emulator/common/webhooks';

/** Dub's webhook events [DOC: webhooks/event-types, payout.confirmed page; SRC: bounty.*], without `link.clicked` (see above). */
export const EVENTS = [
  'partner.application_submitted', 'partner.enrolled', 'partner.merged', 'commission.created', 'bounty.created', 'bounty.updated',
  'payout.confirmed', 'discount_code.created', 'discount_code.deleted', 'link.created', 'link.updated', 'link.deleted', 'lead.created', 'sale.created',
] as const;
export type Event = (typeof EVENTS)[number];

interface Webhook { id: string; name: string; url: string; secret: string; triggers: Event[]; linkScope: null; disabledAt: null; installationId: null }

/** A refusal in Dub's error envelope `{error: {code, message, doc_url}}` [DOC: OpenAPI error responses]. */
export class DubError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Webhooks {
  private readonly hooks: Webhook[] = [];

  constructor(
    private readonly log: DeliveryLog,
    private readonly now: () => number,
    private readonly payoutMode: () => string,
  ) {}

  list(): Webhook[] {
    return this.hooks.map((hook) => ({ ...hook, triggers: [...hook.triggers] }));
  }

  create(body: unknown): Webhook {
    const source = bodyOf(body);
    const { name, url, triggers } = source;
    if (typeof name !== 'string' || name.length < 1 || name.length > 40) throw new DubError(422, 'unprocessable_entity', 'name: String must contain between 1 and 40 character(s)');
    if (typeof url !== 'string' || !isHttpUrl(url)) throw new DubError(422, 'unprocessable_entity', 'url: Invalid url');
    if (!Array.isArray(triggers) || !triggers.every((item) => isEventOf(EVENTS, item))) throw new DubError(422, 'unprocessable_entity', 'triggers: Invalid enum value');
    if (triggers.includes('payout.confirmed') && this.payoutMode() === 'internal') {
      throw new DubError(400, 'bad_request', "The 'payout.confirmed' trigger is not currently available for your workspace.");
    }
    if (this.hooks.some((hook) => hook.url === url)) throw new DubError(409, 'conflict', 'A Webhook with this URL already exists.');
    const hook: Webhook = {
      id: `wh_${randomText(MIXED_CASE_ALPHANUMERIC, 24)}`, name, url, secret: `whsec_${randomText(MIXED_CASE_ALPHANUMERIC, 32)}`,
      triggers: [...new Set(triggers as Event[])], linkScope: null, disabledAt: null, installationId: null,
    };
    this.hooks.push(hook);
    return { ...hook };
  }

  remove(id: string): { id: string } {
    const index = this.hooks.findIndex((hook) => hook.id === id);
    if (index < 0) throw new DubError(404, 'not_found', 'Webhook not found.');
    this.hooks.splice(index, 1);
    return { id };
  }

  /** Sends `data` as `event` to every webhook listening to it, each signed with its own secret. */
  async send(event: Event, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    for (const hook of this.hooks.filter((item) => item.triggers.includes(event))) {
      const body = JSON.stringify({ id: `evt_${randomText(MIXED_CASE_ALPHANUMERIC, 25)}`, event, createdAt: new Date(this.now()).toISOString(), data });
      const headers = { 'Content-Type': 'application/json', 'Dub-Signature': hmacSha256Hex(hook.secret, body) };
      records.push(await this.log.send({ vendor: 'dub', event, targetUrl: hook.url, body, headers }));
    }
    return records;
  }
}
