/**
 * `npm run emulator`: the vendor emulator alone, for trying requests by hand. Listens on
 * 127.0.0.1:`EMULATOR_PORT` (default 4010), prints base URLs, test credentials and the control
 * endpoints with curl examples, and runs until Ctrl-C.
 */
import { findPlatform } from '../platforms/registry';
import { startEmulator } from './emulator/server';

/**
 * Where each registered platform's API is served below the emulator's origin: the path of its real
 * base URL under `/<id>` (as the app's EMULATOR_ENV routing does); a platform without a published
 * API (no connection test) only sends webhooks.
 */
function basePathOf(id: string): string {
  const platform = findPlatform(id);
  if (!platform) return '(not a registered platform)';
  return platform.connectionTest === null ? '(sends webhooks only)' : `/${id}${new URL(platform.baseUrl).pathname}`;
}

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
      'Every vendor (credentials the emulator accepts; base URL standing for the vendor\'s)',
      ...Object.entries(emulator.credentials).map(
        ([vendor, credentials]) =>
          `  ${vendor.padEnd(13)}${basePathOf(vendor).padEnd(28)}${Object.entries(credentials).map(([name, value]) => `${name}=${value}`).join('  ')}`,
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
