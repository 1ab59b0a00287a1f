/**
 * `--record <dir>`: the answers are saved as redacted nock fixtures, and a recorded fixture replays:
 * the same check, run against the fixture alone (the emulator gone), confirms the same rows.
 * Nothing secret or personal is in anything printed or written, subscribe secrets included.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import nock from 'nock';
import { EMULATOR_CREDENTIALS } from '../../playground/emulator/server';
import { runCli } from './run-cli';

/** An email not masked as `x***@***.tld`. */
const PLAIN_EMAIL = /[A-Za-z0-9._%+-]+@(?!\*\*\*)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

let dir: string;
let hooks: FastifyInstance;
let hookUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'live-check-record-'));
  // The public URL webhooks are subscribed to: answers the vendor's URL check (any body, even an empty one).
  hooks = Fastify({ logger: false });
  hooks.removeAllContentTypeParsers();
  hooks.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  hooks.all('/hook', async () => ({ ok: true }));
  hookUrl = `${await hooks.listen({ host: '127.0.0.1', port: 0 })}/hook`;
});

afterAll(async () => {
  await hooks.close();
  rmSync(dir, { recursive: true, force: true });
});

type Fixture = nock.Definition & { response: unknown };

describe('live check with --record', () => {
  let fixtures: Fixture[];
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    first = await runCli(['--platform', 'uppromote', '--emulator', '--record', dir]);
    fixtures = JSON.parse(readFileSync(join(dir, 'uppromote.json'), 'utf8')) as Fixture[];
  });

  it('saves every answer as a nock fixture', () => {
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Recorded ${fixtures.length} answers (redacted) to ${join(dir, 'uppromote.json')}`);
    expect(fixtures.map((fixture) => `${String(fixture.method)} ${String(fixture.path).split('?')[0]}`)).toEqual(
      expect.arrayContaining(['GET /uppromote/api/v2/affiliates', 'GET /uppromote/api/v2/referrals', 'GET /uppromote/api/v2/payments/paid', 'GET /uppromote/api/v2/programs']),
    );
    const text = JSON.stringify(fixtures);
    expect(text).not.toContain(EMULATOR_CREDENTIALS.uppromote.api_key);
    expect(text).not.toMatch(PLAIN_EMAIL);
    expect(text).toMatch(/"email":"\w\*\*\*@\*\*\*\.\w+"/);
    // Request headers (credentials) are never recorded.
    expect(fixtures.every((fixture) => fixture.reqheaders === undefined)).toBe(true);
  });

  it('replays a recorded fixture with the emulator gone, confirming the same rows', async () => {
    // The recorder stopped by restoring nock's interception: it is turned on again to replay.
    if (!nock.isActive()) nock.activate();
    const referrals = fixtures.filter((fixture) => String(fixture.path).startsWith('/uppromote/api/v2/referrals'));
    expect(referrals).toHaveLength(1);
    const scopes = nock.define(fixtures);
    const replay = await runCli(['--platform', 'uppromote'], { AFFILIATE_HUB_API_KEY: 'replay-key-0000', AFFILIATE_HUB_EMULATOR_URL: String(fixtures[0].scope) });
    expect(replay.code).toBe(0);
    expect(scopes.every((scope) => scope.isDone())).toBe(true);
    const rows = (out: string) => out.split('\n').filter((line) => /^ {2}(confirmed|DIFFERS|ABSENT|unchecked)/.test(line)).map((line) => line.replace(/\s+/g, ' '));
    expect(rows(replay.out)).toEqual(rows(first.out));
    expect(replay.out).toMatch(/new_referral\.performList GET \/referrals\n {2}confirmed +items at data/);
  });

  it('keeps subscribe secrets, keys and emails out of what --webhooks prints and records', async () => {
    const webhookDir = join(dir, 'webhooks');
    const run = await runCli(['--platform', 'uppromote', '--emulator', '--webhooks', hookUrl, '--record', webhookDir]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/subscribe \(referral\.new\) POST \/webhook-subscriptions\n {2}confirmed +HTTP status/);
    expect(run.out).toMatch(/confirmed +signing secret ← data\.secret_key/);
    expect(run.out).toMatch(/unsubscribe \(referral\.new\) DELETE \/webhook-subscriptions\n {2}confirmed +HTTP status/);
    // The look-up before removing lists the new subscription: its event, target and secret fields are confirmed.
    expect(run.out).toMatch(/unsubscribe look-up \(referral\.new\) GET \/webhook-subscriptions\n {2}confirmed +items at data .* 1 item\n {2}confirmed +subscription event\s.*\n {2}confirmed +subscription target_url\s.*\n {2}confirmed +subscription secret_key\s/);
    const written = readFileSync(join(webhookDir, 'uppromote.json'), 'utf8');
    const subscribes = (JSON.parse(written) as Fixture[]).filter((fixture) => fixture.method === 'POST');
    expect(subscribes.length).toBeGreaterThan(0);
    for (const fixture of subscribes) expect((fixture.response as { data: { secret_key: string } }).data.secret_key).toBe('[redacted]');
    for (const text of [run.out, run.err, written]) {
      expect(text).not.toContain(EMULATOR_CREDENTIALS.uppromote.api_key);
      expect(text).not.toMatch(PLAIN_EMAIL);
    }
  });
});
