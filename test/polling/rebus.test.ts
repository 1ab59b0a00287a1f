/**
 * Rebus AI polling: the documented `date_from` filter on commissions (a date), page-number paging
 * when Zapier asks for more than a page, statuses read from `{value, display}`.
 */
import listAffiliates from '../fixtures/rebus/list-affiliates.response.json';
import listCommissions from '../fixtures/rebus/list-commissions.response.json';
import { rebusKit } from '../platforms/rebus.kit';
import { DAY_AGO, fixClock, poll } from './poll';

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

  it('reads a second page only when Zapier asks for more than one holds, stopping at a short page', async () => {
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

  it('emits commission status changes from the documented list example', async () => {
    const scope = api().get('/api/v1/affiliate/commissions/').query({ page: '1', page_size: '100' }).reply(200, listCommissions);
    const records = await poll('referral_status_polling', { authData, inputData: { status: 'approved' } });
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([expect.objectContaining({ id: '567:approved', record_id: '567', status: 'approved', vendor_status: 'approved' })]);
  });

  it('polls affiliates without a time filter (none is documented), for new ones and status changes', async () => {
    const created = api().get('/api/v1/affiliate/affiliates/').query({ page: '1', page_size: '100' }).reply(200, listAffiliates);
    expect(await poll('new_affiliate_polling', { authData })).toEqual([expect.objectContaining({ id: '123', email: 'john@example.com', status: 'active' })]);
    expect(created.isDone()).toBe(true);
    const changed = api().get('/api/v1/affiliate/affiliates/').query({ page: '1', page_size: '100' }).reply(200, listAffiliates);
    expect((await poll('affiliate_status_polling', { authData, inputData: {} })).map((record) => record.id)).toEqual(['123:active']);
    expect(changed.isDone()).toBe(true);
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
