/**
 * PartnerStack in the playground: REST hooks protected by a URL token (PartnerStack signs nothing),
 * a partner application approved through Approve Affiliate and its decision coming back.
 */
import { newAffiliatePoll, type Scenario } from '../../playground/scenario';

export const scenario: Scenario = {
  vendor: 'partnerstack',
  title: 'PartnerStack',
  authData: (emulator) => ({ platform: 'partnerstack', account_name: 'Playground Vendor', ...emulator.credentials.partnerstack }),
  zaps: [
    { name: 'new-affiliate', trigger: 'new_affiliate' },
    { name: 'affiliate-status', trigger: 'affiliate_status_changed' },
    { name: 'new-referral', trigger: 'new_referral' },
    { name: 'referral-status', trigger: 'referral_status_changed', expectRefusal: /PartnerStack sends no event for "Referral Status Changed"/ },
    { name: 'new-customer', trigger: 'new_platform_event', inputData: { event: 'customer.created' } },
  ],
  events: ['partnership.created', 'application.approved', 'application.declined', 'transaction.created', 'customer.created'],
  roundTrip: {
    action: 'approve_affiliate',
    findWith: { trigger: 'applicant_list', dropdown: true, where: () => true },
    input: (choice) => ({ affiliate: choice.id }),
    expect: { zap: 'affiliate-status', event: 'affiliate.approved', status: 'active' },
  },
  polls: [
    newAffiliatePoll(),
    // Partnerships carry no status, so the status trigger says so instead of polling.
    { trigger: 'affiliate_status_polling', expectRefusal: /partnerships carry no approval status/ },
  ],
  tamperZap: 'new-affiliate',
  forgery: { token: 'ah_token' },
};
