/**
 * Tamio in the playground: the webhook is registered in Tamio's dashboard (no API), deliveries are
 * verified through Tamio's verify-signature endpoint, and a pending affiliate approved through
 * Approve Affiliate comes back as affiliate-approved.
 */
import type { Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'tamio',
  title: 'Tamio',
  authData: (emulator) => ({ platform: 'tamio', api_key: emulator.credentials.tamio.api_key }),
  zaps: [
    { name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } },
    { name: 'new-affiliate', trigger: 'new_affiliate', expectRefusal: /Tamio registers webhooks only in its dashboard.*New Event from Dashboard Webhook/ },
  ],
  events: ['affiliate-signup', 'affiliate-approved', 'affiliate-declined', 'affiliate-removed', 'affiliate-program-created'],
  roundTrip: {
    action: 'approve_affiliate',
    findWith: { trigger: 'dashboard_webhook', where: (record) => record.status === 'pending' },
    input: (record) => ({ affiliate: record.id }),
    expect: { zap: 'dashboard', event: 'affiliate.approved', status: 'active' },
  },
  // Polling needs no dashboard step: the second pending affiliate's approval is found by a poll.
  polls: [
    {
      trigger: 'affiliate_status_polling',
      inputData: { status: 'active' },
      change: { action: 'approve_affiliate', findWith: { trigger: 'dashboard_webhook', where: (record) => record.status === 'pending' }, input: (record) => ({ affiliate: record.id }) },
    },
  ],
  tamperZap: 'dashboard',
};
