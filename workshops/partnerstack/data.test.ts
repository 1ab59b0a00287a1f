/**
 * PartnerStack data against what independent recordings show (issue 13, items 1 and 2):
 * transactions name their partner in several places and carry an `approved` flag; payouts say
 * `successful` and `sent_at` / `withdrawal_date`. Fixtures and their sources: workshops/partnerstack/fixtures/README.md.
 */
import { normalizeRecord } from '../../platforms/normalize';
import { partnerstack } from '../../platforms/partnerstack';
import type { JsonObject } from '../../platforms/records';
import vendorSide from './fixtures/transaction.vendor-side.json';
import partnerSide from './fixtures/transaction.partner-side.json';
import documentedStyle from './fixtures/transaction.created.json';
import payoutPartnerSide from './fixtures/payout.partner-side.json';

function referral(object: JsonObject) {
  return normalizeRecord({ platform: partnerstack, kind: 'referral', event: 'referral.created', vendorEvent: 'transaction.created' }, object, object);
}

function payout(object: JsonObject) {
  return normalizeRecord({ platform: partnerstack, kind: 'payout', event: 'other', vendorEvent: 'payout' }, object, object);
}

describe('PartnerStack transactions', () => {
  it('reads the vendor-side transaction (Airbyte schema): partner from the embedded customer, status from approved', () => {
    expect(referral(vendorSide)).toMatchObject({
      id: 'tran_9HcN2wQx5LmT8r',
      affiliate_id: 'ameliaclarke',
      status: 'approved',
      vendor_status: 'approved',
      sale_amount: 245,
      currency: 'USD',
      customer_email: 'billing@acme.example',
      created_at: '2024-05-01T10:00:00.000Z',
    });
  });

  it('keeps the partnership key in its own field when it is all the transaction names, the affiliate id empty', () => {
    const record = referral(partnerSide);
    expect(record).toMatchObject({ id: 'tran_3FgH7jK1lZx9Cv', partnership_key: 'part_Vh7cN1pZr5YdJe', status: 'pending', vendor_status: 'not approved' });
    expect(record.affiliate_id).toBeUndefined();
  });

  it('reads the partner key as the affiliate id and the partnership key beside it, wherever each sits', () => {
    const both = { ...partnerSide, customer: { partnership_key: 'part_nested', partner_key: 'nested-partner' } };
    expect(referral(both)).toMatchObject({ affiliate_id: 'nested-partner', partnership_key: 'part_Vh7cN1pZr5YdJe' });
    const onlyNestedPartnership = { key: 'tran_x', customer: { partnership_key: 'part_nested' } };
    expect(referral(onlyNestedPartnership)).toMatchObject({ partnership_key: 'part_nested' });
    expect(referral(onlyNestedPartnership).affiliate_id).toBeUndefined();
  });

  it('leaves the status out while approved is null, without dropping the rest', () => {
    const undecided = referral({ ...vendorSide, approved: null });
    expect(undecided.status).toBeUndefined();
    expect(undecided.affiliate_id).toBe('ameliaclarke');
  });

  it('still reads the constructed payload shaped after the create-transaction request', () => {
    expect(referral(documentedStyle)).toMatchObject({ affiliate_id: 'bertramgilfoyle', sale_amount: 125, created_at: '2018-09-17T17:25:59.876Z' });
  });
});

describe('PartnerStack payouts', () => {
  it('reads status successful as paid and sent_at as the paid time, with the partnership in its own field', () => {
    expect(payout(payoutPartnerSide).affiliate_id).toBeUndefined();
    expect(payout(payoutPartnerSide)).toMatchObject({
      id: 'pout_Tz5RwQ8mN3bVxL',
      status: 'paid',
      vendor_status: 'successful',
      amount: 120,
      partnership_key: 'part_Vh7cN1pZr5YdJe',
      paid_at: '2024-07-02T00:00:00.000Z',
      created_at: '2024-07-01T00:00:00.000Z',
    });
  });

  it('falls back to withdrawal_date when sent_at is absent', () => {
    const { sent_at: _sent, ...withdrawalOnly } = payoutPartnerSide;
    expect(payout({ ...withdrawalOnly, withdrawal_date: 1719964800000 }).paid_at).toBe('2024-07-03T00:00:00.000Z');
  });
});
