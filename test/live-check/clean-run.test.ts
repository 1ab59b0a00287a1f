/** `--emulator`: against the local emulator every required row is confirmed and the command exits 0, for every platform with an API. */
import { PLATFORMS } from '../../platforms/registry';
import { runCli } from './run-cli';

const WITH_API = PLATFORMS.filter((platform) => platform.connectionTest !== null || Object.keys(platform.lists).length > 0);

describe.each(WITH_API.map((platform) => [platform.id, platform.name] as const))('live check of %s against the emulator', (id, name) => {
  it('confirms every required row and exits 0', async () => {
    const run = await runCli(['--platform', id, '--emulator']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${name} live check against the emulator`);
    expect(run.out).not.toMatch(/DIFFERS/);
    expect(run.out).not.toContain('Differences:');
    // The lists were really read and their items checked.
    expect(run.out).toMatch(/confirmed +items at /);
    expect(run.out).toMatch(/confirmed +\w+\.id ← /);
  });
});

describe('live check of a platform without an API', () => {
  it('says in one line why there is nothing to check, what still can be, and exits 0', async () => {
    const run = await runCli(['--platform', 'viralref'], {});
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out.split('\n')).toHaveLength(1);
    expect(run.out).toMatch(/^ViralRef: nothing to check\. Its platform data names no API request .* ViralRef's API is not published, so Affiliate Hub cannot call it\. /);
    expect(run.out).toContain('--platform viralref --delivery <capture.json>, with AFFILIATE_HUB_WEBHOOK_SECRET set');
  });
});

describe('command line', () => {
  it('refuses an unknown platform, naming the registered ones', async () => {
    const run = await runCli(['--platform', 'nope']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('No platform "nope". Registered: uppromote');
  });

  it('refuses writes without --write', async () => {
    const run = await runCli(['--platform', 'uppromote', '--affiliate', 'a@example.com', '--emulator']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('add --write');
  });

  it('names the missing credential variables instead of taking keys as arguments', async () => {
    const run = await runCli(['--platform', 'partnerstack'], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain('Set AFFILIATE_HUB_API_KEY and AFFILIATE_HUB_PUBLIC_KEY');
    await expect(runCli(['--platform', 'uppromote', '--api-key', 'x'])).resolves.toMatchObject({ code: 2 });
  });
});

describe('live check with --write', () => {
  it('approves, then denies the named referral through the app and checks both answers', async () => {
    const run = await runCli(['--platform', 'uppromote', '--emulator', '--write', '--referral', '1781959']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/approve_referral action POST \/referral\/\{\{referral_id\}\}\/status\n {2}confirmed +HTTP status .* 200/);
    expect(run.out).toMatch(/deny_referral action POST \/referral\/\{\{referral_id\}\}\/status\n {2}confirmed +HTTP status .* 200/);
    expect(run.out).toContain('(read and reversible writes)');
  });

  it('says which named action the platform does not offer', async () => {
    const run = await runCli(['--platform', 'rebus', '--emulator', '--write', '--affiliate', '123']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/approve_affiliate\n {2}unchecked +action .*Rebus AI does not offer it/);
  });
});
