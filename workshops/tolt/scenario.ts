/**
 * Tolt in the playground: the webhook is registered in Tolt's dashboard (no API) and signed by
 * Svix; every mapped event and one raw one reach the dashboard Zap, a pending commission approved
 * through Approve Referral comes back as commission.updated, and polls see a new partner and a
 * partner's approval (by `sort=updated_at` with `updated_after`).
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

/** performList of the dashboard trigger needs a secret entered; listing does not use it. */
const LISTING = { signing_secret: 'whsec_listing', events: ['referral.created'] };

export const scenario: Scenario = {
  vendor: 'tolt',
  title: 'Tolt',
  authData: (emulator) => ({ platform: 'tolt', ...emulator.credentials.tolt }),
  zaps: [
    { name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } },
    {
      name: 'commissions-only',
      trigger: 'dashboard_webhook',
      inputData: { events: ['referral.created', 'referral.status_changed'] },
      dashboard: { events: ['commission.created', 'commission.updated'] },
    },
    { name: 'new-referral', trigger: 'new_referral', expectRefusal: /Tolt registers webhooks only in its dashboard.*New Event from Dashboard Webhook/ },
  ],
  events: ['commission.created', 'commission.updated', 'partner.created', 'partner.updated', 'transaction.created'],
  roundTrip: {
    action: 'approve_referral',
    findWith: { trigger: 'dashboard_webhook', inputData: LISTING, where: (record) => record.status === 'pending' },
    input: (record) => ({ referral_id: record.id }),
    expect: { zap: 'commissions-only', event: 'referral.status_changed', status: 'approved' },
  },
  polls: [
    newAffiliatePoll({ program_id: 'prg_YRsbPDAKhWfdqJbFACheh' }),
    {
      trigger: 'affiliate_status_polling',
      inputData: { status: 'active' },
      change: {
        action: 'approve_affiliate',
        findWith: { trigger: 'dashboard_webhook', inputData: { signing_secret: 'whsec_listing' }, where: (record) => record.status === 'pending' },
        input: (record) => ({ affiliate: record.id }),
      },
    },
    { trigger: 'new_payout_polling', expectRefusal: /Tolt offers no API list of payouts/ },
  ],
  tamperZap: 'dashboard',
};
