/**
 * Rebus AI in the playground: one webhook per trigger with a secret we choose, its twelve events,
 * and a pending payout processed through Mark Payout Paid, whose payout.processed comes back.
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'rebus',
  title: 'Rebus AI',
  authData: (emulator) => ({ platform: 'rebus', ...emulator.credentials.rebus }),
  zaps: [
    { name: 'new-referral', trigger: 'new_referral' },
    { name: 'referral-status', trigger: 'referral_status_changed' },
    { name: 'new-affiliate', trigger: 'new_affiliate' },
    { name: 'affiliate-status', trigger: 'affiliate_status_changed' },
    { name: 'new-payout', trigger: 'new_payout' },
    { name: 'payout-paid', trigger: 'payout_paid' },
    { name: 'link-clicked', trigger: 'new_platform_event', inputData: { event: 'link.clicked' } },
  ],
  events: [
    'commission.created',
    'commission.approved',
    'commission.rejected',
    'affiliate.created',
    'affiliate.approved',
    'affiliate.rejected',
    'payout.created',
    'payout.processed',
    'link.clicked',
  ],
  roundTrip: {
    action: 'mark_payout_paid',
    findWith: { trigger: 'new_payout', where: (record) => record.status === 'pending' },
    input: (record) => ({ payout_id: record.id }),
    expect: { zap: 'payout-paid', event: 'payout.paid', status: 'paid' },
  },
  polls: [
    newAffiliatePoll(),
  ],
  tamperZap: 'new-referral',
};
