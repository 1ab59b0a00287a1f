/**
 * Tamio: dashboard-registered webhooks verified through Tamio's own verify-signature call
 * (valid, tampered, replayed, unsigned, wrong secret, Tamio down), its envelope and events, its
 * Bearer auth, the 403 permission message, and its actions.
 */
import nock from 'nock';
import { appTester, createOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import affiliateApproved from './fixtures/affiliate-approved.json';
import affiliateDeclined from './fixtures/affiliate-declined.json';
import affiliateRemoved from './fixtures/affiliate-removed.json';
import affiliateSignup from './fixtures/affiliate-signup.json';
import programCreated from './fixtures/affiliate-program-created.json';
import programUpdated from './fixtures/affiliate-program-updated.json';
import programRemoved from './fixtures/affiliate-program-removed.json';
import approveResponse from './fixtures/approve-affiliate.response.json';
import {
  TAMIO_ENDPOINT_SECRET,
  VERIFY_PATH,
  expectVerify,
  nowSeconds,
  tamioApi,
  tamioAuth as authData,
  tamioDelivery,
  tamioSignature,
  type VerifyCall,
} from './kit';
import { payloadOf } from '../../platforms/payload-text';

const dashboard = triggerOperation('dashboard_webhook');
// No signing secret: verified by Tamio's own API (local verification with the secret: test/hedges).
const inputData = {};

function perform(request: ReturnType<typeof hookRequest>, input: Record<string, unknown> = inputData) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData: input, ...request }));
}

const AFFILIATE_ID = 'a5af6690-1622-4726-b201-f829df269d28';
/** The documented program examples' own id: program events output it, not the envelope's event_id. */
const PROGRAM_ID = '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b';

describe('Tamio connection', () => {
  const auth = connection;

  it('tests the key with a Bearer call to the affiliate list and labels the connection', async () => {
    const scope = tamioApi().get('/v2/affiliates/list').query({ page: '1', per_page: '1' }).reply(200, { status: 200, total_results: 0, affiliates: [] });
    const tested = await appTester(auth.test, { authData });
    expect(scope.isDone()).toBe(true);
    expect(await appTester(auth.connectionLabel, { authData, inputData: tested as Record<string, unknown> })).toBe('Tamio');
  });

  it('names the permission a restricted key lacks on a 403', async () => {
    tamioApi().get('/v2/affiliates/list').query(true).reply(403, { status: 403, error: 'Forbidden', error_code: 403 });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(
      /^Tamio refused GET \/affiliates\/list: the API key needs the "affiliates\.view" permission \("Forbidden"\)/,
    );
  });

  it('turns a 401 into a reconnect error with Tamio\'s message', async () => {
    tamioApi().get('/v2/affiliates/list').query(true).reply(401, { status: 401, error: 'Invalid API key' });
    expect(await rejectionMessage(appTester(auth.test, { authData }))).toMatch(/Tamio did not accept the API key \("Invalid API key"\)/);
  });
});

describe('Tamio deliveries through the dashboard webhook trigger', () => {
  it('verifies with Tamio, forwarding the signature header and the exact raw body, then normalizes', async () => {
    const calls: VerifyCall[] = [];
    const scope = expectVerify(tamioApi(), calls);
    // Unusual spacing: a re-serialized body would differ from what Tamio signed.
    const rawBody = JSON.stringify(affiliateApproved, null, 1);
    const signature = tamioSignature(rawBody);
    const results = await perform(hookRequest(rawBody, { 'Tamio-Signature': signature }));
    expect(scope.isDone()).toBe(true);
    expect(calls).toEqual([{ body: rawBody, signature, contentType: 'application/json' }]);
    expect(results).toEqual([
      {
        id: AFFILIATE_ID,
        platform: 'tamio',
        event: 'affiliate.approved',
        vendor_event: 'affiliate-approved',
        event_name: 'Affiliate approved',
        status: 'active',
        vendor_status: 'approved',
        email: 'john@example.com',
        first_name: 'John',
        name: 'John',
        program_id: '9d1c6ac2-bf2c-403f-9261-96235d18e5be',
        program_name: '20% Commission',
        raw: JSON.stringify(JSON.parse(rawBody)),
      },
    ]);
  });

  it.each([
    ['affiliate-signup', affiliateSignup, { event: 'affiliate.created', status: 'pending', email: 'john@example.com' }],
    ['affiliate-declined', affiliateDeclined, { event: 'affiliate.denied', status: 'denied', vendor_status: 'not approved' }],
    ['affiliate-removed', affiliateRemoved, { event: 'affiliate.removed', id: AFFILIATE_ID, status: 'removed' }],
    ['affiliate-program-created', programCreated, { event: 'other', id: PROGRAM_ID }],
    ['affiliate-program-updated', programUpdated, { event: 'other', id: PROGRAM_ID }],
    ['affiliate-program-removed', programRemoved, { event: 'other', id: PROGRAM_ID }],
  ])('normalizes %s, keeping the envelope under raw', async (vendorEvent, payload, expected) => {
    expectVerify(tamioApi());
    const results = await perform(tamioDelivery(payload).request);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ platform: 'tamio', vendor_event: vendorEvent, ...expected });
    expect(payloadOf(results[0].raw)).toEqual(payload);
  });

  it('finds the signature header by its shape, not by a guessed name, and sends its value under the one canonical name', async () => {
    const calls: VerifyCall[] = [];
    expectVerify(tamioApi(), calls);
    const body = JSON.stringify(affiliateApproved);
    const { request } = tamioDelivery(affiliateApproved, null, { 'X-Signature-Version': '2', 'X-Webhook-Signature': tamioSignature(body) });
    expect(await perform(request)).toHaveLength(1);
    expect(calls[0].signature).toBe(tamioSignature(body));
  });

  it('produces no run for a tampered body (Tamio answers 400)', async () => {
    const scope = expectVerify(tamioApi());
    const { rawBody, request } = tamioDelivery(affiliateApproved);
    const tampered = rawBody.replace('"approved":true', '"approved":false');
    expect(tampered).not.toBe(rawBody);
    expect(await perform({ ...request, rawRequest: { ...request.rawRequest, content: tampered } })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('produces no run for a signature made with another secret', async () => {
    expectVerify(tamioApi());
    const body = JSON.stringify(affiliateApproved);
    expect(await perform(tamioDelivery(affiliateApproved, tamioSignature(body, 'whsec_someone_else')).request)).toEqual([]);
  });

  it('refuses a replayed delivery (t older than 5 minutes) without calling Tamio', async () => {
    const body = JSON.stringify(affiliateApproved);
    // No interceptor: a call to Tamio would fail the test (the network is closed).
    expect(await perform(tamioDelivery(affiliateApproved, tamioSignature(body, TAMIO_ENDPOINT_SECRET, nowSeconds() - 301)).request)).toEqual([]);
    expect(await perform(tamioDelivery(affiliateApproved, tamioSignature(body, TAMIO_ENDPOINT_SECRET, nowSeconds() + 600)).request)).toEqual([]);
  });

  it.each([
    ['no signature header', null],
    ['a header without the t=…,s=… shape', 'deadbeef'],
  ])('produces no run for %s, without calling Tamio', async (_case, signature) => {
    expect(await perform(tamioDelivery(affiliateApproved, signature).request)).toEqual([]);
  });

  it('does not need the signing secret: Tamio checks the signature itself', async () => {
    expectVerify(tamioApi());
    expect(await perform(tamioDelivery(affiliateApproved).request, {})).toHaveLength(1);
  });

  it.each([
    ['unreachable', (scope: nock.Scope) => scope.post(VERIFY_PATH).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND api.tamio.com'), { code: 'ENOTFOUND' })), /^Tamio could not be reached to verify a webhook delivery/],
    ['answering 503', (scope: nock.Scope) => scope.post(VERIFY_PATH).reply(503, { status: 503, error: 'Service Unavailable' }), /^Tamio could not verify a webhook delivery: POST \/webhook-endpoints\/verify-signature answered HTTP 503/],
    ['answering 500', (scope: nock.Scope) => scope.post(VERIFY_PATH).reply(500, 'oops'), /^Tamio could not verify a webhook delivery: .* HTTP 500/],
  ])('raises an error naming Tamio when Tamio is %s (never a silent drop, never a run)', async (_case, stub, expected) => {
    const scope = tamioApi();
    stub(scope);
    const message = await rejectionMessage(perform(tamioDelivery(affiliateApproved).request));
    expect(message).toMatch(expected);
    expect(message).toMatch(/The delivery was not run/);
    expect(scope.isDone()).toBe(true);
  });

  it('passes on only the chosen events', async () => {
    expectVerify(tamioApi());
    expectVerify(tamioApi());
    const only = { ...inputData, events: ['affiliate.approved'] };
    expect(await perform(tamioDelivery(affiliateDeclined).request, only)).toEqual([]);
    expect(await perform(tamioDelivery(affiliateApproved).request, only)).toHaveLength(1);
  });

  it('loads recent affiliates for performList', async () => {
    const scope = tamioApi()
      .get('/v2/affiliates/list')
      .query({ page: '1', per_page: '3', sort_by: 'created_at', order: 'desc' })
      .reply(200, { status: 200, total_results: 1, affiliates: [approveResponse.affiliate] });
    const listed = await appTester(dashboard.performList, { authData, inputData, meta: { limit: 3 } });
    expect(scope.isDone()).toBe(true);
    expect(listed).toEqual([
      expect.objectContaining({
        id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        event: 'affiliate.created',
        vendor_event: 'affiliate-signup',
        status: 'active',
        first_name: 'Jane',
        last_name: 'Doe',
        name: 'Jane Doe',
        created_at: '2024-01-25T00:00:00.000Z',
      }),
    ]);
  });
});

describe('Tamio REST-hook triggers', () => {
  it.each(['new_affiliate', 'affiliate_status_changed', 'new_platform_event'])('%s fails at subscribe, pointing to the dashboard trigger', async (key) => {
    const message = await rejectionMessage(
      appTester(triggerOperation(key).performSubscribe, { authData, inputData: { event: 'affiliate-approved' }, targetUrl: 'https://hooks.zapier.com/h/1/' }),
    );
    expect(message).toMatch(/Tamio registers webhooks only in its dashboard.*"New Event from Dashboard Webhook"/);
  });
});

describe('Tamio actions', () => {
  it('approves an affiliate by id and returns the normalized affiliate from the response', async () => {
    const scope = tamioApi().post('/v2/affiliates/approve/a1b2c3d4-e5f6-7890-abcd-ef1234567890').reply(200, approveResponse);
    const result = await appTester(createOperation('approve_affiliate').perform, {
      authData,
      inputData: { affiliate: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' },
    });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', platform: 'tamio', event: 'affiliate.approved', vendor_event: 'affiliate-approved', status: 'active', name: 'Jane Doe' });
  });

  it('declines an affiliate with the decline endpoint', async () => {
    const declined = { status: 200, affiliate: { ...approveResponse.affiliate, approved: false } };
    const scope = tamioApi().post('/v2/affiliates/decline/a1b2').reply(200, declined);
    const result = await appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: 'a1b2' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ event: 'affiliate.denied', vendor_event: 'affiliate-declined', status: 'denied' });
  });

  it('names the edit permission when a restricted key may only view', async () => {
    tamioApi().post('/v2/affiliates/approve/a1b2').reply(403, { status: 403, error: 'Missing permission' });
    expect(await rejectionMessage(appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: 'a1b2' } }))).toMatch(
      /Tamio refused POST \/affiliates\/approve\/a1b2: the API key needs the "affiliates\.edit" permission \("Missing permission"\)/,
    );
  });

  it('carries Tamio\'s error message for a 400', async () => {
    tamioApi().post('/v2/affiliates/approve/a1b2').reply(400, { status: 400, error: 'Affiliate not found', error_code: 1002 });
    expect(await rejectionMessage(appTester(createOperation('approve_affiliate').perform, { authData, inputData: { affiliate: 'a1b2' } }))).toMatch(
      /Tamio rejected POST \/affiliates\/approve\/a1b2 \(HTTP 400\): Affiliate not found/,
    );
  });

  it.each([
    ['create_affiliate', { email: 'new@example.com' }, /Tamio's API offers no way to create an affiliate/],
    ['approve_referral', { referral_id: '1' }, /Tamio's API has no affiliate sales/],
  ])('%s explains that Tamio does not offer it, without calling Tamio', async (key, input, expected) => {
    expect(await rejectionMessage(appTester(createOperation(key).perform, { authData, inputData: input }))).toMatch(expected);
  });
});
