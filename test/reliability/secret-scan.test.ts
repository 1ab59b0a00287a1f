/**
 * No API key, public key, webhook secret or URL token ever appears in what the app hands back:
 * trigger outputs, action and search results, connection labels, error messages or log lines.
 * Every operation of every platform runs against the emulator over loopback (the playground's
 * whole flow, then every action and search), and everything returned, thrown or logged is scanned
 * for every secret the run involved.
 */
import { EMULATOR_ENV } from '../../platforms/api';
import { runPlayground } from '../../playground/flow';
import { startEmulator } from '../../playground/emulator/server';
import { SCENARIOS } from '../../playground/scenarios';
import { app, appTester, createOperation, searchOperation } from '../helpers/app';
import { userMessage } from '../helpers/errors';

jest.setTimeout(120_000);

/** Inputs for every action and search: plausible ids and emails, valid or not, so success and error paths both run. */
const INPUTS: Record<string, Record<string, unknown>> = {
  approve_referral: { referral_id: '1782398' },
  deny_referral: { referral_id: '570' },
  create_referral: { affiliate: 'test223@gmail.com', order_id: '990011', sale_amount: 59.9, customer_email: 'buyer@example.com', currency: 'USD' },
  create_affiliate: { email: 'new.partner@example.com', first_name: 'Nia', last_name: 'Okafor' },
  approve_affiliate: { affiliate: 'not-a-known-id' },
  deny_affiliate: { affiliate: 'test234@gmail.com' },
  mark_payout_paid: { payout_id: '901', affiliate: 'test223@gmail.com' },
  find_affiliate: { email: 'test233@gmail.com' },
  find_referral: { order_id: '5532408922361' },
};

it('no secret appears in any output, error or log line of any operation of any platform', async () => {
  const lines: string[] = [];
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  }

  const report = await runPlayground(SCENARIOS, false);
  expect(report.failures).toEqual([]);
  const seen: unknown[] = [...report.observed, ...report.steps];
  const secrets = new Set(report.secrets);

  const emulator = await startEmulator();
  process.env[EMULATOR_ENV] = emulator.url;
  try {
    for (const scenario of SCENARIOS) {
      const authData = scenario.authData(emulator);
      for (const [key, value] of Object.entries(authData)) if (key !== 'platform' && key !== 'account_name') secrets.add(value);
      const operations = [
        ...Object.keys(app.creates).map((key) => [key, createOperation(key)] as const),
        ...Object.keys(app.searches).map((key) => [key, searchOperation(key)] as const),
      ];
      for (const [key, operation] of operations) {
        await appTester(operation.perform, { authData, inputData: INPUTS[key] ?? {} }).then(
          (result) => seen.push(result),
          (error: unknown) => seen.push(userMessage(error), error instanceof Error ? error.stack : String(error)),
        );
      }
    }
  } finally {
    delete process.env[EMULATOR_ENV];
    await emulator.close();
  }

  jest.restoreAllMocks();
  expect(secrets.size).toBeGreaterThan(10);
  expect(seen.length).toBeGreaterThan(100);
  const text = [JSON.stringify(seen), ...lines].join('\n');
  const leaked = [...secrets].filter((secret) => text.includes(secret));
  expect(leaked).toEqual([]);
});
