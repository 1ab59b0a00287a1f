/**
 * `npm start`: runs the playground on the built-in default (every platform against the local
 * emulator) and exits 0 when every step passed, 1 otherwise.
 */

// zapier-platform-core prints a memory line per call unless it knows it runs under a test
// harness, which the playground is; it reads this once when it loads, so set it before loading.
process.env.NODE_ENV ??= 'test';

async function main(): Promise<number> {
  const { runPlayground } = await import('./flow');
  const { SCENARIOS } = await import('./scenarios');
  const report = await runPlayground(SCENARIOS, true);
  const failed = report.failures;
  if (failed.length === 0) {
    process.stdout.write(`\nAll ${report.steps.length} steps passed.\n`);
    return 0;
  }
  process.stderr.write(`\n${failed.length} of ${report.steps.length} steps failed:\n${failed.map((step) => `  - ${step.title}`).join('\n')}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The playground could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
