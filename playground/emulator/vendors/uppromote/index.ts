/**
 * The UpPromote emulator (platforms README §1), mounted under `/uppromote` so that the documented
 * base URL `https://aff-api.uppromote.com/api/v2` is `${emulator.url}/uppromote/api/v2`.
 *
 * - routes: raw-key auth and 120/min limit (http.ts), webhook subscriptions
 *   (webhooks.ts), data and action endpoints (api.ts), over a seeded store
 *   (data.ts);
 * - fire: the documented example of an event where one exists, otherwise one constructed from the
 *   documented field lists and fragments, taken from the current store so its ids resolve.
 */
import { seeded } from '../../common/seed';
import type { VendorModule } from '../../common/vendor-module';
import { PAYMENT_PAID_EXAMPLE, type UpPromoteState, affiliateView, referralView, seedState } from './data';
import { apiRoutes } from './api';
import { guard } from './http';
import { UPPROMOTE_EVENTS, type UpPromoteEvent, UpPromoteWebhooks, webhookRoutes } from './webhooks';
import { webhookFiring } from '../../common/firing';

/** The key the emulator accepts in `Authorization` (UpPromote's key format is not documented). */
export const UPPROMOTE_API_KEY = 'upk_emu_7f3a9c2e41b84d0f9a6e5c1b2d8f4a37';

function referral(state: UpPromoteState, id: number): Record<string, unknown> {
  return referralView(state, seeded(state.referrals, id, 'referral'));
}

function affiliate(state: UpPromoteState, id: number): Record<string, unknown> {
  return affiliateView(state, seeded(state.affiliates, id, 'affiliate'));
}

/** The payload `fire` sends for each event, before overrides. */
function examplePayload(state: UpPromoteState, event: UpPromoteEvent): Record<string, unknown> {
  switch (event) {
    // referral.*: constructed from the documented field list, not a documented example
    // (referral.new's documented fragment is cut after `commission_rule.program_id`).
    case 'referral.new':
      return referral(state, 1782410);
    case 'referral.approved':
      return referral(state, 1782398);
    case 'referral.denied':
      return referral(state, 1782377);
    // Constructed: the diff shape is inferred from the documented affiliate.status-changed example.
    case 'referral.status-changed':
      return { referral_id: 1782398, previous_status: 'pending', current_status: 'approved' };
    // affiliate.*: constructed from the documented field list, not a documented example; ids and
    // leading fields follow the documented (truncated) affiliate.new / affiliate.inactive fragments.
    case 'affiliate.new':
      return affiliate(state, 2029238);
    case 'affiliate.approved':
      return affiliate(state, 2031502);
    case 'affiliate.inactive':
      return affiliate(state, 2029241);
    // Documented shape {affiliate_id, previous_status, current_status}; the id is ours.
    case 'affiliate.status-changed':
      return { affiliate_id: 2029241, previous_status: 'active', current_status: 'inactive' };
    // Verbatim documented example.
    case 'payment.paid':
      return { ...PAYMENT_PAID_EXAMPLE };
  }
}

/** UpPromote for the emulator registry: credentials `{ api_key }` and a fresh seeded store per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: UPPROMOTE_API_KEY },
  create({ now, log }) {
    const state = seedState();
    const hooks = new UpPromoteWebhooks(log, now);
    return {
      routes: async (server) => {
        guard(server, UPPROMOTE_API_KEY, now);
        webhookRoutes(server, hooks);
        apiRoutes(server, { state, hooks, log, now });
      },
      ...webhookFiring('UpPromote', UPPROMOTE_EVENTS, hooks, (event, overrides) => ({ ...examplePayload(state, event), ...overrides })),
    };
  },
};
