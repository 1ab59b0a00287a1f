/**
 * FirstPromoter, as its documents describe it (shared/platforms/README.md section 6, webhooks v2):
 * `Authorization: Bearer <key>` and `ACCOUNT-ID: <id>` on every call; `POST
 * /api/v2/company/webhooks {url, event_types[], headers{}, max_retries, …}` → 201 with an integer
 * `id`; `DELETE /api/v2/company/webhooks/{id}`. No signature is documented: deliveries carry
 * `Content-Type`, `X-Event-Id`, `X-Event-Type` and the subscription's custom headers, so the token
 * our subscribe put in a custom header is what proves a delivery (forgery mode `header`).
 * Envelope `{event_id, event_type, action, entity_type, entity_id, changes, data, timestamp}` [DOC].
 */
import nock from 'nock';
import type { KitDelivery, PlatformKit, StoredSubscription } from '../../test/platforms/kit';
import referralUpdated from './fixtures/referral.updated.json';
import contractSigned from './fixtures/contract_document.signed.json';
import commissionCreated from './fixtures/commission.created.json';
import commissionApproved from './fixtures/commission.approved.json';
import commissionDenied from './fixtures/commission.denied.json';
import commissionUpdated from './fixtures/commission.updated.json';
import promoterCreated from './fixtures/promoter.created.json';
import promoterDeleted from './fixtures/promoter.deleted.json';
import campaignAccepted from './fixtures/promoter_campaign.accepted.json';
import campaignRejected from './fixtures/promoter_campaign.rejected.json';
import payoutCreated from './fixtures/payout.created.json';
import payoutCompleted from './fixtures/payout.completed.json';
import payoutFailed from './fixtures/payout.failed.json';

export const FP_KEY = 'fp_test_key_7c1e9a2b4d6f8a0c';
export const FP_ACCOUNT = 'acc_12345';
export const FP_ORIGIN = 'https://api.firstpromoter.com';
export const FP_WEBHOOK_ID = 4821;
/** The custom header our token travels in (our choice of name; custom headers are [DOC]). */
export const FP_TOKEN_HEADER = 'X-Affiliate-Hub-Token';

/** The token subscribe chose, which FirstPromoter sends back in the custom header. */
function tokenOf(stored: StoredSubscription): string {
  return stored.subscriptions[0]?.secret ?? '';
}

const commission = { id: '13533003', commission_amount: 4, customer_email: 'testme@test1.com', created_at: '2025-04-25T09:39:42.000Z' };
const promoter = { id: '8262622', email: 'test@promoter.com', name: 'Test Promoter', first_name: 'Test', last_name: 'Promoter', created_at: '2025-01-16T18:16:41.000Z' };
const membership = { id: '8262622', email: 'test@promoter.com', program_id: '28004', program_name: 'Quinn Ramirez', coupon_code: 'TEST20', referral_link: 'https://example.com?fpr=test' };
const payout = { id: '7001', amount: 14, affiliate_id: '8262622', affiliate_email: 'test@promoter.com', payment_method: 'paypal', created_at: '2025-05-01T00:00:00.000Z' };

const deliveries: KitDelivery[] = [
  { vendorEvent: 'commission.created', body: commissionCreated, expected: { event: 'referral.created', status: 'pending', ...commission } },
  { vendorEvent: 'commission.approved', body: commissionApproved, expected: { event: 'referral.approved', status: 'approved', previous_status: 'pending', ...commission } },
  { vendorEvent: 'commission.denied', body: commissionDenied, expected: { event: 'referral.denied', status: 'denied', vendor_status: 'denied', ...commission } },
  // Its `changes` holds the status: a referral status change (issue 25 item 2).
  { vendorEvent: 'commission.updated', body: commissionUpdated, expected: { event: 'referral.status_changed', status: 'approved', previous_status: 'pending', ...commission } },
  { vendorEvent: 'promoter.created', body: promoterCreated, expected: { event: 'affiliate.created', ...promoter } },
  { vendorEvent: 'promoter.deleted', body: promoterDeleted, expected: { event: 'affiliate.removed', status: 'removed', ...promoter } },
  { vendorEvent: 'promoter_campaign.accepted', body: campaignAccepted, expected: { event: 'affiliate.approved', status: 'active', vendor_status: 'accepted', previous_status: 'pending', ...membership } },
  { vendorEvent: 'promoter_campaign.rejected', body: campaignRejected, expected: { event: 'affiliate.denied', status: 'denied', vendor_status: 'rejected', ...membership } },
  { vendorEvent: 'payout.created', body: payoutCreated, expected: { event: 'payout.created', status: 'pending', ...payout } },
  { vendorEvent: 'payout.completed', body: payoutCompleted, expected: { event: 'payout.paid', status: 'paid', vendor_status: 'completed', paid_at: '2025-05-03T10:00:00.000Z', ...payout } },
  { vendorEvent: 'payout.failed', body: payoutFailed, expected: { event: 'payout.failed', status: 'failed', ...payout } },
  { vendorEvent: 'referral.updated', body: referralUpdated, expected: { event: 'other', id: '55678' } },
  { vendorEvent: 'contract_document.signed', body: contractSigned, expected: { event: 'other', id: '4421' } },
];

export const firstpromoterKit: PlatformKit = {
  id: 'firstpromoter',
  authData: { platform: 'firstpromoter', api_key: FP_KEY, account_id: FP_ACCOUNT },
  api: () => nock(FP_ORIGIN, { reqheaders: { authorization: `Bearer ${FP_KEY}`, 'account-id': FP_ACCOUNT } }),
  expectSubscribe(scope, event) {
    scope
      .post('/api/v2/company/webhooks', (body: { url?: string; event_types?: unknown; headers?: Record<string, unknown>; max_retries?: unknown }) => {
        const url = new URL(body.url ?? '');
        const types = Array.isArray(body.event_types) ? body.event_types : [];
        const token = body.headers?.[FP_TOKEN_HEADER];
        return url.host === 'hooks.zapier.com' && types.length === 1 && types[0] === event && typeof token === 'string' && token.length >= 32 && body.max_retries === 10;
      })
      .reply(201, (_uri, body) => ({
        id: FP_WEBHOOK_ID,
        url: (body as { url: string }).url,
        description: 'Affiliate Hub',
        event_types: [event],
        campaign_ids: [1],
        active: true,
        timeout: 30,
        max_retries: 10,
        headers: (body as { headers: unknown }).headers,
        basic_auth_user: null,
        basic_auth_enabled: false,
        created_at: '2025-04-25T09:00:00Z',
        updated_at: '2025-04-25T09:00:00Z',
      }));
  },
  expectUnsubscribe(scope, stored) {
    for (const subscription of stored.subscriptions) scope.delete(`/api/v2/company/webhooks/${subscription.id ?? ''}`).reply(200, { id: Number(subscription.id) });
  },
  deliver(vendorEvent, body, stored) {
    const rawBody = JSON.stringify({ ...body, event_type: vendorEvent });
    const eventId = typeof body.event_id === 'string' ? body.event_id : 'no-id';
    return { rawBody, headers: { 'Content-Type': 'application/json', 'X-Event-Id': eventId, 'X-Event-Type': vendorEvent, [FP_TOKEN_HEADER]: tokenOf(stored) }, query: {} };
  },
  forgery: 'header',
  forgedHeader: FP_TOKEN_HEADER,
  deliveries,
};

export { firstpromoterKit as kit };
