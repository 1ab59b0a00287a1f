/**
 * Dub Partners in the playground: REST hooks through Dub's webhook API (one webhook per Zap, the
 * secret Dub issues), every mapped event plus two New Platform Event ones, the triggers Dub sends no
 * event for refused with what to use instead, a pending
 * application approved through Approve Affiliate whose partner.enrolled comes back, and polls around
 * Create Affiliate and Deny Referral (Dub sends no commission status event).
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'dub',
  title: 'Dub Partners',
  authData: (emulator) => ({ platform: 'dub', ...emulator.credentials.dub }),
  zaps: [
    { name: 'new-referral', trigger: 'new_referral' },
    { name: 'referral-status', trigger: 'referral_status_changed', expectRefusal: /Dub Partners sends no event for "Referral Status Changed"/ },
    { name: 'new-affiliate', trigger: 'new_affiliate' },
    { name: 'affiliate-status', trigger: 'affiliate_status_changed' },
    { name: 'new-payout', trigger: 'new_payout' },
    { name: 'payout-paid', trigger: 'payout_paid', expectRefusal: /Dub Partners sends no event for "Payout Paid"/ },
    { name: 'sale-created', trigger: 'new_platform_event', inputData: { event: 'sale.created' } },
    { name: 'partner-merged', trigger: 'new_platform_event', inputData: { event: 'partner.merged' } },
  ],
  events: ['commission.created', 'partner.application_submitted', 'partner.enrolled', 'payout.confirmed', 'sale.created', 'partner.merged'],
  roundTrip: {
    action: 'approve_affiliate',
    findWith: { trigger: 'new_affiliate', where: (record) => record.status === 'pending' },
    input: (record) => ({ affiliate: record.id }),
    expect: { zap: 'affiliate-status', event: 'affiliate.approved', status: 'active' },
  },
  polls: [
    newAffiliatePoll(),
    {
      trigger: 'referral_status_polling',
      change: {
        action: 'deny_referral',
        findWith: { trigger: 'new_referral', where: (record) => record.status === 'pending' },
        input: (record) => ({ referral_id: record.id, denial_status: 'fraud' }),
      },
    },
  ],
  tamperZap: 'new-referral',
};
