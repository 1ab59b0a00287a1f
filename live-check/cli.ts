/**
 * `npm run live-check -- --platform <id> [options]`: confirms the platform data against a real
 * account (or, with --emulator, the local emulator). Credentials come from the environment only:
 * AFFILIATE_HUB_API_KEY and AFFILIATE_HUB_<FIELD> for each of the platform's extra connection
 * fields (e.g. AFFILIATE_HUB_PUBLIC_KEY); AFFILIATE_HUB_WEBHOOK_SECRET for --delivery;
 * AFFILIATE_HUB_EMULATOR_URL is honoured as the app honours it. Exit code 0 when every row is
 * confirmed (or unchecked), 1 when something differs or is absent (or, in one line, when the
 * connection test fails: nothing else is checked then), 2 for misuse. A platform whose data names
 * no API request (ViralRef) gets one line saying why, and exit 0.
 */
import { parseArgs } from 'node:util';
import { EMULATOR_ENV, baseUrlOf } from '../platforms/api';
import { credentialSecrets } from '../platforms/redact';
import type { PlatformDefinition } from '../platforms/types';
import { divertConsoleLog } from './console';
import { checkDelivery, formatDelivery } from './delivery-check';
import { Redactor } from './redaction';
import { formatReport } from './report';
import { isFailure } from './rows';
import { ConnectionTestFailed, platformNamed, runLiveCheck } from './run';

/** Where the command writes: stdout and stderr by default, collected in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `Usage: npm run live-check -- --platform <id> [options]
  --emulator            check against a freshly started local emulator with its test credentials
  --email <address>     also run Find Affiliate with this email
  --order-id <id>       also run Find Referral with this order id
  --webhooks <url>      subscribe one webhook per event to this public URL, then remove it
  --write               also run reversible actions on the records named below
  --affiliate <id>      (with --write) approve, then deny this affiliate
  --referral <id>       (with --write) approve, then deny this referral
  --delivery <file>     check a captured delivery {"headers","body","query"?} (secret in AFFILIATE_HUB_WEBHOOK_SECRET)
  --record <dir>        save the redacted answers as nock fixtures in this folder
Credentials: AFFILIATE_HUB_API_KEY, AFFILIATE_HUB_<FIELD> for extra connection fields (e.g. AFFILIATE_HUB_PUBLIC_KEY).`;

/** The environment variable holding one connection field, e.g. `public_key` → `AFFILIATE_HUB_PUBLIC_KEY`. */
export function envNameOf(field: string): string {
  return `AFFILIATE_HUB_${field.toUpperCase()}`;
}

/** The environment variable with the webhook signing secret for --delivery. */
export const WEBHOOK_SECRET_ENV = 'AFFILIATE_HUB_WEBHOOK_SECRET';

/**
 * The connection from the environment.
 * @param required whether the credentials must be there (a delivery signed with its own secret, or
 *   a platform with no API to call, needs none)
 * @throws Error naming the variables that are missing
 */
function authDataFromEnv(platform: PlatformDefinition, env: NodeJS.ProcessEnv, required: boolean): Record<string, string> {
  const fields = ['api_key', ...(platform.connection.extraFields ?? []).map((field) => field.key)];
  const missing = fields.filter((field) => !env[envNameOf(field)]);
  if (missing.length > 0 && required && platform.connectionTest !== null) throw new Error(`Set ${missing.map(envNameOf).join(' and ')} (nothing secret goes on the command line).`);
  return { platform: platform.id, ...Object.fromEntries(fields.flatMap((field) => (env[envNameOf(field)] ? [[field, env[envNameOf(field)] as string]] : []))) };
}

/** The variables holding the platform's connection, e.g. `AFFILIATE_HUB_API_KEY`, `AFFILIATE_HUB_PUBLIC_KEY`. */
function credentialNames(platform: PlatformDefinition): string[] {
  return ['api_key', ...(platform.connection.extraFields ?? []).map((field) => field.key)].map(envNameOf);
}

/**
 * What a platform whose data names no API request gets instead of an empty report: why (the
 * first sentence of its own "not available" text, e.g. ViralRef's unpublished API) and what can
 * still be checked.
 */
export function nothingToCheck(platform: PlatformDefinition): string {
  const reasons = [...Object.values(platform.actions), ...Object.values(platform.searches ?? {})].flatMap((spec) => (spec !== undefined && 'unsupported' in spec ? [spec.unsupported] : []));
  const why = reasons.length > 0 ? ` ${reasons[0].split(/(?<=\.)\s/)[0]}` : '';
  return (
    `${platform.name}: nothing to check. Its platform data names no API request (no connection test, list, dropdown, search or action).${why} ` +
    `Its webhooks can still be checked: npm run live-check -- --platform ${platform.id} --delivery <capture.json>, with ${WEBHOOK_SECRET_ENV} set.`
  );
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      platform: { type: 'string' },
      emulator: { type: 'boolean', default: false },
      email: { type: 'string' },
      'order-id': { type: 'string' },
      webhooks: { type: 'string' },
      write: { type: 'boolean', default: false },
      affiliate: { type: 'string' },
      referral: { type: 'string' },
      delivery: { type: 'string' },
      record: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/**
 * Runs the command.
 * @param argv the arguments after the script name
 * @returns the exit code
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: Io = consoleIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  let platform: PlatformDefinition;
  try {
    args = parse(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    if (!args.platform) throw new Error('--platform is required.');
    platform = platformNamed(args.platform);
    if ((args.affiliate || args.referral) && !args.write) throw new Error('--affiliate and --referral change records: add --write to run them.');
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(USAGE);
    return 2;
  }

  const webhookSecret = env[WEBHOOK_SECRET_ENV];
  const previousEmulator = process.env[EMULATOR_ENV];
  const emulator = args.emulator ? await (await import('../playground/emulator/server')).startEmulator() : undefined;
  // nock (a development dependency) is loaded only when recording.
  const recorder = args.record ? new (await import('./record')).Recorder() : undefined;
  let redactor = new Redactor([webhookSecret]);
  try {
    if (emulator) process.env[EMULATOR_ENV] = emulator.url;
    else if (env[EMULATOR_ENV]) process.env[EMULATOR_ENV] = env[EMULATOR_ENV];
    let authData: Record<string, string>;
    try {
      authData = emulator ? { platform: platform.id, ...emulator.credentials[platform.id] } : authDataFromEnv(platform, env, !args.delivery || platform.signature.type === 'remote');
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    // The public URL webhooks are subscribed to is a secret too: whoever has it can post to it, or read what was posted.
    redactor = new Redactor([webhookSecret, args.webhooks, ...credentialSecrets(authData, platform), ...Object.entries(authData).filter(([key]) => key !== 'platform').map(([, value]) => value)]);
    const target = process.env[EMULATOR_ENV] ? `the emulator at ${process.env[EMULATOR_ENV]}` : platform.baseUrl;

    if (args.delivery) {
      if (!webhookSecret) {
        io.err(`Set ${WEBHOOK_SECRET_ENV} to the webhook's signing secret (or URL token).`);
        return 2;
      }
      const outcome = await checkDelivery(platform, authData, args.delivery, webhookSecret, redactor);
      for (const line of formatDelivery(platform, outcome, redactor)) io.out(line);
      return outcome.ok ? 0 : 1;
    }

    recorder?.start();
    const rows = await runLiveCheck({
      platform,
      authData,
      redactor,
      email: args.email,
      orderId: args['order-id'],
      webhooks: args.webhooks,
      write: args.write,
      affiliate: args.affiliate,
      referral: args.referral,
    });
    if (recorder && args.record) {
      const file = recorder.save(args.record, platform.id, redactor, new URL(baseUrlOf(platform)).origin);
      io.out(redactor.text(`Recorded ${recorder.count} answers (redacted) to ${file}.`));
    }
    if (rows.length === 0) {
      io.out(nothingToCheck(platform));
      return 0;
    }
    const mode = args.write ? 'read and reversible writes' : args.webhooks ? 'read, webhooks subscribed and removed' : 'read-only';
    for (const line of formatReport(`${platform.name} live check against ${target} (${mode})`, rows, redactor)) io.out(line);
    return rows.some(isFailure) ? 1 : 0;
  } catch (error) {
    const message = redactor.text(error instanceof Error ? error.message : String(error));
    io.err(error instanceof ConnectionTestFailed ? `${message} Check ${credentialNames(platform).join(' and ')}; nothing else was checked.` : message);
    return 1;
  } finally {
    recorder?.stop();
    await emulator?.close();
    if (previousEmulator === undefined) delete process.env[EMULATOR_ENV];
    else process.env[EMULATOR_ENV] = previousEmulator;
  }
}

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (require.main === module) {
  // Core's memory lines dropped, anything else logged kept off the report on stdout, redacted.
  divertConsoleLog(new Redactor([process.env[WEBHOOK_SECRET_ENV], ...Object.entries(process.env).filter(([name]) => name.startsWith('AFFILIATE_HUB_') && name !== EMULATOR_ENV).map(([, value]) => value)]));
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
