/**
 * Tolt's Track Refund: `POST /v2/transactions/{id}/refund` with no body [DOC:
 * api-reference/transactions/refund-a-transaction]. It fires `transaction.updated`, not a commission
 * event [DOC: webhooks/event-types], so that is the output's vendor event; the answer (a
 * transaction, whose `amount` is the sale's) is kept under `raw` only.
 */
import nock from 'nock';
import { appTester, createOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import { payloadOf } from '../../platforms/payload-text';

const authData = { platform: 'tolt', api_key: 'tlt_live_test_key_5f1e' };
const API = 'https://platform.tolt.com';
const TXN = 'txn_eK9bzRGn46BhVgNFHD6fDgXW';
const perform = (inputData: Record<string, unknown>) => appTester(createOperation('track_refund').perform, { authData, inputData });
/** The v1 page's refunded transaction [DOC v1: docs.tolt.com/transactions/refund], as v2's `data` [INF]. */
const REFUNDED = { id: TXN, status: 'refunded', amount: 14999, currency: 'USD', charge_id: 'ch_9bzRGn46BhVgNFHD6fDgXW', partner_id: 'part_1' };

afterEach(() => nock.cleanAll());

describe('Tolt Track Refund', () => {
  it('refunds the transaction by id and says it is refunded, with the transaction.updated Tolt sends for it', async () => {
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${authData.api_key}` } })
      .post(`/v2/transactions/${TXN}/refund`, (body: unknown) => body === '' || (typeof body === 'object' && body !== null && Object.keys(body).length === 0))
      .reply(200, { success: true, message: 'Success', data: REFUNDED });
    const record = (await perform({ sale_id: TXN })) as Record<string, unknown>;
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: TXN, platform: 'tolt', event: 'referral.status_changed', vendor_event: 'transaction.updated', status: 'refunded', vendor_status: 'refunded' });
    // A transaction's amount is the sale's: never presented as a commission.
    expect(record.commission_amount).toBeUndefined();
    expect(payloadOf(record.raw)).toMatchObject({ data: REFUNDED });
  });

  it('refuses a transaction ID that would address another endpoint, before calling Tolt', async () => {
    expect(await rejectionMessage(perform({ sale_id: '..' }) as Promise<unknown>)).toMatch(/"\.\.", which is not an ID/);
  });

  it('says the transaction is unknown, then that the API may not offer the refund, on a 404', async () => {
    const scope = nock(API).post(`/v2/transactions/${TXN}/refund`).reply(404, { success: false, message: 'Transaction not found', code: 'not_found' });
    const message = await rejectionMessage(perform({ sale_id: TXN }) as Promise<unknown>);
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(new RegExp(`Tolt has no sale "${TXN}"`));
    expect(message).toMatch(/API v1 documents PUT/);
  });
});
