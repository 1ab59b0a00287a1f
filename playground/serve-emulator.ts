/**
 * `npm run emulator`: the vendor emulator alone, for trying requests by hand. Listens on
 * 127.0.0.1:`EMULATOR_PORT` (default 4010), prints base URLs, test credentials and the control
 * endpoints with curl examples, and runs until Ctrl-C.
 */
import { startEmulator } from './emulator/server';

function portFromEnv(): number {
  const raw = process.env.EMULATOR_PORT ?? '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`EMULATOR_PORT must be a port number, got "${raw}".`);
  return port;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: portFromEnv() });
  const { url } = emulator;
  process.stdout.write(
    [
      `Vendor emulator on ${url}`,
      '',
      // The emulator never reads the app's platform data, so it names each vendor's root only: a
      // vendor's documented base path follows it (e.g. https://api.acme.example/v2 → ${url}/acme/v2).
      'Every vendor (served under its root; credentials the emulator accepts)',
      ...Object.entries(emulator.credentials).map(
        ([vendor, credentials]) =>
          `  ${`${url}/${vendor}`.padEnd(44)}${Object.entries(credentials).map(([name, value]) => `${name}=${value}`).join('  ')}`,
      ),
      '',
      'Control endpoints (no auth)',
      `  curl -s -X POST '${url}/_emulator/<vendor>/fire/<event>'   # send an event to its subscribers; JSON body = field overrides`,
      `  curl -s '${url}/_emulator/<vendor>/subscriptions'          # current webhook subscriptions, with secret keys`,
      `  curl -s '${url}/_emulator/deliveries'                      # every delivery attempt so far`,
      `  curl -s -H 'Content-Type: application/json' -d '{"url":"https://your-hook.example/path","events":[]}' '${url}/_emulator/<vendor>/dashboard-endpoints'   # a dashboard webhook: returns its signing secret`,
      '',
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  const stop = (): void => {
    process.stdout.write('\nStopping the emulator…\n');
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
