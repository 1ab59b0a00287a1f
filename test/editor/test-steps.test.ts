/**
 * Test steps fail early and usefully: an instant trigger the platform cannot subscribe refuses at
 * performList naming the trigger that works; ViralRef's dashboard test step says how to send a
 * test event; the connection of a platform without a key test says the key was not checked.
 */
import nock from 'nock';
import { UNTESTED_LABEL } from '../../authentication';
import { PLATFORMS } from '../../platforms/registry';
import { appTester, connection, triggerOperation } from '../helpers/app';
import { listAnswer } from '../helpers/full-list-item';

const dashboardOnly = PLATFORMS.filter((platform) => platform.webhooks.kind === 'dashboard');

describe('performList of instant triggers on dashboard-only platforms', () => {
  afterEach(() => nock.cleanAll());

  it.each(dashboardOnly.map((platform) => [platform.name, platform.id]))('%s: refused before any call, naming the alternative', async (name, id) => {
    for (const key of ['new_referral', 'new_affiliate', 'new_payout', 'affiliate_status_changed']) {
      const platform = dashboardOnly.find((item) => item.id === id)!;
      const authData = { platform: id, api_key: 'key', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, 'value'])) };
      const error = await appTester(triggerOperation(key).performList, { authData, inputData: {}, meta: { limit: 5 } }).catch(
        (caught: Error) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(`${name} registers webhooks only in its dashboard`);
      // What it names instead is checked for every platform and trigger in advice.test.ts.
      expect((error as Error).message).toMatch(/Use .+ instead\.|No other trigger of this app does this on/);
    }
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('the dashboard webhook test step without a list API', () => {
  it('explains how to send a test event, with the platform directions', async () => {
    const viralref = PLATFORMS.find((platform) => platform.id === 'viralref');
    if (viralref === undefined || viralref.webhooks.kind !== 'dashboard') throw new Error('viralref is expected to be dashboard-only');
    const error = await appTester(triggerOperation('dashboard_webhook').performList, {
      authData: { platform: 'viralref', api_key: 'key' },
      inputData: { signing_secret: 'whsec' },
    }).catch((caught: Error) => caught);
    expect((error as Error).message).toContain(viralref.webhooks.directions);
    expect((error as Error).message).toMatch(/test this step again/);
  });
});

describe('connection honesty', () => {
  it.each(PLATFORMS.filter((platform) => platform.connectionTest === null).map((platform) => [platform.name, platform.id]))(
    '%s: the label says the key was not checked',
    async (name, id) => {
      const result = (await appTester(connection.test, { authData: { platform: id, api_key: 'key' } })) as Record<string, unknown>;
      expect(result.key_untested).toBe(true);
      const label = await appTester(connection.connectionLabel, { authData: { platform: id, api_key: 'key' }, inputData: result });
      expect(label).toBe(`${name} ${UNTESTED_LABEL}`);
    },
  );
});

describe('what an instant trigger\'s test step returns (issue 23 items 3 and 6)', () => {
  afterEach(() => nock.cleanAll());
  const rebus = PLATFORMS.find((platform) => platform.id === 'rebus')!;
  const auth = { platform: 'rebus', api_key: 'key' };
  /** Rebus AI payouts or commissions, the `matching`-th of `count` with the wanted vendor status and the rest another. */
  const items = (count: number, matching: number, wanted: string, other: string) =>
    Array.from({ length: count }, (_, index) => ({ id: 100 + index, amount: 10, status: index === matching ? wanted : other, created_at: '2026-03-10T11:45:00Z' }));

  it('Payout Paid shows paid payouts only, read from a full page', async () => {
    const list = rebus.lists.payout!;
    const scope = nock(new URL(rebus.baseUrl).origin)
      .get(/\/payouts\//)
      .query((query) => Number(query.page_size ?? query.limit ?? query.per_page) === list.maxPageSize)
      .reply(200, listAnswer(list.itemsPath, items(12, 9, 'processed', 'pending')));
    const records = (await appTester(triggerOperation('payout_paid').performList, { authData: auth, inputData: {}, meta: { limit: 3 } })) as { id: string; status: string }[];
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record.status])).toEqual([['109', 'paid']]);
  });

  it('a status filter keeps the record that matches beyond the first three, and returns at most three', async () => {
    const list = rebus.lists.referral!;
    nock(new URL(rebus.baseUrl).origin).get(/\/commissions\//).query(true).reply(200, listAnswer(list.itemsPath, items(12, 7, 'approved', 'pending')));
    const approved = (await appTester(triggerOperation('referral_status_changed').performList, { authData: auth, inputData: { status: 'approved' } })) as { id: string }[];
    expect(approved.map((record) => record.id)).toEqual(['107']);
    nock(new URL(rebus.baseUrl).origin).get(/\/commissions\//).query(true).reply(200, listAnswer(list.itemsPath, items(12, 7, 'approved', 'pending')));
    const all = (await appTester(triggerOperation('new_referral').performList, { authData: auth, inputData: {} })) as unknown[];
    expect(all).toHaveLength(3);
  });

  it('a polling trigger loading samples returns at most three, and its status filter reads a full page', async () => {
    const list = rebus.lists.referral!;
    nock(new URL(rebus.baseUrl).origin).get(/\/commissions\//).query(true).reply(200, listAnswer(list.itemsPath, items(12, 7, 'approved', 'pending')));
    const sample = (await appTester(triggerOperation('new_referral_polling').perform, { authData: auth, inputData: {}, meta: { isLoadingSample: true, limit: 6 } })) as unknown[];
    expect(sample).toHaveLength(3);
    nock(new URL(rebus.baseUrl).origin)
      .get(/\/commissions\//)
      .query((query) => Number(query.page_size) === list.maxPageSize)
      .reply(200, listAnswer(list.itemsPath, items(12, 7, 'approved', 'pending')));
    const approved = (await appTester(triggerOperation('referral_status_polling').perform, { authData: auth, inputData: { status: 'approved' }, meta: { isLoadingSample: true, limit: 6 } })) as { record_id: string }[];
    expect(approved.map((record) => record.record_id)).toEqual(['107']);
  });
});
