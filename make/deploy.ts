/**
 * `npm run make:deploy [-- --platform <id>]`: creates or updates the Make app of every platform
 * built under `make-app/` (the npm script builds first), with `MAKE_API_TOKEN` (a Make API token
 * with the sdk-apps scopes) and `MAKE_ZONE` (e.g. `eu1.make.com`). An unknown `--platform` is
 * refused (exit 1) rather than deploying nothing.
 */
import { Make } from '@makehq/sdk';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPlatform, PLATFORMS } from '../platforms/registry';
import { appIdentity } from './generate/app';
import { deployApp } from './deploy-app';
import { repoRoot } from './validate';

async function main(): Promise<void> {
  const token = process.env.MAKE_API_TOKEN;
  const zone = process.env.MAKE_ZONE;
  if (!token || !zone) throw new Error('Set MAKE_API_TOKEN and MAKE_ZONE (e.g. eu1.make.com) to deploy.');
  const root = join(repoRoot(), 'make-app');
  const at = process.argv.indexOf('--platform');
  const only = at > 0 ? process.argv[at + 1] : undefined;
  if (at > 0 && (only === undefined || !findPlatform(only))) {
    throw new Error(`--platform ${only ?? '(missing)'} names no registered platform; known: ${PLATFORMS.map((platform) => platform.id).join(', ')}`);
  }
  const dirs = existsSync(root) ? readdirSync(root).filter((dir) => existsSync(join(root, dir, 'makecomapp.json'))) : [];
  if (dirs.length === 0) throw new Error(`No Make app under ${root}: run npm run make:build first.`);
  const chosen = dirs.filter((item) => only === undefined || item === only);
  if (chosen.length === 0) throw new Error(`No built Make app for ${only ?? 'any platform'} under ${root}: run npm run make:build.`);
  const make = new Make(token, zone);
  for (const dir of chosen) {
    const platform = findPlatform(dir);
    if (!platform) throw new Error(`${dir} names no registered platform`);
    const summary = await deployApp(make, join(root, dir), appIdentity(platform));
    const made = summary.components.filter((component) => component.created).length;
    console.log(`${summary.app}: ${summary.created ? 'created' : 'updated'}; ${summary.components.length} components (${made} new)`);
    for (const orphan of summary.orphans) console.log(`  ! ${orphan} exists on Make but not in this build (left in place)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
