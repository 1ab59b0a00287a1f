/**
 * FirstPromoter objects → normalized records [DOC: API v2 OpenAPI schemas and the webhooks v2
 * payload page, as summarized in shared/platforms/README.md section 6, unless marked].
 *
 * Money: commission `amount` and `sale_amount` are integer **cents** [DOC: "in cents"], converted
 * with `minor_units`. They are money only when the commission's `unit` is `cash` [DOC]; for other
 * units (credits, points, free months) `commission_amount` is that unit's count / 100 and `raw.unit`
 * says which: the field map cannot branch on `unit`. Payout `amount` is typed float and its unit is
 * undocumented; cents like the commissions and the v1 payout examples [INF]. No object carries the
 * account currency [DOC: only `original_sale_currency` for sales in another currency], so
 * `currency` is set only from that.
 * Times are ISO-8601 with `Z` [DOC], read through `time`. Ids are integers [DOC], emitted as text.
 * `$.changes.status.0` is the previous value in an `*.updated` envelope [DOC: `changes` is
 * `{field: [old, new]}`].
 */
import type { PlatformDefinition, RecordSupplements } from '../types';

export const FIRSTPROMOTER_FIELDS: PlatformDefinition['fields'] = {
  referral: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    previous_status: { path: '$.changes.status.0', convert: 'status' },
    // The billing event (order / charge id) the sale was tracked with [DOC: `event_id`].
    order_id: 'event_id',
    sale_amount: { path: 'sale_amount', convert: 'minor_units' },
    commission_amount: { path: 'amount', convert: 'minor_units' },
    currency: { path: 'original_sale_currency', convert: 'upper' },
    // API objects only: webhook commission data names no promoter [DOC].
    affiliate_id: { path: ['promoter_campaign.promoter.id', 'promoter_campaign.promoter_id'] },
    affiliate_email: 'promoter_campaign.promoter.email',
    affiliate_name: 'promoter_campaign.promoter.name',
    customer_email: 'referral.email',
    created_at: { path: 'created_at', convert: 'time' },
  },
  affiliate: {
    id: 'id',
    // A promoter's state lives per campaign [DOC: `promoter_campaigns[].state`]: the first campaign's;
    // `status` is what an older rendering of the payload page shows [DOC, older copy].
    status: { path: ['promoter_campaigns.0.state', 'state', 'status'], convert: 'status' },
    previous_status: { path: '$.changes.state.0', convert: 'status' },
    email: 'email',
    name: 'name',
    first_name: 'profile.first_name',
    last_name: 'profile.last_name',
    company: 'profile.company_name',
    program_id: { path: ['promoter_campaigns.0.campaign.id', 'promoter_campaigns.0.campaign_id'] },
    program_name: 'promoter_campaigns.0.campaign.name',
    referral_link: 'promoter_campaigns.0.ref_link',
    coupon_code: 'promoter_campaigns.0.coupon',
    created_at: { path: ['joined_at', 'created_at'], convert: 'time' },
  },
  payout: {
    id: 'id',
    status: { path: 'status', convert: 'status' },
    // Unit undocumented (typed float) [DOC]; cents like the v1 examples [INF]; a fractional value is flagged (issue 25 item 11).
    amount: {
      path: 'amount',
      convert: 'minor_units',
      flagFraction: "read as cents, but FirstPromoter's payout amount unit is undocumented: check the amount against FirstPromoter's dashboard",
    },
    affiliate_id: 'promoter.id',
    affiliate_email: 'promoter.email',
    payment_method: 'payout_method.method',
    paid_at: { path: 'paid_at', convert: 'time' },
    created_at: { path: 'created_at', convert: 'time' },
  },
};

/**
 * Vendor statuses (lower-cased) → normalized [DOC: the enums of the OpenAPI schemas]. Promoter
 * campaign states `pending|accepted|rejected|blocked|inactive|not_set`; `active` from the older
 * payload rendering; `removed` is what promoter.deleted says. Payout `processing` is on its way
 * (pending); `cancelled` has no normalized counterpart (unknown, with `vendor_status`).
 */
export const FIRSTPROMOTER_STATUSES: PlatformDefinition['statuses'] = {
  referral: { pending: 'pending', approved: 'approved', denied: 'denied' },
  affiliate: { pending: 'pending', accepted: 'active', active: 'active', rejected: 'denied', blocked: 'inactive', inactive: 'inactive', removed: 'removed' },
  payout: { pending: 'pending', processing: 'pending', completed: 'paid', failed: 'failed' },
};

/**
 * What FirstPromoter's records lack for the next step (receive/enrich.ts). Webhook commission data
 * is `{id, status, amount, unit, referral, created_at}`: no promoter, order id (`event_id`) or sale
 * amount [DOC: webhooks v2 payload page], which `GET /commissions?ids[]=` returns; webhook promoter
 * data has no `promoter_campaigns` (state, ref_link, coupon) [DOC], which `GET /promoters/{id}`
 * returns. Money is in the account's default currency, which no documented endpoint exposes [DOC:
 * tracking `currency` "only if different from FirstPromoter settings default currency"; UNK
 * endpoint]: the connection's Shop Currency stands in where `original_sale_currency` is absent.
 */
export const FIRSTPROMOTER_SUPPLEMENTS: RecordSupplements = {
  currencyFromConnection: { kinds: ['referral', 'payout'], source: "documented: amounts are in the account's default currency, which no documented endpoint returns" },
  fetchWhenEmpty: {
    referral: { fields: ['affiliate_id', 'order_id'], source: 'documented: webhook commission data names no promoter and no event_id; the commission list item does' },
    affiliate: { fields: ['status', 'referral_link'], source: 'documented: webhook promoter data has no promoter_campaigns; GET /promoters/{id} has them' },
  },
};
