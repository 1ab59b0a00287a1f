/**
 * Dub Partners, as its documents and server source describe it (shared/platforms/next-platforms.md
 * §1): `Authorization: Bearer dub_…`; `POST /webhooks {name, url, triggers[]}` → 201 with `id:
 * "wh_…"` and `secret: "whsec_…"`, `DELETE /webhooks/{id}` → `{id}` [SRC, no document]; deliveries
 * `{id: "evt_…", event, createdAt, data}` signed in `Dub-Signature`, lower-case hex HMAC-SHA256 of
 * the raw body keyed with the secret text [DOC].
 */
import nock from 'nock';
import type { KitDelivery, PlatformKit, StoredSubscription } from '../../test/platforms/kit';
import { hmacHex } from '../../test/helpers/deliveries';
import commissionCreated from './fixtures/commission.created.json';
import commissionWithInvoice from './fixtures/commission.created.with-invoice.json';
import partnerEnrolled from './fixtures/partner.enrolled.json';
import partnerWithCompany from './fixtures/partner.enrolled.with-company.json';
import applicationSubmitted from './fixtures/partner.application_submitted.json';
import payoutConfirmed from './fixtures/payout.confirmed.json';
import payoutCompleted from './fixtures/payout.confirmed.external-payouts-guide.json';
import saleCreated from './fixtures/sale.created.json';
import discountCodeCreated from './fixtures/discount_code.created.json';

export const DUB_KEY = 'dub_test_7c1e9a2b4d6f8a0c5e3b1d9f';
export const DUB_ORIGIN = 'https://api.dub.co';
export const DUB_WEBHOOK_ID = 'wh_Rk9dX2mQ7vLp4TnB8sWc1YhJ';
export const DUB_SECRET = 'whsec_3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e';

const partner = { affiliate_id: 'pn_1K06X6FX2GRB31NCM2VVCGJ72', affiliate_email: 'matthew@example.com', affiliate_name: 'Matthew Hayden' };
const payout = { id: 'po_1K869T6CWEH4NB78NS3QYHDJE', amount: 50, currency: 'USD', affiliate_id: 'cm6v2l38p000zubyl5fly3i7w', affiliate_email: 'matthew@example.com', created_at: '2025-10-22T15:50:13.661Z' };

const deliveries: KitDelivery[] = [
  // First: a commission of a sale tracked with an invoice id, so the order id is filled (the documented example's is null).
  {
    vendorEvent: 'commission.created',
    body: commissionWithInvoice,
    expected: { event: 'referral.created', id: 'cm_1K09DJTBCRT24P6BRD515CK29', order_id: 'in_1PQ7xYZ2eZvKYlo2', sale_amount: 500, commission_amount: 100, currency: 'USD', ...partner },
  },
  {
    vendorEvent: 'commission.created',
    body: commissionCreated,
    expected: {
      event: 'referral.created', id: 'cm_1K09DJTBCRT24P6BRD515CK29', status: 'pending', vendor_status: 'pending', sale_amount: 500, commission_amount: 100,
      currency: 'USD', customer_email: 'david@example.com', created_at: '2025-07-16T10:48:14.722Z', ...partner,
    },
  },
  // First: a partner with a company, so every field the partner list gives is filled.
  { vendorEvent: 'partner.enrolled', body: partnerWithCompany, expected: { event: 'affiliate.approved', id: 'pn_1JRB6678XHGBZE95R5PH5QVGS', status: 'active', company: 'Pink Mammal Media' } },
  {
    vendorEvent: 'partner.enrolled',
    body: partnerEnrolled,
    expected: {
      event: 'affiliate.approved', id: 'pn_1JRB6678XHGBZE95R5PH5QVGS', status: 'active', vendor_status: 'approved', email: 'chosen.blush.barracuda@dub-internal-test.com',
      name: 'Asleep Pink Mammal', program_id: 'prog_CYCu7IMAapjkRpTnr8F1azjN', referral_link: 'https://getacme.link/uvYO5pMIpctKdUVJlL3jIL4o', created_at: '2025-04-08T17:11:56.446Z',
    },
  },
  {
    vendorEvent: 'partner.application_submitted',
    body: applicationSubmitted,
    expected: { event: 'affiliate.created', id: 'pn_1K2APPL1CANT0000000000001', status: 'pending', email: 'priya.nair@example.com', name: 'Priya Nair', company: 'Nair Reviews', created_at: '2025-07-20T08:15:00.000Z' },
  },
  { vendorEvent: 'payout.confirmed', body: payoutConfirmed, expected: { event: 'payout.created', status: 'pending', vendor_status: 'processing', ...payout } },
  { vendorEvent: 'payout.confirmed', body: payoutCompleted, expected: { event: 'payout.created', status: 'paid', vendor_status: 'completed', ...payout } },
  { vendorEvent: 'sale.created', body: saleCreated, expected: { event: 'other', id: 'evt_WHjyHhqsfYOrlJOOVJSoHXysD' } },
  { vendorEvent: 'discount_code.created', body: discountCodeCreated, expected: { event: 'other', id: 'dcode_1K39DGZG3MHY9RP4PD0AS2C5P' } },
];

/** The secret Dub issued for the stored subscription. */
function secretOf(stored: StoredSubscription): string {
  return stored.subscriptions[0]?.secret ?? '';
}

export const dubKit: PlatformKit = {
  id: 'dub',
  authData: { platform: 'dub', api_key: DUB_KEY },
  api: () => nock(DUB_ORIGIN, { reqheaders: { authorization: `Bearer ${DUB_KEY}` } }),
  expectSubscribe(scope, event) {
    scope
      .post('/webhooks', (body: { name?: unknown; url?: string; triggers?: unknown }) => {
        const triggers = Array.isArray(body.triggers) ? body.triggers : [];
        const name = typeof body.name === 'string' ? body.name : '';
        return new URL(body.url ?? '').host === 'hooks.zapier.com' && triggers.length === 1 && triggers[0] === event && name.length >= 1 && name.length <= 40;
      })
      .reply(201, (_uri, body) => ({
        id: DUB_WEBHOOK_ID,
        name: (body as { name: string }).name,
        url: (body as { url: string }).url,
        secret: DUB_SECRET,
        triggers: [event],
        linkScope: null,
        disabledAt: null,
        installationId: null,
      }));
  },
  expectUnsubscribe(scope, stored) {
    for (const subscription of stored.subscriptions) scope.delete(`/webhooks/${subscription.id ?? ''}`).reply(200, { id: subscription.id });
  },
  deliver(vendorEvent, body, stored) {
    const rawBody = JSON.stringify({ ...body, event: vendorEvent });
    return { rawBody, headers: { 'Content-Type': 'application/json', 'Dub-Signature': hmacHex(secretOf(stored), rawBody) }, query: {} };
  },
  deliveries,
};

export { dubKit as kit };
