/**
 * FirstPromoter's payout `amount` has no documented unit (typed float; the v1 examples are cents):
 * it is read as cents, and a value that is not a whole number of cents is flagged under `raw`
 * instead of passing silently (issue 25 item 11).
 */
import { firstpromoter } from '../../platforms/firstpromoter';
import { FLAGS_KEY, normalizeRecord } from '../../platforms/normalize';
import payoutCompleted from './fixtures/payout.completed.json';

function payoutOf(amount: unknown) {
  const body = { ...payoutCompleted, data: { ...payoutCompleted.data, amount } };
  return { body, record: normalizeRecord({ platform: firstpromoter, kind: 'payout', event: 'payout.paid', vendorEvent: 'payout.completed' }, body.data, body) };
}

describe('FirstPromoter payout amounts', () => {
  it('reads a whole number as cents, with nothing flagged and raw as received', () => {
    const { body, record } = payoutOf(1400);
    expect(record.amount).toBe(14);
    expect(record.raw).toBe(body);
  });

  it.each([1400.5, '1400.5'])('flags %p (not whole cents) under raw, the vendor keys untouched', (amount) => {
    const { body, record } = payoutOf(amount);
    // minor_units rounds to whole cents; the flag says the value was not whole.
    expect(record.amount).toBe(14.01);
    expect(record.raw).toMatchObject(body);
    expect(record.raw[FLAGS_KEY]).toEqual([expect.stringMatching(/^amount: 1400\.5 is not a whole number; read as cents/)]);
  });
});
