/**
 * Searches return exact matches only (issue 12, finding 3): Tamio's `filter` and Rebus AI's
 * `search` are text searches, and a near match ("malice@shop.com" for "alice@shop.com") would
 * make Find or Create update the wrong affiliate. A search input in `{{…}}` reaches the vendor as
 * typed, never as an unfiltered list.
 */
import { appTester, searchOperation } from '../helpers/app';
import { rebusKit } from '../../workshops/rebus/kit';
import { tamioApi } from '../../workshops/tamio/kit';
import { upPromoteKit } from '../../workshops/uppromote/kit';

const findAffiliate = searchOperation('find_affiliate').perform;
const tamio = { platform: 'tamio', api_key: 'sk_live_tamio_5Jw8Qe2' };

const tamioAffiliate = (id: string, email: string) => ({ id, email, first_name: 'A', last_name: 'B', approved: true, object: 'affiliate_partner' });

describe('Find Affiliate returns exact matches only', () => {
  it('Tamio: drops "malice@shop.com" when "alice@shop.com" is asked for, matching case and spaces loosely', async () => {
    const scope = tamioApi()
      .get('/v2/affiliates/list')
      .query({ filter: ' Alice@Shop.com ', page: '1', per_page: '25' })
      .reply(200, { status: 200, total_results: 3, affiliates: [tamioAffiliate('m1', 'malice@shop.com'), tamioAffiliate('a1', 'ALICE@shop.com'), tamioAffiliate('a2', 'alice@shop.co')] });
    const results = (await appTester(findAffiliate, { authData: tamio, inputData: { email: ' Alice@Shop.com ' } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(results.map((record) => record.id)).toEqual(['a1']);
  });

  it('Rebus AI: returns nothing when the text search found only near matches', async () => {
    const scope = rebusKit
      .api()
      .get('/api/v1/affiliate/affiliates/')
      .query({ search: 'alice@shop.com', page: '1', page_size: '25' })
      .reply(200, { success: true, data: { results: [{ id: 7, name: 'Malice', email: 'malice@shop.com' }], pagination: {} } });
    expect(await appTester(findAffiliate, { authData: rebusKit.authData, inputData: { email: 'alice@shop.com' } })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('UpPromote: an email in curly braces is searched for as typed, never as an unfiltered list', async () => {
    const typed = '{{alice}}@shop.com';
    const scope = upPromoteKit
      .api()
      .get('/api/v2/affiliates')
      .query({ affiliate_email: typed, page: '1', per_page: '25' })
      .reply(200, { status: 200, message: 'success', data: [{ id: 1, email: 'bob@shop.com' }, { id: 2, email: typed }] });
    const results = (await appTester(findAffiliate, { authData: upPromoteKit.authData, inputData: { email: typed } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(results.map((record) => record.id)).toEqual(['2']);
  });
});
