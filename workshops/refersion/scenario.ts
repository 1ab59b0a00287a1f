/**
 * Refersion in the playground: the webhook is made in Refersion's dashboard (no API), signed in
 * `Refersion-Signature` with the topic in `Refersion-Topic`; every topic reaches the dashboard Zap,
 * and the affiliate polls see a new affiliate and an approval (Approve Affiliate by numeric id: the
 * affiliate list shows codes, so no round trip finds an item to act on). Conversions and payments have no REST list:
 * their polling triggers refuse, naming why.
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'refersion',
  title: 'Refersion',
  authData: (emulator) => ({ platform: 'refersion', ...emulator.credentials.refersion }),
  zaps: [
    { name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } },
    {
      name: 'conversions-only',
      trigger: 'dashboard_webhook',
      inputData: { events: ['referral.created', 'referral.approved', 'referral.denied'] },
      dashboard: { events: ['NEW_CONVERSION', 'APPROVED_CONVERSION', 'DENIED_CONVERSION'] },
    },
  ],
  events: ['NEW_CONVERSION', 'APPROVED_CONVERSION', 'DENIED_CONVERSION', 'NEW_AFFILIATE', 'AFFILIATE_STATUS_CHANGE', 'AFFILIATE_DETAILS_CHANGE', 'NEW_PAYMENT', 'NEW_CONVERSION_TRIGGER'],
  polls: [
    newAffiliatePoll(),
    {
      trigger: 'affiliate_status_polling',
      inputData: { status: 'active' },
      change: { action: 'approve_affiliate', input: () => ({ affiliate: '37567439' }) },
    },
    { trigger: 'new_referral_polling', expectRefusal: /Refersion's REST API lists no conversions/ },
  ],
  tamperZap: 'dashboard',
};
