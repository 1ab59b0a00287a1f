/**
 * User text in `{{…}}` reaches the vendor exactly as typed (issue 12, finding 9): zapier-platform-core's
 * z.request blanks curlies in bodies and query values and refuses `{{bundle.…}}` / `{{process.…}}`,
 * which read as "could not be reached" or silently sent "". The raw body of a verification call
 * goes through byte for byte, whatever it contains.
 */
import type { ZObject } from 'zapier-platform-core';
import { candidateSchemes } from '../../signature-schemes';
import { callPlatform } from '../../platforms/api';
import { tamio } from '../../platforms/tamio';
import { appTester, createOperation, searchOperation } from '../helpers/app';
import { tamioApi, TAMIO_KEY } from '../../workshops/tamio/kit';
import { upPromoteKit } from '../../workshops/uppromote/kit';

describe('curly braces in action inputs', () => {
  it('UpPromote Create Affiliate sends "{{email}}" and "{{bundle.authData.api_key}}" as typed, not blanked, refused or filled', async () => {
    const inputData = { email: 'nia@example.com', first_name: '{{email}}', last_name: '{{bundle.authData.api_key}}', company: 'ACME {{process.env.HOME}}' };
    const scope = upPromoteKit
      .api()
      .post('/api/v2/affiliates', { email: 'nia@example.com', first_name: '{{email}}', last_name: '{{bundle.authData.api_key}}', company: 'ACME {{process.env.HOME}}' })
      .reply(200, { status: 200, message: 'success', data: { id: 55, email: 'nia@example.com', first_name: '{{email}}' } });
    const result = (await appTester(createOperation('create_affiliate').perform, { authData: upPromoteKit.authData, inputData })) as Record<string, unknown>;
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '55', first_name: '{{email}}' });
  });

  it('UpPromote Find Referral sends a query value in curly braces as typed', async () => {
    const scope = upPromoteKit
      .api()
      .get('/api/v2/referrals')
      .query({ order_id: '{{process.env.PATH}}', page: '1', per_page: '25' })
      .reply(200, { status: 200, message: 'success', data: [] });
    const findReferral = searchOperation('find_referral').perform;
    expect(await appTester(findReferral, { authData: upPromoteKit.authData, inputData: { order_id: '{{process.env.PATH}}' } })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('a raw body (Tamio verification) goes through untouched', () => {
  it('keeps {{bundle.authData.api_key}} and {{process.env.X}} in the bytes sent', async () => {
    const rawBody = '{"event_type":"affiliate-approved","data":{"affiliate":{"first_name":"{{bundle.authData.api_key}}","last_name":"{{process.env.HOME}}"}}}';
    const remote = candidateSchemes(tamio.signature).find((scheme) => scheme.type === 'remote');
    if (remote?.type !== 'remote') throw new Error('Tamio verifies remotely');
    const request = remote.request;
    const scope = tamioApi()
      .post('/v2/webhook-endpoints/verify-signature', (body: unknown) => JSON.stringify(body) === rawBody)
      .reply(200, { status: 200, valid: true });
    const status = await appTester(
      (async (z: ZObject) => (await callPlatform(z, tamio, request, {}, { rawBody, headers: { 'Content-Type': 'application/json', 'X-Signature': 't=1,s=ab' } })).status),
      { authData: { platform: 'tamio', api_key: TAMIO_KEY } },
    );
    expect(scope.isDone()).toBe(true);
    expect(status).toBe(200);
  });
});
