/**
 * The dashboard-webhook trigger as a whole: a static hook whose help comes from the platforms'
 * data, a sample that is what perform returns, and its behaviour on platforms it cannot serve
 * (UpPromote's payloads name no event). Tamio and ViralRef specifics are in test/platforms/.
 */
import { validateApp, prepareApp } from 'zapier-platform-core/src/tools/schema';
import { app, appTester, triggerOperation, type OperationFunction } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { rejectionMessage } from '../helpers/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS } from '../../platforms/registry';
import { DASHBOARD_HELP_URL } from '../../triggers/dashboard_webhook';
import affiliateApproved from '../fixtures/tamio/affiliate-approved.json';
import referralNew from '../fixtures/uppromote/referral.new.json';
import { expectVerify, tamioApi, tamioAuth, tamioDelivery } from '../platforms/tamio.kit';

type Field = { key: string; label: string; helpText: string; required?: boolean; list?: boolean; type?: string; choices?: Record<string, string> };
type Definition = {
  key: string;
  display: { label: string; description: string; directions: string };
  operation: {
    type: string;
    inputFields: (Field | OperationFunction)[];
    sample: Record<string, unknown>;
    outputFields: ({ key: string } | OperationFunction)[];
  } & Record<string, unknown>;
};

const definition = app.triggers?.dashboard_webhook as unknown as Definition;
const dashboard = triggerOperation('dashboard_webhook');
const field = (key: string) => definition.operation.inputFields.find((item): item is Field => typeof item !== 'function' && item.key === key);

/** The Signing Secret field as the editor resolves it for a connection of `platform` (any unknown id: every platform's help). */
async function secretField(platform: string): Promise<Field | undefined> {
  const resolve = definition.operation.inputFields.find((item): item is OperationFunction => typeof item === 'function');
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

  it("before a platform is connected, links to the README's directions, which list every dashboard platform's, at one length whatever their number", async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Setting up a dashboard webhook'));
    for (const platform of PLATFORMS) {
      if (platform.webhooks.kind === 'dashboard') expect(section).toContain(`| ${platform.name} | ${platform.webhooks.directions} |`);
    }
    expect(DASHBOARD_HELP_URL).toMatch(/#setting-up-a-dashboard-webhook$/);
    expect(definition.display.directions).toContain(DASHBOARD_HELP_URL);
    expect((await secretField('none'))?.helpText).toContain(DASHBOARD_HELP_URL);
    for (const platform of PLATFORMS) expect(definition.display.directions).not.toContain(platform.name);
    expect((await secretField('none'))?.helpText.length).toBeLessThanOrEqual(1000);
  });

  it('asks for a password-like signing secret and an optional multi-select of normalized events', async () => {
    expect(await secretField('none')).toMatchObject({ type: 'password', required: false });
    expect((await secretField('none'))?.helpText).toMatch(/Required, except for Tamio \(verified through its own API\)/);
    expect(field('events')).toMatchObject({ required: false, list: true });
    expect(Object.keys(field('events')?.choices ?? {})).toEqual(expect.arrayContaining(['referral.created', 'affiliate.approved', 'payout.created', 'other']));
  });

  it('says UpPromote deliveries cannot be told apart, as the first thing an UpPromote user sees', async () => {
    const resolve = definition.operation.inputFields.find((item): item is OperationFunction => typeof item === 'function');
    const fields = (await appTester(resolve, { authData: { platform: 'uppromote', api_key: 'key' } })) as Field[];
    expect(fields[0].helpText).toMatch(/UpPromote's webhook payloads do not say which event they are/);
    expect(fields.find((item) => item.key === 'signing_secret')).toBeUndefined();
  });
});

describe('dashboard_webhook perform', () => {
  it('returns its sample for the documented Tamio payload (the sample cannot drift)', async () => {
    expectVerify(tamioApi());
    const results = await appTester(dashboard.perform, { authData: tamioAuth, inputData: {}, ...tamioDelivery(affiliateApproved).request });
    expect(results).toEqual([definition.operation.sample]);
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
