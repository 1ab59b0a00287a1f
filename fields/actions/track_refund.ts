import type { ReferralRecord } from '../../platforms/records';
import type { ActionDefinition } from '../operations';

/**
 * FirstPromoter's documented refund answer (workshops/firstpromoter/fixtures/track-refund.200.response.json)
 * as perform returns it, without `raw`: the negative commission the refund generated. Its test
 * (workshops/firstpromoter/track-refund.test.ts) recomputes it, so it cannot drift.
 */
// Like the other samples it keeps no `raw` (fields/samples.ts says why).
const REFUND_SAMPLE = {
  id: '10940148',
  platform: 'firstpromoter',
  event: 'referral.created',
  vendor_event: 'commission.created',
  status: 'approved',
  vendor_status: 'approved',
  order_id: 'test_sale_12340987_refund',
  commission_amount: -2,
  customer_email: 'hello@testmintli.com',
  created_at: '2024-09-11T14:36:01.016Z',
} satisfies Omit<ReferralRecord, 'raw'> as ReferralRecord;

/**
 * Track Refund: tells the platform a referred sale was refunded, so the affiliate's commission is
 * taken back. Offered where the vendor documents a refund call (FirstPromoter's tracking API
 * `POST /track/refund`, Tolt's `POST /v2/transactions/{id}/refund`); the others refuse it naming
 * the platform. The sale is the one field every platform takes; the others are shown where the
 * platform's request uses them (fields/editor-fields.ts), required where it needs them.
 */
export const spec = {
  key: 'track_refund',
  noun: 'Refund',
  label: 'Track Refund',
  makeLabel: 'Track a refund',
  description: 'Records that a referred sale was refunded, so the affiliate loses the commission it earned.',
  record: 'referral',
  inputFields: [
    {
      key: 'sale_id',
      label: 'Sale',
      required: true,
      // One field for "which sale" on every platform (Zapier's check D022 wants a static field): the
      // order ID a sale was tracked with, or the platform's own payment ID; each platform's note says which.
      helpText:
        'The refunded sale: the order ID it was recorded with (for example in Create Referral), or the payment (transaction) ID where the platform records payments as transactions. The platform offers no list to pick from: map it from an earlier step or type it.',
      connectedHelp: 'The refunded sale, as {platform} identifies it (see below). {platform} offers no list to pick from: map it from an earlier step or type it.',
    },
    {
      key: 'customer_email',
      label: 'Customer Email',
      helpText: "The refunded customer's email address, on platforms that find the sale through the customer.",
      connectedHelp: "The refunded customer's email address: {platform} finds the referral through the customer.",
    },
    {
      key: 'refund_id',
      label: 'Refund ID',
      helpText: "Your ID for this refund, for example your billing provider's refund ID: the platform records each refund ID once.",
      connectedHelp: "Your ID for this refund, for example your billing provider's refund ID: {platform} records each refund ID once.",
    },
    {
      key: 'refund_amount',
      label: 'Refund Amount',
      type: 'number',
      helpText: 'The amount refunded in major units, e.g. 20.50 for $20.50, on platforms that take partial refunds.',
    },
  ],
  sample: REFUND_SAMPLE,
} satisfies ActionDefinition;
