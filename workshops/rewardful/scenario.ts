/**
 * Rewardful in the playground: webhooks are added in Rewardful's dashboard (no API), so every
 * event goes to one dashboard Zap and commissions only to another (the event filter); the instant
 * REST-hook trigger refuses and names the dashboard trigger. A denied affiliate comes back as
 * affiliate.updated; polling finds a created affiliate and an approved one (Mark Payout Paid,
 * which answers `processing`, is covered by workshops/rewardful/platform.test.ts).
 */
import type { Scenario } from '../../playground/scenario';

const AFFILIATES = { signing_secret: 'listing-only', events: ['affiliate.created'] };

export const scenario: Scenario = {
  vendor: 'rewardful',
  title: 'Rewardful',
  authData: (emulator) => ({ platform: 'rewardful', ...emulator.credentials.rewardful }),
  zaps: [
    { name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } },
    {
      name: 'commissions-only',
      trigger: 'dashboard_webhook',
      inputData: { events: ['referral.created', 'referral.status_changed', 'referral.denied'] },
      dashboard: { events: ['commission.created', 'commission.updated', 'commission.paid', 'commission.voided'] },
    },
    { name: 'new-referral', trigger: 'new_referral', expectRefusal: /Rewardful registers webhooks only in its dashboard/ },
  ],
  events: ['commission.created', 'commission.paid', 'commission.voided', 'affiliate.created', 'affiliate.confirmed', 'affiliate.deleted', 'payout.paid', 'payout.failed', 'referral.created', 'sale.created'],
  // Deny Affiliate answers the affiliate (state disabled) and Rewardful sends affiliate.updated.
  roundTrip: {
    action: 'deny_affiliate',
    findWith: { trigger: 'dashboard_webhook', inputData: AFFILIATES, where: (record) => record.status === 'active' },
    input: (record) => ({ affiliate: record.id }),
    expect: { zap: 'dashboard', event: 'affiliate.status_changed', status: 'inactive' },
  },
  polls: [
    {
      trigger: 'new_affiliate_polling',
      change: { action: 'create_affiliate', input: () => ({ email: 'ines.moreau@example.com', first_name: 'Ines', last_name: 'Moreau' }) },
    },
    {
      trigger: 'affiliate_status_polling',
      // The test step shows the 3 newest affiliates, all active here: disable one of them.
      inputData: { status: 'inactive' },
      change: { action: 'deny_affiliate', findWith: { trigger: 'dashboard_webhook', inputData: AFFILIATES, where: (record) => record.status === 'active' }, input: (record) => ({ affiliate: record.id }) },
    },
  ],
  tamperZap: 'dashboard',
};
