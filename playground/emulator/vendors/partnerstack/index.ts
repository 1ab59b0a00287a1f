/**
 * The PartnerStack emulator (platforms README §3; seed 002), mounted under `/partnerstack` so
 * that the documented vendor base `https://api.partnerstack.com/api/v2` is
 * `${emulator.url}/partnerstack/api/v2`.
 *
 * - routes: Basic auth and envelopes (http.ts), the webhooks API (webhooks.ts),
 *   data and action endpoints (api.ts) over a seeded account (data.ts);
 * - fire: the documented sample of an event where one exists (with the body's `event` set to the
 *   v1 underscore name), otherwise a payload constructed from the current store.
 */
import {
  APPLICATION_CREATED_SAMPLE,
  CUSTOMER_UPDATED_SAMPLE,
  PARTNERSHIP_CREATED_SAMPLE,
  type PartnerStackState,
  seedState,
} from './data';
import { apiRoutes } from './api';
import { type PartnerStackCredentials, guard } from './http';
import { PARTNERSTACK_EVENTS, type PartnerStackEvent, PartnerStackWebhooks, webhookRoutes } from './webhooks';
import type { VendorModule } from '../../common/vendor-module';
import { webhookFiring } from '../../common/firing';

/** The key pair the emulator accepts (PartnerStack's key format is not documented; `pk_`/`sk_` prefixes are ours). */
export const PARTNERSTACK_CREDENTIALS: PartnerStackCredentials = {
  public_key: 'pk_emu_3d8f1a6c9b2e4f70a5c1',
  api_key: 'sk_emu_9e27b4d1c6a84f3b8d05e7a2c4f19b63',
};

/** The payload `fire` sends for each event, before overrides and before the sender sets `event`. */
function examplePayload(state: PartnerStackState, event: PartnerStackEvent): Record<string, unknown> {
  switch (event) {
    // [DOC] one sample is shown for all three partnership events.
    case 'partnership.created':
    case 'partnership.updated':
    case 'partnership.tags_updated':
      return { ...PARTNERSHIP_CREATED_SAMPLE, group: { ...PARTNERSHIP_CREATED_SAMPLE.group } };
    // [DOC] one sample for created/approved/declined; `approved` follows the decision (ours: the sample shows null).
    case 'application.created':
      return { ...APPLICATION_CREATED_SAMPLE };
    case 'application.approved':
      return { ...APPLICATION_CREATED_SAMPLE, approved: true };
    case 'application.declined':
      return { ...APPLICATION_CREATED_SAMPLE, approved: false, decline_reason: 'Coupon and cashback sites are not eligible for this program.' };
    // [DOC] the v1 customer sample (the V2 customer payload is not readable).
    case 'customer.created':
    case 'customer.updated':
      return { ...CUSTOMER_UPDATED_SAMPLE };
    // Constructed (no documented sample): the newest seeded transaction / reward, amounts in cents, times in epoch ms.
    case 'transaction.created':
      return { ...newest(state.transactions) };
    case 'reward.created':
      return { ...newest(state.rewards) };
  }
}

function newest<T extends { created_at: number }>(items: readonly T[]): T {
  const [first] = [...items].sort((a, b) => b.created_at - a.created_at);
  if (!first) throw new Error('The seeded PartnerStack store is empty.');
  return first;
}

/** PartnerStack for the emulator registry: credentials `{ public_key, api_key }` (api_key = the secret key) and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ public_key: string; api_key: string }> = {
  credentials: { ...PARTNERSTACK_CREDENTIALS },
  create({ now, log }) {
    const state = seedState();
    const hooks = new PartnerStackWebhooks(log, now);
    return {
      routes: async (server) => {
        guard(server, PARTNERSTACK_CREDENTIALS);
        webhookRoutes(server, hooks);
        apiRoutes(server, { state, hooks, log, now });
      },
      ...webhookFiring('PartnerStack', PARTNERSTACK_EVENTS, hooks, (event, overrides) => ({ ...examplePayload(state, event), ...overrides })),
    };
  },
};
