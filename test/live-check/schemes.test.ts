/** live-check's candidate schemes (the app's catalogue, tolerance ignored): each verifies what it signs, refuses a wrong secret or a changed body, and is told apart from the others. */
import { createHmac } from 'node:crypto';
import { CANDIDATE_SCHEMES, identifyScheme, signatureLikeHeaders } from '../../live-check/schemes';
import { schemeHandler, type NamedSignatureScheme } from '../../signature-schemes';

const BODY = '{"event":"commission.created","data":{"id":1}}';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_767_225_600_000;
const HOUR_MS = 60 * 60 * 1000;

/** Signs as a vendor using the candidate would, `ageMs` before NOW, as a capture's `{ headers, query }`. */
function signed(scheme: NamedSignatureScheme, body: string, ageMs = 0): { headers: Record<string, string>; query: Record<string, string> } {
  return schemeHandler(scheme).sign({ name: 'Vendor' }, scheme, body, SECRET, NOW - ageMs);
}

describe.each(CANDIDATE_SCHEMES.map((scheme) => [scheme.name, scheme] as const))('%s', (name, scheme) => {
  it('names itself for a delivery it signed an hour ago (a capture is rarely fresh)', async () => {
    expect((await identifyScheme({ body: BODY, ...signed(scheme, BODY, HOUR_MS) }, SECRET, NOW))?.scheme).toBe(name);
  });

  it('refuses another secret and a changed body', async () => {
    const parts = signed(scheme, BODY);
    // Another key, not just other text: base64 decoding ignores a trailing partial character.
    expect(await identifyScheme({ body: BODY, ...parts }, SECRET.replace('MfKQ', 'NfKQ'), NOW)).toBeUndefined();
    expect(await identifyScheme({ body: BODY.replace('1', '2'), ...parts }, SECRET, NOW)).toBeUndefined();
  });
});

describe('raw HMAC-SHA256', () => {
  const digest = createHmac('sha256', SECRET).update(BODY).digest();

  it.each([
    ['hex', digest.toString('hex')],
    ['base64', digest.toString('base64')],
    ['sha256= hex', `sha256=${digest.toString('hex')}`],
  ])('reads %s in any header, Zapier-renamed or not', async (_, value) => {
    expect(await identifyScheme({ headers: { 'Content-Type': 'application/json', 'Http-X-Vendor-Sig': value }, body: BODY, query: {} }, SECRET, NOW)).toEqual({
      scheme: 'HMAC-SHA256 (hex or base64, optional sha256=) of the raw body',
      carrier: 'x-vendor-sig',
    });
  });
});

describe('telling the schemes apart', () => {
  it('reports a Standard Webhooks delivery as such, with its age, not as a raw HMAC', async () => {
    const parts = signed(CANDIDATE_SCHEMES[0], BODY, 90_000);
    expect(await identifyScheme({ body: BODY, ...parts }, SECRET, NOW)).toEqual({ scheme: 'Standard Webhooks', carrier: 'webhook-signature', ageSeconds: 90 });
  });

  it('reads a Stripe-style header with several v1 signatures', async () => {
    const [value] = Object.values(signed(CANDIDATE_SCHEMES[1], BODY).headers);
    const several = value.replace('v1=', 'v1=00,v1=');
    expect(await identifyScheme({ headers: { 'Stripe-Signature': several }, body: BODY, query: {} }, SECRET, NOW)).toEqual({ scheme: 'Stripe-style t=…,v1=…', carrier: 'stripe-signature', ageSeconds: 0 });
  });

  it('finds the secret as a URL token in any query parameter', async () => {
    expect(await identifyScheme({ headers: {}, body: BODY, query: { page: '1', k: SECRET } }, SECRET, NOW)).toEqual({ scheme: 'URL token (query parameter)', carrier: '?k' });
  });

  it('lists signature-like headers by name or digest-shaped value, not the others', () => {
    const headers = { 'X-Hub-Signature': 'abc', 'X-Opaque': 'f'.repeat(64), 'Content-Type': 'application/json', 'User-Agent': 'vendor/1.0' };
    expect(signatureLikeHeaders({ headers, body: BODY, query: {} })).toEqual(['x-hub-signature', 'x-opaque']);
  });
});
