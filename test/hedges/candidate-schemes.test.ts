/**
 * Issue 13 item 12: every candidate scheme of the platforms whose scheme is not fully documented
 * verifies a delivery signed the vendor's way (Standard Webhooks with the library's own `sign`,
 * the others with node:crypto here), names itself, and a refusal names every candidate tried.
 */
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { ZObject } from 'zapier-platform-core';
import type { Delivery, Expectation } from '../../receive/delivery';
import { findPlatform } from '../../platforms/registry';
import { candidateSchemes, signWithCandidate } from '../../signature-schemes';
import type { PlatformDefinition } from '../../platforms/types';
import { matchingScheme, verifyDelivery } from '../../receive/verify';
import commissionApproved from '../../workshops/rebus/fixtures/commission.approved.json';

/** A Standard Webhooks key (base64 after `whsec_`), usable by every scheme: all are keyed by the same secret. */
const SECRET = `whsec_${Buffer.from('affiliate-hub-hedges-secret-32b!').toString('base64')}`;
const expectation: Expectation = { secrets: [{ secret: SECRET }] };
/** Only the vendor-verified scheme uses z; these never reach it. */
const z = {} as ZObject;

function platform(id: string): PlatformDefinition {
  const found = findPlatform(id);
  if (!found) throw new Error(`no platform ${id}`);
  return found;
}

/** As Zapier hands headers over: `X-Foo` becomes `Http-X-Foo`. */
function delivery(rawBody: string, headers: Record<string, string>, query: Record<string, string> = {}): Delivery {
  return { rawBody, headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [`Http-${name}`, value])), query };
}

const hmac = (secret: string, text: string, encoding: 'hex' | 'base64' = 'hex') => createHmac('sha256', secret).update(text).digest(encoding);
const body = JSON.stringify({ event: 'referral.new', data: { id: 'r_1', amount: 12.5, note: 'café' } });

describe.each(['uppromote', 'rebus', 'viralref'])('%s candidate schemes', (id) => {
  const on = platform(id);
  const names = candidateSchemes(on.signature).map((candidate) => candidate.name);

  it('lists its candidates with readable, distinct names', () => {
    expect(on.signature.type).toBe('candidates');
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Standard Webhooks', 'Stripe-style t=…,v1=…']));
  });

  it.each(names.filter((name) => !name.includes('without its signature field')))('verifies a delivery signed as "%s" and names it', async (name) => {
    const signed = signWithCandidate(on, name, body, SECRET);
    const received = delivery(body, signed.headers, signed.query);
    const verdict = await verifyDelivery(z, on, received, expectation, Date.now());
    expect(verdict).toMatchObject({ ok: true, secret: SECRET, scheme: expect.any(String) });
    // An earlier candidate may accept the same proof (hex is also a hex-or-base64 digest): the first that does is named.
    expect(names.indexOf(verdict.ok ? (verdict.scheme ?? '') : '')).toBeLessThanOrEqual(names.indexOf(name));
    expect(await matchingScheme(z, on, received, expectation)).toBe(verdict.ok ? verdict.scheme : undefined);
  });

  it('verifies Standard Webhooks signed with the library itself', async () => {
    const now = new Date();
    const signature = new Webhook(SECRET).sign('msg_2kX9', now, body);
    const received = delivery(body, { 'webhook-id': 'msg_2kX9', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature });
    expect(await matchingScheme(z, on, received, expectation)).toBe('Standard Webhooks');
  });

  it('verifies Stripe-style t=…,v1=… over "t.body", in seconds and in milliseconds', async () => {
    for (const t of [Math.floor(Date.now() / 1000), Date.now()]) {
      const received = delivery(body, { 'Stripe-Signature': `t=${t},v1=${hmac(SECRET, `${t}.${body}`)}` });
      expect(await matchingScheme(z, on, received, expectation)).toBe('Stripe-style t=…,v1=…');
    }
  });

  it('refuses Stripe-style with two t values, or a stale t, naming every candidate tried', async () => {
    const t = Math.floor(Date.now() / 1000);
    const twice = delivery(body, { 'Stripe-Signature': `t=${t},t=${t - 3600},v1=${hmac(SECRET, `${t}.${body}`)}` });
    const doubled = await verifyDelivery(z, on, twice, expectation, Date.now());
    expect(doubled).toMatchObject({ ok: false, reason: 'malformed_signature' });
    const old = t - 301;
    const stale = await verifyDelivery(z, on, delivery(body, { 'Stripe-Signature': `t=${old},v1=${hmac(SECRET, `${old}.${body}`)}` }), expectation, Date.now());
    expect(stale).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(stale.ok ? '' : stale.detail).toContain(names.map((name) => `${name}: `)[0]);
  });

  it('refuses a delivery signed with another secret, naming each candidate and why', async () => {
    const signed = signWithCandidate(on, names[0], body, 'whsec_c29tZW9uZSBlbHNlJ3Mgc2VjcmV0');
    const verdict = await verifyDelivery(z, on, delivery(body, signed.headers), expectation, Date.now());
    expect(verdict).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    for (const name of names) expect(verdict.ok ? '' : verdict.detail).toContain(`${name}: `);
    expect(verdict.ok ? '' : verdict.detail).not.toContain(SECRET);
  });
});

describe('Rebus AI: the documented body carries its own signature field', () => {
  const rebus = platform('rebus');
  const { signature: _documented, ...envelope } = commissionApproved;
  const pythonJson = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(pythonJson).join(', ')}]`
      : typeof value === 'object' && value !== null
        ? `{${Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}: ${pythonJson(entry)}`).join(', ')}}`
        : JSON.stringify(value);

  // The signed text is the body as received with its signature member cut out, never a
  // re-serialization (issue 22 items 3 and 11): the vendor's own formatting is kept byte for byte.
  it.each([
    ['Python json.dumps formatting, signature in the header', pythonJson, true],
    ['compact JSON, signature only in the body', JSON.stringify, false],
  ])('verifies %s', async (_case, format: (value: unknown) => string, inHeader) => {
    const signature = `sha256=${hmac(SECRET, format(envelope))}`;
    const rawBody = format({ ...envelope, signature });
    const received = delivery(rawBody, inHeader ? { 'X-Webhook-Signature': signature } : {});
    expect(await matchingScheme(z, rebus, received, expectation)).toBe('HMAC-SHA256 hex (sha256=) of the body without its signature field');
  });

  it('refuses a signature over another formatting of the text received', async () => {
    const signature = `sha256=${hmac(SECRET, pythonJson(envelope))}`;
    const rawBody = JSON.stringify({ ...envelope, signature });
    expect(await verifyDelivery(z, rebus, delivery(rawBody, { 'X-Webhook-Signature': signature }), expectation, Date.now())).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  it('still names the documented scheme first for a signature over the raw body', async () => {
    const rawBody = JSON.stringify(commissionApproved);
    const received = delivery(rawBody, { 'X-Webhook-Signature': `sha256=${hmac(SECRET, rawBody)}` });
    expect(await matchingScheme(z, rebus, received, expectation)).toBe('HMAC-SHA256 hex (sha256=) of the raw body');
  });

  it('refuses a body whose own signature field was made with another secret', async () => {
    const rawBody = JSON.stringify({ ...envelope, signature: `sha256=${hmac('another secret', JSON.stringify(envelope))}` });
    expect(await verifyDelivery(z, rebus, delivery(rawBody, {}), expectation, Date.now())).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });
});

describe('ViralRef: every header whose value could be a signature', () => {
  const viralRef = platform('viralref');

  it.each([
    ['hex under an unguessed name', { 'X-Hub-Sig': hmac(SECRET, body) }],
    ['base64 with sha256= after other headers', { 'X-Request-Id': 'req_1', Signature: `sha256=${hmac(SECRET, body, 'base64')}` }],
  ])('verifies %s', async (_case, headers) => {
    expect(await matchingScheme(z, viralRef, delivery(body, headers), expectation)).toBe('HMAC-SHA256 (hex or base64, optional sha256=) of the raw body');
  });
});
