/**
 * Rebus AI data (issue 13, items 7 and 8): the documented commission.approved delivery gets a time
 * (its `approved_date`, else the envelope's `timestamp`), and Mark Payout Paid, which *sends* the
 * payment, does not claim it paid before Rebus AI does. Fixture: workshops/rebus/fixtures/commission.approved.json (documented).
 */
import { appTester, createOperation, triggerOperation } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { normalizeRecord } from '../../platforms/normalize';
import { rebus } from '../../platforms/rebus';
import commissionApproved from './fixtures/commission.approved.json';
import { rebusKit, rebusSignature } from './kit';
import { spec as markPayoutPaid } from '../../fields/actions/mark_payout_paid';
import { actionFieldsFor } from '../../fields/editor-fields';
import { useFixtureClock } from '../../test/helpers/fixture-clock';

const SECRET = 'c0ffee'.repeat(10);
const subscribeData = { id: '77', platform: 'rebus', subscriptions: [{ events: ['commission.approved'], id: '77', secret: SECRET }] };
const approvedEvent = rebus.events.find((event) => event.key === 'commission.approved');

function approved(body: Record<string, unknown>) {
  const data = body.data as Record<string, unknown>;
  return normalizeRecord({ platform: rebus, kind: 'referral', event: 'referral.approved', vendorEvent: 'commission.approved', overrides: approvedEvent?.fields }, data, body);
}

describe('Rebus AI commission.approved has a time', () => {
  useFixtureClock('rebus');
  it('takes approved_date from the documented delivery, through the trigger', async () => {
    const body = JSON.stringify(commissionApproved);
    const results = (await appTester(triggerOperation('referral_status_changed').perform, {
      authData: rebusKit.authData,
      subscribeData,
      ...hookRequest(body, { 'X-Webhook-Signature': rebusSignature(SECRET, body) }),
    })) as Record<string, unknown>[];
    expect(results).toEqual([expect.objectContaining({ id: '123', status: 'approved', created_at: '2024-01-20T14:30:00.000Z' })]);
  });

  it("falls back to the envelope's timestamp (unix seconds) when data has no date", () => {
    const { approved_date: _date, ...data } = commissionApproved.data;
    expect(approved({ ...commissionApproved, data }).created_at).toBe('2022-01-01T00:00:00.000Z');
  });

  it('prefers a creation date where the payload has one', () => {
    expect(approved({ ...commissionApproved, data: { ...commissionApproved.data, created_date: '2024-01-18T09:00:00Z' } }).created_at).toBe('2024-01-18T09:00:00.000Z');
  });
});

describe('Rebus AI Mark Payout Paid sends money', () => {
  it('says so in the help the user reads before running it', () => {
    expect(markPayoutPaid.description).toMatch(/sends the money/);
    const connected = actionFieldsFor(markPayoutPaid, rebus).find((field) => field.key === 'payout_id');
    expect(connected?.helpText).toMatch(/On Rebus AI this \*\*sends the payment\*\*/);
  });

  it('picks the payout from the documented payout list', () => {
    expect(rebus.lists.payout?.request).toMatchObject({ method: 'GET', path: '/payouts/' });
    expect(markPayoutPaid.inputFields.find((field) => field.key === 'payout_id')?.dynamic).toBe('payout_list.id.label');
  });

  it('reads as pending, not paid, when the answer carries no status', async () => {
    rebusKit.api().post('/api/v1/affiliate/payouts/901/process/').reply(200, { success: true, message: 'Payout processed' });
    const result = await appTester(createOperation('mark_payout_paid').perform, { authData: rebusKit.authData, inputData: { payout_id: '901' } });
    expect(result).toMatchObject({ id: '901', status: 'pending', vendor_status: 'processing' });
  });
});
