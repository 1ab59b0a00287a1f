/**
 * `npm run make:deploy` against a fake Make (test/make/fake-make.ts): no network. The exchanges
 * are compared with recorded fixtures (rewrite them with UPDATE_MAKE_FIXTURES=1 after a deliberate
 * change); a small platform definition keeps them independent of the vendors' data.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployApp } from '../../make/deploy-app';
import { appIdentity, generateApp, writeApp } from '../../make/generate/app';
import type { PlatformDefinition } from '../../platforms/types';
import { FakeMakeServer, FakeTransportMake, type Exchange } from './fake-make';

/** A one-event platform: enough for every component type (connection, webhook, RPC, modules). */
const MINI: PlatformDefinition = {
  id: 'uppromote',
  name: 'Mini',
  baseUrl: 'https://api.mini.example/v1',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: { method: 'GET', path: '/me', accountPath: 'shop.name', source: 'test' },
  errorMessagePaths: ['message'],
  events: [{ key: 'referral.new', label: 'Referral: New', event: 'referral.created', example: 'none' }],
  delivery: { eventPath: 'event' },
  signature: { type: 'url_token', param: 'token', source: 'test' },
  webhooks: {
    kind: 'api',
    eventsPerSubscription: 'many',
    subscribe: { method: 'POST', path: '/hooks', body: { url: '{{target_url}}', events: '{{events}}' }, idPath: 'id', source: 'test' },
    unsubscribe: { method: 'DELETE', path: '/hooks/{{subscription_id}}', source: 'test' },
  },
  fields: { referral: { id: 'id', status: { path: 'status', convert: 'status' }, sale_amount: { path: 'amount', convert: 'minor_units' } } },
  statuses: { referral: { open: 'pending', ok: 'approved' } },
  lists: { referral: { request: { method: 'GET', path: '/referrals', query: { limit: '{{limit}}' }, source: 'test' }, itemsPath: 'data', maxPageSize: 50 } },
  actions: {
    approve_referral: {
      request: { method: 'POST', path: '/referrals/{{referral_id}}/approve', source: 'test' },
      result: { event: 'referral.approved', resultPath: 'data', assume: { id: '{{referral_id}}', status: 'approved' } },
    },
  },
};

const identity = appIdentity(MINI);
const appDir = mkdtempSync(join(tmpdir(), 'make-deploy-'));
const generated = generateApp(MINI);
writeApp(generated, appDir);

function matchesFixture(name: string, exchanges: Exchange[]): void {
  const path = join(__dirname, 'fixtures', name);
  if (process.env.UPDATE_MAKE_FIXTURES === '1' || !existsSync(path)) writeFileSync(path, `${JSON.stringify(exchanges, null, 2)}\n`);
  expect(exchanges).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe('deployApp', () => {
  it('generates an app with nothing untranslated', () => {
    expect(generated.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('creates the app and every component when Make has none', async () => {
    const server = new FakeMakeServer();
    const summary = await deployApp(new FakeTransportMake(server), appDir, identity);
    expect(summary.created).toBe(true);
    expect(summary.components.every((component) => component.created)).toBe(true);
    const made = server.apps.get(identity.name);
    expect(made?.modules.map((module) => module.name).sort()).toEqual(generated.modules.map((module) => module.name).sort());
    // Instant triggers are bound to the webhook name Make assigned, actions to the connection's.
    const trigger = made?.modules.find((module) => module.name === 'watchNewReferrals');
    expect(trigger).toMatchObject({ typeId: 10, connection: identity.name, webhook: `${identity.name}-hook1` });
    // Every code file arrives unchanged as its API section.
    expect(made?.sections.get('modules/approveReferral/api')).toBe(readFileSync(join(appDir, 'modules/approveReferral/approveReferral.communication.iml.json'), 'utf8'));
    expect(made?.sections.get(`webhooks/${identity.name}-hook1/attach`)).toContain('{{webhook.url}}');
    matchesFixture('deploy-create.json', server.exchanges);
  });

  it('updates an existing app in place, matching components and leaving unknown ones', async () => {
    const server = new FakeMakeServer();
    server.seed(identity.name, {
      connections: [{ name: 'affiliate-hub-uppromote7', label: 'Mini (Affiliate Hub)', type: 'basic' }],
      webhooks: [{ name: 'affiliate-hub-uppromote-hook9', label: 'Watch New Referrals', type: 'web' }],
      rpcs: [{ name: 'referralChoices', label: 'old label' }],
      modules: [
        { name: 'approveReferral', label: 'Old Approve', typeId: 4 },
        { name: 'legacyModule', label: 'Legacy', typeId: 4 },
      ],
    });
    const summary = await deployApp(new FakeTransportMake(server), appDir, identity);
    expect(summary.created).toBe(false);
    expect(summary.components.filter((component) => !component.created).map((component) => `${component.type} ${component.remote}`)).toEqual([
      'connection affiliate-hub-uppromote7',
      'webhook affiliate-hub-uppromote-hook9',
      'rpc referralChoices',
      'module approveReferral',
    ]);
    expect(summary.orphans).toEqual(['module legacyModule']);
    const made = server.apps.get(identity.name);
    expect(made?.modules.find((module) => module.name === 'approveReferral')).toMatchObject({ label: 'Approve Referral', connection: 'affiliate-hub-uppromote7' });
    expect(made?.modules.find((module) => module.name === 'watchNewReferrals')).toMatchObject({ webhook: 'affiliate-hub-uppromote-hook9' });
    expect(server.exchanges.filter((exchange) => exchange.method === 'POST' && exchange.path === '/sdk/apps')).toEqual([]);
    matchesFixture('deploy-update.json', server.exchanges);
  });

  it('fails with Make\'s message when Make refuses', async () => {
    const server = new FakeMakeServer();
    const make = new FakeTransportMake(server);
    server.handle = () => ({ status: 403, body: { message: 'Permission denied', code: 'SC403' } });
    await expect(deployApp(make, appDir, identity)).rejects.toThrow(/Permission denied/);
  });
});
