/**
 * Refersion's delivery properties: dashboard webhooks signed with `Refersion-Signature` (base64
 * HMAC-SHA256 of the raw body keyed by the signing secret [DOC: refersion.dev webhook-validation]),
 * the topic in `Refersion-Topic`, through the New Event from Dashboard Webhook trigger. The
 * signature is computed here from the vendor's page, independently of the app's scheme code.
 */
import { createHmac } from 'node:crypto';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';
import conversionApproved from './fixtures/conversion.approved.json';
import affiliateStatusChange from './fixtures/affiliate.status-change.json';

const SECRET = 'refersion-property-signing-secret';

const DELIVERIES = [
  { vendorEvent: 'APPROVED_CONVERSION', body: conversionApproved, expected: { event: 'referral.approved', status: 'approved', id: '987654321', commission_amount: 5.9 } },
  { vendorEvent: 'AFFILIATE_STATUS_CHANGE', body: affiliateStatusChange, expected: { event: 'affiliate.status_changed', status: 'active', id: '37567439' } },
];

/** The topic a body is sent under: its delivery's, or (junk, tampered bodies) the first delivery's. */
function topicOf(rawBody: string): string {
  return DELIVERIES.find((delivery) => JSON.stringify(delivery.body) === rawBody)?.vendorEvent ?? DELIVERIES[0].vendorEvent;
}

describeDashboardProperties({
  id: 'refersion',
  authData: { platform: 'refersion', api_key: 'sec_property', public_key: 'pub_property' },
  secret: () => SECRET,
  sign: (rawBody) => ({
    'Refersion-Topic': topicOf(rawBody),
    'Refersion-Signature': createHmac('sha256', SECRET).update(rawBody).digest('base64'),
  }),
  deliveries: DELIVERIES,
});
