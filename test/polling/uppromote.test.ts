/**
 * UpPromote polling: one request per poll (120 requests a minute per shop, shared with every other
 * call), the documented from_date/to_date window on referrals, newest first although UpPromote's
 * order is undocumented, and status changes as new ids.
 */
import { appTester, triggerOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import affiliateNew from '../fixtures/uppromote/affiliate.new.json';
import paymentPaid from '../fixtures/uppromote/payment.paid.json';
import referralNew from '../fixtures/uppromote/referral.new.json';
import { upPromoteKit } from '../platforms/uppromote.kit';
import { DAY_AGO, NOW, fixClock, isoSeconds, poll } from './poll';

const authData = upPromoteKit.authData;
const api = () => upPromoteKit.api();
const envelope = (data: unknown[]) => ({ status: 200, message: 'success', data });

/** Referrals as UpPromote may list them: oldest first (its order is not documented). */
const referrals = [
  { ...referralNew, id: 1001, status: 'approved', created_at: '2026-03-09T13:00:00Z' },
  { ...referralNew, id: 1002, status: 'pending', created_at: '2026-03-10T09:30:00Z' },
  { ...referralNew, id: 1003, status: 'denied', created_at: '2026-03-10T11:45:00Z' },
];

fixClock();

describe('UpPromote New Referral (Polling)', () => {
  it('reads one page of the last day (from_date with to_date) and returns it newest first', async () => {
    const scope = api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) })
      .reply(200, envelope(referrals));
    const records = await poll('new_referral_polling', { authData, meta: { limit: -1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['1003', '1002', '1001']);
    expect(records[0]).toMatchObject({
      platform: 'uppromote',
      event: 'referral.created',
      vendor_event: 'referral.new',
      status: 'denied',
      order_id: String(referralNew.order_id),
      sale_amount: 120,
      commission_amount: 12,
      affiliate_email: referralNew.affiliate.email,
      created_at: '2026-03-10T11:45:00.000Z',
      raw: referrals[2],
    });
  });

  it('loads samples without the time window, three at most', async () => {
    const scope = api().get('/api/v2/referrals').query({ page: '1', per_page: '3' }).reply(200, envelope(referrals));
    const records = await poll('new_referral_polling', { authData, meta: { isLoadingSample: true } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(3);
  });

  it("keeps to Zapier's limit even when UpPromote sends more", async () => {
    const scope = api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '2', from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) })
      .reply(200, envelope(referrals));
    const records = await poll('new_referral_polling', { authData, meta: { limit: 2 } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(2);
    const times = records.map((record) => String(record.created_at));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('makes one request even when Zapier asks for more than a page (the rate limit is shared)', async () => {
    const scope = api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) })
      .reply(200, envelope(Array.from({ length: 100 }, (_, index) => ({ ...referralNew, id: 5000 + index }))));
    const records = await poll('new_referral_polling', { authData, meta: { limit: 500 } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(100);
  });
});

describe('UpPromote Referral Status Changed (Polling)', () => {
  it('emits each referral under <id>:<status>, its own id in record_id, without the creation window', async () => {
    const scope = api().get('/api/v2/referrals').query({ page: '1', per_page: '100' }).reply(200, envelope(referrals));
    const records = await poll('referral_status_polling', { authData, inputData: {} });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record.record_id, record.status])).toEqual([
      ['1003:denied', '1003', 'denied'],
      ['1002:pending', '1002', 'pending'],
      ['1001:approved', '1001', 'approved'],
    ]);
    expect(records[0]).toMatchObject({ event: 'referral.status_changed', vendor_event: 'referral.status-changed' });
  });

  it('gives the same referral a new id once its status changes, so Zapier runs again', async () => {
    api().get('/api/v2/referrals').query(true).reply(200, envelope([referrals[1]]));
    const before = await poll('referral_status_polling', { authData, inputData: {} });
    api().get('/api/v2/referrals').query(true).reply(200, envelope([{ ...referrals[1], status: 'approved' }]));
    const after = await poll('referral_status_polling', { authData, inputData: {} });
    expect(before[0].id).not.toEqual(after[0].id);
    expect(before[0].record_id).toEqual(after[0].record_id);
  });

  it('passes only the status chosen in "Only When the Status Becomes"', async () => {
    const scope = api().get('/api/v2/referrals').query({ page: '1', per_page: '100' }).reply(200, envelope(referrals));
    const records = await poll('referral_status_polling', { authData, inputData: { status: 'approved' } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['1001:approved']);
  });
});

describe('UpPromote affiliates and payouts', () => {
  it('polls new affiliates with from_date (no to_date) and affiliate statuses without it', async () => {
    const affiliates = [
      { ...affiliateNew, id: 7, status: 'active', created_at: '2026-03-10T08:00:00Z' },
      { ...affiliateNew, id: 8, status: 'pending', created_at: '2026-03-10T10:00:00Z' },
    ];
    const created = api().get('/api/v2/affiliates').query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO) }).reply(200, envelope(affiliates));
    expect((await poll('new_affiliate_polling', { authData })).map((record) => record.id)).toEqual(['8', '7']);
    expect(created.isDone()).toBe(true);

    const changed = api().get('/api/v2/affiliates').query({ page: '1', per_page: '100' }).reply(200, envelope(affiliates));
    const records = await poll('affiliate_status_polling', { authData, inputData: { status: 'active' } });
    expect(changed.isDone()).toBe(true);
    expect(records).toEqual([expect.objectContaining({ id: '7:active', record_id: '7', email: affiliateNew.email, event: 'affiliate.status_changed' })]);
  });

  it('polls paid payments as new payouts', async () => {
    const scope = api().get('/api/v2/payments/paid').query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO) }).reply(200, envelope([paymentPaid]));
    const records = await poll('new_payout_polling', { authData });
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([expect.objectContaining({ id: String(paymentPaid.payment_id), status: 'paid', event: 'payout.paid', vendor_event: 'payment.paid' })]);
  });
});

describe('UpPromote instant triggers point at polling', () => {
  it('names the polling trigger when the event\'s one webhook is taken', async () => {
    const scope = api()
      .get('/api/v2/webhook-subscriptions')
      .query({ page: '1', per_page: '10', event: 'referral.new' })
      .reply(200, envelope([{ event: 'referral.new', target_url: 'https://other-tool.example.com/hook', status: 'active' }]));
    const message = await rejectionMessage(
      appTester(triggerOperation('new_referral').performSubscribe, { authData, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/2/' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/already sent to another address \(other-tool\.example\.com\).*Or use "New Referral \(Polling\)" instead/);
  });
});
