/**
 * Issue 13 items 13 and 14 through the dashboard trigger: Tamio's `t=…,s=…` header found by its
 * value in any header and checked locally with the endpoint's secret before Tamio's verify call;
 * ViralRef's URL-token mode, chosen in the trigger, compared with the signing secret.
 */
import { createHmac } from 'node:crypto';
import { app, appTester, runsOf, triggerOperation } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { useFixtureClock } from '../helpers/fixture-clock';
import { TAMIO_ENDPOINT_SECRET, expectVerify, tamioApi, tamioAuth, type VerifyCall } from '../../workshops/tamio/kit';
import affiliateApproved from '../../workshops/tamio/fixtures/affiliate-approved.json';
import conversionCreated from '../../workshops/viralref/fixtures/conversion.created.json';

const dashboard = triggerOperation('dashboard_webhook');
type Field = { key: string; required?: boolean; choices?: Record<string, string> };
/** The trigger's connection-dependent fields, as the editor resolves them. */
const [fieldsFunction] = app.triggers.dashboard_webhook.operation.inputFields.flatMap((item) => (typeof item === 'function' ? [item] : []));
const editorFields = (authData: Record<string, string>) => appTester(fieldsFunction, { authData }) as Promise<Field[]>;
const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

describe('Tamio: local verification with the endpoint secret, then the verify API', () => {
  const rawBody = JSON.stringify(affiliateApproved);
  const perform = (headers: Record<string, string>, inputData: Record<string, unknown> = { signing_secret: TAMIO_ENDPOINT_SECRET }) =>
    runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData: tamioAuth, inputData, ...hookRequest(rawBody, headers) }));

  it.each([
    ['seconds', Math.floor(Date.now() / 1000)],
    ['milliseconds', Date.now()],
  ])('verifies locally, without calling Tamio, a t in %s under a header of any name', async (_unit, t) => {
    // nock.disableNetConnect (test/setup.ts): a verify call would fail the delivery.
    const runs = await perform({ 'X-Delivery-Proof': `t=${t},s=${hmacHex(TAMIO_ENDPOINT_SECRET, `${t}.${rawBody}`)}` });
    expect(runs).toEqual([expect.objectContaining({ platform: 'tamio', vendor_event: 'affiliate-approved', event: 'affiliate.approved' })]);
  });

  it("falls back to Tamio's verify call when the local check does not match (another secret entered)", async () => {
    const calls: VerifyCall[] = [];
    // Sent on under the one canonical name, whatever name it arrived with (issue 22 item 10).
    const scope = expectVerify(tamioApi(), calls);
    const t = Math.floor(Date.now() / 1000);
    const value = `t=${t},s=${hmacHex(TAMIO_ENDPOINT_SECRET, `${t}.${rawBody}`)}`;
    const runs = await perform({ 'X-Delivery-Proof': value }, { signing_secret: 'whsec_mistyped' });
    expect(scope.isDone()).toBe(true);
    expect(calls).toEqual([{ body: rawBody, signature: value, contentType: 'application/json' }]);
    expect(runs).toHaveLength(1);
  });

  it('refuses two t values without calling Tamio', async () => {
    const t = Math.floor(Date.now() / 1000);
    const value = `t=${t},t=${t - 3600},s=${hmacHex(TAMIO_ENDPOINT_SECRET, `${t}.${rawBody}`)}`;
    await expect(appTester(dashboard.perform, { authData: tamioAuth, inputData: {}, ...hookRequest(rawBody, { 'Tamio-Signature': value }) })).rejects.toThrow(
      /signature check failed: malformed_signature/,
    );
  });

  it('offers the signing secret as optional', async () => {
    const fields = await editorFields(tamioAuth);
    expect(fields).toEqual([expect.objectContaining({ key: 'signing_secret', required: false })]);
  });
});

describe('ViralRef: URL-token mode', () => {
  useFixtureClock('viralref');
  const authData = { platform: 'viralref', api_key: 'vr_key_hedges' };
  const TOKEN = 'vr-url-token-2f9c81d0';
  const rawBody = JSON.stringify(conversionCreated);
  const perform = (query: Record<string, string>, inputData: Record<string, unknown>) =>
    runsOf<Record<string, unknown>>(appTester(dashboard.perform, { authData, inputData, ...hookRequest(rawBody, {}, query) }));

  it('passes a delivery carrying the token when URL Token is chosen', async () => {
    const runs = await perform({ ah_token: TOKEN }, { verification: 'url_token', signing_secret: TOKEN });
    expect(runs).toEqual([expect.objectContaining({ platform: 'viralref', vendor_event: 'conversion.created' })]);
  });

  it('refuses a wrong or missing token, and the token alone when Signature is chosen', async () => {
    expect(await perform({ ah_token: `${TOKEN}x` }, { verification: 'url_token', signing_secret: TOKEN })).toEqual([]);
    expect(await perform({}, { verification: 'url_token', signing_secret: TOKEN })).toEqual([]);
    expect(await perform({ ah_token: TOKEN }, { verification: 'signature', signing_secret: TOKEN })).toEqual([]);
    expect(await perform({ ah_token: TOKEN }, { signing_secret: TOKEN })).toEqual([]);
  });

  it('offers the choice in the trigger, from the platform data', async () => {
    const fields = await editorFields(authData);
    expect(fields.map((field) => field.key)).toEqual(['verification', 'signing_secret']);
    expect(fields[0].choices).toEqual({ signature: 'Signature', url_token: 'URL Token' });
  });
});
