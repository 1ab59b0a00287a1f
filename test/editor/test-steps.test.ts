/**
 * Test steps fail early and usefully: an instant trigger the platform cannot subscribe refuses at
 * performList naming the trigger that works; ViralRef's dashboard test step says how to send a
 * test event; the connection of a platform without a key test says the key was not checked.
 */
import nock from 'nock';
import { UNTESTED_LABEL } from '../../authentication';
import { PLATFORMS } from '../../platforms/registry';
import { appTester, connection, triggerOperation } from '../helpers/app';

const dashboardOnly = PLATFORMS.filter((platform) => platform.webhooks.kind === 'dashboard');

describe('performList of instant triggers on dashboard-only platforms', () => {
  afterEach(() => nock.cleanAll());

  it.each(dashboardOnly.map((platform) => [platform.name, platform.id]))('%s: refused before any call, naming the alternative', async (name, id) => {
    for (const key of ['new_referral', 'new_affiliate', 'new_payout', 'affiliate_status_changed']) {
      const error = await appTester(triggerOperation(key).performList, { authData: { platform: id, api_key: 'key' }, inputData: {}, meta: { limit: 5 } }).catch(
        (caught: Error) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(`${name} registers webhooks only in its dashboard`);
      expect((error as Error).message).toMatch(/New Event from Dashboard Webhook/);
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
