/**
 * Rebus AI polling: the documented `date_from` filter on commissions (a date), page-number paging
 * when Zapier asks for more than a page, statuses read from `{value, display}`.
 */
import listAffiliates from './fixtures/list-affiliates.response.json';
import listCommissions from './fixtures/list-commissions.response.json';
import { rebusKit } from './kit';
import { DAY_AGO, NOW, fixClock, poll, zapPolls } from '../../test/polling/poll';

const authData = rebusKit.authData;
const api = () => rebusKit.api();
const commission = listCommissions.data.results[0];
const results = (items: unknown[]) => ({ success: true, data: { results: items } });

fixClock();

describe('Rebus AI polling', () => {
  it('reads commissions from the last day (date_from) and returns them newest first', async () => {
    const older = { ...commission, id: 566, created_date: '2024-01-14T10:30:00Z' };
    const scope = api()
      .get('/api/v1/affiliate/commissions/')
      .query({ page: '1', page_size: '100', date_from: DAY_AGO.toISOString().slice(0, 10) })
      .reply(200, results([older, commission]));
    const records = await poll('new_referral_polling', { authData, meta: { limit: -1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['567', '566']);
    expect(records[0]).toMatchObject({ platform: 'rebus', event: 'referral.created', vendor_event: 'commission.created', commission_amount: 125.5, sale_amount: 837 });
  });

  it('reads the next page when one is full, stopping at a short page', async () => {
    const full = Array.from({ length: 100 }, (_, index) => ({ ...commission, id: 1000 + index }));
    const short = Array.from({ length: 20 }, (_, index) => ({ ...commission, id: 2000 + index }));
    const date_from = DAY_AGO.toISOString().slice(0, 10);
    const scope = api()
      .get('/api/v1/affiliate/commissions/')
      .query({ page: '1', page_size: '100', date_from })
      .reply(200, results(full))
      .get('/api/v1/affiliate/commissions/')
      .query({ page: '2', page_size: '100', date_from })
      .reply(200, results(short));
    const records = await poll('new_referral_polling', { authData, meta: { limit: 300 } });
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(120);
  });

  it('runs commission status changes found against what the previous poll saw, in the last 90 days (date_from)', async () => {
    const nextPoll = zapPolls('referral_status_polling', { authData, inputData: { status: 'approved' } });
    const window = { page: '1', page_size: '100', date_from: new Date(NOW.getTime() - 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10) };
    const pending = { ...listCommissions, data: { ...listCommissions.data, results: [{ ...commission, status: { value: 'pending', display: 'Pending' } }] } };
    api().get('/api/v1/affiliate/commissions/').query(window).reply(200, pending);
    expect(await nextPoll()).toEqual([]);
    const scope = api().get('/api/v1/affiliate/commissions/').query(window).reply(200, listCommissions);
    expect(await nextPoll()).toEqual([expect.objectContaining({ id: `567:approved:${NOW.toISOString()}`, record_id: '567', status: 'approved', vendor_status: 'approved', previous_status: 'pending' })]);
    expect(scope.isDone()).toBe(true);
  });

  it('polls affiliates without a time filter (none is documented), for new ones and status changes', async () => {
    const created = api().get('/api/v1/affiliate/affiliates/').query({ page: '1', page_size: '100' }).reply(200, listAffiliates);
    expect(await poll('new_affiliate_polling', { authData })).toEqual([expect.objectContaining({ id: '123', email: 'john@example.com', status: 'active' })]);
    expect(created.isDone()).toBe(true);
    const nextPoll = zapPolls('affiliate_status_polling', { authData, inputData: {} });
    const learnt = api().get('/api/v1/affiliate/affiliates/').query({ page: '1', page_size: '100' }).reply(200, listAffiliates);
    expect(await nextPoll()).toEqual([]);
    expect(learnt.isDone()).toBe(true);
  });

  it('polls payouts', async () => {
    const scope = api()
      .get('/api/v1/affiliate/payouts/')
      .query({ page: '1', page_size: '3' })
      .reply(200, results([{ id: 88, amount: 240.5, status: 'pending', created_date: '2024-01-31T00:00:00Z' }]));
    expect(await poll('new_payout_polling', { authData, meta: { isLoadingSample: true } })).toEqual([expect.objectContaining({ id: '88', amount: 240.5, status: 'pending' })]);
    expect(scope.isDone()).toBe(true);
  });
});
