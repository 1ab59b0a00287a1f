/**
 * Figure 3: the size of `build/build.zip` from an offline `zapier-platform build`, ours and the
 * minimal app's. Each app is built in a temporary directory holding the app and exactly its
 * production dependency closure, copied from the project's node_modules: what `zapier-platform
 * build` would install with `npm install --production`, without the network.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { MINIMAL_APP_DIR, ROOT } from './paths';

export interface PackageSize {
  /** build.zip, bytes. */
  oursBytes: number;
  minimalBytes: number;
  /** Files of our production closure, and bytes before compression. */
  closurePackages: number;
  /**
   * What an in-place build (`npm run zapier:build`, --skip-dep-install with devDependencies
   * installed) adds: files the CLI's preset patterns and .zapierapprc match outside the closure.
   */
  inPlaceExtraFiles: number;
  inPlaceExtraBytes: number;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` up to the project root. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/** Every package directory (absolute) a package.json's production dependencies need, transitively. */
export function productionClosure(appDir: string, dependencies: Record<string, string>): Set<string> {
  const found = new Set<string>();
  const visit = (names: string[], fromDir: string): void => {
    for (const name of names) {
      const dir = resolvePackageDir(name, fromDir);
      if (dir === undefined || found.has(dir)) continue;
      found.add(dir);
      const pkg = readPackageJson(dir);
      visit([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})], dir);
    }
  };
  visit(Object.keys(dependencies), appDir);
  return found;
}

/** Copies the closure's package directories (without their nested node_modules) under `target`. */
function copyClosure(closure: Set<string>, target: string): void {
  for (const dir of closure) {
    const destination = join(target, relative(ROOT, dir));
    cpSync(dir, destination, {
      recursive: true,
      filter: (source) => !relative(dir, source).split(sep).includes('node_modules'),
    });
  }
}

function runBuild(appDir: string): number {
  const cli = join(ROOT, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
  const build = spawnSync(process.execPath, [cli, 'build', '--skip-dep-install', '--skip-validation'], {
    cwd: appDir,
    encoding: 'utf8',
    // Node 22 first on PATH (the CLI refuses older ones and spawns `node` for its build test).
    env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, NO_UPDATE_NOTIFIER: '1' },
  });
  const zip = join(appDir, 'build', 'build.zip');
  if (build.status !== 0 || !existsSync(zip)) throw new Error(`zapier-platform build failed in ${appDir}:\n${build.stdout}\n${build.stderr}`);
  return statSync(zip).size;
}

/** Builds an app from `files` (paths relative to `sourceDir`) plus the project's .zapierapprc. */
function buildIsolated(sourceDir: string, files: readonly string[]): { bytes: number; closure: Set<string> } {
  const work = mkdtempSync(join(tmpdir(), 'affiliate-hub-bench-'));
  try {
    for (const file of files) cpSync(join(sourceDir, file), join(work, file), { recursive: true });
    // The same build config for both: core's dependencies need its require.mjs patterns on Node 22.
    cpSync(join(ROOT, '.zapierapprc'), join(work, '.zapierapprc'));
    const closure = productionClosure(sourceDir, readPackageJson(sourceDir).dependencies ?? {});
    copyClosure(closure, work);
    return { bytes: runBuild(work), closure };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function* walkFiles(dir: string): Generator<string> {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) yield path;
  }
}

/** Files an in-place build would add beyond the production closure (the CLI's presets plus .zapierapprc). */
function inPlaceExtras(closure: Set<string>): { files: number; bytes: number } {
  const config = JSON.parse(readFileSync(join(ROOT, '.zapierapprc'), 'utf8')) as { includeInBuild?: string[] };
  const patterns = [`\\${sep}package\\.json$`, ...(config.includeInBuild ?? [])].map((pattern) => new RegExp(pattern, 'i'));
  const closureDirs = [...closure];
  let files = 0;
  let bytes = 0;
  for (const file of walkFiles(join(ROOT, 'node_modules'))) {
    const rel = relative(ROOT, file);
    if (!patterns.some((pattern) => pattern.test(rel))) continue;
    const owner = closureDirs.find((dir) => file.startsWith(dir + sep));
    // A file inside a closure package (not inside its nested node_modules) ships anyway.
    if (owner !== undefined && !relative(owner, file).split(sep).includes('node_modules')) continue;
    files += 1;
    bytes += statSync(file).size;
  }
  return { files, bytes };
}

export function measurePackageSize(): PackageSize {
  const ours = buildIsolated(ROOT, ['package.json', 'index.js', 'dist']);
  const minimal = buildIsolated(MINIMAL_APP_DIR, ['package.json', 'index.js']);
  const extras = inPlaceExtras(ours.closure);
  return {
    oursBytes: ours.bytes,
    minimalBytes: minimal.bytes,
    closurePackages: ours.closure.size,
    inPlaceExtraFiles: extras.files,
    inPlaceExtraBytes: extras.bytes,
  };
}
