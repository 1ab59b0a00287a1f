/**
 * Creates or updates one generated Make app through Make's API with `@makehq/sdk`, in the order and
 * with the metadata Make's own VS Code extension uses (integromat/vscode-apps-sdk, local
 * development deploy): the app (make/deploy-target.ts: found or created under the name Make gives
 * it) and its icon; base, common and readme; connections; webhooks; RPCs; modules; and the groups
 * last, because Make refuses groups naming modules that do not exist yet.
 *
 * - Create bodies carry what Make requires: `type` for connections and webhooks, `name`, `typeId`,
 *   `moduleInitMode` for modules, `subtype: 'Universal'` for the universal module, `crud` for actions.
 * - Every update sends each reference (`connection`, `webhook`) as the remote name or `null`, so a
 *   reference the build no longer has is cleared on Make.
 * - Only what changed is written: a section whose MD5 Make's `/checksum` endpoint already reports is
 *   skipped (as the extension's deploy does), and so is a metadata update whose every field equals
 *   what Make lists for the component.
 * - Component identity: the recorded id mapping (local id → Make's name), as the extension keeps it
 *   in an origin's `idMapping`. Without one, a connection or webhook is found through the remote
 *   modules that reference it (module names are ours and stable), never by label; otherwise it is created.
 * Remote components the build no longer has are reported, never deleted (a user's scenario may use them).
 */
import type { Make } from '@makehq/sdk';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppIdentity } from './generate/app';
import { completeIdMapping, type DeployedApp, type IdMapping } from './deploy-record';
import { APP_VERSION, md5, resolveTarget, updateAppMetadata, uploadIcon } from './deploy-target';

export { APP_VERSION } from './deploy-target';

/** Make's module type ids (the extension's module-types-naming). */
export const MODULE_TYPE_ID: Readonly<Record<string, number>> = { trigger: 1, action: 4, search: 9, instant_trigger: 10, responder: 11, universal: 12 };

type ComponentKind = 'connection' | 'webhook' | 'rpc' | 'module';

/** Local code type → Make API section, per component type. */
const SECTIONS: Record<ComponentKind, Record<string, string>> = {
  module: { communication: 'api', staticParams: 'parameters', mappableParams: 'expect', interface: 'interface', samples: 'samples', scope: 'scope', epoch: 'epoch' },
  webhook: { communication: 'api', params: 'parameters', attach: 'attach', detach: 'detach', scope: 'scope' },
  connection: { communication: 'api', params: 'parameters', scopeList: 'scopes', defaultScope: 'scope' },
  rpc: { communication: 'api', params: 'parameters' },
};

/** Component type → its list in Make's `/checksum` answer (the extension's origin-checksum). */
const CHECKSUM_LIST: Record<ComponentKind | 'app', string> = { app: 'app', connection: 'accounts', webhook: 'hooks', rpc: 'rpcs', module: 'modules' };

/** Make's `GET /sdk/apps/{name}/{version}/checksum`: per component, MD5 per column (sections as `<section>` or `<section>_jsonc`). */
type Checksums = Partial<Record<string, { name: string; checksum: Record<string, string | null> }[]>>;

/** What a deploy did. */
export interface DeploySummary {
  /** Make's name of the app. */
  app: string;
  created: boolean;
  /** Per component: local id, Make's name, and whether it was created. */
  components: { type: ComponentKind; local: string; remote: string; created: boolean }[];
  /** Remote components the local app no longer has (left in place). */
  orphans: string[];
  /** Local id → Make name per component type (all six types), as recorded. */
  idMapping: IdMapping;
  /** MD5 of the icon now on Make. */
  iconMd5: string;
  /** Every write, e.g. `PUT module watchNewReferrals api`, `PATCH connection affiliate-hub-acme-k2x9fq`; empty when nothing changed. */
  writes: string[];
}

/** What a deploy needs besides the built app. */
export interface DeployOptions {
  identity: AppIdentity;
  /** The 512 × 512 PNG icon (make/app-icon.ts). */
  icon: Uint8Array;
  /** What the previous deploy of this app recorded, if any. */
  previous?: DeployedApp;
  /** Called with Make's name of a newly created app, at once (make/deploy.ts records it). */
  onCreated?: (name: string) => void;
}

interface Component {
  label?: string;
  description?: string;
  moduleType?: string;
  actionCrud?: string | null;
  connection?: string | null;
  webhook?: string | null;
  webhookType?: string;
  connectionType?: string;
  codeFiles: Record<string, string | null>;
}

interface Manifest {
  generalCodeFiles: Record<string, string | null>;
  components: Record<string, Record<string, Component | null>>;
  origins?: Record<string, unknown>[];
  [key: string]: unknown;
}

type Listed = { name: string; [key: string]: unknown };

function entries(manifest: Manifest, type: ComponentKind): [string, Component][] {
  return Object.entries(manifest.components[type] ?? {}).flatMap(([id, meta]) => (meta ? [[id, meta] as [string, Component]] : []));
}

/** The SDK's section setter and raw API access for one component type (the SDK's bodies omit fields Make takes). */
interface Api {
  list(): Promise<Listed[]>;
  create(body: Record<string, unknown>): Promise<unknown>;
  update(remote: string, body: Record<string, unknown>): Promise<unknown>;
  setSection(remote: string, section: string, body: string): Promise<unknown>;
}

function apiOf(make: Make, app: string, type: ComponentKind): Api {
  const sdk = make.sdk;
  // The SDK types its bodies narrower than Make's API (no subtype, crud, webhook, null references): cast once here.
  type Loose = (...args: unknown[]) => Promise<unknown>;
  switch (type) {
    case 'connection':
      return { list: () => sdk.connections.list(app), create: (body) => (sdk.connections.create as Loose)(app, body), update: (remote, body) => (sdk.connections.update as Loose)(remote, body), setSection: (remote, section, body) => (sdk.connections.setSection as Loose)(remote, section, body) };
    case 'webhook':
      return { list: () => sdk.webhooks.list(app), create: (body) => (sdk.webhooks.create as Loose)(app, body), update: (remote, body) => (sdk.webhooks.update as Loose)(remote, body), setSection: (remote, section, body) => (sdk.webhooks.setSection as Loose)(remote, section, body) };
    case 'rpc':
      return { list: () => sdk.rpcs.list(app, APP_VERSION), create: (body) => (sdk.rpcs.create as Loose)(app, APP_VERSION, body), update: (remote, body) => (sdk.rpcs.update as Loose)(app, APP_VERSION, remote, body), setSection: (remote, section, body) => (sdk.rpcs.setSection as Loose)(app, APP_VERSION, remote, section, body) };
    case 'module':
      return { list: () => sdk.modules.list(app, APP_VERSION), create: (body) => (sdk.modules.create as Loose)(app, APP_VERSION, body), update: (remote, body) => (sdk.modules.update as Loose)(app, APP_VERSION, remote, body), setSection: (remote, section, body) => (sdk.modules.setSection as Loose)(app, APP_VERSION, remote, section, body) };
  }
}

/** Make's name of a created connection or webhook, from its answer (the extension reads `appConnection.name` / `appWebhook.name`). */
function createdName(made: unknown, type: string, label: string): string {
  if (typeof made === 'object' && made !== null && 'name' in made && typeof made.name === 'string') return made.name;
  throw new Error(`Make created ${type} "${label}" but did not answer its name`);
}

/** Whether Make already holds every field of `body` for `listed` (a field Make does not list counts as changed). */
function holds(listed: Listed | undefined, body: Record<string, unknown>): boolean {
  return listed !== undefined && Object.entries(body).every(([key, value]) => key in listed && (listed[key] ?? null) === (value ?? null));
}

/**
 * Deploys the app in `appDir` (as written by `npm run make:build`) and records Make's app name and the
 * component mapping in its `makecomapp.json` origin.
 * @param make an SDK client (tests pass one whose transport is a fake Make)
 * @throws MakeError with Make's message when Make refuses a call; Error when Make's answers lack a name the deploy needs
 */
export async function deployApp(make: Make, appDir: string, options: DeployOptions): Promise<DeploySummary> {
  const manifestPath = join(appDir, 'makecomapp.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const read = (path: string | null | undefined): string | undefined => (path && existsSync(join(appDir, path)) ? readFileSync(join(appDir, path), 'utf8') : undefined);
  const { identity, previous } = options;
  const target = await resolveTarget(make, identity, previous?.app, options.onCreated ?? (() => undefined));
  const name = target.name;
  const writes: string[] = [];
  if (await updateAppMetadata(make, target, identity)) writes.push(`PATCH app ${name}`);
  const icon = await uploadIcon(make, target, options.icon, previous?.app === name ? previous.iconMd5 : undefined);
  if (icon.uploaded) writes.push(`PUT app ${name} icon`);
  const mapping = previous?.app === name ? previous.idMapping : undefined;
  const summary: DeploySummary = { app: name, created: target.created, components: [], orphans: [], idMapping: completeIdMapping(), iconMd5: icon.md5, writes };

  const checksums: Checksums = target.created ? {} : await make.fetch<Checksums>(`/sdk/apps/${name}/${APP_VERSION}/checksum`);
  /** Whether Make reports this exact body for the section already. */
  const unchanged = (type: ComponentKind | 'app', remote: string, section: string, body: string): boolean => {
    const list = checksums[CHECKSUM_LIST[type]] ?? [];
    const sums = (type === 'app' ? list[0] : list.find((item) => item.name === remote))?.checksum ?? {};
    return [sums[section], sums[`${section}_jsonc`]].includes(md5(body));
  };

  const general = manifest.generalCodeFiles;
  const put = async (section: string, body: string | undefined, send: (body: string) => Promise<unknown>): Promise<void> => {
    if (body === undefined || unchanged('app', name, section, body)) return;
    await send(body);
    writes.push(`PUT app ${name} ${section}`);
  };
  await put('base', read(general.base), (body) => make.sdk.apps.setSection(name, APP_VERSION, 'base', body));
  const common = read(general.common);
  await put('common', common === undefined ? undefined : JSON.stringify(JSON.parse(common)), (body) => make.sdk.apps.setCommon(name, APP_VERSION, JSON.parse(body) as Record<string, never>));
  // The extension's code type for the readme is `content` (its checksum key); the route is /readme.
  await put('content', read(general.readme), (body) => make.sdk.apps.setDocs(name, APP_VERSION, body));

  const remoteModules = target.created ? [] : await apiOf(make, name, 'module').list();
  const remoteName = new Map<string, string>();
  const key = (type: ComponentKind, local: string) => `${type} ${local}`;
  const reference = (type: ComponentKind, local: string | null | undefined): string | null => (local ? (remoteName.get(key(type, local)) ?? null) : null);

  /** Make's name of a connection or webhook that exists already, or undefined. */
  function known(type: 'connection' | 'webhook', local: string, remote: Set<string>): string | undefined {
    const mapped = mapping?.[type]?.find((item) => item.local === local)?.remote;
    if (mapped && remote.has(mapped)) return mapped;
    // No mapping: a module of ours that referenced this component names it.
    for (const [moduleId, meta] of entries(manifest, 'module')) {
      if (meta[type] !== local) continue;
      const found = remoteModules.find((module) => module.name === moduleId)?.[type];
      if (typeof found === 'string' && remote.has(found)) return found;
    }
    return undefined;
  }

  /** Creates or updates one component's metadata, then its sections. */
  async function deployComponent(type: ComponentKind, local: string, remote: string, created: boolean, listed: Listed | undefined, update: Record<string, unknown>, meta: Component): Promise<void> {
    const api = apiOf(make, name, type);
    if (!created && !holds(listed, update)) {
      await api.update(remote, update);
      writes.push(`PATCH ${type} ${remote}`);
    }
    remoteName.set(key(type, local), remote);
    summary.components.push({ type, local, remote, created });
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = SECTIONS[type][code];
      const body = read(path);
      if (!section || body === undefined || (!created && unchanged(type, remote, section, body))) continue;
      await api.setSection(remote, section, body);
      writes.push(`PUT ${type} ${remote} ${section}`);
    }
  }

  for (const type of ['connection', 'webhook'] as const) {
    const api = apiOf(make, name, type);
    const listed = target.created ? [] : await api.list();
    for (const [id, meta] of entries(manifest, type)) {
      const label = meta.label ?? id;
      const update: Record<string, unknown> = { label, ...(type === 'webhook' ? { connection: reference('connection', meta.connection) } : {}) };
      let remote = known(type, id, new Set(listed.map((item) => item.name)));
      const created = remote === undefined;
      if (remote === undefined) {
        const made = await api.create({ type: (type === 'connection' ? meta.connectionType : meta.webhookType) ?? (type === 'connection' ? 'basic' : 'web'), label });
        remote = createdName(made, type, label);
        writes.push(`POST ${type} ${remote}`);
        // A created webhook is bound to its connection by the update, as the extension deploys metadata after creating.
        if (type === 'webhook') {
          await api.update(remote, update);
          writes.push(`PATCH ${type} ${remote}`);
        }
      }
      await deployComponent(type, id, remote, created, listed.find((item) => item.name === remote), update, meta);
    }
  }

  for (const type of ['rpc', 'module'] as const) {
    const api = apiOf(make, name, type);
    const listed = target.created ? [] : type === 'module' ? remoteModules : await api.list();
    for (const [id, meta] of entries(manifest, type)) {
      const created = !listed.some((item) => item.name === id);
      const body: Record<string, unknown> = { label: meta.label ?? id, connection: reference('connection', meta.connection) };
      if (type === 'module') {
        const moduleType = meta.moduleType ?? 'action';
        Object.assign(body, { description: meta.description ?? meta.label ?? id, typeId: MODULE_TYPE_ID[moduleType] });
        if (moduleType === 'action') body.crud = meta.actionCrud ?? null;
        if (moduleType === 'instant_trigger') body.webhook = reference('webhook', meta.webhook);
        // `subtype` only picks Make's starting template, overwritten by our sections at once; Make requires it for universal modules.
        if (created) await api.create({ name: id, ...body, moduleInitMode: 'blank', ...(moduleType === 'universal' ? { subtype: 'Universal' } : {}) });
      } else if (created) await api.create({ name: id, ...body });
      if (created) writes.push(`POST ${type} ${id}`);
      await deployComponent(type, id, id, created, listed.find((item) => item.name === id), body, meta);
    }
    for (const item of listed) if (!entries(manifest, type).some(([id]) => id === item.name)) summary.orphans.push(`${type} ${item.name}`);
  }

  // Groups name modules, so they go last (on a first deploy the modules exist only now).
  await put('groups', read(general.groups), (body) => make.sdk.apps.setSection(name, APP_VERSION, 'groups', body));

  for (const component of summary.components) summary.idMapping[component.type].push({ local: component.local, remote: component.remote });
  const origin = manifest.origins?.[0];
  if (origin) {
    Object.assign(origin, { appId: name, appVersion: APP_VERSION, idMapping: summary.idMapping });
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return summary;
}
