/**
 * UpPromote in the playground: one Zap per trigger (UpPromote allows one webhook per event, so the
 * Zaps split its nine events between them), every event sent once, Approve Referral run on a
 * pending referral and its referral.approved delivery seen by "Referral Status Changed".
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'uppromote',
  title: 'UpPromote',
  authData: (emulator) => ({ platform: 'uppromote', account_name: 'Playground Shop', ...emulator.credentials.uppromote }),
  zaps: [
    { name: 'new-referral', trigger: 'new_referral' },
    { name: 'referral-approved', trigger: 'referral_status_changed', inputData: { status: 'approved' } },
    { name: 'new-affiliate', trigger: 'new_affiliate' },
    { name: 'affiliate-status', trigger: 'affiliate_status_changed' },
    { name: 'payout-paid', trigger: 'payout_paid' },
    { name: 'new-payout', trigger: 'new_payout', expectRefusal: /UpPromote sends no event/ },
    { name: 'referral-denied', trigger: 'new_platform_event', inputData: { event: 'referral.denied' } },
    { name: 'referral-status', trigger: 'new_platform_event', inputData: { event: 'referral.status-changed' } },
    { name: 'affiliate-approved', trigger: 'new_platform_event', inputData: { event: 'affiliate.approved' } },
    { name: 'affiliate-inactive', trigger: 'new_platform_event', inputData: { event: 'affiliate.inactive' } },
  ],
  roundTrip: {
    action: 'approve_referral',
    findWith: { trigger: 'new_referral', where: (record) => record.status === 'pending' },
    input: (record) => ({ referral_id: record.id }),
    expect: { zap: 'referral-approved', event: 'referral.approved', status: 'approved' },
  },
  // No webhook needed: a second tool could hold every event's one webhook and these would still work.
  polls: [
    newAffiliatePoll(),
    {
      trigger: 'affiliate_status_polling',
      change: { action: 'approve_affiliate', findWith: { trigger: 'new_affiliate', where: (record) => record.status === 'inactive' }, input: (record) => ({ affiliate: record.email }) },
    },
  ],
  tamperZap: 'new-referral',
};
