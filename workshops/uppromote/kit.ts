/**
 * UpPromote, as its documents describe it (shared/platforms/README.md section 1): raw key in
 * `Authorization`; one subscription per event, the secret_key issued in the response; bare-object
 * payloads signed with `X-UpPromote-Signature` = hex HMAC-SHA256 of the raw body.
 */
import nock from 'nock';
import { hmacHex } from '../../test/helpers/deliveries';
import type { PlatformKit, StoredSubscription } from '../../test/platforms/kit';
import paymentPaid from './fixtures/payment.paid.json';
import referralNew from './fixtures/referral.new.json';
import referralApproved from './fixtures/referral.approved.json';
import referralDenied from './fixtures/referral.denied.json';
import referralStatusChanged from './fixtures/referral.status-changed.json';
import affiliateNew from './fixtures/affiliate.new.json';
import affiliateApproved from './fixtures/affiliate.approved.json';
import affiliateInactive from './fixtures/affiliate.inactive.json';
import affiliateStatusChanged from './fixtures/affiliate.status-changed.json';

export const UPPROMOTE_KEY = 'upk_live_4f9a2c71d8e3b6';
export const UPPROMOTE_ORIGIN = 'https://aff-api.uppromote.com';

/** The secret UpPromote issues for an event's subscription in these tests. */
export function upPromoteSecret(event: string): string {
  return `whsec_${event.replace(/\W/g, '_')}_9c1e`;
}

function secretFor(stored: StoredSubscription, event: string): string {
  const subscription = stored.subscriptions.find((item) => item.events.includes(event)) ?? stored.subscriptions[0];
  return subscription?.secret ?? '';
}

const referral = { affiliate_id: '2029238', affiliate_email: 'test233@gmail.com', affiliate_name: 'Test 233', order_id: '5532408922361' };
const affiliate = { email: 'test233@gmail.com', first_name: 'Test', last_name: '233', name: 'Test 233', program_id: '29486' };

export const upPromoteKit: PlatformKit = {
  id: 'uppromote',
  authData: { platform: 'uppromote', api_key: UPPROMOTE_KEY },
  api: () => nock(UPPROMOTE_ORIGIN, { reqheaders: { authorization: UPPROMOTE_KEY } }),
  expectSubscribe(scope, event) {
    scope
      .get('/api/v2/webhook-subscriptions')
      .query({ page: '1', per_page: '10', event })
      .reply(200, { status: 200, message: 'success', data: [] });
    scope
      .post('/api/v2/webhook-subscriptions', (body: { target_url?: string; event?: string }) => {
        const url = new URL(body.target_url ?? '');
        return body.event === event && url.host === 'hooks.zapier.com' && url.searchParams.get('ah_event') === event;
      })
      .reply(200, { status: 200, message: 'success', data: { event, secret_key: upPromoteSecret(event) } });
  },
  expectUnsubscribe(scope, stored) {
    for (const subscription of stored.subscriptions) {
      // One subscription per event: the app looks first and deletes only while the event still goes to its own URL.
      const event = subscription.events[0];
      scope
        .get('/api/v2/webhook-subscriptions')
        .query({ page: '1', per_page: '10', event })
        .reply(200, { status: 200, message: 'success', data: [{ event, target_url: subscription.target, secret_key: subscription.secret }] });
      scope.delete('/api/v2/webhook-subscriptions', { event: subscription.events[0] }).reply(200, { status: 200, message: 'success' });
    }
  },
  deliver(vendorEvent, body, stored) {
    const rawBody = JSON.stringify(body);
    // No event name in the payload: our subscribe put it (and its route token) in the target URL's query.
    const target = stored.subscriptions.find((subscription) => subscription.events.includes(vendorEvent))?.target;
    const query = target === undefined ? { ah_event: vendorEvent } : Object.fromEntries(new URL(target).searchParams);
    return { rawBody, headers: { 'X-UpPromote-Signature': hmacHex(secretFor(stored, vendorEvent), rawBody) }, query };
  },
  deliveries: [
    { vendorEvent: 'referral.new', body: referralNew, expected: { event: 'referral.created', id: '1781959', status: 'pending', sale_amount: 120, commission_amount: 12, ...referral } },
    { vendorEvent: 'referral.approved', body: referralApproved, expected: { event: 'referral.approved', id: '1781959', status: 'approved', vendor_status: 'approved', ...referral } },
    { vendorEvent: 'referral.denied', body: referralDenied, expected: { event: 'referral.denied', id: '1781959', status: 'denied' } },
    {
      vendorEvent: 'referral.status-changed',
      body: referralStatusChanged,
      expected: { event: 'referral.status_changed', id: '1781959', status: 'approved', previous_status: 'pending', vendor_status: 'approved' },
    },
    { vendorEvent: 'affiliate.new', body: affiliateNew, expected: { event: 'affiliate.created', id: '2029238', status: 'inactive', coupon_code: 'TEST233', ...affiliate } },
    { vendorEvent: 'affiliate.approved', body: affiliateApproved, expected: { event: 'affiliate.approved', id: '2029238', status: 'active', ...affiliate } },
    { vendorEvent: 'affiliate.inactive', body: affiliateInactive, expected: { event: 'affiliate.deactivated', id: '2029241', status: 'inactive', email: 'test234@gmail.com', company: '1' } },
    {
      vendorEvent: 'affiliate.status-changed',
      body: affiliateStatusChanged,
      expected: { event: 'affiliate.status_changed', id: '2029238', status: 'inactive', previous_status: 'active' },
    },
    {
      vendorEvent: 'payment.paid',
      body: paymentPaid,
      expected: {
        event: 'payout.paid',
        id: '26154',
        status: 'paid',
        vendor_status: 'SUCCESS',
        amount: 100,
        affiliate_id: '2014227',
        affiliate_email: 'test223@gmail.com',
        payment_method: 'debit',
        paid_at: '2025-09-24T10:52:59.000Z',
      },
    },
  ],
};

/** This platform's kit under the name test/platforms/kits.ts looks for. */
export { upPromoteKit as kit };
