/**
 * Where the benchmark finds things. The bench runs compiled from dist/bench/ (and its pieces from
 * bench/ under jest), so the project root is found by walking up; the reference app and the
 * fixtures are read from the source tree.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'minimal-app'))) return dir;
  }
  throw new Error(`no project root above ${start}`);
}

/** The project root (the directory holding package.json and bench/). */
export const ROOT = findRoot(__dirname);

/** The built app as Zapier loads it: the root index.js re-exporting dist/index.js. */
export const APP_ENTRY = join(ROOT, 'index.js');

/** The reference: a minimal zapier-platform-core app with one pass-through hook trigger. */
export const MINIMAL_APP_DIR = join(ROOT, 'bench', 'minimal-app');
export const MINIMAL_APP_ENTRY = join(MINIMAL_APP_DIR, 'index.js');

/** The documented vendor payloads of a platform, in its workshop. */
export function fixturesDir(platformId: string): string {
  return join(ROOT, 'workshops', platformId, 'fixtures');
}

/** A compiled bench module next to this one, for forking workers. */
export function benchModule(name: string): string {
  return join(__dirname, `${name}.js`);
}
