/**
 * Figure 1: the time to load a built app in a fresh Node process (what every Lambda cold start
 * pays before the first request), ours and the minimal app alternately, median of each.
 */
import { spawnSync } from 'node:child_process';
import { APP_ENTRY, MINIMAL_APP_ENTRY } from './paths';
import { median } from './stats';

/** Fresh processes per app; alternated so machine drift hits both alike. */
export const COLD_LOAD_RUNS = 21;

export interface ColdLoad {
  /** Median require() time, ms (Node's own boot, the same for both, excluded). */
  oursMs: number;
  minimalMs: number;
  runs: number;
  /** Whether loading our app already loaded zod (a request could load it lazily instead). */
  zodLoadedAtLoad: boolean;
  /** Our app's own modules (dist/) required at load. */
  ourModules: number;
}

interface LoadSample {
  ms: number;
  zod: boolean;
  ownModules: number;
}

/** Requires `entry` in a fresh `node` and reports the time and what it loaded. */
function loadOnce(entry: string): LoadSample {
  const script = [
    'const start = process.hrtime.bigint();',
    `require(${JSON.stringify(entry)});`,
    'const ms = Number(process.hrtime.bigint() - start) / 1e6;',
    'const loaded = Object.keys(require.cache);',
    "const zod = loaded.some((file) => file.includes('/node_modules/zod/'));",
    "const ownModules = loaded.filter((file) => file.includes('/dist/') && !file.includes('/node_modules/')).length;",
    'process.stdout.write(JSON.stringify({ ms, zod, ownModules }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`loading ${entry} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as LoadSample;
}

export function measureColdLoad(runs = COLD_LOAD_RUNS): ColdLoad {
  const ours: LoadSample[] = [];
  const minimal: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    ours.push(loadOnce(APP_ENTRY));
    minimal.push(loadOnce(MINIMAL_APP_ENTRY).ms);
  }
  return {
    oursMs: median(ours.map((sample) => sample.ms)),
    minimalMs: median(minimal),
    runs,
    zodLoadedAtLoad: ours.some((sample) => sample.zod),
    ourModules: ours[0]?.ownModules ?? 0,
  };
}
