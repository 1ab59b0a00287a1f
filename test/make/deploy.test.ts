/**
 * `npm run make:deploy` against a strict fake Make (test/make/fake-make.ts): no network. The
 * exchanges of a small platform's deploy are compared with recorded fixtures (rewrite them with
 * UPDATE_MAKE_FIXTURES=1 after a deliberate change); every registered platform's app is then
 * created and updated against the same fake.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployApp } from '../../make/deploy-app';
import { appIdentity, generateApp, writeApp } from '../../make/generate/app';
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { FakeMakeServer, FakeTransportMake, type Exchange } from './fake-make';

/** A one-event platform: enough for every component type (connection, webhook, RPC, modules). */
const MINI: PlatformDefinition = {
  id: 'uppromote',
  name: 'Mini',
  connection: { keyLocation: 'Settings → API', keyHelpUrl: 'https://mini.example/docs/keys' },
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
const generated = generateApp(MINI);
const built = mkdtempSync(join(tmpdir(), 'make-deploy-'));
writeApp(generated, built);

/** A fresh copy of the built app (deploy writes its id mapping into makecomapp.json). */
function appCopy(source: string = built): string {
  const dir = mkdtempSync(join(tmpdir(), 'make-deploy-copy-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

function matchesFixture(name: string, exchanges: Exchange[]): void {
  const path = join(__dirname, 'fixtures', name);
  if (process.env.UPDATE_MAKE_FIXTURES === '1' || !existsSync(path)) writeFileSync(path, `${JSON.stringify(exchanges, null, 2)}\n`);
  expect(exchanges).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

function manifestOf(dir: string): { origins: { appId: string; idMapping?: Record<string, { local: string; remote: string }[]> }[] } {
  return JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as ReturnType<typeof manifestOf>;
}

describe('deployApp', () => {
  it('generates an app with nothing untranslated', () => {
    expect(generated.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('creates the app and every component when Make has none, groups after the modules', async () => {
    const server = new FakeMakeServer();
    const dir = appCopy();
    const summary = await deployApp(new FakeTransportMake(server), dir, identity);
    expect(summary.created).toBe(true);
    expect(summary.components.every((component) => component.created)).toBe(true);
    const made = server.apps.get(identity.name);
    expect(made?.modules.map((module) => module.name).sort()).toEqual(generated.modules.map((module) => module.name).sort());
    // Instant triggers are bound to the webhook name Make assigned, actions to the connection's, with their crud.
    expect(made?.modules.find((module) => module.name === 'watchNewReferrals')).toMatchObject({ typeId: 10, connection: identity.name, webhook: `${identity.name}-hook1` });
    expect(made?.modules.find((module) => module.name === 'approveReferral')).toMatchObject({ typeId: 4, crud: 'update' });
    expect(made?.modules.find((module) => module.name === 'makeApiCall')).toMatchObject({ typeId: 12, subtype: 'Universal', label: 'Make an API call' });
    // Every code file arrives unchanged as its API section.
    expect(made?.sections.get('modules/approveReferral/api')).toBe(readFileSync(join(dir, 'modules/approveReferral/approveReferral.communication.iml.json'), 'utf8'));
    expect(made?.sections.get(`webhooks/${identity.name}-hook1/attach`)).toContain('{{webhook.url}}');
    const paths = server.exchanges.map((exchange) => `${exchange.method} ${exchange.path}`);
    expect(paths.indexOf(`PUT /sdk/apps/${identity.name}/1/groups`)).toBeGreaterThan(paths.lastIndexOf(`POST /sdk/apps/${identity.name}/1/modules`));
    // The mapping Make's extension keeps is recorded in the origin.
    expect(manifestOf(dir).origins[0].idMapping?.webhook).toContainEqual({ local: 'watchNewReferralsWebhook', remote: `${identity.name}-hook1` });
    matchesFixture('deploy-create.json', server.exchanges);
  });

  it('updates an existing app through the recorded mapping, clears dropped references and leaves unknown components', async () => {
    const server = new FakeMakeServer();
    const dir = appCopy();
    server.seed(identity.name, {
      connections: [{ name: 'affiliate-hub-uppromote7', label: 'Old label', type: 'basic' }, { name: 'affiliate-hub-uppromote8', label: 'Mini', type: 'basic' }],
      webhooks: [{ name: 'affiliate-hub-uppromote-hook9', label: 'Renamed since', type: 'web', connection: 'affiliate-hub-uppromote8' }],
      rpcs: [{ name: 'referralChoices', label: 'old label', connection: 'affiliate-hub-uppromote8' }],
      modules: [
        { name: 'approveReferral', label: 'Old Approve', typeId: 4, crud: 'update', connection: 'affiliate-hub-uppromote8' },
        { name: 'watchNewReferrals', label: 'Old', typeId: 10, connection: 'affiliate-hub-uppromote8', webhook: 'affiliate-hub-uppromote-hook9' },
        { name: 'legacyModule', label: 'Legacy', typeId: 4, crud: 'read' },
      ],
    });
    const manifest = manifestOf(dir);
    // Labels differ on purpose: identity comes from the mapping, never from labels. The webhook has no
    // mapping: the remote watchNewReferrals module, which references it, names it.
    manifest.origins[0].idMapping = { connection: [{ local: 'uppromote', remote: 'affiliate-hub-uppromote7' }] };
    writeFileSync(join(dir, 'makecomapp.json'), JSON.stringify(manifest));
    const summary = await deployApp(new FakeTransportMake(server), dir, identity);
    expect(summary.created).toBe(false);
    expect(summary.components.filter((component) => !component.created).map((component) => `${component.type} ${component.remote}`)).toEqual([
      'connection affiliate-hub-uppromote7',
      'webhook affiliate-hub-uppromote-hook9',
      'rpc referralChoices',
      'module watchNewReferrals',
      'module approveReferral',
    ]);
    expect(summary.orphans).toEqual(['module legacyModule']);
    const made = server.apps.get(identity.name);
    expect(made?.connections).toHaveLength(2);
    expect(made?.modules.find((module) => module.name === 'approveReferral')).toMatchObject({ label: 'Approve a referral', connection: 'affiliate-hub-uppromote7' });
    expect(made?.modules.find((module) => module.name === 'watchNewReferrals')).toMatchObject({ webhook: 'affiliate-hub-uppromote-hook9', connection: 'affiliate-hub-uppromote7' });
    expect(made?.webhooks[0]).toMatchObject({ label: 'Watch new referrals', connection: 'affiliate-hub-uppromote7' });
    expect(server.exchanges.filter((exchange) => exchange.method === 'POST' && exchange.path === '/sdk/apps')).toEqual([]);
    matchesFixture('deploy-update.json', server.exchanges);
  });

  it('fails with Make\'s message when Make refuses', async () => {
    const server = new FakeMakeServer();
    const make = new FakeTransportMake(server);
    server.handle = () => ({ status: 403, body: { message: 'Permission denied', code: 'SC403' } });
    await expect(deployApp(make, appCopy(), identity)).rejects.toThrow(/Permission denied/);
  });

  it('the strict fake refuses a universal module without subtype and an action without crud, as Make does', () => {
    const server = new FakeMakeServer();
    server.seed('x', {});
    const post = (body: Record<string, unknown>) => server.handle('POST', new URL('https://eu1.make.com/api/v2/sdk/apps/x/1/modules'), JSON.stringify(body), 'application/json');
    expect(post({ name: 'u', typeId: 12, label: 'U', description: 'U', moduleInitMode: 'blank' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('subtype') } });
    expect(post({ name: 'a', typeId: 4, label: 'A', description: 'A', moduleInitMode: 'blank' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('crud') } });
    const groups = server.handle('PUT', new URL('https://eu1.make.com/api/v2/sdk/apps/x/1/groups'), JSON.stringify([{ label: 'G', modules: ['nowhere'] }]), 'application/jsonc');
    expect(groups.status).toBe(400);
  });
});

describe.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('deploying %s to the strict fake Make', (_, platform) => {
  const app = generateApp(platform);
  const dir = mkdtempSync(join(tmpdir(), `make-deploy-${platform.id}-`));
  writeApp(app, dir);
  const id = appIdentity(platform);

  it('creates the app, then updates it in place with no new component', async () => {
    const server = new FakeMakeServer();
    const first = await deployApp(new FakeTransportMake(server), dir, id);
    expect(first.created).toBe(true);
    // A rebuild keeps the mapping the deploy recorded.
    writeApp(generateApp(platform), dir);
    expect(manifestOf(dir).origins[0].idMapping).toEqual(first.idMapping);
    const second = await deployApp(new FakeTransportMake(server), dir, id);
    expect(second.created).toBe(false);
    expect(second.components.filter((component) => component.created)).toEqual([]);
    expect(second.orphans).toEqual([]);
    const made = server.apps.get(id.name);
    expect(made?.connections).toHaveLength(1);
    expect(made?.webhooks).toHaveLength(app.webhooks.length);
    expect(made?.modules).toHaveLength(app.modules.length);
  });

  it('clears on Make a webhook connection the build does not have, with null', async () => {
    const server = new FakeMakeServer();
    const fresh = mkdtempSync(join(tmpdir(), `make-deploy-${platform.id}-null-`));
    writeApp(app, fresh);
    await deployApp(new FakeTransportMake(server), fresh, id);
    const made = server.apps.get(id.name);
    // Someone bound every webhook to the connection on Make; the redeploy puts back what the build says.
    for (const webhook of made?.webhooks ?? []) webhook.connection = made?.connections[0].name;
    server.exchanges.length = 0;
    await deployApp(new FakeTransportMake(server), fresh, id);
    const manifest = JSON.parse(readFileSync(join(fresh, 'makecomapp.json'), 'utf8')) as { components: { webhook: Record<string, { connection: string | null }> } };
    for (const webhook of made?.webhooks ?? []) {
      const local = Object.entries(manifest.components.webhook).find(([localId]) => first(manifestOf(fresh), localId) === webhook.name);
      expect(webhook.connection ?? null).toBe(local?.[1].connection === null ? null : made?.connections[0].name);
    }
    // Every webhook PATCH names its connection, null included: nothing is left as it was on Make.
    const patches = server.exchanges.filter((exchange) => exchange.method === 'PATCH' && exchange.path.startsWith('/sdk/apps/webhooks/'));
    expect(patches.every((exchange) => typeof exchange.body === 'object' && exchange.body !== null && 'connection' in exchange.body)).toBe(true);
  });
});

function first(manifest: ReturnType<typeof manifestOf>, local: string): string | undefined {
  return manifest.origins[0].idMapping?.webhook?.find((item) => item.local === local)?.remote;
}
