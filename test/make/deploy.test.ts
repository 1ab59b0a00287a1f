/**
 * `npm run make:deploy` against a strict fake Make (test/make/fake-make.ts): no network. The fake
 * suffixes new app names, answers 404 for unknown names and reports section checksums as Make does,
 * so these tests fail where a deploy assumes the name it asked for, leaves orphan apps on a retry, or
 * rewrites what did not change. The exchanges of a small platform's first deploy are compared with a
 * recorded fixture (rewrite it with UPDATE_MAKE_FIXTURES=1 after a deliberate change).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appIcon } from '../../make/app-icon';
import { buildApp } from '../../make/build';
import { deployApp, type DeploySummary } from '../../make/deploy-app';
import { COMPONENT_TYPES, deployRecordPath, recordDeployedApp, type DeployedApp } from '../../make/deploy-record';
import { appIdentity, generateApp, writeApp } from '../../make/generate/app';
import { loadSchemas, DEFAULT_SCHEMAS_DIR } from '../../make/validate';
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
const icon = appIcon(MINI.name);
const generated = generateApp(MINI);
const built = mkdtempSync(join(tmpdir(), 'make-deploy-'));
writeApp(generated, built);

/** A fresh copy of the built app (deploy writes Make's name and the id mapping into makecomapp.json). */
function appCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'make-deploy-copy-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

/** What make/deploy.ts records after a deploy. */
function recorded(summary: DeploySummary): DeployedApp {
  return { app: summary.app, version: 1, idMapping: summary.idMapping, iconMd5: summary.iconMd5 };
}

const writesOf = (exchanges: Exchange[]) => exchanges.filter((exchange) => exchange.method !== 'GET');

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

  it('creates the app under the suffixed name Make answers and uses that name for every later call', async () => {
    const server = new FakeMakeServer();
    const dir = appCopy();
    const named: string[] = [];
    const summary = await deployApp(new FakeTransportMake(server), dir, { identity, icon, onCreated: (name) => named.push(name) });
    expect(summary.created).toBe(true);
    expect(summary.app).toMatch(new RegExp(`^${identity.name}-[0-9a-z]{6}$`));
    expect(named).toEqual([summary.app]);
    const made = server.apps.get(summary.app);
    expect([...server.apps.keys()]).toEqual([summary.app]);
    // After the creation, no request names the app as we asked for it.
    const after = server.exchanges.slice(server.exchanges.findIndex((exchange) => exchange.method === 'POST' && exchange.path === '/sdk/apps') + 1);
    expect(after.filter((exchange) => exchange.path.includes(`/${identity.name}/`))).toEqual([]);
    expect(made?.modules.map((module) => module.name).sort()).toEqual(generated.modules.map((module) => module.name).sort());
    // Instant triggers are bound to the webhook name Make assigned, actions to the connection's, with their crud.
    expect(made?.modules.find((module) => module.name === 'watchNewReferrals')).toMatchObject({ typeId: 10, connection: summary.app, webhook: `${summary.app}-hook1` });
    expect(made?.modules.find((module) => module.name === 'approveReferral')).toMatchObject({ typeId: 4, crud: 'update' });
    expect(made?.modules.find((module) => module.name === 'makeApiCall')).toMatchObject({ typeId: 12, subtype: 'Universal', label: 'Make an API call' });
    expect(made?.sections.get('modules/approveReferral/api')).toBe(readFileSync(join(dir, 'modules/approveReferral/approveReferral.communication.iml.json'), 'utf8'));
    expect(made?.sections.get('icon')).toBe(icon.toString('base64'));
    const paths = server.exchanges.map((exchange) => `${exchange.method} ${exchange.path}`);
    expect(paths.indexOf(`PUT /sdk/apps/${summary.app}/1/groups`)).toBeGreaterThan(paths.lastIndexOf(`POST /sdk/apps/${summary.app}/1/modules`));
    // The origin points Make's VS Code extension at the same app, with a mapping of every component type.
    const origin = manifestOf(dir).origins[0];
    expect(origin.appId).toBe(summary.app);
    expect(Object.keys(origin.idMapping ?? {}).sort()).toEqual([...COMPONENT_TYPES].sort());
    expect(origin.idMapping?.webhook).toContainEqual({ local: 'watchNewReferralsWebhook', remote: `${summary.app}-hook1` });
    matchesFixture('deploy-create.json', server.exchanges);
  });

  it('keeps the name asked for on an account that may create apps without a suffix', async () => {
    const server = new FakeMakeServer(false);
    const summary = await deployApp(new FakeTransportMake(server), appCopy(), { identity, icon });
    expect(summary.app).toBe(identity.name);
  });

  it('redeploys the recorded app writing nothing when nothing changed, then only what changed', async () => {
    const server = new FakeMakeServer();
    const dir = appCopy();
    const first = await deployApp(new FakeTransportMake(server), dir, { identity, icon });
    server.exchanges.length = 0;
    const second = await deployApp(new FakeTransportMake(server), dir, { identity, icon, previous: recorded(first) });
    expect(second).toMatchObject({ app: first.app, created: false, writes: [], orphans: [] });
    expect(writesOf(server.exchanges)).toEqual([]);

    const path = join(dir, 'modules/approveReferral/approveReferral.communication.iml.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('/approve', '/approve?source=make'));
    const manifest = JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as { components: { module: Record<string, { label: string }> } };
    manifest.components.module.approveReferral.label = 'Approve a referral now';
    writeFileSync(join(dir, 'makecomapp.json'), JSON.stringify(manifest));
    server.exchanges.length = 0;
    const third = await deployApp(new FakeTransportMake(server), dir, { identity, icon, previous: recorded(second) });
    expect(third.writes).toEqual(['PATCH module approveReferral', 'PUT module approveReferral api']);
    expect(writesOf(server.exchanges).map((exchange) => `${exchange.method} ${exchange.path}`)).toEqual([`PATCH /sdk/apps/${first.app}/1/modules/approveReferral`, `PUT /sdk/apps/${first.app}/1/modules/approveReferral/api`]);
    expect(server.apps.get(first.app)?.sections.get('modules/approveReferral/api')).toContain('/approve?source=make');
  });

  it('finds the app a failed deploy created instead of creating another (no orphan apps on retry)', async () => {
    const server = new FakeMakeServer();
    const handle = server.handle.bind(server);
    // Make refuses the groups once, after the app and its components exist.
    let refused = false;
    server.handle = (method, url, body, type) => (!refused && url.pathname.endsWith('/groups') ? ((refused = true), { status: 500, body: { message: 'Internal error' } }) : handle(method, url, body, type));
    await expect(deployApp(new FakeTransportMake(server), appCopy(), { identity, icon })).rejects.toThrow(/Internal error/);
    // The retry has no record (the deploy died before writing one): the app list names the app.
    const retry = await deployApp(new FakeTransportMake(server), appCopy(), { identity, icon });
    expect(server.apps.size).toBe(1);
    expect(retry).toMatchObject({ app: [...server.apps.keys()][0], created: false, orphans: [] });
    expect(retry.components.filter((component) => component.created)).toEqual([]);
  });

  it('creates the app anew when the recorded one was deleted on Make', async () => {
    const server = new FakeMakeServer();
    const first = await deployApp(new FakeTransportMake(server), appCopy(), { identity, icon });
    server.apps.delete(first.app);
    const second = await deployApp(new FakeTransportMake(server), appCopy(), { identity, icon, previous: recorded(first) });
    expect(second.created).toBe(true);
    expect(second.app).not.toBe(first.app);
    expect(server.exchanges).toContainEqual(expect.objectContaining({ method: 'GET', path: `/sdk/apps/${first.app}/1`, status: 404 }));
  });

  it('refuses to guess between two apps that could be ours', async () => {
    const server = new FakeMakeServer();
    server.seed(`${identity.name}-aaaaaa`, { app: { label: identity.label } });
    server.seed(`${identity.name}-bbbbbb`, { app: { label: identity.label } });
    server.seed(`${identity.name}-cccccc`, { app: { label: 'Someone else' } });
    await expect(deployApp(new FakeTransportMake(server), appCopy(), { identity, icon })).rejects.toThrow(`Make has 2 apps that could be "${identity.label}" (${identity.name}-aaaaaa, ${identity.name}-bbbbbb)`);
  });

  it('updates an existing app through the recorded mapping, clears dropped references and leaves unknown components', async () => {
    const server = new FakeMakeServer();
    const app = 'affiliate-hub-uppromote-k2x9fq';
    server.seed(app, {
      app: { label: 'Old label', description: identity.description, theme: identity.theme },
      connections: [{ name: `${app}7`, label: 'Old label', type: 'basic' }, { name: `${app}8`, label: 'Mini', type: 'basic' }],
      webhooks: [{ name: `${app}-hook9`, label: 'Renamed since', type: 'web', connection: `${app}8` }],
      rpcs: [{ name: 'referralChoices', label: 'old label', connection: `${app}8` }],
      modules: [
        { name: 'approveReferral', label: 'Old Approve', typeId: 4, crud: 'update', connection: `${app}8` },
        { name: 'watchNewReferrals', label: 'Old', typeId: 10, connection: `${app}8`, webhook: `${app}-hook9` },
        { name: 'legacyModule', label: 'Legacy', typeId: 4, crud: 'read' },
      ],
    });
    // Labels differ on purpose: identity comes from the mapping, never from labels. The webhook has no
    // mapping: the remote watchNewReferrals module, which references it, names it.
    const previous: DeployedApp = { app, version: 1, idMapping: { connection: [{ local: 'uppromote', remote: `${app}7` }], webhook: [], module: [], rpc: [], function: [], endpoint: [] } };
    const summary = await deployApp(new FakeTransportMake(server), appCopy(), { identity, icon, previous });
    expect(summary.created).toBe(false);
    expect(summary.components.filter((component) => !component.created).map((component) => `${component.type} ${component.remote}`)).toEqual([`connection ${app}7`, `webhook ${app}-hook9`, 'rpc referralChoices', 'module watchNewReferrals', 'module approveReferral']);
    expect(summary.orphans).toEqual(['module legacyModule']);
    expect(summary.writes).toContain(`PATCH app ${app}`);
    const made = server.apps.get(app);
    expect(made?.app.label).toBe(identity.label);
    expect(made?.connections).toHaveLength(2);
    expect(made?.modules.find((module) => module.name === 'approveReferral')).toMatchObject({ label: 'Approve a referral', connection: `${app}7` });
    expect(made?.modules.find((module) => module.name === 'watchNewReferrals')).toMatchObject({ webhook: `${app}-hook9`, connection: `${app}7` });
    expect(made?.webhooks[0]).toMatchObject({ label: 'Watch new referrals', connection: `${app}7` });
    expect(server.exchanges.filter((exchange) => exchange.method === 'POST' && exchange.path === '/sdk/apps')).toEqual([]);
  });

  it("fails with Make's message when Make refuses", async () => {
    const server = new FakeMakeServer();
    server.handle = () => ({ status: 403, body: { message: 'Permission denied', code: 'SC403' } });
    await expect(deployApp(new FakeTransportMake(server), appCopy(), { identity, icon })).rejects.toThrow(/Permission denied/);
  });

  it('the strict fake refuses what Make refuses and answers 404 for unknown names', () => {
    const server = new FakeMakeServer();
    server.seed('x', {});
    const call = (method: string, path: string, body?: unknown, type = 'application/json') => server.handle(method, new URL(`https://eu1.make.com/api/v2/sdk/apps${path}`), body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body), type);
    expect(call('POST', '/x/1/modules', { name: 'u', typeId: 12, label: 'U', description: 'U', moduleInitMode: 'blank' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('subtype') } });
    expect(call('POST', '/x/1/modules', { name: 'a', typeId: 4, label: 'A', description: 'A', moduleInitMode: 'blank' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('crud') } });
    expect(call('PUT', '/x/1/groups', JSON.stringify([{ label: 'G', modules: ['nowhere'] }]), 'application/jsonc').status).toBe(400);
    expect(call('GET', '/affiliate-hub-x/1').status).toBe(404);
    expect(call('POST', '/affiliate-hub-x/connections', { type: 'basic', label: 'C' }).status).toBe(404);
    expect(call('PATCH', '/connections/nowhere', { label: 'C' }).status).toBe(404);
    const small = Buffer.from(icon);
    small.writeUInt32BE(256, 16);
    expect(call('PUT', '/x/1/icon', new Uint8Array(small), 'image/png').status).toBe(400);
    expect(call('PUT', '/x/1/icon', new Uint8Array(icon), 'image/png').status).toBe(200);
    expect(call('POST', '', { name: 'Bad Name', label: 'B', theme: '#000000', audience: 'global' }).status).toBe(400);
  });
});

describe('a rebuild after a deploy', () => {
  it('puts the recorded name and a complete id mapping into the origin, which passes Make\'s schema', async () => {
    const schemas = loadSchemas(DEFAULT_SCHEMAS_DIR);
    const out = mkdtempSync(join(tmpdir(), 'make-rebuild-'));
    const server = new FakeMakeServer();
    const first = buildApp(MINI, out, schemas, 'eu1.make.com');
    const summary = await deployApp(new FakeTransportMake(server), first.dir, { identity, icon });
    recordDeployedApp(deployRecordPath(out), 'eu1.make.com', MINI.id, recorded(summary));
    const again = buildApp(MINI, out, schemas, 'eu1.make.com');
    expect(again.validation.errors).toEqual([]);
    expect(manifestOf(again.dir).origins[0]).toMatchObject({ appId: summary.app, idMapping: summary.idMapping });
    // Another zone's build is not pointed at this zone's app.
    expect(manifestOf(buildApp(MINI, out, schemas, 'us1.make.com').dir).origins[0].appId).toBe(identity.name);
  });
});

describe.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('deploying %s to the strict fake Make', (_, platform) => {
  it('creates the app, redeploys a rebuild without a write, then puts back only what was changed on Make', async () => {
    const out = mkdtempSync(join(tmpdir(), `make-deploy-${platform.id}-`));
    const server = new FakeMakeServer();
    const options = { identity: appIdentity(platform), icon: appIcon(platform.name) };
    const deploy = async (previous?: DeployedApp): Promise<DeploySummary> => {
      const summary = await deployApp(new FakeTransportMake(server), buildApp(platform, out, 'schemas skipped in this test', 'eu1.make.com').dir, { ...options, previous });
      recordDeployedApp(deployRecordPath(out), 'eu1.make.com', platform.id, recorded(summary));
      return summary;
    };
    const first = await deploy();
    expect(first.created).toBe(true);
    const second = await deploy(recorded(first));
    expect({ created: second.created, writes: second.writes, new: second.components.filter((component) => component.created) }).toEqual({ created: false, writes: [], new: [] });
    // Someone rebinds every webhook on Make (to the connection, or to none where the build binds it).
    const made = server.apps.get(first.app);
    const bound = new Map(made?.webhooks.map((webhook) => [webhook.name, webhook.connection ?? null]));
    for (const webhook of made?.webhooks ?? []) webhook.connection = webhook.connection ? null : made?.connections[0].name;
    const third = await deploy(recorded(second));
    expect(third.writes).toEqual(made?.webhooks.map((webhook) => `PATCH webhook ${webhook.name}`));
    for (const webhook of made?.webhooks ?? []) expect(webhook.connection ?? null).toBe(bound.get(webhook.name));
    expect(server.apps.size).toBe(1);
    expect(made?.connections).toHaveLength(1);
    expect(made?.modules).toHaveLength(generateApp(platform).modules.length);
  });
});
