/**
 * FirstPromoter's bulk actions never report a false success (issue 22, item 4): an id that is not
 * a plain decimal integer is refused before any call (it used to be dropped, `{"ids": []}` sent,
 * or read as `1e3` → 1000, `0x1F` → 31); a big id reaches FirstPromoter exactly as typed; and a
 * `completed` batch that took or processed no item is an error naming the id.
 */
import nock from 'nock';
import { appTester, createOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { exactInteger, renderObject, TemplateValueError } from '../../platforms/template';

const authData = { platform: 'firstpromoter', api_key: 'fp_key_bulk_ids_7Qw', account_id: 'acc_bulk_ids' };
const BIG = '9007199254740993'; // 2^53 + 1: Number() makes it …992
const api = () => nock('https://api.firstpromoter.com', { reqheaders: { authorization: `Bearer ${authData.api_key}` } });
const batch = (extra: Record<string, unknown> = {}) => ({ id: 77, status: 'completed', total: 1, processed_count: 1, failed_count: 0, processing_errors: [], ...extra });

afterEach(() => nock.cleanAll());

describe('FirstPromoter refuses an id that is not a plain decimal integer, before any call', () => {
  it.each(['abc', '1e3', '0x1F', '12.0', '-5', '12 34', '١٢٣'])('Approve Referral with "%s"', async (typed) => {
    const scope = api().post('/api/v2/company/commissions/approve').reply(200, batch());
    const message = await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: typed } }));
    expect(message).toMatch(/^FirstPromoter identifies this by a numeric ID: "Referral" must be a whole number written with digits only/);
    expect(message).not.toContain(typed);
    expect(scope.isDone()).toBe(false);
  });

  it('Approve Affiliate checks the affiliate and the campaign', async () => {
    const scope = api().post('/api/v2/company/promoters/accept').reply(200, batch());
    const action = createOperation('approve_affiliate').perform;
    await expect(rejectionMessage(appTester(action, { authData, inputData: { affiliate: '8262623', program_id: '0x1F' } }))).resolves.toMatch(/"Program" must be a whole number/);
    await expect(rejectionMessage(appTester(action, { authData, inputData: { affiliate: '8e6', program_id: '28004' } }))).resolves.toMatch(/"Affiliate" must be a whole number/);
    expect(scope.isDone()).toBe(false);
  });

  it('Create Affiliate refuses a campaign id in another notation, and sends none when it is left empty', async () => {
    const refused = api().post('/api/v2/company/promoters').reply(201, { id: 1, email: 'a@shop.com' });
    const action = createOperation('create_affiliate').perform;
    await expect(rejectionMessage(appTester(action, { authData, inputData: { email: 'a@shop.com', program_id: '1e3' } }))).resolves.toMatch(/"Program" must be a whole number/);
    expect(refused.isDone()).toBe(false);
    nock.cleanAll();
    const sent = api().post('/api/v2/company/promoters', { email: 'a@shop.com', profile: {} }).reply(201, { id: 1, email: 'a@shop.com' });
    await appTester(action, { authData, inputData: { email: 'a@shop.com', program_id: '' } });
    expect(sent.isDone()).toBe(true);
  });
});

describe('FirstPromoter ids reach FirstPromoter exactly as typed', () => {
  it('a commission id beyond 2^53 is sent with every digit (not rounded), spaces around it trimmed', async () => {
    const scope = api().post('/api/v2/company/commissions/deny', `{"ids":[${BIG}]}`).reply(200, batch());
    await expect(appTester(createOperation('deny_referral').perform, { authData, inputData: { referral_id: ` ${BIG} ` } })).resolves.toMatchObject({ status: 'denied' });
    expect(scope.isDone()).toBe(true);
  });

  it('a promoter and a campaign beyond 2^53, and a payout with leading zeros', async () => {
    const accept = api().post('/api/v2/company/promoters/accept', `{"campaign_id":${BIG},"ids":[${BIG}7]}`).reply(200, batch());
    await appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: `${BIG}7`, program_id: BIG } });
    expect(accept.isDone()).toBe(true);
    const paid = api().post('/api/v2/company/payouts/mark_as_paid', '{"ids":[7001]}').reply(200, { data: batch(), meta: {} });
    await appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '0007001' } });
    expect(paid.isDone()).toBe(true);
  });
});

describe('A completed FirstPromoter batch that processed nothing is an error naming the id', () => {
  it.each([
    ['processed_count 0', { processed_count: 0 }],
    ['total 0', { total: 0, processed_count: 0 }],
    ['no counts at all', { total: undefined, processed_count: undefined }],
  ])('Approve Referral answered with %s', async (_case, counts) => {
    const scope = api().post('/api/v2/company/commissions/approve', { ids: [13533003] }).reply(200, batch(counts));
    const message = await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '13533003' } }));
    expect(message).toMatch(/^FirstPromoter completed "Approve Referral" \(job 77\) but processed no item .*ID 13533003\b/);
    expect(scope.isDone()).toBe(true);
  });

  it('Mark Payout Paid reads the counts inside `data`', async () => {
    const scope = api().post('/api/v2/company/payouts/mark_as_paid', { ids: [7001] }).reply(200, { data: batch({ processed_count: 0 }), meta: { total: 1400 } });
    const message = await rejectionMessage(appTester(createOperation('mark_payout_paid').perform, { authData, inputData: { payout_id: '7001' } }));
    expect(message).toMatch(/^FirstPromoter completed "Mark Payout Paid" \(job 77\) but processed no item \(data\.processed_count: 0\).*ID 7001\b/);
    expect(scope.isDone()).toBe(true);
  });

  it('a batch that processed its one item is reported as done', async () => {
    const scope = api().post('/api/v2/company/commissions/approve', { ids: [13533003] }).reply(200, batch());
    await expect(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '13533003' } })).resolves.toMatchObject({ id: '13533003', status: 'approved' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('the `| integer` template filter refuses rather than drops, for any platform data that uses it', () => {
  it('renders plain decimal integers exactly and refuses every other notation by its placeholder', () => {
    expect(JSON.stringify(renderObject({ ids: ['{{id | integer}}'] }, { id: `00${BIG}` }))).toBe(`{"ids":[${BIG}]}`);
    expect(renderObject({ ids: ['{{id | integer}}'] }, { id: 42 })).toEqual({ ids: [42] });
    expect(renderObject({ ids: ['{{id | integer}}'] }, {})).toEqual({ ids: [] });
    for (const typed of ['abc', '1e3', '0x1F', '1.5', 1.5, -3, 1e300]) {
      expect(exactInteger(typed)).toBeUndefined();
      expect(() => renderObject({ ids: ['{{id | integer}}'] }, { id: typed })).toThrow(new TemplateValueError('{{id}} must be a whole number written with digits only (such as 12345)'));
    }
  });
});
