/**
 * Rebus AI, as its documents describe it (shared/platforms/README.md section 4 and the webhooks
 * page): `Authorization: Bearer sk_…`; `POST /api/v1/affiliate/webhooks/ {url, events, secret,
 * active: true}` with a secret the caller chooses; deliveries `{event, timestamp, data, signature}`
 * signed in `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with that secret.
 * The create response and the delete call are not documented: the kit answers `{success, data:
 * {id}}` and expects `DELETE /webhooks/{id}/`, the API's own envelope and REST convention [INF].
 */
import nock from 'nock';
import { hmacHex } from '../../test/helpers/deliveries';
import type { KitDelivery, PlatformKit, StoredSubscription } from '../../test/platforms/kit';
import commissionCreated from './fixtures/commission.created.json';
import commissionApproved from './fixtures/commission.approved.json';
import commissionRejected from './fixtures/commission.rejected.json';
import conversionRecorded from './fixtures/conversion.recorded.json';
import affiliateCreated from './fixtures/affiliate.created.json';
import affiliateApproved from './fixtures/affiliate.approved.json';
import affiliateRejected from './fixtures/affiliate.rejected.json';
import payoutCreated from './fixtures/payout.created.json';
import payoutProcessed from './fixtures/payout.processed.json';
import payoutFailed from './fixtures/payout.failed.json';
import linkClicked from './fixtures/link.clicked.json';
import codeRedeemed from './fixtures/code.redeemed.json';

export const REBUS_KEY = 'sk_live_8fQ2nV7xK1pR4tZ6';
export const REBUS_ORIGIN = 'https://rebusai.com';
export const REBUS_WEBHOOK_ID = 4821;

/** The secret the subscribe call chose, as Rebus AI would keep it. */
function secretOf(stored: StoredSubscription): string {
  return stored.subscriptions[0]?.secret ?? '';
}

/** `sha256=` + hex HMAC-SHA256 of the exact body [DOC-3P: the docs' Python verifier]. */
export function rebusSignature(secret: string, rawBody: string): string {
  return `sha256=${hmacHex(secret, rawBody)}`;
}

const commission = { affiliate_id: '123', affiliate_name: 'John Smith', order_id: '789' };
const affiliate = { id: '123', name: 'John Smith', email: 'john@example.com', created_at: '2024-01-15T10:30:00.000Z' };

const deliveries: KitDelivery[] = [
  {
    vendorEvent: 'commission.approved',
    body: commissionApproved,
    expected: { event: 'referral.approved', id: '123', affiliate_id: '456', affiliate_name: 'John Smith', order_id: '789', commission_amount: 85.5, status: 'approved' },
  },
  {
    vendorEvent: 'commission.created',
    body: commissionCreated,
    expected: { event: 'referral.created', id: '567', status: 'pending', vendor_status: 'pending', commission_amount: 125.5, sale_amount: 837, created_at: '2024-01-15T10:30:00.000Z', ...commission },
  },
  { vendorEvent: 'commission.rejected', body: commissionRejected, expected: { event: 'referral.denied', id: '567', status: 'denied', vendor_status: 'rejected', ...commission } },
  { vendorEvent: 'conversion.recorded', body: conversionRecorded, expected: { event: 'other', id: '4321', sale_amount: 837, commission_amount: 125.5, ...commission } },
  { vendorEvent: 'affiliate.created', body: affiliateCreated, expected: { event: 'affiliate.created', status: 'pending', ...affiliate } },
  { vendorEvent: 'affiliate.approved', body: affiliateApproved, expected: { event: 'affiliate.approved', status: 'active', vendor_status: 'approved', ...affiliate } },
  { vendorEvent: 'affiliate.rejected', body: affiliateRejected, expected: { event: 'affiliate.denied', status: 'denied', vendor_status: 'rejected', ...affiliate } },
  {
    vendorEvent: 'payout.created',
    body: payoutCreated,
    expected: { event: 'payout.created', id: 'PAYOUT_2024_01_001', amount: 2456.78, status: 'pending', payment_method: 'paypal', created_at: '2024-01-31T15:30:00.000Z' },
  },
  {
    vendorEvent: 'payout.processed',
    body: payoutProcessed,
    expected: { event: 'payout.paid', id: '901', amount: 1245.5, status: 'paid', vendor_status: 'processed', affiliate_id: '123', paid_at: '2024-02-01T00:00:00.000Z' },
  },
  { vendorEvent: 'payout.failed', body: payoutFailed, expected: { event: 'payout.failed', id: '902', amount: 611.28, status: 'failed', affiliate_id: '456' } },
  { vendorEvent: 'link.clicked', body: linkClicked, expected: { event: 'other' } },
  { vendorEvent: 'code.redeemed', body: codeRedeemed, expected: { event: 'other' } },
];

export const rebusKit: PlatformKit = {
  id: 'rebus',
  authData: { platform: 'rebus', api_key: REBUS_KEY },
  api: () => nock(REBUS_ORIGIN, { reqheaders: { authorization: `Bearer ${REBUS_KEY}` } }),
  expectSubscribe(scope, event) {
    scope
      .post('/api/v1/affiliate/webhooks/', (body: { url?: string; events?: unknown; secret?: unknown; active?: unknown }) => {
        const url = new URL(body.url ?? '');
        const events = Array.isArray(body.events) ? body.events : [];
        return url.host === 'hooks.zapier.com' && events.length === 1 && events[0] === event && typeof body.secret === 'string' && body.secret.length >= 32 && body.active === true;
      })
      .reply(201, { success: true, data: { id: REBUS_WEBHOOK_ID, events: [event], active: true }, message: 'Webhook created successfully' });
  },
  expectUnsubscribe(scope, stored) {
    for (const subscription of stored.subscriptions) scope.delete(`/api/v1/affiliate/webhooks/${subscription.id ?? ''}/`).reply(204);
  },
  deliver(vendorEvent, body, stored) {
    const rawBody = JSON.stringify({ ...body, event: vendorEvent });
    return { rawBody, headers: { 'X-Webhook-Signature': rebusSignature(secretOf(stored), rawBody) }, query: {} };
  },
  deliveries,
};

/** This platform's kit under the name test/platforms/kits.ts looks for. */
export { rebusKit as kit };
