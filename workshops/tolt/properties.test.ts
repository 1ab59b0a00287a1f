/**
 * Tolt's delivery properties: dashboard webhooks signed by Svix (`svix-*` headers, base64
 * HMAC-SHA256 of "id.timestamp.body"), through the New Event from Dashboard Webhook trigger.
 */
import commissionCreated from './fixtures/postback.commission.created.json';
import commissionUpdated from './fixtures/commission.updated.json';
import partnerCreated from './fixtures/partner.created.json';
import partnerUpdated from './fixtures/partner.updated.json';
import { createHmac } from 'node:crypto';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';

const TOLT_SECRET = `whsec_${Buffer.from('tolt-property-signing-key').toString('base64')}`;

/** Svix's headers for `rawBody` [DOC: docs.tolt.com/webhooks/verify], computed by hand. */
function svixHeaders(rawBody: string): Record<string, string> {
  const id = 'msg_property_tolt';
  const seconds = Math.floor(Date.now() / 1000);
  const key = Buffer.from(TOLT_SECRET.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${seconds}.${rawBody}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(seconds), 'svix-signature': `v1,${signature}` };
}

describeDashboardProperties({
  id: 'tolt',
  authData: { platform: 'tolt', api_key: 'tlt_live_property' },
  secret: () => TOLT_SECRET,
  sign: (rawBody) => svixHeaders(rawBody),
  deliveries: [
    { vendorEvent: 'commission.created', body: commissionCreated, expected: { event: 'referral.created', status: 'pending' } },
    { vendorEvent: 'commission.updated', body: commissionUpdated, expected: { event: 'referral.status_changed', status: 'denied' } },
    { vendorEvent: 'partner.created', body: partnerCreated, expected: { event: 'affiliate.created', status: 'pending' } },
    { vendorEvent: 'partner.updated', body: partnerUpdated, expected: { event: 'affiliate.status_changed', status: 'inactive' } },
  ],
});
