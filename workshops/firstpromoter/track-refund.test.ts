/**
 * FirstPromoter's Track Refund: the tracking API's `POST /track/refund` [DOC: openapi-v2-tracking.json]
 * with the customer's email, the refund's own event id, the amount in cents and the sale's event id (Sale);
 * the answer's `reward` (the negative commission) is the record; 204 (no referral) and 409 (a
 * repeated refund id) as documented.
 */
import nock from 'nock';
import { appTester, createOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import { spec as trackRefund } from '../../fields/actions/track_refund';
import refund from './fixtures/track-refund.200.response.json';
import refund409 from './fixtures/track-refund.409.response.json';
import { firstpromoterKit } from './kit';
import { payloadOf } from '../../platforms/payload-text';

const authData = firstpromoterKit.authData;
const perform = (inputData: Record<string, unknown>) => appTester(createOperation('track_refund').perform, { authData, inputData });
const INPUTS = { customer_email: 'hello@testmintli.com', refund_id: 'test_sale_12340987_refund', refund_amount: '10', sale_id: 'test_sale_12340987' };

afterEach(() => nock.cleanAll());

describe('FirstPromoter Track Refund', () => {
  it('tracks the refund in cents against the sale and returns the negative commission, as the sample shows', async () => {
    const scope = firstpromoterKit
      .api()
      .post('/api/v2/track/refund', { email: 'hello@testmintli.com', event_id: 'test_sale_12340987_refund', amount: 1000, sale_event_id: 'test_sale_12340987' })
      .reply(200, refund);
    const record = (await perform(INPUTS)) as Record<string, unknown>;
    expect(scope.isDone()).toBe(true);
    const { raw, ...fields } = record;
    expect(payloadOf(raw)).toEqual(refund.reward);
    // The catalogue's sample is this documented answer as perform returns it, so it cannot drift.
    expect(fields).toEqual(trackRefund.sample);
  });

  it('sends a fractional amount as whole cents', async () => {
    const scope = firstpromoterKit
      .api()
      .post('/api/v2/track/refund', (body: Record<string, unknown>) => body.amount === 1250 && body.sale_event_id === 'test_sale_12340987')
      .reply(200, refund);
    await perform({ ...INPUTS, refund_amount: 12.5 });
    expect(scope.isDone()).toBe(true);
  });

  it("returns what was entered when FirstPromoter finds no referral for the customer (its documented 204)", async () => {
    const scope = firstpromoterKit.api().post('/api/v2/track/refund').reply(204);
    await expect(perform(INPUTS)).resolves.toMatchObject({ id: 'test_sale_12340987_refund', platform: 'firstpromoter', customer_email: 'hello@testmintli.com' });
    expect(scope.isDone()).toBe(true);
  });

  it("passes on FirstPromoter's message for a refund ID tracked before", async () => {
    const scope = firstpromoterKit.api().post('/api/v2/track/refund').reply(409, refund409);
    expect(await rejectionMessage(perform(INPUTS) as Promise<unknown>)).toMatch(/'refund' event with the id 'test_sale_12340987_refund' already exists/);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for the refund amount and the sale before calling FirstPromoter', async () => {
    expect(await rejectionMessage(perform({ ...INPUTS, refund_amount: '' }) as Promise<unknown>)).toMatch(/FirstPromoter needs "Refund Amount" for Track Refund/);
    expect(await rejectionMessage(perform({ ...INPUTS, sale_id: ' ' }) as Promise<unknown>)).toMatch(/FirstPromoter needs "Sale" for Track Refund/);
  });
});
