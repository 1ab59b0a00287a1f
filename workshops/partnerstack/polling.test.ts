/**
 * PartnerStack polling: its lists are newest first [DOC], so a poll reads the first page as it
 * comes, with no time filter; its transactions and partnerships carry no status, so the status
 * triggers refuse and name the instant ones.
 */
import nock from 'nock';
import { rejectionMessage } from '../../test/helpers/errors';
import partnershipCreated from './fixtures/partnership_created.json';
import transactionCreated from './fixtures/transaction.created.json';
import { PARTNERSTACK_BASIC, PARTNERSTACK_ORIGIN, PARTNERSTACK_PUBLIC_KEY, PARTNERSTACK_SECRET_KEY } from './kit';
import { fixClock, poll } from '../../test/polling/poll';

const authData = { platform: 'partnerstack', api_key: PARTNERSTACK_SECRET_KEY, public_key: PARTNERSTACK_PUBLIC_KEY };
const api = () => nock(PARTNERSTACK_ORIGIN, { reqheaders: { authorization: PARTNERSTACK_BASIC } });
const page = (items: unknown[]) => ({ data: { has_more: false, items }, message: 'Page returned successfully', status: 200 });

fixClock();

describe('PartnerStack polling', () => {
  it('reads one page of transactions (the largest, 250) and keeps its newest-first order', async () => {
    // Newest first as PartnerStack sends them, even where created_at would sort them otherwise:
    // the vendor's documented order is kept, not re-sorted.
    const transactions = [
      { ...transactionCreated, key: 'tran_b', created_at: 1773140000000 },
      { ...transactionCreated, key: 'tran_a', created_at: 1773100000000 },
    ];
    const scope = api().get('/api/v2/transactions').query({ limit: '250' }).reply(200, page(transactions));
    const records = await poll('new_referral_polling', { authData, meta: { limit: -1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['tran_b', 'tran_a']);
    expect(records[0]).toMatchObject({ platform: 'partnerstack', event: 'referral.created', sale_amount: 125, currency: 'USD', affiliate_id: 'bertramgilfoyle' });
  });

  it('polls partnerships as new affiliates and payouts as new payouts, asking for three while loading samples', async () => {
    const partners = api().get('/api/v2/partnerships').query({ limit: '3' }).reply(200, page([partnershipCreated]));
    expect(await poll('new_affiliate_polling', { authData, meta: { isLoadingSample: true } })).toEqual([
      expect.objectContaining({ id: partnershipCreated.partner_key, email: partnershipCreated.email, program_name: 'Top Sellers' }),
    ]);
    expect(partners.isDone()).toBe(true);

    const payouts = api().get('/api/v2/payouts').query({ limit: '250' }).reply(200, page([{ key: 'pout_1', amount: 5000, currency: 'usd', status: 'paid', created_at: 1773100000000 }]));
    expect(await poll('new_payout_polling', { authData })).toEqual([expect.objectContaining({ id: 'pout_1', amount: 50, status: 'paid' })]);
    expect(payouts.isDone()).toBe(true);
  });

  it.each([
    // PartnerStack sends no transaction status-change event, so nothing else does this job there.
    ['referral_status_polling', /transactions carry no status/, /No other trigger of this app does this on PartnerStack/],
    ['affiliate_status_polling', /partnerships carry no approval status/, /Use "Affiliate Status Changed" or "New Event from Dashboard Webhook" instead\.$/],
  ])('%s refuses without a request, saying why and naming only a trigger that does its job', async (key, why, instead) => {
    const message = await rejectionMessage(poll(key, { authData, inputData: {} }));
    expect(message).toMatch(why);
    expect(message).toMatch(instead);
  });
});
