/**
 * ViralRef: nothing of its API is published, so the connection calls nothing, every action says
 * so, and deliveries (dashboard webhooks, HMAC-SHA256 of the raw body in hex or base64, optional
 * `sha256=`) are read through candidate paths. Every fixture is constructed (see the README there).
 */
import { appTester, createOperation, triggerOperation, runsOf, connection } from '../../test/helpers/app';
import { hmacBase64, hmacHex, hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import conversionCreated from './fixtures/conversion.created.json';
import conversionUpdated from './fixtures/conversion.updated.json';
import affiliateCreated from './fixtures/affiliate.created.json';
import affiliateUpdated from './fixtures/affiliate.updated.json';
import payoutCreated from './fixtures/payout.created.json';
import { useFixtureClock } from '../../test/helpers/fixture-clock';
import { payloadOf } from '../../platforms/payload-text';

const SECRET = 'vr_whsec_2b7Fq9';
const authData = { platform: 'viralref', api_key: 'vr_live_key_81aa' };
const dashboard = triggerOperation('dashboard_webhook');

/** A delivery of `payload` signed with `secret` (hex unless told), under a header naming "signature". */
function signed(payload: unknown, sign: (secret: string, body: string) => string = hmacHex, secret = SECRET, header = 'X-ViralRef-Signature') {
  const rawBody = JSON.stringify(payload);
  return { rawBody, request: hookRequest(rawBody, { [header]: sign(secret, rawBody) }) };
}

function perform(request: ReturnType<typeof hookRequest>, inputData: Record<string, unknown> = { signing_secret: SECRET }) {
  return runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...request }));
}

describe('ViralRef connection', () => {
  const auth = connection;

  it('accepts a key without calling anything (the network is closed) and labels the connection', async () => {
    const tested = await appTester(auth.test, { authData: { ...authData, account_name: 'Acme Referrals' } });
    // Nothing was tested, and the label says so (issue 15: connection honesty).
    expect(tested).toEqual({ platform: 'viralref', platform_name: 'ViralRef', account: 'Acme Referrals', key_untested: true });
    expect(await appTester(auth.connectionLabel, { authData, inputData: tested as Record<string, unknown> })).toBe(
      'ViralRef: Acme Referrals (key not checked: no API to test it)',
    );
  });

  it('refuses an empty key, saying where to find one', async () => {
    expect(await rejectionMessage(appTester(auth.test, { authData: { platform: 'viralref', api_key: '  ' } }))).toMatch(
      /^Enter your ViralRef API key \(Settings → Organization → Developers → Create API Key/,
    );
  });
});

describe('ViralRef deliveries through the dashboard webhook trigger', () => {
  useFixtureClock('viralref');
  it('runs a retried delivery once (ViralRef retries with backoff), remembered in z.cache', async () => {
    const { request } = signed(conversionCreated);
    const store = fakeCacheRpc();
    const run = () => appTester(withCache(dashboard.perform, store), { authData, inputData: { signing_secret: SECRET }, ...request });
    expect(await run()).toHaveLength(1);
    expect(await run()).toEqual([]);
  });

  it.each([
    ['conversion.created', conversionCreated, { event: 'referral.created', id: 'conv_7QkS2', status: 'pending', order_id: 'ORD-10442', sale_amount: 129, commission_amount: 12.9, currency: 'USD', affiliate_id: 'aff_91xT', affiliate_email: 'mia@example.com', affiliate_name: 'Mia Chen', customer_email: 'buyer@example.com', created_at: '2026-03-02T09:14:58.000Z' }],
    ['conversion.updated', conversionUpdated, { event: 'referral.status_changed', id: 'conv_7QkS2', status: 'denied', vendor_status: 'rejected', previous_status: 'pending', sale_amount: 129, affiliate_id: 'aff_91xT', affiliate_email: 'mia@example.com' }],
    ['affiliate.created', affiliateCreated, { event: 'affiliate.created', id: 'aff_91xT', status: 'active', email: 'mia@example.com', name: 'Mia Chen', referral_link: 'https://shop.example.com/?ref=mia', coupon_code: 'MIA10', created_at: '2026-03-01T18:00:00.000Z' }],
    ['affiliate.updated', affiliateUpdated, { event: 'affiliate.status_changed', id: 'aff_91xT', status: 'inactive', vendor_status: 'disabled', name: 'Mia Chen' }],
    ['payout.created', payoutCreated, { event: 'payout.created', id: 'po_55Z1', status: 'pending', amount: 240.5, currency: 'EUR', affiliate_email: 'mia@example.com', payment_method: 'paypal' }],
  ])('normalizes a signed %s (constructed payload), keeping it under raw', async (vendorEvent, payload, expected) => {
    const results = await perform(signed(payload).request);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ platform: 'viralref', vendor_event: vendorEvent, ...expected });
    expect(payloadOf(results[0].raw)).toEqual(payload);
  });

  it.each([
    ['hex', hmacHex],
    ['base64', hmacBase64],
    ['sha256=-prefixed hex', (secret: string, body: string) => `sha256=${hmacHex(secret, body)}`],
    ['sha256=-prefixed base64', (secret: string, body: string) => `sha256=${hmacBase64(secret, body)}`],
  ])('accepts a %s signature', async (_case, sign) => {
    expect(await perform(signed(conversionCreated, sign, SECRET, 'Webhook-Signature').request)).toHaveLength(1);
  });

  it('produces no run for a tampered body', async () => {
    const { rawBody, request } = signed(conversionCreated);
    const tampered = rawBody.replace('129', '999');
    expect(tampered).not.toBe(rawBody);
    expect(await perform({ ...request, rawRequest: { ...request.rawRequest, content: tampered } })).toEqual([]);
  });

  it('produces no run for a signature made with another secret', async () => {
    expect(await perform(signed(conversionCreated, hmacHex, 'someone-elses-secret').request)).toEqual([]);
  });

  it('produces no run for an unsigned delivery', async () => {
    expect(await perform(hookRequest(JSON.stringify(conversionCreated), {}))).toEqual([]);
  });

  it('produces no run for a signature in neither hex nor base64', async () => {
    expect(await perform(signed(conversionCreated, () => 'not a digest!').request)).toEqual([]);
  });

  it('produces no run for a signed event ViralRef does not list', async () => {
    expect(await perform(signed({ event: 'link.clicked', data: { id: 'x' } }).request)).toEqual([]);
  });

  it('asks for the signing secret instead of dropping deliveries when none is set', async () => {
    expect(await rejectionMessage(perform(signed(conversionCreated).request, {}))).toMatch(
      /^ViralRef signs its webhooks: enter the webhook's signing secret .*Settings → Organization → Developers → Create Webhook/,
    );
  });

  it('passes on only the chosen events', async () => {
    const only = { signing_secret: SECRET, events: ['referral.created', 'payout.created'] };
    expect(await perform(signed(affiliateCreated).request, only)).toEqual([]);
    expect(await perform(signed(payoutCreated).request, only)).toHaveLength(1);
  });

  it('explains that there is no list to load a sample from', async () => {
    expect(await rejectionMessage(appTester(dashboard.performList, { authData, inputData: { signing_secret: SECRET } }))).toMatch(
      /^ViralRef offers no API to load a sample from, so test this trigger with a real event\. In ViralRef, open .*test this step again/,
    );
  });
});

describe('ViralRef REST-hook triggers', () => {
  it.each(['new_referral', 'new_affiliate', 'new_payout', 'new_platform_event'])('%s fails at subscribe, pointing to the dashboard trigger', async (key) => {
    const message = await rejectionMessage(
      appTester(triggerOperation(key).performSubscribe, { authData, inputData: { event: 'conversion.created' }, targetUrl: 'https://hooks.zapier.com/h/1/' }),
    );
    expect(message).toMatch(/ViralRef registers webhooks only in its dashboard.*"New Event from Dashboard Webhook"/);
  });
});

describe('ViralRef actions', () => {
  it.each([
    ['approve_referral', { referral_id: 'conv_7QkS2' }],
    ['deny_referral', { referral_id: 'conv_7QkS2' }],
    ['create_referral', { affiliate: 'aff_91xT', order_id: 'ORD-1' }],
    ['create_affiliate', { email: 'new@example.com' }],
    ['approve_affiliate', { affiliate: 'aff_91xT' }],
    ['deny_affiliate', { affiliate: 'aff_91xT' }],
    ['mark_payout_paid', { affiliate: 'aff_91xT' }],
  ])('%s says ViralRef\'s API is not published, without calling anything', async (key, inputData) => {
    expect(await rejectionMessage(appTester(createOperation(key).perform, { authData, inputData }))).toMatch(
      /is not available for ViralRef: ViralRef's API is not published/,
    );
  });
});
