/**
 * The deploy record, `make-app/deploy-record.json` (beside the built apps, outside git with them):
 * per Make zone and platform, the name Make gave the app (Make appends a random suffix to a new
 * app's name on accounts without the "Can create Apps without ID suffix" permission, so the name we
 * ask for is not the name to use), the component id mapping, and the checksum of the icon last
 * uploaded. `npm run make:deploy` reads it to update the same app and writes it as soon as Make
 * names a new app; `npm run make:build` copies it into each app's `makecomapp.json` origin, so Make's
 * VS Code extension points at the same app.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Make's component types, each a key of an origin's `idMapping` (makecomapp.schema.json requires all six). */
export const COMPONENT_TYPES = ['connection', 'webhook', 'module', 'rpc', 'function', 'endpoint'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** Local id → Make name per component type, the shape of an origin's `idMapping`. */
export type IdMapping = Record<ComponentType, { local: string; remote: string }[]>;

/** What one deploy of one platform's app left on Make. */
export interface DeployedApp {
  /** The app's name on Make, as Make answered its creation, e.g. `affiliate-hub-acme-k2x9fq`. */
  app: string;
  version: number;
  idMapping: IdMapping;
  /** MD5 (hex) of the icon last uploaded; absent before the first upload. */
  iconMd5?: string;
}

/** The whole record: zone (e.g. `eu1.make.com`) → platform id → deployed app. */
export type DeployRecord = Record<string, Record<string, DeployedApp>>;

/** An id mapping with every component type present (empty lists where the app has none). */
export function completeIdMapping(partial: Partial<Record<string, { local: string; remote: string }[]>> = {}): IdMapping {
  return Object.fromEntries(COMPONENT_TYPES.map((type) => [type, [...(partial[type] ?? [])]])) as IdMapping;
}

/** Where the record of the apps built under `appsRoot` lives. */
export function deployRecordPath(appsRoot: string): string {
  return join(appsRoot, 'deploy-record.json');
}

/**
 * Reads the record; a missing file is an empty record.
 * @throws Error naming the file when it is not a JSON object
 */
export function readDeployRecord(path: string): DeployRecord {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} is not a deploy record (a JSON object of zones)`);
  return parsed as DeployRecord;
}

/** Records (or replaces) one platform's deployed app in the file at `path`, keeping every other entry. */
export function recordDeployedApp(path: string, zone: string, platform: string, deployed: DeployedApp): void {
  const record = readDeployRecord(path);
  record[zone] = { ...record[zone], [platform]: deployed };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Points the origin of the built app in `appDir` at the recorded Make app: its `appId` becomes the
 * name Make gave, its `idMapping` the recorded one. Nothing changes without a record for the app.
 */
export function applyDeployRecord(appDir: string, deployed: DeployedApp | undefined): void {
  if (!deployed) return;
  const path = join(appDir, 'makecomapp.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { origins?: Record<string, unknown>[] };
  manifest.origins = (manifest.origins ?? []).map((origin, index) => (index === 0 ? { ...origin, appId: deployed.app, appVersion: deployed.version, idMapping: completeIdMapping(deployed.idMapping) } : origin));
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
