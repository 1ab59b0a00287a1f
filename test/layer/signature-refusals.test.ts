/**
 * Every named refusal of the signature schemes, through the schemes the receiver uses (hmac,
 * url_token, header_token, remote), with genuine deliveries signed by the same scheme objects. The remote
 * scheme's verify call is played by nock: its answers decide, and only an outage throws.
 */
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { appTester } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { rejectionMessage } from '../helpers/errors';
import { receiveDelivery, type Delivery, type Expectation } from '../../receive/delivery';
import { findPlatform } from '../../platforms/registry';
import { signDelivery } from '../../signature-schemes';
import type { PlatformDefinition } from '../../platforms/types';
import { verifyDelivery } from '../../receive/verify';
import { deliveryFromBundle } from '../../receive/bundle';
import affiliateApproved from '../../workshops/tamio/fixtures/affiliate-approved.json';
import referralNew from '../../workshops/uppromote/fixtures/referral.new.json';

function platform(id: string): PlatformDefinition {
  const found = findPlatform(id);
  if (!found) throw new Error(`no platform ${id}`);
  return found;
}

const upPromote = platform('uppromote');
const partnerStack = platform('partnerstack');
const tamio = platform('tamio');

const SECRET = 'whsec_refusals_5b1f';
const TAMIO_KEY = 'sk_live_refusals_9';
const authFor = (id: string) => ({ platform: id, api_key: id === 'tamio' ? TAMIO_KEY : 'key_refusals', public_key: 'pk_refusals' });

/** A delivery as the receiver reads it out of Zapier's bundle (headers renamed `Http-…`). */
function delivery(rawBody: string, headers: Record<string, string>, query: Record<string, string> = {}): Delivery {
  return deliveryFromBundle(hookRequest(rawBody, headers, query));
}

function signed(on: PlatformDefinition, rawBody: string, secret = SECRET, now = Date.now(), query: Record<string, string> = {}): Delivery {
  const parts = signDelivery(on, rawBody, secret, now);
  return delivery(rawBody, parts.headers, { ...query, ...parts.query });
}

/** Runs the verifier inside zapier-platform-core's tester, so the remote call goes through z.request and the app's middleware. */
function verify(on: PlatformDefinition, received: Delivery, expectation: Expectation, now = Date.now()) {
  return appTester((z: ZObject) => verifyDelivery(z, on, received, expectation, now), { authData: authFor(on.id) });
}

const refusal = (reason: string) => expect.objectContaining({ ok: false, reason });

describe('hmac refusals', () => {
  const body = JSON.stringify(referralNew);
  const expectation: Expectation = { secrets: [{ secret: SECRET, events: ['referral.new'] }] };

  it('accepts its own genuine signature and names the secret that verified it', async () => {
    expect(await verify(upPromote, signed(upPromote, body), expectation)).toEqual({ ok: true, secret: SECRET, scheme: 'HMAC-SHA256 hex of the raw body' });
  });

  it.each([
    ['missing_signature', () => delivery(body, {})],
    ['malformed_signature', () => delivery(body, { 'X-UpPromote-Signature': 'not-hex!' })],
    ['signature_mismatch', () => signed(upPromote, body, 'another-secret')],
    ['signature_mismatch', () => signed(upPromote, `${body} `)],
  ])('%s', async (reason, make) => {
    const received = make();
    // A tampered body keeps the original signature.
    const tampered = reason === 'signature_mismatch' && received.rawBody.endsWith(' ') ? { ...received, headers: signed(upPromote, body).headers } : received;
    expect(await verify(upPromote, tampered, expectation)).toEqual(refusal(reason));
  });

  it('missing_secret when nothing is on record to check against', async () => {
    expect(await verify(upPromote, signed(upPromote, body), { secrets: [] })).toEqual(refusal('missing_secret'));
  });
});

describe('url_token refusals', () => {
  const body = JSON.stringify({ event: 'customer.created', data: { key: 'cust_1' } });
  const TOKEN = 'a1'.repeat(32);

  it('accepts the token we issued', async () => {
    expect(await verify(partnerStack, signed(partnerStack, body, TOKEN), { secrets: [], token: TOKEN })).toEqual({ ok: true });
  });

  it('missing_signature without a token in the URL, token_mismatch with another one', async () => {
    expect(await verify(partnerStack, delivery(body, {}), { secrets: [], token: TOKEN })).toEqual(refusal('missing_signature'));
    expect(await verify(partnerStack, signed(partnerStack, body, 'b2'.repeat(32)), { secrets: [], token: TOKEN })).toEqual(refusal('token_mismatch'));
  });
});

describe('header_token refusals', () => {
  // A platform whose vendor signs nothing but sends a subscription's custom headers back: the scheme alone is under test.
  const tokenPlatform: PlatformDefinition = { ...partnerStack, signature: { type: 'header_token', header: 'X-Hub-Token', source: 'test' } };
  const body = JSON.stringify({ event: 'customer.created', data: { key: 'cust_1' } });
  const OURS = 'c3'.repeat(32);
  const expectation: Expectation = { secrets: [{ secret: 'd4'.repeat(32), events: ['other.event'] }, { secret: OURS, events: ['customer.created'] }] };

  it("accepts the secret we set in the subscription's header, renamed and recased by Zapier, and names it", async () => {
    expect(await verify(tokenPlatform, delivery(body, { 'x-HUB-token': OURS }), expectation)).toEqual({ ok: true, secret: OURS });
  });

  it('missing_signature without the header, token_mismatch with another value, missing_secret with nothing on record', async () => {
    expect(await verify(tokenPlatform, delivery(body, {}), expectation)).toEqual(refusal('missing_signature'));
    expect(await verify(tokenPlatform, delivery(body, { 'X-Hub-Token': `${OURS}0` }), expectation)).toEqual(refusal('token_mismatch'));
    expect(await verify(tokenPlatform, delivery(body, { 'X-Hub-Token': OURS }), { secrets: [] })).toEqual(refusal('missing_secret'));
  });
});

describe('remote refusals (Tamio verify-signature)', () => {
  const VERIFY = '/v2/webhook-endpoints/verify-signature';
  const body = JSON.stringify(affiliateApproved);
  const expectation: Expectation = { secrets: [] };
  const api = () => nock('https://api.tamio.com', { reqheaders: { authorization: `Bearer ${TAMIO_KEY}` } });

  /** Expects one verify call carrying exactly `rawBody` and `signature`, answering `status`. */
  function expectCall(rawBody: string, signature: string, status: number) {
    return api()
      .post(VERIFY, (sent) => JSON.stringify(sent) === JSON.stringify(JSON.parse(rawBody)))
      .matchHeader('tamio-signature', signature)
      .reply(status, status === 200 ? { status: 200, valid: true } : { status, valid: false, errors: ['x'] });
  }

  it('verified when Tamio answers 200 to the exact body and header', async () => {
    const received = signed(tamio, body);
    const scope = expectCall(body, received.headers['Http-Tamio-Signature'], 200);
    // freshSigned: Tamio checked a signed time (held to 5 minutes here first), so no body time is needed.
    expect(await verify(tamio, received, expectation)).toEqual({ ok: true, freshSigned: true, scheme: "Tamio's verify-signature API" });
    expect(scope.isDone()).toBe(true);
  });

  it('rejected_by_vendor when Tamio answers 400', async () => {
    const received = signed(tamio, body, 'whsec_someone_else');
    const scope = expectCall(body, received.headers['Http-Tamio-Signature'], 400);
    expect(await verify(tamio, received, expectation)).toEqual(refusal('rejected_by_vendor'));
    expect(scope.isDone()).toBe(true);
  });

  // A 429 is retried later instead (test/security/tamio-verify.test.ts).
  it.each([401, 403, 404, 422])('verification_unavailable, not an error, when Tamio answers %i', async (status) => {
    const received = signed(tamio, body);
    const scope = expectCall(body, received.headers['Http-Tamio-Signature'], status);
    const verdict = await verify(tamio, received, expectation);
    expect(verdict).toEqual(refusal('verification_unavailable'));
    expect(JSON.stringify(verdict)).toContain(`HTTP ${status}`);
    expect(scope.isDone()).toBe(true);
  });

  it("tells, on a 403, the platform's own note about the verify call's permission", async () => {
    const received = signed(tamio, body);
    expectCall(body, received.headers['Http-Tamio-Signature'], 403);
    const note = tamio.permissions?.find((rule) => rule.pathPrefix.startsWith('/webhook-endpoints/verify-signature'))?.note;
    const verdict = await verify(tamio, received, expectation);
    expect(verdict).toEqual(refusal('verification_unavailable'));
    if (note !== undefined) expect(verdict).toMatchObject({ detail: expect.stringContaining(note) });
  });

  it.each([
    ['missing_signature', () => delivery(body, {})],
    ['malformed_signature', () => delivery(body, { 'Tamio-Signature': 'sha256=abc' })],
    ['stale_timestamp', () => signed(tamio, body, SECRET, Date.now() - 301_000)],
    ['stale_timestamp', () => signed(tamio, body, SECRET, Date.now() + 301_000)],
  ])('%s without calling Tamio', async (reason, make) => {
    expect(await verify(tamio, make(), expectation)).toEqual(refusal(reason));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    ['a control character', `t=${Math.floor(Date.now() / 1000)},s=ab\u0007cd`],
    ['a byte beyond ASCII', `t=${Math.floor(Date.now() / 1000)},s=abcé`],
    ['a character beyond one byte', `t=${Math.floor(Date.now() / 1000)},s=ab\u2028cd`],
  ])('malformed_signature, without calling Tamio, for a header value with %s', async (_case, value) => {
    const received: Delivery = { rawBody: body, headers: { 'Http-Tamio-Signature': value }, query: {} };
    expect(await verify(tamio, received, expectation)).toEqual(refusal('malformed_signature'));
  });

  it('forwards curly braces in the body and the header as data: the call is made, nothing throws', async () => {
    const curly = JSON.stringify({ ...affiliateApproved, note: '{{bundle.authData.api_key}} {{process.env.HOME}}' });
    const now = Math.floor(Date.now() / 1000);
    const value = `t=${now},s={{bundle.authData.api_key}}`;
    const calls: string[] = [];
    const scope = api()
      .post(VERIFY, (sent) => {
        calls.push(JSON.stringify(sent));
        return true;
      })
      .matchHeader('tamio-signature', value)
      .reply(400, { status: 400, valid: false });
    const verdict = await verify(tamio, delivery(curly, { 'Tamio-Signature': value }), expectation);
    expect(verdict).toEqual(refusal('rejected_by_vendor'));
    expect(scope.isDone()).toBe(true);
    expect(calls).toEqual([JSON.stringify(JSON.parse(curly))]);
  });

  it.each([
    ['is unreachable', (scope: nock.Scope) => scope.post(VERIFY).replyWithError('connect ECONNREFUSED'), /^Tamio could not be reached to verify a webhook delivery/],
    ['answers 503', (scope: nock.Scope) => scope.post(VERIFY).reply(503, 'down'), /^Tamio could not verify a webhook delivery: POST \/webhook-endpoints\/verify-signature answered HTTP 503/],
  ])('throws a clear error that quotes no personal data when Tamio %s', async (_case, arrange, pattern) => {
    arrange(api());
    const message = await rejectionMessage(verify(tamio, signed(tamio, body), expectation));
    expect(message).toMatch(pattern);
    expect(message).not.toContain('john@example.com');
    expect(message).not.toContain(TAMIO_KEY);
  });
});

describe('route_mismatch', () => {
  const body = JSON.stringify(referralNew);
  const newSecret = 'whsec_referral_new';
  const approvedSecret = 'whsec_referral_approved';
  const expectation: Expectation = {
    secrets: [
      { secret: newSecret, events: ['referral.new'] },
      { secret: approvedSecret, events: ['referral.approved'] },
    ],
    events: ['referral.new', 'referral.approved'],
  };
  const receive = (received: Delivery) => appTester((z: ZObject) => receiveDelivery(z, upPromote, received, expectation), { authData: authFor('uppromote') });

  it("refuses a delivery re-routed to another event than its secret's subscription", async () => {
    const outcome = await receive(signed(upPromote, body, newSecret, Date.now(), { ah_event: 'referral.approved' }));
    expect(outcome).toMatchObject({ accepted: false, reason: 'route_mismatch' });
  });

  it("accepts it on its own subscription's route", async () => {
    const outcome = await receive(signed(upPromote, body, newSecret, Date.now(), { ah_event: 'referral.new' }));
    expect(outcome).toMatchObject({ accepted: true, vendorEvent: { key: 'referral.new' } });
  });
});
