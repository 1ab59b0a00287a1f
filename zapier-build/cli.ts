/**
 * `npm run zapier:build [-- --platform <id>|all] [--validate]`: without `--platform`, Zapier's
 * offline build of the multi-platform app in the repository root (build/build.zip); with it,
 * build/<id>/ written by zapier-build/folder.ts and zipped there (build/<id>/build/build.zip), for
 * one platform or `all`. Builds skip Zapier's remote checks (offline); `--validate` then runs
 * `zapier-platform validate --without-style` in each folder (CI does).
 */
import { spawnSync } from 'node:child_process';
import { BUILDABLE_PLATFORMS } from '../app/build-app';
import { writeBuildFolder, repositoryRoot } from './folder';

/** The `--platform` value of the arguments (`--platform tolt` or `--platform=tolt`), or undefined. */
export function platformArgument(args: readonly string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--platform' || arg.startsWith('--platform='));
  if (index < 0) return undefined;
  const value = args[index].includes('=') ? args[index].slice('--platform='.length) : args[index + 1];
  if (value === undefined || value === '' || value.startsWith('--')) throw new Error('--platform needs a platform id (or all), e.g. --platform tolt.');
  return value;
}

/** The platform ids an argument names: `all` for every registered one. */
export function platformsNamed(value: string): readonly string[] {
  return value === 'all' ? BUILDABLE_PLATFORMS : [value];
}

/**
 * Runs a zapier-platform command in `cwd`, its output shown (the npm script's PATH holds the CLI and Node 22).
 * @throws Error naming the command and folder when it fails
 */
function zapierPlatform(args: readonly string[], cwd: string): void {
  const result = spawnSync('zapier-platform', args, { cwd, stdio: 'inherit', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`zapier-platform ${args.join(' ')} failed in ${cwd}.`);
}

const BUILD = ['build', '--skip-dep-install', '--skip-validation'] as const;

function main(args: readonly string[]): void {
  const root = repositoryRoot();
  const named = platformArgument(args);
  if (named === undefined) {
    zapierPlatform(BUILD, root);
    return;
  }
  for (const id of platformsNamed(named)) {
    const folder = writeBuildFolder(root, id);
    process.stdout.write(`== ${id}: wrote ${folder}; zipping it with zapier-platform build\n`);
    zapierPlatform(BUILD, folder);
    if (args.includes('--validate')) zapierPlatform(['validate', '--without-style'], folder);
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
