/**
 * `--delivery <file>`: a captured request is run through the app's verification and normalization,
 * and the candidate scheme that signed it is named. The captures are signed here, each by an
 * independent computation (node:crypto, or the Standard Webhooks package's own signer).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { runCli } from './run-cli';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const HEX_SECRET = randomBytes(32).toString('hex');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-check-delivery-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A documented example as a capture taken just now: a body that carries its event time in
 * `timestamp` (Rebus AI, epoch seconds) gets the current time, since the app refuses a delivery
 * older than the vendor's retry window as a replay and the examples are years old.
 */
function fixture(platform: string, name: string): string {
  const text = readFileSync(join(__dirname, '..', '..', 'workshops', platform, 'fixtures', `${name}.json`), 'utf8');
  const body = JSON.parse(text) as Record<string, unknown>;
  if (typeof body.timestamp !== 'number') return text;
  return JSON.stringify({ ...body, timestamp: Math.floor(Date.now() / 1000) });
}

/** A capture file as Zapier's Catch Hook shows a request. */
function capture(name: string, content: { headers: Record<string, string>; body: string; query?: Record<string, string> }): string {
  return captureFile(name, content);
}

/** Writes any value as a capture file: the CLI reads whatever file it is given, so tests also write malformed ones. */
function captureFile(name: string, content: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

describe('live check of a captured delivery', () => {
  it('names a raw HMAC-SHA256 delivery, which the app verifies and normalizes, and exits 0', async () => {
    const body = fixture('uppromote', 'referral.new');
    // As Zapier's Catch Hook shows it: headers renamed Http-…, the route parameter our subscribe adds.
    const file = capture('raw', { headers: { 'Http-X-Uppromote-Signature': hmacHex(HEX_SECRET, body), 'Http-Content-Type': 'application/json' }, body, query: { ah_event: 'referral.new' } });
    const run = await runCli(['--platform', 'uppromote', '--delivery', file], { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: HEX_SECRET });
    expect(run.code).toBe(0);
    expect(run.out).toContain('matched: HMAC-SHA256 (hex or base64, optional sha256=) of the raw body in x-uppromote-signature');
    expect(run.out).toContain('the app verified it');
    expect(run.out).toContain('"event": "referral.created"');
    expect(run.out).toContain(`"id": "${String(JSON.parse(body).id)}"`);
    expect(run.out).not.toContain(HEX_SECRET);
  });

  it('names a Standard Webhooks delivery and normalizes it although the platform data expects another scheme', async () => {
    const body = fixture('rebus', 'commission.created');
    const id = 'msg_2x9Qe';
    const signed = new Date(Date.now() - 3_600_000);
    const signature = new Webhook(SECRET).sign(id, signed, body);
    const file = capture('standard', { headers: { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(signed.getTime() / 1000)), 'webhook-signature': signature }, body });
    const run = await runCli(['--platform', 'rebus', '--delivery', file], { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/matched: Standard Webhooks in webhook-signature, signed 36\d\d s before now/);
    expect(run.out).toContain('the app refused it');
    expect(run.out).toContain('which the platform data does not verify');
    expect(run.out).toContain('normalized record (signature verified by the matching candidate, not the app)');
    expect(run.out).toContain('"event": "referral.created"');
    expect(run.out).not.toContain(SECRET);
  });

  it('names a Stripe-style t=…,v1=… delivery', async () => {
    const body = fixture('rebus', 'commission.approved');
    const t = String(Math.floor(Date.now() / 1000));
    const file = capture('stripe', { headers: { 'X-Webhook-Signature': `t=${t},v1=${hmacHex(HEX_SECRET, `${t}.${body}`)}` }, body });
    const run = await runCli(['--platform', 'rebus', '--delivery', file], { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: HEX_SECRET });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/matched: Stripe-style t=…,v1=… in x-webhook-signature, signed [01] s before now/);
    expect(run.out).toContain('"event": "referral.approved"');
  });

  it('lists the headers that looked like signatures and exits 1 when no candidate matches', async () => {
    const body = fixture('rebus', 'commission.created');
    const file = capture('unknown', { headers: { 'X-Webhook-Signature': `sha256=${hmacHex('another secret', body)}`, 'X-Request-Id': 'abc', 'Content-Type': 'application/json' }, body });
    const run = await runCli(['--platform', 'rebus', '--delivery', file], { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: HEX_SECRET });
    expect(run.code).toBe(1);
    expect(run.out).toContain('matched: no candidate scheme');
    expect(run.out).toContain('headers that look like signatures: x-webhook-signature');
    expect(run.out).not.toContain('x-request-id');
    expect(run.out).toContain('signature check failed');
  });

  it('refuses a capture that is not {headers, body}', async () => {
    // A number where the body text belongs.
    const file = captureFile('broken', { headers: {}, body: 1 });
    const run = await runCli(['--platform', 'rebus', '--delivery', file], { AFFILIATE_HUB_API_KEY: 'unused-key-1234', AFFILIATE_HUB_WEBHOOK_SECRET: HEX_SECRET });
    expect(run.code).toBe(1);
    expect(run.err).toContain('is not {"headers"');
  });
});
