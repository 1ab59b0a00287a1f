/**
 * The Rebus AI emulator (platforms README §4; seed 003), mounted under `/rebus` so that the
 * documented base `https://rebusai.com/api/v1/affiliate` is `${emulator.url}/rebus/api/v1/affiliate`
 * (every path ends in `/`).
 *
 * - routes: Bearer auth and envelopes (http.ts), the webhooks API (webhooks.ts), data and
 *   action endpoints (api.ts) over a seeded program (data.ts);
 * - fire: commission.approved sends the documented `data` verbatim; every other event sends data
 *   constructed from the documented field names, taken from the current store so its ids resolve.
 */
import {
  COMMISSION_APPROVED_EXAMPLE,
  type RbCommission,
  type RebusState,
  affiliatePayload,
  codeRedeemedPayload,
  commissionPayload,
  conversionPayload,
  linkClickedPayload,
  payoutPayload,
  seedState,
} from './data';
import { apiRoutes } from './api';
import { guard } from './http';
import { REBUS_EVENTS, type RebusEvent, RebusWebhooks, webhookRoutes } from './webhooks';
import { seeded } from '../../common/seed';
import type { VendorModule } from '../../common/vendor-module';
import { webhookFiring } from '../../common/firing';

/** The sandbox key the emulator accepts as `Authorization: Bearer <key>` ([DOC-3P] format `sk_test_…`). */
export const REBUS_API_KEY = 'sk_test_emu4f9c2a7b1d8e3f6a0c5b9d2e7f1a4c8';

function commission(state: RebusState, id: number): RbCommission {
  return seeded(state.commissions, id, 'commission');
}

function affiliateData(state: RebusState, id: number): Record<string, unknown> {
  return affiliatePayload(seeded(state.affiliates, id, 'affiliate'));
}

function payoutData(state: RebusState, id: number): Record<string, unknown> {
  return payoutPayload(state, seeded(state.payouts, id, 'payout'));
}

/** The `data` `fire` sends for each event, before overrides (shallowly merged into `data`). */
function exampleData(state: RebusState, event: RebusEvent, now: number): Record<string, unknown> {
  const john = seeded(state.affiliates, 123, 'affiliate');
  switch (event) {
    // Verbatim [DOC-3P]: the only documented payload.
    case 'commission.approved':
      return { ...COMMISSION_APPROVED_EXAMPLE };
    // The rest is constructed from the documented field names (see data.ts).
    case 'commission.created':
      return commissionPayload(state, commission(state, 572));
    case 'commission.rejected':
      return commissionPayload(state, commission(state, 570));
    case 'conversion.recorded':
      return conversionPayload(state, commission(state, 572));
    case 'affiliate.created':
      return affiliateData(state, 128);
    case 'affiliate.approved':
      return affiliateData(state, 124);
    case 'affiliate.rejected':
      return affiliateData(state, 127);
    case 'payout.created':
      return payoutData(state, 901);
    case 'payout.processed':
      return payoutData(state, 902);
    case 'payout.failed':
      return { ...payoutData(state, 903), failure_reason: 'Bank account details are invalid.' };
    case 'link.clicked':
      return linkClickedPayload(john, now);
    case 'code.redeemed':
      return codeRedeemedPayload(john, now);
  }
}

/** Rebus AI for the emulator registry: credentials `{ api_key }` (a `sk_test_` key) and a fresh seeded program per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: REBUS_API_KEY },
  create({ now, log }) {
    const state = seedState();
    const hooks = new RebusWebhooks(log, now);
    return {
      routes: async (server) => {
        guard(server, REBUS_API_KEY, now);
        webhookRoutes(server, hooks, now);
        apiRoutes(server, { state, hooks, log, now });
      },
      ...webhookFiring('Rebus AI', REBUS_EVENTS, hooks, (event, overrides) => ({ ...exampleData(state, event, now()), ...overrides })),
    };
  },
};
