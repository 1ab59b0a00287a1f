/**
 * The dashboard-webhook trigger as a whole: a static hook whose help comes from the platforms'
 * data, a sample that is what perform returns, and its behaviour on platforms it cannot serve
 * (UpPromote's payloads name no event). Tamio and ViralRef specifics are in test/platforms/.
 */
import nock from 'nock';
import { validateApp, prepareApp } from 'zapier-platform-core/src/tools/schema';
import { app, appTester, triggerOperation } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { rejectionMessage } from '../helpers/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS } from '../../platforms/registry';
import { DASHBOARD_HELP_URL } from '../../triggers/dashboard_webhook';
import affiliateApproved from '../../workshops/tamio/fixtures/affiliate-approved.json';
import referralNew from '../../workshops/uppromote/fixtures/referral.new.json';
import { expectVerify, tamioApi, tamioAuth, tamioDelivery } from '../../workshops/tamio/kit';

type Field = { key: string; label: string; helpText: string; required?: boolean; list?: boolean; type?: string; choices?: Record<string, string> };
const definition = app.triggers.dashboard_webhook;
/** The function the editor calls for the connected platform's Signing Secret. */
const [resolve] = definition.operation.inputFields.flatMap((item) => (typeof item === 'function' ? [item] : []));
const dashboard = triggerOperation('dashboard_webhook');

/** The "Only These Events" field as the editor resolves it for a connection of `platform`. */
async function eventsField(platform: string): Promise<Field | undefined> {
  const [, events] = definition.operation.inputFields.flatMap((item) => (typeof item === 'function' ? [item] : []));
  const fields = (await appTester(events, { authData: { platform, api_key: 'key' } })) as Field[];
  return fields.find((item) => item.key === 'events');
}

/** The Signing Secret field as the editor resolves it for a connection of `platform` (any unknown id: every platform's help). */
async function secretField(platform: string): Promise<Field | undefined> {
  const fields = (await appTester(resolve, { authData: { platform, api_key: 'key' } })) as Field[];
  return fields.find((item) => item.key === 'signing_secret');
}

describe('dashboard_webhook definition', () => {
  it('is a static webhook: a hook with no subscribe or unsubscribe', () => {
    expect(definition.key).toBe('dashboard_webhook');
    expect(definition.display.label).toBe('New Event from Dashboard Webhook');
    expect(definition.display.description).toMatch(/^Triggers when /);
    expect(definition.operation.type).toBe('hook');
    expect(definition.operation).not.toHaveProperty('performSubscribe');
    expect(definition.operation).not.toHaveProperty('performUnsubscribe');
    expect(typeof definition.operation.performList).toBe('function');
  });

  it("passes zapier-platform-schema's validation", () => {
    expect(validateApp(prepareApp(app)).map((error) => error.stack)).toEqual([]);
  });

  it("tells, from each dashboard platform's data, where to paste the URL and find the secret, once connected", async () => {
    const dashboards = PLATFORMS.filter((platform) => platform.webhooks.kind === 'dashboard');
    expect(dashboards.map((platform) => platform.id)).toEqual(expect.arrayContaining(['tamio', 'viralref']));
    for (const platform of dashboards) {
      if (platform.webhooks.kind !== 'dashboard') continue;
      // Tamio's API verifies its deliveries, so no secret is asked for there (test/editor/input-fields.test.ts).
      if (platform.signature.type !== 'remote') expect((await secretField(platform.id))?.helpText).toContain(platform.webhooks.directions);
      // Zapier's M002: descriptions name no vendor.
      expect(definition.display.description).not.toContain(platform.name);
    }
  });

  it("before a platform is connected, links to the README's platform table, which links every dashboard platform's directions, at one length whatever their number", async () => {
    // The directions themselves are on each platform's page, kept equal to webhooks.directions by test/docs/docs.test.ts.
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Connect a platform\n'));
    for (const platform of PLATFORMS) {
      if (platform.webhooks.kind === 'dashboard') expect(section).toContain(`(docs/platforms/${platform.id}.md#dashboard-webhook)`);
    }
    expect(DASHBOARD_HELP_URL).toMatch(/#connect-a-platform$/);
    expect(definition.display.directions).toContain(DASHBOARD_HELP_URL);
    expect((await secretField('none'))?.helpText).toContain(DASHBOARD_HELP_URL);
    for (const platform of PLATFORMS) expect(definition.display.directions).not.toContain(platform.name);
    expect((await secretField('none'))?.helpText.length).toBeLessThanOrEqual(1000);
  });

  it('asks for a password-like signing secret and an optional multi-select of normalized events', async () => {
    expect(await secretField('none')).toMatchObject({ type: 'password', required: false });
    expect((await secretField('none'))?.helpText).toMatch(/Required, except for Tamio \(verified through its own API\)/);
    const events = await eventsField('none');
    expect(events).toMatchObject({ required: false, list: true });
    expect(Object.keys(events?.choices ?? {})).toEqual(expect.arrayContaining(['referral.created', 'affiliate.approved', 'payout.created', 'other']));
  });

  it('offers as event choices only the events the connected platform sends (a choice it never sends never fires)', async () => {
    for (const platform of PLATFORMS) {
      // One event per URL (deliveries name none): Event Sent to This URL chooses it, no filter is shown.
      if (platform.webhooks.kind === 'dashboard' && platform.webhooks.eventChosenPerUrl !== undefined) {
        expect(await eventsField(platform.id)).toBeUndefined();
        continue;
      }
      const sent = new Set<string>(platform.events.map((event) => event.event ?? 'other'));
      const choices = Object.keys((await eventsField(platform.id))?.choices ?? {});
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.filter((choice) => !sent.has(choice))).toEqual([]);
      expect([...sent].filter((event) => !choices.includes(event))).toEqual([]);
    }
    // The issue's case: Tolt, Rewardful and ViralRef never send "Referral: Approved".
    for (const id of ['tolt', 'rewardful', 'viralref']) expect(Object.keys((await eventsField(id))?.choices ?? {})).not.toContain('referral.approved');
  });

  it('says UpPromote deliveries cannot be told apart, as the first thing an UpPromote user sees', async () => {
    const fields = (await appTester(resolve, { authData: { platform: 'uppromote', api_key: 'key' } })) as Field[];
    expect(fields[0].helpText).toMatch(/UpPromote's webhook payloads do not say which event they are/);
    expect(fields.find((item) => item.key === 'signing_secret')).toBeUndefined();
  });
});

describe('dashboard_webhook perform', () => {
  it('returns its sample for the documented Tamio payload (the sample cannot drift)', async () => {
    expectVerify(tamioApi());
    const results = await appTester(dashboard.perform, { authData: tamioAuth, inputData: {}, ...tamioDelivery(affiliateApproved).request });
    // The fixed sample keeps no copy of the vendor payload (`raw`, issue 23 item 15), and only the keys
    // every dashboard platform fills (item 13, test/editor/samples.test.ts), each with perform's value.
    const sampleKeys = Object.keys(definition.operation.sample);
    expect(sampleKeys).not.toContain('raw');
    expect((results as Record<string, unknown>[]).map((result) => Object.fromEntries(Object.entries(result).filter(([key]) => sampleKeys.includes(key))))).toEqual([definition.operation.sample]);
    const outputs: { key: string }[] = [];
    for (const entry of definition.operation.outputFields) {
      if (typeof entry === 'function') outputs.push(...((await appTester(entry, { authData: tamioAuth, inputData: {} })) as { key: string }[]));
      else outputs.push(entry);
    }
    const labelled = new Set(outputs.map((output) => output.key));
    expect(Object.keys(definition.operation.sample).filter((key) => key !== 'raw' && !labelled.has(key))).toEqual([]);
  });

  it('ignores an empty request (a URL check) without calling anything', async () => {
    expect(await appTester(dashboard.perform, { authData: tamioAuth, inputData: {}, ...hookRequest('', {}) })).toEqual([]);
  });

  describe('on UpPromote, whose payloads name no event', () => {
    const authData = { platform: 'uppromote', api_key: 'upk_test' };
    const secret = 'up-dashboard-secret';
    const body = JSON.stringify(referralNew);

    it('refuses a genuine delivery clearly instead of dropping it', async () => {
      const request = hookRequest(body, { 'X-UpPromote-Signature': hmacHex(secret, body) });
      expect(await rejectionMessage(appTester(dashboard.perform, { authData, inputData: { signing_secret: secret }, ...request }))).toMatch(
        /^UpPromote's webhook payloads do not say which event they are.*Use the other UpPromote triggers/,
      );
    });

    it('refuses a forged one as a halted run, never an error (a stranger cannot raise errors on the Zap)', async () => {
      const request = hookRequest(body, { 'X-UpPromote-Signature': hmacHex('forger', body) });
      await expect(appTester(dashboard.perform, { authData, inputData: { signing_secret: secret }, ...request })).rejects.toMatchObject({ name: 'HaltedError' });
    });

    it('refuses at performList, when the Zap is tested', async () => {
      expect(await rejectionMessage(appTester(dashboard.performList, { authData, inputData: { signing_secret: secret } }))).toMatch(
        /^UpPromote's webhook payloads do not say which event they are/,
      );
    });
  });
});

describe('dashboard_webhook test step (issue 23 item 6)', () => {
  it('with "Payout: Paid" chosen, shows paid payouts only, read from a full page, at most three', async () => {
    const rewardful = PLATFORMS.find((platform) => platform.id === 'rewardful')!;
    const list = rewardful.lists.payout!;
    const payouts = Array.from({ length: 8 }, (_, index) => ({ id: `po_${index}`, state: index % 3 === 0 ? 'paid' : 'due', amount: 1000, currency: 'USD', created_at: '2026-03-10T11:45:00Z' }));
    const scope = nock(new URL(rewardful.baseUrl).origin)
      .get('/v1/payouts')
      .query((query) => Number(query.limit) === list.maxPageSize)
      .reply(200, { data: payouts })
      .persist();
    const records = (await appTester(dashboard.performList, {
      authData: { platform: 'rewardful', api_key: 'key' },
      inputData: { signing_secret: 'whsec_test', events: ['payout.paid'] },
    })) as { id: string; status: string }[];
    scope.persist(false);
    nock.cleanAll();
    expect(records.map((record) => [record.id, record.status])).toEqual([
      ['po_0', 'paid'],
      ['po_3', 'paid'],
      ['po_6', 'paid'],
    ]);
  });
});
