/**
 * Creates or updates one generated Make app through Make's API with `@makehq/sdk`: the app, its
 * base / groups / readme / common, then connections, webhooks, RPCs and modules with every code
 * file as the matching API section. Components are matched by what stays stable across builds:
 * connections and webhooks (whose names Make assigns) by label, modules and RPCs by name.
 * Remote components the build no longer has are reported, never deleted (a user's scenario may use them).
 */
import type { Make, MakeError, UpdateSDKModuleBody, UpdateSDKWebhookBody, CreateSDKModuleBody, UpdateSDKRPCBody } from '@makehq/sdk';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppIdentity } from './generate/app';

/** Version of the Make app we write (Make apps start at 1; a new major version is a new app version). */
export const APP_VERSION = 1;

/** Make's module type ids. */
const MODULE_TYPE_ID: Record<string, number> = { trigger: 1, action: 4, search: 9, instant_trigger: 10, responder: 11, universal: 12 };

/** Local code type → Make API section, per component type. */
const MODULE_SECTIONS: Record<string, 'api' | 'parameters' | 'expect' | 'interface' | 'samples' | 'scope' | 'epoch'> = {
  communication: 'api',
  staticParams: 'parameters',
  mappableParams: 'expect',
  interface: 'interface',
  samples: 'samples',
  scope: 'scope',
  epoch: 'epoch',
};
const WEBHOOK_SECTIONS: Record<string, 'api' | 'parameters' | 'attach' | 'detach' | 'scope'> = {
  communication: 'api',
  params: 'parameters',
  attach: 'attach',
  detach: 'detach',
  scope: 'scope',
};
const CONNECTION_SECTIONS: Record<string, 'api' | 'parameters' | 'scopes' | 'scope'> = {
  communication: 'api',
  params: 'parameters',
  scopeList: 'scopes',
  defaultScope: 'scope',
};
const RPC_SECTIONS: Record<string, 'api' | 'parameters'> = { communication: 'api', params: 'parameters' };

/** What a deploy did. */
export interface DeploySummary {
  app: string;
  created: boolean;
  /** `connection uppromote → affiliate-hub-uppromote` lines: local id to Make's name, and whether it was created. */
  components: { type: string; local: string; remote: string; created: boolean }[];
  /** Remote components the local app no longer has (left in place). */
  orphans: string[];
}

interface Component {
  label?: string;
  description?: string;
  moduleType?: string;
  connection?: string | null;
  webhook?: string | null;
  webhookType?: string;
  connectionType?: string;
  codeFiles: Record<string, string | null>;
}

interface Manifest {
  generalCodeFiles: Record<string, string | null>;
  components: Record<string, Record<string, Component | null>>;
}

function isNotFound(error: unknown): error is MakeError {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as MakeError).statusCode === 404;
}

function entries(manifest: Manifest, type: string): [string, Component][] {
  return Object.entries(manifest.components[type] ?? {}).flatMap(([id, meta]) => (meta ? [[id, meta] as [string, Component]] : []));
}

/**
 * Deploys the app in `appDir` (as written by `npm run make:build`).
 * @param make an SDK client (tests pass one whose transport is a fake Make)
 */
export async function deployApp(make: Make, appDir: string, identity: AppIdentity): Promise<DeploySummary> {
  const manifest = JSON.parse(readFileSync(join(appDir, 'makecomapp.json'), 'utf8')) as Manifest;
  const read = (path: string | null | undefined): string | undefined => (path && existsSync(join(appDir, path)) ? readFileSync(join(appDir, path), 'utf8') : undefined);
  const name = identity.name;
  const summary: DeploySummary = { app: name, created: false, components: [], orphans: [] };

  try {
    await make.sdk.apps.get(name, APP_VERSION);
    await make.sdk.apps.update(name, APP_VERSION, { label: identity.label, description: identity.description, theme: identity.theme });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await make.sdk.apps.create({ name, label: identity.label, description: identity.description, theme: identity.theme, language: 'en', private: true, audience: 'global' });
    summary.created = true;
  }
  const general = manifest.generalCodeFiles;
  for (const section of ['base', 'groups'] as const) {
    const body = read(general[section]);
    if (body !== undefined) await make.sdk.apps.setSection(name, APP_VERSION, section, body);
  }
  const readme = read(general.readme);
  if (readme !== undefined) await make.sdk.apps.setDocs(name, APP_VERSION, readme);
  const common = read(general.common);
  if (common !== undefined) await make.sdk.apps.setCommon(name, APP_VERSION, JSON.parse(common) as Record<string, never>);

  // Connections: Make names them; match by label.
  const connectionNames = new Map<string, string>();
  const remoteConnections = await make.sdk.connections.list(name);
  for (const [id, meta] of entries(manifest, 'connection')) {
    const label = meta.label ?? id;
    let remote = remoteConnections.find((item) => item.label === label)?.name;
    const created = remote === undefined;
    remote ??= (await make.sdk.connections.create(name, { type: meta.connectionType ?? 'basic', label })).name;
    connectionNames.set(id, remote);
    summary.components.push({ type: 'connection', local: id, remote, created });
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = CONNECTION_SECTIONS[code];
      const body = read(path);
      if (section && body !== undefined) await make.sdk.connections.setSection(remote, section, body);
    }
  }
  const connectionOf = (local: string | null | undefined): string | undefined => (local ? connectionNames.get(local) : undefined);

  // Webhooks: Make names them too; the create response may omit the name, so the list is read again.
  const webhookNames = new Map<string, string>();
  let remoteWebhooks = await make.sdk.webhooks.list(name);
  for (const [id, meta] of entries(manifest, 'webhook')) {
    const label = meta.label ?? id;
    let remote = remoteWebhooks.find((item) => item.label === label)?.name;
    const created = remote === undefined;
    if (remote === undefined) {
      const made: unknown = await make.sdk.webhooks.create(name, { type: meta.webhookType ?? 'web', label });
      const madeName = typeof made === 'object' && made !== null && 'name' in made && typeof made.name === 'string' ? made.name : undefined;
      if (madeName === undefined) remoteWebhooks = await make.sdk.webhooks.list(name);
      remote = madeName ?? remoteWebhooks.find((item) => item.label === label)?.name;
      if (remote === undefined) throw new Error(`Make created webhook "${label}" but does not list it`);
    }
    // Assumption: the webhooks endpoint takes `connection` as the module and RPC endpoints do.
    const update: UpdateSDKWebhookBody & { connection?: string } = { label };
    const connection = connectionOf(meta.connection);
    if (connection) update.connection = connection;
    await make.sdk.webhooks.update(remote, update);
    webhookNames.set(id, remote);
    summary.components.push({ type: 'webhook', local: id, remote, created });
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = WEBHOOK_SECTIONS[code];
      const body = read(path);
      if (section && body !== undefined) await make.sdk.webhooks.setSection(remote, section, body);
    }
  }

  const remoteRpcs = new Set((await make.sdk.rpcs.list(name, APP_VERSION)).map((rpc) => rpc.name));
  for (const [id, meta] of entries(manifest, 'rpc')) {
    const created = !remoteRpcs.has(id);
    if (created) await make.sdk.rpcs.create(name, APP_VERSION, { name: id, label: meta.label ?? id });
    const update: UpdateSDKRPCBody = { label: meta.label ?? id };
    const connection = connectionOf(meta.connection);
    if (connection) update.connection = connection;
    await make.sdk.rpcs.update(name, APP_VERSION, id, update);
    summary.components.push({ type: 'rpc', local: id, remote: id, created });
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = RPC_SECTIONS[code];
      const body = read(path);
      if (section && body !== undefined) await make.sdk.rpcs.setSection(name, APP_VERSION, id, section, body);
    }
  }

  const remoteModules = new Set((await make.sdk.modules.list(name, APP_VERSION)).map((module) => module.name));
  for (const [id, meta] of entries(manifest, 'module')) {
    const typeId = MODULE_TYPE_ID[meta.moduleType ?? 'action'];
    const connection = connectionOf(meta.connection);
    const webhook = meta.webhook ? webhookNames.get(meta.webhook) : undefined;
    const created = !remoteModules.has(id);
    // Assumption: an instant trigger's webhook is set on create and update like its connection.
    const binding = { ...(connection ? { connection } : {}), ...(webhook ? { webhook } : {}) };
    if (created) {
      const body: CreateSDKModuleBody & { connection?: string; webhook?: string } = { name: id, typeId, label: meta.label ?? id, description: meta.description ?? meta.label ?? id, moduleInitMode: 'blank', ...binding };
      await make.sdk.modules.create(name, APP_VERSION, body);
    } else {
      const body: UpdateSDKModuleBody & { webhook?: string } = { label: meta.label ?? id, description: meta.description ?? meta.label ?? id, ...binding };
      await make.sdk.modules.update(name, APP_VERSION, id, body);
    }
    summary.components.push({ type: 'module', local: id, remote: id, created });
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = MODULE_SECTIONS[code];
      const body = read(path);
      if (section && body !== undefined) await make.sdk.modules.setSection(name, APP_VERSION, id, section, body);
    }
  }

  const local = (type: string) => new Set(entries(manifest, type).map(([id]) => id));
  for (const module of remoteModules) if (!local('module').has(module)) summary.orphans.push(`module ${module}`);
  for (const rpc of remoteRpcs) if (!local('rpc').has(rpc)) summary.orphans.push(`rpc ${rpc}`);
  return summary;
}
