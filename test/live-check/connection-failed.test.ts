/**
 * A connection the vendor refuses (a wrong key) stops the live check at the connection test with
 * one clear line and exit 1, instead of a "differs" or "absent" row for every later request
 * (issue 21, item 12). The emulator answers as the vendor does: 401 for a key it did not issue.
 */
import { startEmulator, type Emulator } from '../../playground/emulator/server';
import { runCli } from './run-cli';

const WRONG_KEY = 'wrong-key-7d1c2e9a';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

describe('live check with a key the vendor refuses', () => {
  it.each([
    ['uppromote', 'UpPromote', 'AFFILIATE_HUB_API_KEY'],
    ['partnerstack', 'PartnerStack', 'AFFILIATE_HUB_API_KEY and AFFILIATE_HUB_PUBLIC_KEY'],
  ])('%s: stops at the connection test with one line naming the variables, exit 1', async (id, name, variables) => {
    const run = await runCli(['--platform', id], { AFFILIATE_HUB_API_KEY: WRONG_KEY, AFFILIATE_HUB_PUBLIC_KEY: WRONG_KEY, AFFILIATE_HUB_EMULATOR_URL: emulator.url });
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(new RegExp(`^The ${name} connection test \\(GET /[^)]*\\) failed: ${name} did not accept the API key .+ Check ${variables}; nothing else was checked\\.$`));
    expect(run.err).not.toContain(WRONG_KEY);
  });
});
