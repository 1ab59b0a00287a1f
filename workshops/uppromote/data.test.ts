/**
 * UpPromote data against Airbyte's recording of the live v1 API (issue 13, items 3, 4, 5, 6):
 * coupon codes named `coupon`, times in epoch seconds, the third-party-only actions' 404 / 405,
 * and Create Referral's numbers. Fixtures and sources: workshops/uppromote/fixtures/README.md.
 */
import { appTester, createOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import { normalizeRecord } from '../../platforms/normalize';
import { uppromote } from '../../platforms/uppromote';
import type { JsonObject } from '../../platforms/records';
import { upPromoteKit } from './kit';
import v1Referral from './fixtures/v1.referral.json';
import v1Affiliate from './fixtures/v1.affiliate.json';
import referralNew from './fixtures/referral.new.json';

const authData = upPromoteKit.authData;
const api = () => upPromoteKit.api();

describe('UpPromote v1 objects', () => {
  it('reads a referral whose created_at is epoch seconds and whose affiliate is also top-level', () => {
    const record = normalizeRecord({ platform: uppromote, kind: 'referral', event: 'referral.approved', vendorEvent: 'referral.approved' }, v1Referral, v1Referral);
    expect(record).toMatchObject({ id: '1782101', created_at: '2024-05-01T10:00:00.000Z', affiliate_id: '2029238', sale_amount: 245, commission_amount: 24.5, status: 'approved' });
    const { affiliate: _nested, ...flat } = v1Referral;
    expect(normalizeRecord({ platform: uppromote, kind: 'referral', event: 'referral.approved', vendorEvent: 'referral.approved' }, flat, flat).affiliate_id).toBe('2029238');
  });

  it('reads the coupon code from a coupon named `coupon` and the time from created_at_timestamp', () => {
    const record = normalizeRecord({ platform: uppromote, kind: 'affiliate', event: 'affiliate.created', vendorEvent: 'affiliate.new' }, v1Affiliate, v1Affiliate);
    expect(record).toMatchObject({ id: '2029238', coupon_code: 'TEST233', created_at: '2024-04-24T23:06:40.000Z' });
  });

  it('still reads coupons given as codes or as {code}', () => {
    const read = (coupons: unknown) => normalizeRecord({ platform: uppromote, kind: 'affiliate', event: 'affiliate.created', vendorEvent: 'affiliate.new' }, { id: 1, coupons } as JsonObject, {}).coupon_code;
    expect(read(['SPRING10'])).toBe('SPRING10');
    expect(read([{ code: 'SUMMER15' }])).toBe('SUMMER15');
  });
});

describe('UpPromote actions that rest on a third-party connector', () => {
  it.each([
    ['approve_referral', 'Approve Referral', { referral_id: '1781959' }, 'post', '/api/v2/referral/1781959/status', 404],
    ['deny_referral', 'Deny Referral', { referral_id: '1781959' }, 'post', '/api/v2/referral/1781959/status', 405],
    ['mark_payout_paid', 'Mark Payout Paid', { affiliate: 'test233@gmail.com' }, 'post', '/api/v2/payments/mark-as-paid', 404],
  ] as const)('%s: a 404 / 405 answer says the id is unknown or the UpPromote API does not offer it', async (action, label, inputData, method, path, status) => {
    const scope = api()[method](path).reply(status, { message: status === 404 ? 'Not Found' : 'Method Not Allowed' });
    const message = await rejectionMessage(appTester(createOperation(action).perform, { authData, inputData }));
    expect(scope.isDone()).toBe(true);
    // A 404 on a path naming the id says first that the id is unknown (issue 23 item 8); a 405, that the API does not offer it.
    const first = 'referral_id' in inputData && status === 404 ? `^UpPromote has no referral "${inputData.referral_id}" on your account: it answered POST /\\S+ with HTTP 404` : `^UpPromote does not offer "${label}" through your UpPromote API: it answered POST /\\S+ with HTTP ${status}`;
    expect(message).toMatch(new RegExp(first));
    expect(message).toContain(label);
    expect(message).toMatch(/only a third-party connector shows this endpoint/);
    expect(message).not.toMatch(/found nothing/);
  });

  it('keeps other refusals as they are (a 422 is not "not offered")', async () => {
    api().post('/api/v2/referral/1781959/status').reply(422, { status: 422, message: 'Referral is already paid.' });
    const message = await rejectionMessage(appTester(createOperation('approve_referral').perform, { authData, inputData: { referral_id: '1781959' } }));
    expect(message).toMatch(/UpPromote rejected POST \/referral\/1781959\/status \(HTTP 422\): Referral is already paid\./);
  });
});

describe('UpPromote Create Referral', () => {
  it('sends the amounts as JSON numbers (the order id as typed: Shopify ids can exceed 2^53)', async () => {
    const scope = api()
      .post('/api/v2/referrals', (body: Record<string, unknown>) => {
        expect(body).toEqual({ type: 'use_order_id', affiliate_email: 'test233@gmail.com', order_id: '5532408922361', total_sale: 245, commission: 24.5 });
        return true;
      })
      .reply(200, { status: 200, message: 'success', data: referralNew });
    await appTester(createOperation('create_referral').perform, {
      authData,
      inputData: { affiliate: 'test233@gmail.com', order_id: '5532408922361', sale_amount: '245.00', commission_amount: '24.50' },
    });
    expect(scope.isDone()).toBe(true);
  });
});
