/**
 * Tapfiliate in the playground: its webhooks are set up in the dashboard, one URL per Tapfiliate
 * trigger, unsigned, naming no event: each Zap says which event its URL receives and carries the
 * merchant's URL token. A pending commission approved through Approve Referral comes back as
 * "Commission Updated"; polls see a new affiliate and a commission's approval.
 */
import { newAffiliatePoll, type Scenario, type ZapPlan } from '../../playground/scenario';

/** A dashboard Zap for one Tapfiliate trigger: the dashboard's trigger and the Zap's choice name the same event. */
function zapFor(event: string): ZapPlan {
  return { name: event, trigger: 'dashboard_webhook', inputData: { vendor_event: event }, dashboard: { events: [event] } };
}

/** performList reads the commissions list; it needs the Zap's setup (an event and a secret), not a delivery. */
const LISTING = { vendor_event: 'commission-created', signing_secret: 'listing-token' };

export const scenario: Scenario = {
  vendor: 'tapfiliate',
  title: 'Tapfiliate',
  authData: (emulator) => ({ platform: 'tapfiliate', ...emulator.credentials.tapfiliate }),
  zaps: [
    zapFor('commission-created'),
    zapFor('commission-updated'),
    zapFor('conversion-created'),
    zapFor('affiliate-created'),
    zapFor('affiliate-approved-for-program'),
    zapFor('payment-created'),
    zapFor('customer-created'),
    { name: 'new-referral', trigger: 'new_referral', expectRefusal: /Tapfiliate registers webhooks only in its dashboard/ },
  ],
  events: ['commission-created', 'commission-updated', 'conversion-created', 'affiliate-created', 'affiliate-approved-for-program', 'payment-created', 'customer-created'],
  roundTrip: {
    action: 'approve_referral',
    findWith: { trigger: 'dashboard_webhook', inputData: LISTING, where: (record) => record.status === 'pending' },
    input: (record) => ({ referral_id: record.id }),
    expect: { zap: 'commission-updated', event: 'referral.status_changed', status: 'approved' },
  },
  polls: [
    newAffiliatePoll(),
    {
      trigger: 'referral_status_polling',
      inputData: { status: 'denied' },
      change: {
        action: 'deny_referral',
        findWith: { trigger: 'dashboard_webhook', inputData: LISTING, where: (record) => record.status === 'approved' },
        input: (record) => ({ referral_id: record.id }),
      },
    },
  ],
  tamperZap: 'commission-created',
  forgery: { token: 'ah_token' },
};
