/**
 * The Dub Partners emulator, mounted under `/dub` (the documented base `https://api.dub.co` becomes
 * `${emulator.url}/dub`). Written from Dub's documents and, where they are silent, its public source
 * (github.com/dubinc/dub), never from platforms/: api.ts (the REST API), webhooks.ts (the webhook
 * API and the signed sender), data.ts (the workspace and its views).
 */
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { firedEvent } from '../../../playground/emulator/common/webhooks';
import { API_KEY, apiRoutes, guard } from './api';
import { Store } from './data';
import { EVENTS, Webhooks, type Event } from './webhooks';

export { API_KEY, FREE_PLAN_KEY } from './api';
export { EVENTS } from './webhooks';

/**
 * The `data` of each event fired by hand: the current object for commission, partner and payout
 * events [DOC: event pages]; for the others the documented shape with values of ours [DOC: event
 * pages, fields only].
 */
function exampleData(store: Store, event: Event): Record<string, unknown> {
  const { state } = store;
  const [enrolled, , applicant] = state.partners;
  switch (event) {
    case 'commission.created':
      return store.commissionData(state.commissions[0]);
    case 'partner.enrolled':
      return store.partnerView(enrolled);
    case 'partner.application_submitted':
      return store.applicationView(applicant);
    case 'payout.confirmed':
      return store.payoutView(state.payouts[0]);
    case 'partner.merged':
      return { sourcePartner: { id: applicant.id, tenantId: null, email: applicant.email }, targetPartner: { id: enrolled.id, tenantId: enrolled.tenantId, email: enrolled.email }, targetAlreadyEnrolled: true };
    case 'discount_code.created':
    case 'discount_code.deleted':
      return { id: 'dcode_1K39DGZG3MHY9RP4PD0AS2C5P', code: 'STEVEN10OFF', partnerId: enrolled.id, linkId: enrolled.links[0]?.id ?? null, disabledAt: null };
    case 'lead.created':
    case 'sale.created':
      return { eventName: event === 'sale.created' ? 'Purchased' : 'Sign up', customer: state.customers[0], click: { id: 'd0UtZqE0BZuBPrJS' }, link: enrolled.links[0] ?? null, partner: null, metadata: null };
    default:
      // Bounties and links: an object with its own id.
      return { id: `${event.split('.')[0]}_emu_0001`, createdAt: store.stamp() };
  }
}

/** Dub Partners for the emulator: credentials `{ api_key }` and a fresh seeded workspace per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: API_KEY },
  create({ now, log }) {
    const store = new Store(now);
    const hooks = new Webhooks(log, now, () => store.state.program.payoutMode);
    return {
      routes: async (server) => {
        guard(server);
        apiRoutes(server, store, hooks, log);
      },
      events: EVENTS,
      fire: async (name, overrides) => {
        const event = firedEvent(EVENTS, 'Dub Partners', name);
        return hooks.send(event, { ...exampleData(store, event), ...overrides });
      },
      subscriptions: () => hooks.list(),
    };
  },
};
