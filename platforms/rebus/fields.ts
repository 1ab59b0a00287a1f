/**
 * Rebus AI objects → normalized records [DOC-3P unless marked].
 * Money is a decimal in major units (`85.50`) with no currency named anywhere, so `currency` stays
 * unset. Times are ISO-8601 strings (`2024-01-20T14:30:00Z`). Statuses arrive as `{value, display}`
 * in the list APIs and are not shown in the one webhook example, so both forms are read.
 * Paths list the webhook example's name first (`commission_id`, `amount`), then the list API's
 * (`id`, `commission_amount`); names for other events follow these by analogy [INF].
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

const STATUS = { path: ['status.value', 'status'], convert: 'status' } as const;

export const REBUS_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: { path: ['commission_id', 'conversion_id', 'id'] },
    status: STATUS,
    order_id: 'order_id',
    sale_amount: { path: ['order_total', 'order_amount'], convert: 'decimal' },
    commission_amount: { path: ['commission_amount', 'amount'], convert: 'decimal' },
    affiliate_id: 'affiliate_id',
    affiliate_name: 'affiliate_name',
    affiliate_email: 'affiliate_email',
    customer_email: 'customer_email',
    // The documented commission.approved `data` has no creation time, only `approved_date` (ISO) and
    // the envelope's `timestamp` (unix s) [DOC-3P: webhooks page example]: the record then carries
    // the decision's time, the latest known, rather than none. `rejected_date` by analogy [INF].
    created_at: { path: ['created_date', 'approved_date', 'rejected_date', '$.timestamp'], convert: 'time' },
  },
  affiliate: {
    id: { path: ['affiliate_id', 'id'] },
    status: STATUS,
    email: 'email',
    name: { path: ['name', 'affiliate_name'] },
    created_at: { path: ['join_date', 'created_date'], convert: 'time' },
  },
  // payout.created is a batch (`batch_id`, `total_amount` [DOC-3P: generate-payouts response]);
  // the other events are presumably one affiliate's payout [INF].
  payout: {
    id: { path: ['payout_id', 'id', 'batch_id'] },
    status: STATUS,
    amount: { path: ['amount', 'total_amount'], convert: 'decimal' },
    affiliate_id: 'affiliate_id',
    affiliate_email: 'affiliate_email',
    payment_method: 'payment_method',
    paid_at: { path: ['processed_date', 'payment_date'], convert: 'time' },
    created_at: { path: 'created_date', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized: commissions `pending|approved|rejected|paid`,
 * affiliates `pending|approved|rejected` [DOC-3P: list filters]; payouts `pending` [DOC-3P:
 * generate-payouts response], `processed` / `failed` from the event names [INF].
 */
export const REBUS_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', approved: 'approved', rejected: 'denied', paid: 'paid' },
  affiliate: { pending: 'pending', approved: 'active', rejected: 'denied' },
  payout: { pending: 'pending', processing: 'pending', processed: 'paid', paid: 'paid', completed: 'paid', failed: 'failed' },
};

/**
 * What Rebus AI's records lack for the next step (receive/enrich.ts). No object, list or endpoint
 * names a currency [DOC-3P: every documented response], so the connection's Shop Currency stands
 * in. Commissions and payouts name the affiliate by id (and name) only: the email comes from the
 * affiliate get. An affiliate's referral link lives in the links API (`GET /links/?affiliate_id=`
 * [DOC-3P]; a link's `url` [DOC-3P: generate-link response]; the list's `data.results` envelope
 * inferred from the other lists). Codes exist only as the code.redeemed event: no coupon API.
 */
export const REBUS_SUPPLEMENTS: RecordSupplements = {
  currencyFromConnection: { kinds: ['referral', 'payout'], source: 'documented (third-party host): no Rebus AI response names a currency' },
  fieldLookups: [
    {
      kind: 'affiliate',
      field: 'referral_link',
      request: {
        method: 'GET',
        path: '/links/',
        query: { affiliate_id: '{{id}}', page: 1, page_size: 1 },
        source: 'documented (third-party host): GET /links/?affiliate_id=; the data.results envelope inferred from the other lists',
      },
      itemsPath: 'data.results',
      valuePath: 'url',
    },
  ],
  unavailable: {
    affiliate: { coupon_code: 'Rebus AI documents no coupon or code endpoint, only a code.redeemed event [DOC-3P: webhooks page]' },
  },
};
