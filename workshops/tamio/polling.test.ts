/**
 * Tamio polling: the affiliate list sorted newest first by the request itself [DOC], payouts
 * filtered by the documented `from`, no referral list (Tamio documents no sales API); and the
 * instant triggers, which Tamio's dashboard-only webhooks cannot serve, name the polling ones.
 */
import { appTester, triggerOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import approveResponse from './fixtures/approve-affiliate.response.json';
import listAffiliates from './fixtures/list-affiliates.response.json';
import { tamioApi, tamioAuth } from './kit';
import { DAY_AGO, NOW, fixClock, isoSeconds, poll, zapPolls } from '../../test/polling/poll';

const affiliate = approveResponse.affiliate;
const authData = tamioAuth;
const affiliates = [
  { ...affiliate, id: 'aff-new', approved: null, date_joined: 1773130000 },
  { ...affiliate, id: 'aff-old', approved: true, date_joined: 1773000000 },
  { ...affiliate, id: 'aff-declined', approved: false, date_joined: 1772000000 },
];

fixClock();

describe('Tamio polling', () => {
  it('reads the affiliate list newest first as requested, with no time filter', async () => {
    const scope = tamioApi()
      .get('/v2/affiliates/list')
      .query({ page: '1', per_page: '50', sort_by: 'created_at', order: 'desc' })
      .reply(200, { ...listAffiliates, affiliates });
    const records = await poll('new_affiliate_polling', { authData, meta: { limit: -1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['aff-new', 'aff-old', 'aff-declined']);
    expect(records[1]).toMatchObject({ platform: 'tamio', event: 'affiliate.created', vendor_event: 'affiliate-signup', first_name: 'Jane', last_name: 'Doe', status: 'active' });
  });

  it('runs approval decisions as status changes against what the previous poll saw (undecided reads as pending)', async () => {
    const nextPoll = zapPolls('affiliate_status_polling', { authData, inputData: {} });
    const undecided = affiliates.map((item) => ({ ...item, approved: null }));
    const query = { page: '1', per_page: '50', sort_by: 'created_at', order: 'desc' };
    tamioApi().get('/v2/affiliates/list').query(query).reply(200, { ...listAffiliates, affiliates: undecided });
    expect(await nextPoll()).toEqual([]);
    const scope = tamioApi().get('/v2/affiliates/list').query(query).reply(200, { ...listAffiliates, affiliates });
    const records = await nextPoll();
    expect(scope.isDone()).toBe(true);
    // Tamio's affiliates carry no update time: a change is dated by the poll that saw it.
    expect(records.map((record) => [record.id, record.previous_status])).toEqual([
      [`aff-old:active:${NOW.toISOString()}`, 'pending'],
      [`aff-declined:denied:${NOW.toISOString()}`, 'pending'],
    ]);
  });

  it('reads payouts of the last day (from) and sorts them newest first', async () => {
    const payout = { id: 'po_1', currency: 'usd', total: 12000, payment: 'bankaccount', date: 1773100000, status: 'new', affiliate_partner: affiliate };
    const scope = tamioApi()
      .get('/v2/affiliates/payouts/list')
      .query({ page: '1', per_page: '50', from: isoSeconds(DAY_AGO) })
      .reply(200, { status: 200, payouts: [payout, { ...payout, id: 'po_2', date: 1773120000 }] });
    const records = await poll('new_payout_polling', { authData });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record.amount, record.status])).toEqual([
      ['po_2', 120, 'pending'],
      ['po_1', 120, 'pending'],
    ]);
  });

  it.each(['new_referral_polling', 'referral_status_polling'])('%s refuses: Tamio lists no referrals', async (key) => {
    const message = await rejectionMessage(poll(key, { authData, inputData: {} }));
    // Tamio sends no referral events either, so no step of this app can do the job there.
    expect(message).toMatch(/Tamio offers no API list of referrals\. No other trigger of this app does this on Tamio/);
  });

  it("names the polling trigger in the instant trigger's refusal", async () => {
    const message = await rejectionMessage(appTester(triggerOperation('new_affiliate').performSubscribe, { authData, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/2/' }));
    expect(message).toMatch(/^Tamio registers webhooks only in its dashboard/);
    expect(message).toContain('"New Affiliate (Polling)"');
    expect(message).toContain('"New Event from Dashboard Webhook"');
    const referral = await rejectionMessage(appTester(triggerOperation('new_referral').performSubscribe, { authData, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/2/' }));
    expect(referral).not.toMatch(/Polling/);
  });
});
