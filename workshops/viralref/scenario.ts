/**
 * ViralRef in the playground: nothing of its API is published, so the flow is its dashboard
 * webhook alone: every event to one Zap, conversions only to another (the event filter).
 */
import type { Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'viralref',
  title: 'ViralRef',
  authData: (emulator) => ({ platform: 'viralref', ...emulator.credentials.viralref }),
  zaps: [
    { name: 'dashboard', trigger: 'dashboard_webhook', dashboard: { events: [] } },
    {
      name: 'conversions-only',
      trigger: 'dashboard_webhook',
      inputData: { events: ['referral.created', 'referral.status_changed'] },
      dashboard: { events: ['conversion.created', 'conversion.updated'] },
    },
    { name: 'new-referral', trigger: 'new_referral', expectRefusal: /ViralRef registers webhooks only in its dashboard/ },
  ],
  polls: [{ trigger: 'new_referral_polling', expectRefusal: /ViralRef offers no API list of referrals/ }],
  tamperZap: 'dashboard',
};
