/**
 * `npm start`: runs the playground against the local emulator and exits 0 when every step passed,
 * 1 otherwise. `npm start -- --platform <id>` runs one platform only (e.g. right after
 * `npm run new-platform`); an unknown id exits 1 naming the known ones.
 */

import type { Scenario } from './scenario';

// zapier-platform-core prints a memory line per call unless it knows it runs under a test
// harness, which the playground is; it reads this once when it loads, so set it before loading.
process.env.NODE_ENV ??= 'test';

/** A command line the playground cannot run; its message says why. */
class UsageError extends Error {}

/**
 * The platform id `--platform <id>` (or `--platform=<id>`) names, undefined when absent.
 * @throws UsageError for an unknown argument or a missing id
 */
export function platformArgument(argv: readonly string[]): string | undefined {
  let platform: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--platform') {
      platform = argv[index + 1];
      index += 1;
      if (platform === undefined || platform.startsWith('-')) throw new UsageError('--platform needs a platform id, e.g. --platform tolt.');
    } else if (argument.startsWith('--platform=')) platform = argument.slice('--platform='.length);
    else throw new UsageError(`unknown argument "${argument}".`);
  }
  return platform;
}

/**
 * The scenarios to run: all, or the one of `platform`.
 * @throws UsageError naming the known ids when no scenario has that id
 */
export function selectScenarios(scenarios: readonly Scenario[], platform: string | undefined): Scenario[] {
  if (platform === undefined) return [...scenarios];
  const chosen = scenarios.filter((scenario) => scenario.vendor === platform);
  if (chosen.length === 0) throw new UsageError(`no platform "${platform}"; known: ${scenarios.map((scenario) => scenario.vendor).join(', ')}.`);
  return chosen;
}

async function main(): Promise<number> {
  const { runPlayground } = await import('./flow');
  const { SCENARIOS } = await import('./scenarios');
  let scenarios: Scenario[];
  try {
    scenarios = selectScenarios(SCENARIOS, platformArgument(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`npm start: ${error.message}\nusage: npm start [-- --platform <id>]\n`);
    return 1;
  }
  const report = await runPlayground(scenarios, true);
  const failed = report.failures;
  // The app's expected refusals (URL checks, forged deliveries) are shown under their steps.
  const lines = report.appLineCount === 1 ? '1 line' : `${report.appLineCount} lines`;
  const logged = report.appLineCount > 0 ? ` The app's own log (${lines}, "app log" under its step) names the deliveries it ignored on purpose: URL checks and forged replays.` : '';
  if (failed.length === 0) {
    process.stdout.write(`\nAll ${report.steps.length} steps passed.${logged}\n`);
    return 0;
  }
  process.stderr.write(`\n${failed.length} of ${report.steps.length} steps failed:\n${failed.map((step) => `  - ${step.title}`).join('\n')}\n`);
  return 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`The playground could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
