/**
 * Searches, search-or-create, dropdowns and the remaining actions, through UpPromote (the other
 * platforms' data is covered by their own tests).
 */
import nock from 'nock';
import { app, appTester, createOperation, searchOperation, triggerOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { upPromoteKit } from '../../workshops/uppromote/kit';
import affiliateNew from '../../workshops/uppromote/fixtures/affiliate.new.json';
import referralNew from '../../workshops/uppromote/fixtures/referral.new.json';

const authData = upPromoteKit.authData;
const search = (key: string) => searchOperation(key).perform;
const hidden = (key: string) => triggerOperation(key).perform;

describe('Find Affiliate', () => {
  it('searches by email and returns only the exact match (trimmed, any case)', async () => {
    const near = { ...affiliateNew, id: 1, email: 'ana.smith@example.com' };
    const exact = { ...affiliateNew, id: 2, email: 'Ana@Example.com' };
    const scope = upPromoteKit
      .api()
      .get('/api/v2/affiliates')
      .query({ affiliate_email: 'ana@example.com', page: '1', per_page: '25' })
      .reply(200, { status: 200, message: 'success', data: [near, exact] });
    const results = (await appTester(search('find_affiliate'), { authData, inputData: { email: 'ana@example.com' } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(results.map((record) => record.id)).toEqual(['2']);
  });

  it('returns an empty result, not an error, when nothing matches', async () => {
    upPromoteKit.api().get('/api/v2/affiliates').query(true).reply(200, { status: 200, message: 'success', data: [] });
    expect(await appTester(search('find_affiliate'), { authData, inputData: { email: 'nobody@example.com' } })).toEqual([]);
  });

  it('is paired with Create Affiliate as a search-or-create', () => {
    expect(app.searchOrCreates?.find_affiliate).toMatchObject({ search: 'find_affiliate', create: 'create_affiliate' });
  });
});

describe('Find Referral', () => {
  it('searches by order id', async () => {
    upPromoteKit
      .api()
      .get('/api/v2/referrals')
      .query({ order_id: '5532408922361', page: '1', per_page: '25' })
      .reply(200, { status: 200, message: 'success', data: [referralNew] });
    const results = await appTester(search('find_referral'), { authData, inputData: { order_id: '5532408922361' } });
    expect(results).toEqual([expect.objectContaining({ id: '1781959', order_id: '5532408922361', event: 'referral.created' })]);
  });
});

describe('dropdowns', () => {
  it("offers UpPromote affiliates by email, the identifier UpPromote's actions take", async () => {
    upPromoteKit.api().get('/api/v2/affiliates').query({ page: '1', per_page: '50' }).reply(200, { status: 200, message: 'success', data: [affiliateNew] });
    expect(await appTester(hidden('affiliate_list'), { authData, meta: { page: 0 } })).toEqual([
      { id: 'test233@gmail.com', label: 'Test 233 · test233@gmail.com · inactive (2029238)' },
    ]);
  });

  it('lists programs with the label the vendor gives them', async () => {
    upPromoteKit
      .api()
      .get('/api/v2/programs')
      .query({ status: 'active', page: '1', per_page: '50' })
      .reply(200, { status: 200, message: 'success', data: [{ id: 29486, program_name: 'Default Program' }] });
    expect(await appTester(hidden('program_list'), { authData, meta: { page: 0 } })).toEqual([{ id: '29486', label: 'Default Program' }]);
  });

  it('gives an empty dropdown where the platform has no such list', async () => {
    expect(await appTester(hidden('group_list'), { authData, meta: { page: 0 } })).toEqual([]);
  });
});

describe('remaining actions', () => {
  it('marks a manual UpPromote payment paid by affiliate email', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/payments/mark-as-paid', { affiliate_email: 'test233@gmail.com', referral_ids: '1781959', note: 'June' })
      .reply(200, { status: 200, message: 'success' });
    const result = await appTester(createOperation('mark_payout_paid').perform, {
      authData,
      inputData: { affiliate: 'test233@gmail.com', referral_ids: '1781959', note: 'June' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'payout.paid', status: 'paid', affiliate_email: 'test233@gmail.com' });
  });

  it('says which input the platform needs when the shared form left it empty', async () => {
    expect(await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { note: 'x' } }))).toBe(
      'UpPromote needs "Affiliate" for Mark Payout Paid: fill it in or map it from an earlier step.',
    );
  });

  it('creates a referral on an order', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referrals', { type: 'use_order_id', affiliate_email: 'test233@gmail.com', order_id: '5532408922361', commission: 15 })
      .reply(200, { status: 200, message: 'success', data: { ...referralNew, commission: '15.00' } });
    const result = await appTester(createOperation('create_referral').perform, {
      authData,
      inputData: { affiliate: 'test233@gmail.com', order_id: '5532408922361', commission_amount: 15 },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '1781959', event: 'referral.created', commission_amount: 15 });
  });
});

describe('Find Affiliate on the other platforms', () => {
  const partnerStack = { platform: 'partnerstack', api_key: 'sk_find', public_key: 'pk_find' };
  const rebus = { platform: 'rebus', api_key: 'sk_test_find' };

  it('looks a PartnerStack partner up by email, and finds none on a 404', async () => {
    const partner = { key: 'part_1', partner_key: 'mia', email: 'mia@example.com', first_name: 'Mia', last_name: 'Chen' };
    nock('https://api.partnerstack.com').get('/api/v2/partnerships/mia%40example.com').reply(200, { data: partner, message: 'ok', status: 200 });
    expect(await appTester(search('find_affiliate'), { authData: partnerStack, inputData: { email: 'mia@example.com' } })).toEqual([
      expect.objectContaining({ platform: 'partnerstack', email: 'mia@example.com', name: 'Mia Chen' }),
    ]);
    nock('https://api.partnerstack.com').get('/api/v2/partnerships/nobody%40example.com').reply(404, { message: 'Partnership not found', status: 404 });
    expect(await appTester(search('find_affiliate'), { authData: partnerStack, inputData: { email: 'nobody@example.com' } })).toEqual([]);
  });

  it('searches Rebus AI affiliates and returns only the exact email', async () => {
    const near = { id: 7, name: 'Ana Smith', email: 'ana.smith@example.com', status: { value: 'approved', display: 'Approved' } };
    const exact = { id: 8, name: 'Ana', email: 'ana@example.com', status: { value: 'pending', display: 'Pending' } };
    nock('https://rebusai.com')
      .get('/api/v1/affiliate/affiliates/')
      .query({ search: 'ana@example.com', page: '1', page_size: '25' })
      .reply(200, { success: true, data: { results: [near, exact], pagination: {} } });
    const results = (await appTester(search('find_affiliate'), { authData: rebus, inputData: { email: 'ana@example.com' } })) as { id: string }[];
    expect(results.map((record) => record.id)).toEqual(['8']);
  });

  it('says clearly when a platform cannot find referrals by order ID', async () => {
    expect(await rejectionMessage(appTester(search('find_referral'), { authData: rebus, inputData: { order_id: '42' } }))).toMatch(
      /^Find Referral is not available for Rebus AI: Rebus AI's commission list cannot filter by order ID/,
    );
  });
});
