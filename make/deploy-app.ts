/**
 * Creates or updates one generated Make app through Make's API with `@makehq/sdk`, in the order and
 * with the metadata Make's own VS Code extension uses (integromat/vscode-apps-sdk, local
 * development deploy): the app; base, common and readme; connections; webhooks; RPCs; modules; and
 * the groups last, because Make refuses groups naming modules that do not exist yet.
 *
 * - Create bodies carry what Make requires: `type` for connections and webhooks, `name`, `typeId`,
 *   `moduleInitMode` for modules, `subtype: 'Universal'` for the universal module, `crud` for actions.
 * - Every update sends each reference (`connection`, `webhook`) as the remote name or `null`, so a
 *   reference the build no longer has is cleared on Make.
 * - Component identity: the origin's `idMapping` in `makecomapp.json` (local id → Make's name), as the
 *   extension keeps it; deploy writes it back. Without a mapping, a connection or webhook is found
 *   through the remote modules that reference it (module names are ours and stable), never by
 *   label, since labels change; otherwise it is created.
 * Remote components the build no longer has are reported, never deleted (a user's scenario may use them).
 */
import type { Make, MakeError } from '@makehq/sdk';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppIdentity } from './generate/app';

/** Version of the Make app we write (Make apps start at 1; a new major version is a new app version). */
export const APP_VERSION = 1;

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

/** What a deploy did. */
export interface DeploySummary {
  app: string;
  created: boolean;
  /** Per component: local id, Make's name, and whether it was created. */
  components: { type: ComponentKind; local: string; remote: string; created: boolean }[];
  /** Remote components the local app no longer has (left in place). */
  orphans: string[];
  /** Local id → Make name per component type, as written to the origin's `idMapping`. */
  idMapping: Record<ComponentKind, { local: string; remote: string }[]>;
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

interface Origin {
  appId?: string;
  idMapping?: Partial<Record<ComponentKind, { local: string; remote: string | null }[]>>;
  [key: string]: unknown;
}

interface Manifest {
  generalCodeFiles: Record<string, string | null>;
  components: Record<string, Record<string, Component | null>>;
  origins?: Origin[];
  [key: string]: unknown;
}

function isNotFound(error: unknown): error is MakeError {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as MakeError).statusCode === 404;
}

function entries(manifest: Manifest, type: ComponentKind): [string, Component][] {
  return Object.entries(manifest.components[type] ?? {}).flatMap(([id, meta]) => (meta ? [[id, meta] as [string, Component]] : []));
}

/** The SDK's section setter and raw API access for one component type (the SDK's bodies omit fields Make takes). */
interface Api {
  list(): Promise<{ name: string; label?: string; connection?: string | null; webhook?: string | null }[]>;
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

/** Make's name of what a create returned, when it says (a webhook create may not). */
function createdName(made: unknown, key: 'appConnection' | 'appWebhook'): string | undefined {
  if (typeof made !== 'object' || made === null) return undefined;
  const inner: unknown = key in made ? (made as Record<string, unknown>)[key] : made;
  return typeof inner === 'object' && inner !== null && 'name' in inner && typeof inner.name === 'string' ? inner.name : undefined;
}

/**
 * Deploys the app in `appDir` (as written by `npm run make:build`) and records the component
 * mapping in its `makecomapp.json` origin.
 * @param make an SDK client (tests pass one whose transport is a fake Make)
 * @throws MakeError with Make's message when Make refuses a call; Error when Make does not list a webhook it created
 */
export async function deployApp(make: Make, appDir: string, identity: AppIdentity): Promise<DeploySummary> {
  const manifestPath = join(appDir, 'makecomapp.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const read = (path: string | null | undefined): string | undefined => (path && existsSync(join(appDir, path)) ? readFileSync(join(appDir, path), 'utf8') : undefined);
  const name = identity.name;
  const origin = manifest.origins?.find((item) => item.appId === name) ?? manifest.origins?.[0];
  const idMapping: DeploySummary['idMapping'] = { connection: [], webhook: [], rpc: [], module: [] };
  const summary: DeploySummary = { app: name, created: false, components: [], orphans: [], idMapping };

  try {
    await make.sdk.apps.get(name, APP_VERSION);
    await make.sdk.apps.update(name, APP_VERSION, { label: identity.label, description: identity.description, theme: identity.theme });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await make.sdk.apps.create({ name, label: identity.label, description: identity.description, theme: identity.theme, language: 'en', private: true, audience: 'global' });
    summary.created = true;
  }
  const general = manifest.generalCodeFiles;
  const base = read(general.base);
  if (base !== undefined) await make.sdk.apps.setSection(name, APP_VERSION, 'base', base);
  const common = read(general.common);
  if (common !== undefined) await make.sdk.apps.setCommon(name, APP_VERSION, JSON.parse(common) as Record<string, never>);
  const readme = read(general.readme);
  if (readme !== undefined) await make.sdk.apps.setDocs(name, APP_VERSION, readme);

  const remoteModules = summary.created ? [] : await apiOf(make, name, 'module').list();
  const remoteName = new Map<string, string>();
  const key = (type: ComponentKind, local: string) => `${type} ${local}`;
  const reference = (type: ComponentKind, local: string | null | undefined): string | null => (local ? (remoteName.get(key(type, local)) ?? null) : null);

  /** Make's name of a connection or webhook that exists already, or undefined. */
  function known(type: 'connection' | 'webhook', local: string, remote: Set<string>): string | undefined {
    const mapped = origin?.idMapping?.[type]?.find((item) => item.local === local)?.remote;
    if (mapped && remote.has(mapped)) return mapped;
    // No mapping: a module of ours that referenced this component names it.
    for (const [moduleId, meta] of entries(manifest, 'module')) {
      if (meta[type] !== local) continue;
      const found = remoteModules.find((module) => module.name === moduleId)?.[type];
      if (found && remote.has(found)) return found;
    }
    return undefined;
  }

  async function deploySections(type: ComponentKind, remote: string, meta: Component): Promise<void> {
    const api = apiOf(make, name, type);
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = SECTIONS[type][code];
      const body = read(path);
      if (section && body !== undefined) await api.setSection(remote, section, body);
    }
  }

  for (const type of ['connection', 'webhook'] as const) {
    const api = apiOf(make, name, type);
    let listed = summary.created ? [] : await api.list();
    for (const [id, meta] of entries(manifest, type)) {
      const label = meta.label ?? id;
      let remote = known(type, id, new Set(listed.map((item) => item.name)));
      const created = remote === undefined;
      if (remote === undefined) {
        const made = await api.create({ type: (type === 'connection' ? meta.connectionType : meta.webhookType) ?? (type === 'connection' ? 'basic' : 'web'), label });
        const before = new Set(listed.map((item) => item.name));
        remote = createdName(made, type === 'connection' ? 'appConnection' : 'appWebhook');
        if (remote === undefined) {
          // Make may answer a create without the name it assigned: the one new name in the list is it.
          listed = await api.list();
          remote = listed.find((item) => !before.has(item.name) && item.label === label)?.name;
          if (remote === undefined) throw new Error(`Make created ${type} "${label}" but does not list it`);
        } else listed.push({ name: remote, label });
      }
      remoteName.set(key(type, id), remote);
      const update: Record<string, unknown> = { label };
      if (type === 'webhook') update.connection = reference('connection', meta.connection);
      await api.update(remote, update);
      summary.components.push({ type, local: id, remote, created });
      await deploySections(type, remote, meta);
    }
  }

  const remoteRpcs = summary.created ? [] : await apiOf(make, name, 'rpc').list();
  const rpcs = apiOf(make, name, 'rpc');
  for (const [id, meta] of entries(manifest, 'rpc')) {
    const created = !remoteRpcs.some((rpc) => rpc.name === id);
    const connection = reference('connection', meta.connection);
    if (created) await rpcs.create({ name: id, label: meta.label ?? id, connection });
    else await rpcs.update(id, { label: meta.label ?? id, connection });
    remoteName.set(key('rpc', id), id);
    summary.components.push({ type: 'rpc', local: id, remote: id, created });
    await deploySections('rpc', id, meta);
  }

  const modules = apiOf(make, name, 'module');
  for (const [id, meta] of entries(manifest, 'module')) {
    const moduleType = meta.moduleType ?? 'action';
    const created = !remoteModules.some((module) => module.name === id);
    const body: Record<string, unknown> = {
      label: meta.label ?? id,
      description: meta.description ?? meta.label ?? id,
      typeId: MODULE_TYPE_ID[moduleType],
      connection: reference('connection', meta.connection),
    };
    if (moduleType === 'action') body.crud = meta.actionCrud ?? null;
    if (moduleType === 'instant_trigger') body.webhook = reference('webhook', meta.webhook);
    if (created) {
      // `subtype` only picks Make's starting template, overwritten by our sections at once; Make requires it for universal modules.
      await modules.create({ name: id, ...body, moduleInitMode: 'blank', ...(moduleType === 'universal' ? { subtype: 'Universal' } : {}) });
    } else await modules.update(id, body);
    remoteName.set(key('module', id), id);
    summary.components.push({ type: 'module', local: id, remote: id, created });
    await deploySections('module', id, meta);
  }

  // Groups name modules, so they go last (on a first deploy the modules exist only now).
  const groups = read(general.groups);
  if (groups !== undefined) await make.sdk.apps.setSection(name, APP_VERSION, 'groups', groups);

  const local = (type: ComponentKind) => new Set(entries(manifest, type).map(([id]) => id));
  for (const module of remoteModules) if (!local('module').has(module.name)) summary.orphans.push(`module ${module.name}`);
  for (const rpc of remoteRpcs) if (!local('rpc').has(rpc.name)) summary.orphans.push(`rpc ${rpc.name}`);

  for (const component of summary.components) idMapping[component.type].push({ local: component.local, remote: component.remote });
  if (origin) {
    origin.idMapping = idMapping;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return summary;
}
