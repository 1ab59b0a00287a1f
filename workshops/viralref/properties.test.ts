import affiliateCreated from './fixtures/affiliate.created.json';
import conversionCreated from './fixtures/conversion.created.json';
import conversionUpdated from './fixtures/conversion.updated.json';
import payoutCreated from './fixtures/payout.created.json';
import { hmacHex } from '../../test/helpers/deliveries';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';

const SECRET = 'vr_whsec_property_4e1a';

describeDashboardProperties({
  id: 'viralref',
  authData: { platform: 'viralref', api_key: 'vr_live_property' },
  secret: () => SECRET,
  sign: (rawBody) => ({ 'X-ViralRef-Signature': `sha256=${hmacHex(SECRET, rawBody)}` }),
  deliveries: [
    { vendorEvent: 'conversion.created', body: conversionCreated, expected: { event: 'referral.created', status: 'pending' } },
    { vendorEvent: 'conversion.updated', body: conversionUpdated, expected: { event: 'referral.status_changed' } },
    { vendorEvent: 'affiliate.created', body: affiliateCreated, expected: { event: 'affiliate.created' } },
    { vendorEvent: 'payout.created', body: payoutCreated, expected: { event: 'payout.created', status: 'pending' } },
  ],
});
