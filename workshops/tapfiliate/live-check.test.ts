/**
 * `npm run live-check -- --platform tapfiliate --delivery <file>`: a captured Tapfiliate delivery
 * names no event, so the capture says which one its URL was set up for (`"event"`); the merchant's
 * URL token is the secret. Without the event the check says what to add instead of guessing one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/live-check/run-cli';

const TOKEN = 'merchant-token-for-live-check-0001';
const BODY = readFileSync(join(__dirname, 'fixtures', 'affiliate.object.pipedream-test-event.json'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-check-tapfiliate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(name: string, content: Record<string, unknown>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const env = { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: TOKEN };

describe('live check of a captured Tapfiliate delivery', () => {
  it('verifies the URL token and normalizes the body as the event the capture names', async () => {
    const file = capture('named', { headers: { 'Content-Type': 'application/json' }, body: BODY, query: { ah_token: TOKEN }, event: 'affiliate-created' });
    const run = await runCli(['--platform', 'tapfiliate', '--delivery', file], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('the app verified it');
    expect(run.out).toContain('"event": "affiliate.created"');
    expect(run.out).toContain('"id": "janejameson"');
    expect(run.out).not.toContain(TOKEN);
  });

  it('without the event, says which input is missing rather than guessing one', async () => {
    const file = capture('unnamed', { headers: { 'Content-Type': 'application/json' }, body: BODY, query: { ah_token: TOKEN } });
    const run = await runCli(['--platform', 'tapfiliate', '--delivery', file], env);
    expect(run.out).toMatch(/Event Sent to This URL/);
    expect(run.out).not.toContain('"event": "affiliate.created"');
    expect(run.out).not.toContain(TOKEN);
  });
});
