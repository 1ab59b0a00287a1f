/**
 * FirstPromoter in the playground: one webhook per trigger carrying our token in a custom header,
 * every mapped event plus two New Platform Event ones, a pending commission approved through
 * Approve Referral whose commission.approved comes back, and polls around Create Affiliate and Approve Affiliate (per campaign).
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'firstpromoter',
  title: 'FirstPromoter',
  authData: (emulator) => ({ platform: 'firstpromoter', ...emulator.credentials.firstpromoter }),
  zaps: [
    { name: 'new-referral', trigger: 'new_referral' },
    { name: 'referral-status', trigger: 'referral_status_changed' },
    { name: 'new-affiliate', trigger: 'new_affiliate' },
    { name: 'affiliate-status', trigger: 'affiliate_status_changed' },
    { name: 'new-payout', trigger: 'new_payout' },
    { name: 'payout-paid', trigger: 'payout_paid' },
    { name: 'lead-updated', trigger: 'new_platform_event', inputData: { event: 'referral.updated' } },
    { name: 'payout-failed', trigger: 'new_platform_event', inputData: { event: 'payout.failed' } },
    { name: 'contract-signed', trigger: 'new_platform_event', inputData: { event: 'contract_document.signed' } },
  ],
  events: [
    'commission.created',
    'commission.approved',
    'commission.denied',
    'promoter.created',
    'promoter.deleted',
    'promoter_campaign.accepted',
    'promoter_campaign.rejected',
    'promoter_campaign.blocked',
    'payout.created',
    'payout.completed',
    'payout.failed',
    'referral.updated',
    'contract_document.signed',
  ],
  roundTrip: {
    action: 'approve_referral',
    findWith: { trigger: 'new_referral', where: (record) => record.status === 'pending' },
    input: (record) => ({ referral_id: record.id }),
    expect: { zap: 'referral-status', event: 'referral.approved', status: 'approved' },
  },
  polls: [
    newAffiliatePoll(),
    {
      trigger: 'affiliate_status_polling',
      change: {
        action: 'approve_affiliate',
        findWith: { trigger: 'new_affiliate', where: (record) => record.status === 'pending' },
        input: (record) => ({ affiliate: record.id, program_id: record.program_id }),
      },
    },
  ],
  tamperZap: 'new-referral',
  forgery: { header: 'X-Affiliate-Hub-Token' },
};
