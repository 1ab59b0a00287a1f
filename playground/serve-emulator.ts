/**
 * `npm run emulator`: the vendor emulator alone, for trying requests by hand. Listens on
 * 127.0.0.1:`EMULATOR_PORT` (default 4010), prints base URLs, test credentials and the control
 * endpoints with curl examples, and runs until Ctrl-C.
 */
import { startEmulator } from './emulator/server';

/** Where each vendor's API is served, below the emulator's origin (ViralRef publishes no API: it only sends). */
const BASES: Record<string, string> = {
  uppromote: '/uppromote/api/v2',
  partnerstack: '/partnerstack/api/v2',
  rebus: '/rebus/api/v1/affiliate',
  tamio: '/tamio/v2',
  viralref: '(sends webhooks only)',
};

function portFromEnv(): number {
  const raw = process.env.EMULATOR_PORT ?? '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`EMULATOR_PORT must be a port number, got "${raw}".`);
  return port;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: portFromEnv() });
  const { url } = emulator;
  const key = emulator.credentials.uppromote?.api_key ?? '';
  const up = `${url}/uppromote/api/v2`;
  process.stdout.write(
    [
      `Vendor emulator on ${url}`,
      '',
      'UpPromote (stands for https://aff-api.uppromote.com/api/v2)',
      `  base URL  ${up}`,
      `  api_key   ${key}   (send as "Authorization: <key>", no Bearer)`,
      `  curl -s -H 'Authorization: ${key}' '${up}/referrals?per_page=5'`,
      `  curl -s -H 'Authorization: ${key}' -H 'Content-Type: application/json' -d '{"event":"referral.new","target_url":"https://your-hook.example/path"}' '${up}/webhook-subscriptions'`,
      `  curl -s -H 'Authorization: ${key}' -H 'Content-Type: application/json' -d '{"status":"approved"}' '${up}/referral/1782410/status'`,
      '',
      'Every vendor (credentials the emulator accepts; base URL standing for the vendor\'s)',
      ...Object.entries(emulator.credentials).map(
        ([vendor, credentials]) =>
          `  ${vendor.padEnd(13)}${(BASES[vendor] ?? '').padEnd(28)}${Object.entries(credentials).map(([name, value]) => `${name}=${value}`).join('  ')}`,
      ),
      '',
      'Control endpoints (no auth)',
      `  curl -s -X POST '${url}/_emulator/uppromote/fire/referral.new'      # send an event to its subscriber; JSON body = field overrides`,
      `  curl -s '${url}/_emulator/uppromote/subscriptions'                 # current webhook subscriptions, with secret keys`,
      `  curl -s '${url}/_emulator/deliveries'                              # every delivery attempt so far`,
      `  curl -s -H 'Content-Type: application/json' -d '{"url":"https://your-hook.example/path","events":[]}' '${url}/_emulator/tamio/dashboard-endpoints'   # a dashboard webhook (Tamio, ViralRef): returns its signing secret`,
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
