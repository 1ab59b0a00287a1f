/**
 * ViralRef dashboard webhooks and signed, retried deliveries (platforms README §2, seeds/001
 * "Webhooks", "Verifying Webhook Signatures", "Webhook Delivery").
 *
 * [DOC]: webhooks are created in the dashboard (URL + chosen event types), the signing secret is
 * shown at creation, each request carries a signature header, JSON POST, a 2xx is expected within
 * 10 s, failures are retried with exponential backoff. Everything else is the emulator's choice
 * and says so where it is made.
 */
import { randomBytes } from 'node:crypto';
import { type DashboardEndpoint, DashboardWebhooks } from '../../../playground/emulator/common/dashboard-endpoints';
import type { DeliveryLog, DeliveryRecord } from '../../../playground/emulator/common/delivery-log';
import { isoSeconds } from '../../../playground/emulator/common/time';
import { VIRALREF_EVENTS, type ViralRefEvent } from './data';
import { hmacSha256Hex } from '../../../playground/emulator/common/webhooks';

/** Our choice: header name, `sha256=` prefix and hex encoding are [UNK]. */
export const VIRALREF_SIGNATURE_HEADER = 'X-ViralRef-Signature';

/**
 * Our choice of retry schedule, scaled down so tests stay fast: at most 3 attempts per endpoint,
 * waiting 50 ms then 100 ms (doubling) after a non-2xx or no answer. The real schedule is [UNK].
 * Each attempt is its own delivery record (same body, same signature), so the log shows the retry.
 */
export const VIRALREF_MAX_ATTEMPTS = 3;
export const VIRALREF_BACKOFF_MS = 50;

/** A dashboard webhook: `events` empty = every event; `secret` format (`whsec_` + 48 hex) is ours. */
export type ViralRefEndpoint = DashboardEndpoint<ViralRefEvent>;

/** `sha256=` + lower-case hex HMAC-SHA256 of the exact raw body with the endpoint's secret (our choice, see above). */
export function signViralRef(secret: string, rawBody: string): string {
  return `sha256=${hmacSha256Hex(secret, rawBody)}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One organisation's dashboard webhooks ("Create Webhook": URL + event types → signing secret) and their sender. */
export class ViralRefWebhooks extends DashboardWebhooks<ViralRefEvent> {
  constructor(log: DeliveryLog, now: () => number) {
    super({ vendorName: 'ViralRef', events: VIRALREF_EVENTS }, log, now);
  }

  /**
   * Sends the envelope `{"id": "evt_…", "event", "created_at" (ISO, emulator clock), "data"}`
   * (constructed, our choice) to every endpoint subscribed to `event`, one endpoint after another;
   * one event id per endpoint, kept across that endpoint's retries. Resolves with every attempt.
   */
  override async send(event: ViralRefEvent, data: Record<string, unknown>): Promise<DeliveryRecord[]> {
    const records: DeliveryRecord[] = [];
    for (const endpoint of this.endpoints.subscribedTo(event)) {
      const body = JSON.stringify({ id: `evt_${randomBytes(12).toString('hex')}`, event, created_at: isoSeconds(this.now()), data });
      const headers = { 'Content-Type': 'application/json', [VIRALREF_SIGNATURE_HEADER]: signViralRef(endpoint.secret, body) };
      for (let attempt = 1; attempt <= VIRALREF_MAX_ATTEMPTS; attempt += 1) {
        const record = await this.log.send({ vendor: 'viralref', event, targetUrl: endpoint.url, body, headers });
        records.push(record);
        if (record.ok) break;
        if (attempt < VIRALREF_MAX_ATTEMPTS) await sleep(VIRALREF_BACKOFF_MS * 2 ** (attempt - 1));
      }
    }
    return records;
  }
}
