/**
 * Rewardful commission webhooks may not carry the nested `sale` (affiliate, amounts, order id): the
 * API nests it only when expanded (issue 25 item 10). A delivery without it is completed by one
 * `GET /v1/commissions/:id?expand[]=sale` (the enrichment step, receive/enrich.ts, from
 * Rewardful's `supplements.fetchWhenEmpty`); a failed fetch still runs the Zap, flagged under `raw`.
 */
import nock from 'nock';
import { appTester, runsOf, triggerOperation } from '../../test/helpers/app';
import { hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { useFixtureClock } from '../../test/helpers/fixture-clock';
import commissionObject from './fixtures/commission.object.json';
import commissionCreated from './fixtures/commission.created.json';
import { payloadOf } from '../../platforms/payload-text';

const SECRET = 'rf_whsec_5d1c0e';
const API_SECRET = 'rf_api_secret_93b1';
const authData = { platform: 'rewardful', api_key: API_SECRET };
const BASIC = `Basic ${Buffer.from(`${API_SECRET}:`).toString('base64')}`;
const FLAGS = '_affiliate_hub_flags';

/** The documented commission.created delivery with its object's `sale` removed. */
function withoutSale(): Record<string, unknown> {
  const { sale: _sale, ...object } = commissionCreated.object;
  return { ...commissionCreated, object };
}

function perform(payload: unknown) {
  const rawBody = JSON.stringify(payload);
  const request = hookRequest(rawBody, { 'X-Rewardful-Signature': hmacHex(SECRET, rawBody) });
  return runsOf<Record<string, unknown>>(appTester(triggerOperation('dashboard_webhook').perform, { authData, inputData: { signing_secret: SECRET }, ...request }));
}

function fetchCommission() {
  return nock('https://api.getrewardful.com', { reqheaders: { authorization: BASIC } })
    .get(`/v1/commissions/${commissionCreated.object.id}`)
    .query({ 'expand[]': 'sale' });
}

afterEach(() => nock.cleanAll());

describe('a Rewardful commission webhook without its sale', () => {
  useFixtureClock('rewardful');

  it('is completed from the API: affiliate, amounts and order id filled, raw kept as delivered', async () => {
    const payload = withoutSale();
    const scope = fetchCommission().reply(200, { ...commissionObject, id: commissionCreated.object.id });
    const [record] = await perform(payload);
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({
      id: commissionCreated.object.id,
      event: 'referral.created',
      affiliate_email: commissionObject.sale.affiliate.email,
      order_id: commissionObject.sale.stripe_charge_id,
      sale_amount: commissionObject.sale.sale_amount_cents / 100,
    });
    expect(payloadOf(record.raw)).toEqual(payload);
  });

  it('runs as received, flagged under raw, when the fetch fails', async () => {
    const scope = fetchCommission().reply(404, { error: 'Commission not found.' });
    const [record] = await perform(withoutSale());
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: commissionCreated.object.id, event: 'referral.created' });
    expect(record.affiliate_email).toBeUndefined();
    expect(payloadOf(record.raw)[FLAGS]).toEqual([expect.stringMatching(/^fetching what the referral lacks from Rewardful failed .*Commission not found/)]);
  });

  it('costs no request when the sale is there', async () => {
    const [record] = await perform(commissionCreated);
    expect(record.affiliate_email).toBe(commissionCreated.object.sale.affiliate.email);
    expect(payloadOf(record.raw)[FLAGS]).toBeUndefined();
  });
});
