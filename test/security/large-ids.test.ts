/**
 * Integer ids beyond 2^53 stay exact (issue 12, finding 10): JSON.parse turns 9007199254740993
 * into …992. API responses and webhook bodies are parsed keeping such integers as their text.
 */
import { parseJsonExact } from '../../platforms/schemas';
import { appTester, searchOperation, triggerOperation } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { upPromoteKit } from '../../workshops/uppromote/kit';

const BIG = '9007199254740993';

describe('parseJsonExact', () => {
  it('keeps unsafe integers as text and leaves strings, safe integers and decimals alone', () => {
    const text = `{"id":${BIG},"neg":-${BIG},"safe":9007199254740991,"decimal":12345678901234567.5,"text":"${BIG} \\" ${BIG}","list":[${BIG}]}`;
    expect(parseJsonExact(text)).toEqual({ id: BIG, neg: `-${BIG}`, safe: 9007199254740991, decimal: 12345678901234567.5, text: `${BIG} " ${BIG}`, list: [BIG] });
  });

  it('refuses text that is not JSON, as JSON.parse does', () => {
    expect(() => parseJsonExact(`{"id": ${BIG}`)).toThrow(SyntaxError);
  });
});

describe('large ids through the app', () => {
  it('UpPromote Find Referral outputs the exact referral and order ids', async () => {
    const body = `{"status":200,"message":"success","data":[{"id":${BIG},"order_id":${BIG}1,"status":"pending","commission":"1.00","total_sales":"10.00"}]}`;
    const scope = upPromoteKit
      .api()
      .get('/api/v2/referrals')
      .query({ order_id: `${BIG}1`, page: '1', per_page: '25' })
      .reply(200, body, { 'Content-Type': 'application/json' });
    const perform = searchOperation('find_referral').perform;
    const results = (await appTester(perform, { authData: upPromoteKit.authData, inputData: { order_id: `${BIG}1` } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(results).toEqual([expect.objectContaining({ id: BIG, order_id: `${BIG}1` })]);
  });

  it('an UpPromote delivery keeps its id exact', async () => {
    const secret = 'whsec_large_ids';
    const rawBody = `{"id":${BIG},"order_id":5532408922361,"status":"pending","commission":"12.00","total_sales":"120.00","affiliate":{"id":${BIG},"email":"a@example.com"}}`;
    const subscribeData = { id: 'referral.new', platform: 'uppromote', subscriptions: [{ events: ['referral.new'], secret }] };
    const request = hookRequest(rawBody, { 'X-UpPromote-Signature': hmacHex(secret, rawBody) }, { ah_event: 'referral.new' });
    const records = (await appTester(triggerOperation('new_referral').perform, { authData: upPromoteKit.authData, subscribeData, ...request })) as Record<string, unknown>[];
    expect(records).toEqual([expect.objectContaining({ id: BIG, affiliate_id: BIG })]);
  });
});
