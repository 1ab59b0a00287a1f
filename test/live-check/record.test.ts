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
import { redactDefinitions } from '../../live-check/record';
import { Redactor } from '../../live-check/redaction';
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
    // Names are masked by field name, and the field is kept for the replay.
    expect(text).toMatch(/"first_name":"\[redacted\]"/);
    expect(text).not.toMatch(/"(first_name|last_name)":"(?!\[redacted\])[^"]/);
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

describe('redacting a vendor answer full of personal data', () => {
  const scope = 'https://api.vendor.example';
  const token = 'tok_9f8e7d6c5b4a39281706';
  const ourSecret = '5c1f0e2d9b8a7c6d5e4f3a2b1c0d9e8f';
  // What a vendor could answer about one affiliate and one referral: every kind of personal data the
  // fixtures must not keep, beside the fields a replay needs as they were.
  const affiliate = {
    id: 4711,
    status: 'active',
    first_name: 'Margarethe',
    lastName: 'Oyelaran-Winterbottom',
    name: 'Margarethe Oyelaran-Winterbottom',
    email: 'margarethe.ow@example.org',
    phone: '+44 20 7946 0958',
    mobile_number: 4915123456789,
    company: 'Winterbottom Trading',
    address: { line1: '221B Baker Street', line2: 'Flat 3', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
    billing: { zip: '94107', vat_number: 'GB123456789', tax_id: 'DE 811 907 980' },
    stripe_customer_id: 'cus_Nq8ZkLmP3xYt2Q',
    payout_details: { iban: 'DE89370400440532013000', paypal_email: 'mow@paypal.example' },
    signup_ip: '203.0.113.77',
    referral_link: 'https://shop.example/?ref=margarethe',
    notes: 'Call her on +1 (415) 555-0134 or use cus_Nq8ZkLmP3xYt2Q; IBAN GB29NWBK60161331926819',
    contact: '(415) 555-0134',
    vat: 'FR40303265045',
    program_name: 'Spring Partners',
    commission_amount: '12.50',
    tax_amount: 2.5,
    currency: 'EUR',
    created_at: '2026-01-02T03:04:05Z',
  };

  function redacted() {
    const redactor = new Redactor(['live-key-1234567']);
    return redactDefinitions(
      [
        // A list answer, as nock records JSON.
        { scope, method: 'GET', path: '/v1/affiliates?search=Margarethe&email=margarethe.ow%40example.org&page=1', status: 200, response: { data: [affiliate] } },
        // A form-encoded update and its answer recorded as text.
        { scope, method: 'PUT', path: '/v1/affiliates/4711', body: 'first_name=Margarethe&phone=%2B442079460958&state=active', status: 200, response: JSON.stringify(affiliate) },
        // A failed subscribe: our secret and our URL token in the request, the vendor echoing the URL in its error.
        {
          scope,
          method: 'POST',
          path: '/v1/webhooks',
          body: { url: `https://hooks.zapier.com/hooks/catch/1/abc/?ah_token=${token}`, secret: ourSecret, events: ['commission.created'] },
          status: 422,
          response: { error: `Unreachable URL hooks.zapier.com/hooks/catch/1/abc/?ah_token=${token} (signing with ${ourSecret})` },
        },
        // An earlier answer (recorded before the subscribe) that already echoed the token in another form.
        { scope, method: 'GET', path: '/v1/webhooks', status: 200, response: { data: [{ id: 1, target: encodeURIComponent(`x?ah_token=${token}`), note: `token ${token}` }] } },
      ],
      redactor,
    );
  }

  it('keeps no name, phone, address, postcode, VAT number, Stripe id, IBAN, IP or subscribe token', () => {
    const text = JSON.stringify(redacted());
    for (const personal of [
      'Margarethe',
      'Oyelaran',
      'Winterbottom',
      '7946',
      '4915123456789',
      '555-0134',
      'Baker',
      'Flat 3',
      'London',
      'NW1 6XE',
      '94107',
      'GB123456789',
      '811 907 980',
      'FR40303265045',
      'Nq8ZkLmP3xYt2Q',
      '0532013000',
      'NWBK',
      '203.0.113',
      'paypal.example',
      'margarethe.ow',
      '2079460958',
      token,
      ourSecret,
      'live-key',
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it('keeps every field, its type and what a replay reads: ids, statuses, amounts, dates, program names', () => {
    const [list, update, subscribe] = redacted();
    const item = (list.response as { data: Record<string, unknown>[] }).data[0];
    expect(Object.keys(item)).toEqual(Object.keys(affiliate));
    expect(item).toMatchObject({
      id: 4711,
      status: 'active',
      first_name: '[redacted]',
      email: 'm***@***.org',
      mobile_number: 0,
      address: { line1: '[redacted]', postcode: '[redacted]', country: '[redacted]' },
      billing: { zip: '[redacted]', vat_number: '[redacted]', tax_id: '[redacted]' },
      stripe_customer_id: '[redacted]',
      signup_ip: '[redacted]',
      contact: '[redacted]',
      vat: '[redacted]',
      program_name: 'Spring Partners',
      commission_amount: '12.50',
      tax_amount: 2.5,
      currency: 'EUR',
      created_at: '2026-01-02T03:04:05Z',
    });
    expect(item.notes).toBe('Call her on [redacted] or use cus_[redacted]; IBAN [redacted]');
    expect(list.path).toBe('/v1/affiliates?search=[redacted]&email=[redacted]&page=1');
    expect(update.body).toBe('first_name=[redacted]&phone=[redacted]&state=active');
    expect(typeof update.response).toBe('string');
    expect(JSON.parse(update.response as string)).toMatchObject({ id: 4711, first_name: '[redacted]' });
    expect(subscribe.body).toMatchObject({ secret: '[redacted]', events: ['commission.created'] });
  });
});
