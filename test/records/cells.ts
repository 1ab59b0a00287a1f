/**
 * The merchant's three Zaps (issue 23, "Records a Slack or CRM step can use") on every platform:
 * which trigger serves each Zap there, the live delivery or list item it runs on (the workshops'
 * vendor examples, completed where the vendor documents a field the example leaves empty), and the
 * look-ups the vendor's API answers. A cell without `live` is a Zap the platform cannot serve: every
 * field it needs must then be declared unavailable in the platform's data.
 */
import ufReferralApproved from '../../workshops/uppromote/fixtures/referral.approved.json';
import ufAffiliateNew from '../../workshops/uppromote/fixtures/affiliate.new.json';
import ufPaymentPaid from '../../workshops/uppromote/fixtures/payment.paid.json';
import psTransaction from '../../workshops/partnerstack/fixtures/transaction.created.json';
import psPartnership from '../../workshops/partnerstack/fixtures/partnership_created.json';
import rbCommission from '../../workshops/rebus/fixtures/commission.approved.json';
import rbAffiliate from '../../workshops/rebus/fixtures/affiliate.created.json';
import rbPayout from '../../workshops/rebus/fixtures/payout.processed.json';
import tmSignup from '../../workshops/tamio/fixtures/affiliate-signup.json';
import tmPayout from '../../workshops/tamio/fixtures/payout.retrieve.json';
import vrAffiliate from '../../workshops/viralref/fixtures/affiliate.created.json';
import vrPayout from '../../workshops/viralref/fixtures/payout.created.json';
import fpCommission from '../../workshops/firstpromoter/fixtures/commission.approved.json';
import fpPromoter from '../../workshops/firstpromoter/fixtures/promoter.created.json';
import fpPayout from '../../workshops/firstpromoter/fixtures/payout.completed.json';
import tlCommission from '../../workshops/tolt/fixtures/commission.updated.json';
import tlPartner from '../../workshops/tolt/fixtures/partner.created.json';
import rfCommission from '../../workshops/rewardful/fixtures/commission.created.json';
import rfAffiliate from '../../workshops/rewardful/fixtures/affiliate.created.json';
import rfPayout from '../../workshops/rewardful/fixtures/payout.paid.json';
import dbCommission from '../../workshops/dub/fixtures/commission.created.with-invoice.json';
import dbEnrolled from '../../workshops/dub/fixtures/partner.enrolled.json';
import dbPayout from '../../workshops/dub/fixtures/payout.confirmed.json';
import rsConversion from '../../workshops/refersion/fixtures/conversion.approved.json';
import rsAffiliate from '../../workshops/refersion/fixtures/affiliate.status-change.json';
import tfCommission from '../../workshops/tapfiliate/fixtures/commission.pending.constructed.json';
import tfAffiliate from '../../workshops/tapfiliate/fixtures/affiliate.object.pipedream-test-event.json';
import tfPayment from '../../workshops/tapfiliate/fixtures/payment.constructed.json';
import tfMembership from '../../workshops/tapfiliate/fixtures/program-affiliate.approved.constructed.json';

export type ZapKey = 'slack' | 'hubspot' | 'sheets';

/** Each Zap's record kind and the fields its next step maps: a group is met when any of its fields is. */
export const ZAPS: Record<ZapKey, { kind: 'referral' | 'affiliate' | 'payout'; trigger: string; groups: readonly (readonly string[])[] }> = {
  slack: { kind: 'referral', trigger: 'referral_status_changed', groups: [['affiliate_name', 'affiliate_email'], ['commission_amount', 'sale_amount'], ['currency'], ['order_id']] },
  hubspot: { kind: 'affiliate', trigger: 'new_affiliate', groups: [['email'], ['first_name'], ['last_name'], ['status'], ['referral_link'], ['coupon_code']] },
  sheets: { kind: 'payout', trigger: 'payout_paid', groups: [['id'], ['affiliate_email'], ['amount'], ['currency'], ['paid_at']] },
};

/** One vendor API answer a look-up (or a poll) gets: method GET, path below the origin, query matched loosely. */
export interface Answer {
  /** GET unless said. */
  method?: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body: unknown;
}

/** How a cell reaches the Zap live. */
export type Live =
  /** A signed delivery through a REST-hook trigger's perform, subscribed as the kit subscribes. */
  | { via: 'hook'; trigger: string; vendorEvent: string; body: Record<string, unknown>; inputData?: Record<string, string> }
  /** A signed delivery through New Event from Dashboard Webhook (`inputData`: e.g. the event a URL is set up for). */
  | { via: 'dashboard'; body: Record<string, unknown>; inputData?: Record<string, string>; headers?: Record<string, string> }
  /** A poll of a polling trigger over one list answer. */
  | { via: 'poll'; trigger: string; list: Answer };

export interface Cell {
  platform: string;
  zap: ZapKey;
  live?: Live;
  /** What the vendor's API answers to the look-ups the record needs (each must be asked). */
  answers?: readonly Answer[];
  /** Connection fields beyond the platform and API key (the kit's, for REST-hook platforms). */
  authData?: Record<string, string>;
}

const approved = { status: 'approved' };

export const CELLS: readonly Cell[] = [
  // UpPromote: everything in the deliveries but the currency (the connection's).
  { platform: 'uppromote', zap: 'slack', live: { via: 'hook', trigger: 'referral_status_changed', vendorEvent: 'referral.approved', body: ufReferralApproved, inputData: approved } },
  { platform: 'uppromote', zap: 'hubspot', live: { via: 'hook', trigger: 'new_affiliate', vendorEvent: 'affiliate.new', body: ufAffiliateNew } },
  { platform: 'uppromote', zap: 'sheets', live: { via: 'hook', trigger: 'payout_paid', vendorEvent: 'payment.paid', body: ufPaymentPaid } },
  // PartnerStack: the partner's email and name through GET /partnerships/{key}; payouts only by polling.
  {
    platform: 'partnerstack',
    zap: 'slack',
    live: { via: 'hook', trigger: 'new_referral', vendorEvent: 'transaction.created', body: psTransaction },
    answers: [{ path: '/api/v2/partnerships/bertramgilfoyle', body: { data: { partner_key: 'bertramgilfoyle', email: 'bertram@example.com', first_name: 'Bertram', last_name: 'Gilfoyle' } } }],
  },
  { platform: 'partnerstack', zap: 'hubspot', live: { via: 'hook', trigger: 'new_affiliate', vendorEvent: 'partnership.created', body: psPartnership } },
  {
    platform: 'partnerstack',
    zap: 'sheets',
    live: {
      via: 'poll',
      trigger: 'new_payout_polling',
      list: { path: '/api/v2/payouts', body: { data: { has_more: false, items: [{ key: 'pout_1', amount: 5000, currency: 'usd', status: 'paid', partner_key: 'bertramgilfoyle', paid_at: 1700000000000, created_at: 1699990000000 }] } } },
    },
    answers: [{ path: '/api/v2/partnerships/bertramgilfoyle', body: { data: { partner_key: 'bertramgilfoyle', email: 'bertram@example.com', first_name: 'Bertram', last_name: 'Gilfoyle' } } }],
  },
  // Rebus AI: the affiliate's email through its get, the referral link through the links list, the currency from the connection.
  {
    platform: 'rebus',
    zap: 'slack',
    live: { via: 'hook', trigger: 'referral_status_changed', vendorEvent: 'commission.approved', body: rbCommission, inputData: approved },
    answers: [{ path: '/api/v1/affiliate/affiliates/456/', body: { success: true, data: { id: 456, name: 'John Smith', email: 'john@example.com' } } }],
  },
  {
    platform: 'rebus',
    zap: 'hubspot',
    live: { via: 'hook', trigger: 'new_affiliate', vendorEvent: 'affiliate.created', body: rbAffiliate },
    answers: [{ path: '/api/v1/affiliate/links/', query: { affiliate_id: '123' }, body: { success: true, data: { results: [{ id: 789, affiliate_id: 123, url: 'https://rebusai.com/product/course?ref=AFFILIATE123' }] } } }],
  },
  {
    platform: 'rebus',
    zap: 'sheets',
    live: { via: 'hook', trigger: 'payout_paid', vendorEvent: 'payout.processed', body: rbPayout },
    answers: [{ path: '/api/v1/affiliate/affiliates/123/', body: { success: true, data: { id: 123, name: 'John Smith', email: 'john@example.com' } } }],
  },
  // Tamio: no referrals at all, affiliates from the dashboard webhook, payouts by polling.
  { platform: 'tamio', zap: 'slack' },
  { platform: 'tamio', zap: 'hubspot', live: { via: 'dashboard', body: { ...tmSignup, data: { affiliate: { ...tmSignup.data.affiliate, surname: 'Doe' } } } } },
  {
    platform: 'tamio',
    zap: 'sheets',
    live: { via: 'poll', trigger: 'new_payout_polling', list: { path: '/v2/affiliates/payouts/list', body: { status: 200, payouts: [{ ...tmPayout.payout, paid: true }] } } },
  },
  // ViralRef: dashboard webhooks only, no API.
  {
    platform: 'viralref',
    zap: 'slack',
    live: {
      via: 'dashboard',
      body: { type: 'conversion.updated', conversion: { id: 'conv_7QkS2', status: 'approved', order_id: 'ord_1043', order_total: '129.00', commission: '12.90', currency: 'USD', referrer_id: 'aff_91xT', referrer_email: 'mia@example.com' } },
    },
  },
  { platform: 'viralref', zap: 'hubspot', live: { via: 'dashboard', body: vrAffiliate } },
  { platform: 'viralref', zap: 'sheets', live: { via: 'dashboard', body: vrPayout } },
  // FirstPromoter: webhook commissions and promoters are completed from the API; the currency from the connection.
  {
    platform: 'firstpromoter',
    zap: 'slack',
    live: { via: 'hook', trigger: 'referral_status_changed', vendorEvent: 'commission.approved', body: fpCommission, inputData: approved },
    answers: [
      {
        path: '/api/v2/company/commissions',
        query: { 'ids[]': '13533003' },
        body: [{ id: 13533003, status: 'approved', amount: 400, unit: 'cash', sale_amount: 2000, event_id: 'ch_3Mx1043', promoter_campaign: { id: 5, promoter: { id: 8262622, email: 'test@promoter.com', name: 'Test Promoter' } }, created_at: '2025-04-25T09:39:42Z' }],
      },
    ],
  },
  {
    platform: 'firstpromoter',
    zap: 'hubspot',
    live: { via: 'hook', trigger: 'new_affiliate', vendorEvent: 'promoter.created', body: fpPromoter },
    answers: [
      {
        path: '/api/v2/company/promoters/8262622',
        body: { ...fpPromoter.data, promoter_campaigns: [{ id: 5, campaign_id: 28004, state: 'accepted', coupon: 'TEST10', ref_token: 'test', ref_link: 'https://example.com/?fpr=test', campaign: { id: 28004, name: 'Main' } }] },
      },
    ],
  },
  { platform: 'firstpromoter', zap: 'sheets', live: { via: 'hook', trigger: 'payout_paid', vendorEvent: 'payout.completed', body: fpPayout } },
  // Tolt: the partner's email through its get; no payouts at all.
  {
    platform: 'tolt',
    zap: 'slack',
    live: { via: 'dashboard', body: { ...tlCommission, data: { ...tlCommission.data, status: 'approved' } } },
    answers: [{ path: '/v2/partners/part_1234567890', body: { success: true, data: { id: 'part_1234567890', email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe', display_name: 'Jane Doe' } } }],
  },
  {
    platform: 'tolt',
    zap: 'hubspot',
    live: { via: 'dashboard', body: tlPartner },
    answers: [{ path: '/v2/partners/part_123', body: { success: true, data: { ...tlPartner.data, link: { url: 'https://tolt.example.com/?ref=jane' } } } }],
  },
  { platform: 'tolt', zap: 'sheets' },
  // Rewardful: everything in the deliveries but the affiliate's state, fetched.
  { platform: 'rewardful', zap: 'slack', live: { via: 'dashboard', body: rfCommission } },
  {
    platform: 'rewardful',
    zap: 'hubspot',
    live: { via: 'dashboard', body: rfAffiliate },
    answers: [{ path: `/v1/affiliates/${rfAffiliate.object.id}`, body: { ...rfAffiliate.object, state: 'active' } }],
  },
  { platform: 'rewardful', zap: 'sheets', live: { via: 'dashboard', body: rfPayout } },
  // Dub Partners: REST hooks; commissions and partners carry the partner inline.
  { platform: 'dub', zap: 'slack', live: { via: 'hook', trigger: 'new_referral', vendorEvent: 'commission.created', body: dbCommission } },
  { platform: 'dub', zap: 'hubspot', live: { via: 'hook', trigger: 'new_platform_event', vendorEvent: 'partner.enrolled', body: dbEnrolled } },
  // Dub sends no payout-paid event (payout.confirmed is the payout's creation): a paid payout is polled.
  {
    platform: 'dub',
    zap: 'sheets',
    live: {
      via: 'poll',
      trigger: 'new_payout_polling',
      list: { path: '/payouts', body: [{ ...dbPayout.data, status: 'completed', paidAt: '2025-11-01T10:00:00.000Z', partner: { id: 'pn_1', name: 'Matthew Hayden', email: 'matthew@example.com' } }] },
    },
  },
  // Refersion: dashboard webhooks.
  // Refersion names the event in its Refersion-Topic header.
  { platform: 'refersion', zap: 'slack', live: { via: 'dashboard', body: rsConversion, headers: { 'Refersion-Topic': 'APPROVED_CONVERSION' } }, authData: { public_key: 'pub_test' } },
  {
    platform: 'refersion',
    zap: 'hubspot',
    live: { via: 'dashboard', body: rsAffiliate, headers: { 'Refersion-Topic': 'NEW_AFFILIATE' } },
    authData: { public_key: 'pub_test' },
    // The affiliate topics carry no link: `/affiliate/get` answers with one (its documented example).
    answers: [{ method: 'POST', path: '/v2/affiliate/get', body: { ...rsAffiliate, link: 'https://site.refersion.com/c/694c' } }],
  },
  { platform: 'refersion', zap: 'sheets' },
  // Tapfiliate: dashboard webhooks.
  // Commissions and payments name the affiliate by id only: email through GET /affiliates/{id}/.
  // A commission names its conversion by id (as the listed commissions do [3P]): the order id is the conversion's external_id.
  {
    platform: 'tapfiliate',
    zap: 'slack',
    live: { via: 'dashboard', body: { ...tfCommission, conversion: { id: 2807860 } }, inputData: { vendor_event: 'commission-updated' } },
    answers: [
      { path: '/1.6/affiliates/foobar/', body: { ...tfAffiliate, id: 'foobar', email: 'foo1@example.com' } },
      { path: '/1.6/conversions/2807860/', body: { id: 2807860, external_id: 'ORDER-1043', amount: 50.8 } },
    ],
  },
  // An affiliate's status, link and coupon live on its program membership: the program event carries them.
  { platform: 'tapfiliate', zap: 'hubspot', live: { via: 'dashboard', body: tfMembership, inputData: { vendor_event: 'affiliate-added-to-program' } } },
  { platform: 'tapfiliate', zap: 'sheets', live: { via: 'dashboard', body: tfPayment, inputData: { vendor_event: 'payment-created' } }, answers: [{ path: '/1.6/affiliates/janejameson/', body: tfAffiliate }] },
];
