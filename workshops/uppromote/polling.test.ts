/**
 * UpPromote polling: pages read within a tenth of the shop's 120 requests a minute, every
 * from_date sent with its to_date, newest first although UpPromote's order is undocumented, and
 * status changes found against the statuses the Zap saw before (test/polling/status-history.test.ts
 * runs the full histories).
 */
import { appTester, triggerOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import affiliateNew from './fixtures/affiliate.new.json';
import paymentPaid from './fixtures/payment.paid.json';
import referralNew from './fixtures/referral.new.json';
import { upPromoteKit } from './kit';
import { DAY_AGO, NOW, fixClock, isoSeconds, poll, zapPolls } from '../../test/polling/poll';

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
      raw: JSON.stringify(referrals[2]),
    });
  });

  it('loads samples without the time window, three at most', async () => {
    const scope = api().get('/api/v2/referrals').query({ page: '1', per_page: '3' }).reply(200, envelope(referrals));
    const records = await poll('new_referral_polling', { authData, meta: { isLoadingSample: true } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(3);
  });

  it('reads the next page of the window when one is full, and stops at a short page (10 at most: a tenth of the shop\'s 120 a minute)', async () => {
    const window = { from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) };
    const full = Array.from({ length: 100 }, (_, index) => ({ ...referralNew, id: 5000 + index, created_at: '2026-03-10T10:00:00Z' }));
    const scope = api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '100', ...window })
      .reply(200, envelope(full))
      .get('/api/v2/referrals')
      .query({ page: '2', per_page: '100', ...window })
      .reply(200, envelope(referrals));
    const records = await poll('new_referral_polling', { authData, meta: { limit: -1 } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(103);
  });
});

/** A day in the status window: UpPromote status polls read the referrals created in the last 90 days. */
const STATUS_WINDOW = { from_date: isoSeconds(new Date(NOW.getTime() - 90 * 24 * 60 * 60 * 1000)), to_date: isoSeconds(NOW) };

describe('UpPromote Referral Status Changed (Polling)', () => {
  it('learns the statuses on its first poll, then runs each change under <id>:<status>:<time>, its own id in record_id', async () => {
    const nextPoll = zapPolls('referral_status_polling', { authData, inputData: {} });
    const first = api().get('/api/v2/referrals').query({ page: '1', per_page: '100', ...STATUS_WINDOW }).reply(200, envelope(referrals));
    expect(await nextPoll()).toEqual([]);
    expect(first.isDone()).toBe(true);
    const changed = [referrals[0], { ...referrals[1], status: 'approved' }, referrals[2]];
    api().get('/api/v2/referrals').query({ page: '1', per_page: '100', ...STATUS_WINDOW }).reply(200, envelope(changed));
    const records = await nextPoll();
    expect(records.map((record) => [record.id, record.record_id, record.status, record.previous_status])).toEqual([
      [`1002:approved:${NOW.toISOString()}`, '1002', 'approved', 'pending'],
    ]);
    expect(records[0]).toMatchObject({ event: 'referral.status_changed', vendor_event: 'referral.status-changed' });
  });

  it('passes only changes into the status chosen in "Only When the Status Becomes"', async () => {
    const nextPoll = zapPolls('referral_status_polling', { authData, inputData: { status: 'approved' } });
    api().get('/api/v2/referrals').query(true).reply(200, envelope(referrals));
    await nextPoll();
    api()
      .get('/api/v2/referrals')
      .query(true)
      .reply(200, envelope([{ ...referrals[0], status: 'paid' }, { ...referrals[1], status: 'approved' }, referrals[2]]));
    expect((await nextPoll()).map((record) => record.record_id)).toEqual(['1002']);
  });
});

describe('UpPromote affiliates and payouts', () => {
  it('polls new affiliates and affiliate statuses, from_date always with to_date', async () => {
    const affiliates = [
      { ...affiliateNew, id: 7, status: 'active', created_at: '2026-03-10T08:00:00Z' },
      { ...affiliateNew, id: 8, status: 'pending', created_at: '2026-03-10T10:00:00Z' },
    ];
    const created = api()
      .get('/api/v2/affiliates')
      .query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) })
      .reply(200, envelope(affiliates));
    expect((await poll('new_affiliate_polling', { authData })).map((record) => record.id)).toEqual(['8', '7']);
    expect(created.isDone()).toBe(true);

    // Affiliates' statuses: the whole list (no window), so an old pending affiliate's approval is seen.
    const nextPoll = zapPolls('affiliate_status_polling', { authData, inputData: { status: 'active' } });
    api().get('/api/v2/affiliates').query({ page: '1', per_page: '100' }).reply(200, envelope(affiliates));
    await nextPoll();
    const changed = api().get('/api/v2/affiliates').query({ page: '1', per_page: '100' }).reply(200, envelope([affiliates[0], { ...affiliates[1], status: 'active' }]));
    const records = await nextPoll();
    expect(changed.isDone()).toBe(true);
    expect(records).toEqual([expect.objectContaining({ record_id: '8', status: 'active', previous_status: 'pending', email: affiliateNew.email, event: 'affiliate.status_changed' })]);
  });

  it('polls paid payments as new payouts', async () => {
    const scope = api()
      .get('/api/v2/payments/paid')
      .query({ page: '1', per_page: '100', from_date: isoSeconds(DAY_AGO), to_date: isoSeconds(NOW) })
      .reply(200, envelope([paymentPaid]));
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
