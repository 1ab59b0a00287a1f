/**
 * Tapfiliate's delivery properties through the dashboard webhook trigger. Tapfiliate signs nothing
 * [DOC absence]: a delivery proves itself by the merchant's secret, here in the "Webhook (custom)"
 * header (the URL-token candidate is the same secret in the query). The tampered-body property does
 * not apply: whoever holds the secret may send any body, so a secret, not a signature over the
 * body, is the whole proof (docs/platforms/tapfiliate.md says so); the others do.
 */
import commission from './fixtures/commission.pending.constructed.json';
import approvedCommission from './fixtures/approve-commission.response.json';
import conversion from './fixtures/conversion.object.pipedream-test-event.json';
import affiliate from './fixtures/affiliate.object.pipedream-test-event.json';
import membership from './fixtures/program-affiliate.approved.constructed.json';
import payment from './fixtures/payment.constructed.json';
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';

const SECRET = 'tapfiliate-merchant-secret-property';

describeDashboardProperties(
  {
    id: 'tapfiliate',
    authData: { platform: 'tapfiliate', api_key: 'tapfiliate_key_property' },
    secret: () => SECRET,
    sign: () => ({ 'X-Affiliate-Hub-Token': SECRET }),
    eventInput: 'vendor_event',
    deliveries: [
      { vendorEvent: 'commission-created', body: commission, expected: { event: 'referral.created', id: '4050887', status: 'pending', commission_amount: 123, currency: 'USD' } },
      { vendorEvent: 'commission-updated', body: approvedCommission, expected: { event: 'referral.status_changed', id: '1027047', status: 'approved', vendor_status: 'approved' } },
      { vendorEvent: 'conversion-created', body: conversion, expected: { event: 'referral.created', id: '1', order_id: 'ORD123', sale_amount: 550, commission_amount: 55, status: 'approved' } },
      { vendorEvent: 'affiliate-created', body: affiliate, expected: { event: 'affiliate.created', id: 'janejameson', email: 'jane@example-blog.inc', company: 'Example blog Inc.' } },
      { vendorEvent: 'affiliate-approved-for-program', body: membership, expected: { event: 'affiliate.approved', status: 'active', referral_link: 'https://tapper.inc/?ref=janejameson' } },
      { vendorEvent: 'payment-created', body: payment, expected: { event: 'payout.paid', id: '42', amount: 55.5, currency: 'USD', status: 'paid' } },
    ],
  },
  ['genuine', 'forged signature', 'junk'],
);
