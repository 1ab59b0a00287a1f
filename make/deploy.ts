/**
 * `npm run make:deploy [-- --platform <id>]`: builds, validates and deploys the Make app of every
 * registered platform (or the one named) with `MAKE_API_TOKEN` (a Make API token with the sdk-apps
 * scopes) and `MAKE_ZONE` (e.g. `eu1.make.com`). The input is checked before anything is built: an
 * unknown platform, a missing token or an unknown zone each stop it with a message saying what to set.
 * The app name Make gives each app is kept in `make-app/deploy-record.json` (make/deploy-record.ts).
 */
import { Make } from '@makehq/sdk';
import { join } from 'node:path';
import { findPlatform, PLATFORMS } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { appIcon } from './app-icon';
import { buildApp } from './build';
import { deployApp } from './deploy-app';
import { completeIdMapping, deployRecordPath, readDeployRecord, recordDeployedApp } from './deploy-record';
import { APP_VERSION } from './deploy-target';
import { appIdentity } from './generate/app';
import { DEFAULT_SCHEMAS_DIR, loadSchemas, repoRoot } from './validate';

/**
 * Make's zones, as Make's API documentation lists them ("Make API structure": the zone URL is the
 * host of the organization's dashboard). A zone outside the list is refused, since a typo would only
 * surface as a network error after the build.
 */
export const MAKE_ZONES = ['eu1.make.com', 'eu2.make.com', 'us1.make.com', 'us2.make.com', 'eu1.make.celonis.com', 'us1.make.celonis.com'] as const;

/** What a deploy run is asked to do. */
export interface DeployRequest {
  token: string;
  zone: string;
  platforms: PlatformDefinition[];
}

/**
 * Reads and checks the command line and environment of a deploy.
 * @param argv the arguments after the script, e.g. `['--platform', '<id>']`
 * @throws Error with a message naming what is wrong and what to set: unknown or missing platform, no token, unknown zone
 */
export function deployRequest(argv: readonly string[], env: NodeJS.ProcessEnv): DeployRequest {
  const at = argv.indexOf('--platform');
  const only = at >= 0 ? argv[at + 1] : undefined;
  const known = PLATFORMS.map((platform) => platform.id).join(', ');
  if (at >= 0 && (only === undefined || only.startsWith('--'))) throw new Error(`--platform needs a platform id; known: ${known}`);
  const chosen = only === undefined ? [...PLATFORMS] : [findPlatform(only)].filter((platform): platform is PlatformDefinition => platform !== undefined);
  if (chosen.length === 0) throw new Error(`--platform ${only} names no registered platform; known: ${known}`);
  const token = env.MAKE_API_TOKEN?.trim();
  if (!token) throw new Error('MAKE_API_TOKEN is not set: create an API token in your Make profile (API access, with the sdk-apps scopes) and set it.');
  const zone = env.MAKE_ZONE?.trim() ?? '';
  if (!(MAKE_ZONES as readonly string[]).includes(zone)) {
    const hint = zone === '' ? 'MAKE_ZONE is not set' : `MAKE_ZONE ${zone.replace(/[^\w.:/-]/g, '?')} is no Make zone`;
    throw new Error(`${hint}: set it to the host of your Make dashboard, without https:// (one of ${MAKE_ZONES.join(', ')}).`);
  }
  return { token, zone, platforms: chosen };
}

async function main(): Promise<void> {
  const request = deployRequest(process.argv.slice(2), process.env);
  const root = join(repoRoot(), 'make-app');
  const recordPath = deployRecordPath(root);
  const schemas = loadSchemas(DEFAULT_SCHEMAS_DIR);
  const make = new Make(request.token, request.zone);
  for (const platform of request.platforms) {
    const built = buildApp(platform, root, schemas, request.zone);
    const errors = [...built.validation.errors, ...built.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.component}: ${issue.message}`)];
    if (errors.length > 0) throw new Error(`${platform.id}: the built app is not valid, so it is not deployed:\n  ${errors.join('\n  ')}`);
    const previous = readDeployRecord(recordPath)[request.zone]?.[platform.id];
    const summary = await deployApp(make, built.dir, {
      identity: appIdentity(platform),
      icon: appIcon(platform.name),
      previous,
      // Recorded at once, so a failure later in this deploy leaves no app the next run would not find.
      onCreated: (app) => recordDeployedApp(recordPath, request.zone, platform.id, { app, version: APP_VERSION, idMapping: completeIdMapping() }),
    });
    recordDeployedApp(recordPath, request.zone, platform.id, { app: summary.app, version: APP_VERSION, idMapping: summary.idMapping, iconMd5: summary.iconMd5 });
    const made = summary.components.filter((component) => component.created).length;
    console.log(`${platform.id} → ${summary.app}: ${summary.created ? 'created' : 'updated'}; ${summary.components.length} components (${made} new), ${summary.writes.length} writes`);
    for (const orphan of summary.orphans) console.log(`  ! ${orphan} exists on Make but not in this build (left in place)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
