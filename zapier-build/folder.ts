/**
 * The build folder of one platform's Zapier app, build/<id>/ (issue 27): its own index.js (the
 * definition of `buildApp({ platform })`), a package.json and README naming the vendor, a
 * .zapierapprc, a copy of the compiled app (dist/) and its production dependencies
 * (zapier-build/dependencies.ts). `zapier-platform build` and `validate` run in that folder as in
 * any Zapier app.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlatform, type RegisteredPlatformId } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { BUILDABLE_PLATFORMS, buildApp } from '../app/build-app';
import { reword } from '../app/terms';
import { linkDependencies } from './dependencies';
import { singlePlatformReadme } from './readme';

/** The compiled folders the app loads (index.js's imports); tools, bench, playground and Make stay out. */
const APP_FOLDERS = ['app', 'creates', 'fields', 'platforms', 'receive', 'searches', 'signature-schemes', 'triggers'] as const;
const APP_FILES = ['authentication.js', 'help-links.js', 'package.json'] as const;

/** Where the repository is (package.json, zapier-build/ and node_modules/; dist/ holds a package.json too), from dist/zapier-build/ or zapier-build/. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = join(dir, '..')) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'zapier-build')) && existsSync(join(dir, 'node_modules'))) return dir;
    if (dir === '/' || dir === join(dir, '..')) throw new Error(`No repository root above ${from}.`);
  }
}

/** build/<id>/ under the repository root. */
export function buildFolderOf(root: string, id: string): string {
  return join(root, 'build', id);
}

/**
 * The registered platform of an id.
 * @throws Error naming the registered ids when `id` is none of them
 */
export function platformForBuild(id: string): PlatformDefinition {
  const platform = findPlatform(id);
  if (platform === undefined) throw new Error(`No platform "${id}": choose one of ${BUILDABLE_PLATFORMS.join(', ')}.`);
  return platform;
}

/** The package.json of the platform's app: the repository's dependencies, the vendor's name and description. */
export function singlePlatformPackage(root: string, platform: PlatformDefinition): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  return {
    name: `${platform.id}-zapier`,
    version: base.version,
    description: `${platform.name} for Zapier: ${platform.name}'s ${reword('referrals, affiliates and payouts', platform.terms)} in your Zaps (built from Affiliate Hub).`,
    main: 'index.js',
    homepage: base.homepage,
    license: base.license,
    private: true,
    engines: base.engines,
    dependencies: base.dependencies,
  };
}

/** The .zapierapprc: the repository's build rules, keeping the app id `zapier-platform register` wrote there before. */
function appRc(root: string, folder: string): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(root, '.zapierapprc'), 'utf8')) as Record<string, unknown>;
  const previous = existsSync(join(folder, '.zapierapprc')) ? (JSON.parse(readFileSync(join(folder, '.zapierapprc'), 'utf8')) as Record<string, unknown>) : {};
  return { ...previous, includeInBuild: base.includeInBuild };
}

/**
 * Writes build/<id>/ from the compiled app in dist/ (run `npm run build` first).
 * @returns the folder's path
 * @throws Error for an unknown platform id, or when dist/ has not been built
 */
export function writeBuildFolder(root: string, id: string): string {
  const platform = platformForBuild(id);
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'app', 'build-app.js'))) throw new Error(`${dist} has no compiled app: run \`npm run build\` first.`);
  const folder = buildFolderOf(root, platform.id);
  const rc = appRc(root, folder);
  // The compiled copy is replaced whole, so no file of an earlier build lingers in the zip.
  rmSync(join(folder, 'dist'), { recursive: true, force: true });
  mkdirSync(join(folder, 'dist'), { recursive: true });
  for (const name of APP_FOLDERS) cpSync(join(dist, name), join(folder, 'dist', name), { recursive: true });
  for (const name of APP_FILES) cpSync(join(dist, name), join(folder, 'dist', name));
  linkDependencies(root, folder);
  writeFileSync(
    join(folder, 'index.js'),
    `// ${platform.name} for Zapier: the Affiliate Hub app with its platform fixed (app/build-app.ts), written by zapier-build/.\n` +
      `module.exports = require('./dist/app/build-app.js').buildApp({ platform: ${JSON.stringify(platform.id)} });\n`,
  );
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(singlePlatformPackage(root, platform), null, 2)}\n`);
  writeFileSync(join(folder, '.zapierapprc'), `${JSON.stringify(rc, null, 2)}\n`);
  // Zapier's source.zip takes what git would: the app, not its dependencies or earlier zips.
  writeFileSync(join(folder, '.gitignore'), 'node_modules/\nbuild/\n');
  writeFileSync(join(folder, 'README.md'), singlePlatformReadme(platform, buildApp({ platform: platform.id as RegisteredPlatformId })));
  return folder;
}
