/**
 * Rewardful's delivery properties through the dashboard webhook trigger: the documented envelope
 * around the documented objects (workshops/rewardful/fixtures/), signed as Rewardful signs
 * (X-Rewardful-Signature, lower-case hex HMAC-SHA256 of the raw body).
 */
import affiliateCreated from './fixtures/affiliate.created.json';
import commissionCreated from './fixtures/commission.created.json';
import commissionPaid from './fixtures/commission.paid.json';
import payoutPaid from './fixtures/payout.paid.json';
import referralCreated from './fixtures/referral.created.json';
import { hmacHex } from '../../test/helpers/deliveries';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';

const SECRET = 'rf_signing_secret_property_7c2d';

describeDashboardProperties({
  id: 'rewardful',
  authData: { platform: 'rewardful', api_key: 'rf_secret_property' },
  secret: () => SECRET,
  sign: (rawBody) => ({ 'X-Rewardful-Signature': hmacHex(SECRET, rawBody) }),
  deliveries: [
    { vendorEvent: 'commission.created', body: commissionCreated, expected: { event: 'referral.created', commission_amount: 7.5, sale_amount: 25, currency: 'USD' } },
    { vendorEvent: 'commission.paid', body: commissionPaid, expected: { event: 'referral.status_changed', status: 'paid' } },
    { vendorEvent: 'affiliate.created', body: affiliateCreated, expected: { event: 'affiliate.created', email: 'adam.jones@example.com' } },
    { vendorEvent: 'payout.paid', body: payoutPaid, expected: { event: 'payout.paid', status: 'paid', amount: 14.7 } },
    { vendorEvent: 'referral.created', body: referralCreated, expected: { event: 'other' } },
  ],
});
