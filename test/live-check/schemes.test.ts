/** The candidate schemes one by one: each verifies what it signs, refuses a wrong secret or a changed body, and is told apart from the others. */
import { createHmac } from 'node:crypto';
import { CANDIDATE_SCHEMES, identifyScheme, rawHmacScheme, signatureLikeHeaders, standardWebhooksScheme, stripeStyleScheme, urlTokenScheme } from '../../live-check/schemes';

const BODY = '{"event":"commission.created","data":{"id":1}}';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_767_225_600_000;

describe.each(CANDIDATE_SCHEMES.map((scheme) => [scheme.name, scheme] as const))('%s', (name, scheme) => {
  it('verifies a delivery it signed and names itself', () => {
    const signed = scheme.sign(BODY, SECRET, NOW);
    expect(identifyScheme({ body: BODY, ...signed }, SECRET, NOW)?.scheme).toContain(name.split(' ')[0]);
  });

  it('refuses another secret and a changed body', () => {
    const signed = scheme.sign(BODY, SECRET, NOW);
    // Another key, not just other text: base64 decoding ignores a trailing partial character.
    expect(scheme.verify({ body: BODY, ...signed }, SECRET.replace('MfKQ', 'NfKQ'), NOW)).toBeUndefined();
    if (scheme !== urlTokenScheme) expect(scheme.verify({ body: BODY.replace('1', '2'), ...signed }, SECRET, NOW)).toBeUndefined();
  });
});

describe('raw HMAC-SHA256', () => {
  const digest = createHmac('sha256', SECRET).update(BODY).digest();

  it.each([
    ['hex', digest.toString('hex'), 'raw HMAC-SHA256 (hex)'],
    ['base64', digest.toString('base64'), 'raw HMAC-SHA256 (base64)'],
    ['sha256= hex', `sha256=${digest.toString('hex')}`, 'raw HMAC-SHA256 (hex, sha256= prefix)'],
  ])('reads %s in any header, Zapier-renamed or not', (_, value, expected) => {
    expect(rawHmacScheme.verify({ headers: { 'Http-X-Vendor-Sig': value }, body: BODY, query: {} }, SECRET, NOW)).toEqual({ scheme: expected, carrier: 'x-vendor-sig' });
  });
});

describe('telling the schemes apart', () => {
  it('reports a Standard Webhooks delivery as such, with its age, not as a raw HMAC', () => {
    const signed = standardWebhooksScheme.sign(BODY, SECRET, NOW - 90_000);
    expect(identifyScheme({ body: BODY, ...signed }, SECRET, NOW)).toEqual({ scheme: 'Standard Webhooks', carrier: 'webhook-signature', ageSeconds: 90 });
  });

  it('reads a Stripe-style header with several v1 signatures', () => {
    const signed = stripeStyleScheme.sign(BODY, SECRET, NOW);
    const value = signed.headers['X-Signature'].replace('v1=', 'v1=00,v1=');
    expect(identifyScheme({ headers: { 'Stripe-Signature': value }, body: BODY, query: {} }, SECRET, NOW)).toMatchObject({ scheme: 'Stripe-style t=…,v1=…', carrier: 'stripe-signature', ageSeconds: 0 });
  });

  it('lists signature-like headers by name or digest-shaped value, not the others', () => {
    const headers = { 'X-Hub-Signature': 'abc', 'X-Opaque': 'f'.repeat(64), 'Content-Type': 'application/json', 'User-Agent': 'vendor/1.0' };
    expect(signatureLikeHeaders({ headers, body: BODY, query: {} })).toEqual(['x-hub-signature', 'x-opaque']);
  });
});
