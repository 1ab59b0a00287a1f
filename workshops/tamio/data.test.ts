/**
 * Tamio data (issue 13, item 9): program events are identified by the program, a payout with
 * `paid: true` is paid, decline answers `{status, affiliate}` and needs `affiliates.edit`, and a
 * 403 on the verify-signature call (whose permission Tamio does not name) is explained.
 * Fixtures: workshops/tamio/fixtures/README.md.
 */
import type { ZObject } from 'zapier-platform-core';
import { appTester, createOperation } from '../../test/helpers/app';
import { rejectionMessage } from '../../test/helpers/errors';
import { callPlatform } from '../../platforms/api';
import { candidateSchemes } from '../../signature-schemes';
import { permissionFor } from '../../platforms/middleware';
import { normalizeRecord } from '../../platforms/normalize';
import { tamio } from '../../platforms/tamio';
import type { JsonObject } from '../../platforms/records';
import payoutRetrieve from './fixtures/payout.retrieve.json';
import approveResponse from './fixtures/approve-affiliate.response.json';
import { VERIFY_PATH, tamioApi, tamioAuth as authData } from './kit';

function payout(object: JsonObject) {
  return normalizeRecord({ platform: tamio, kind: 'payout', event: 'other', vendorEvent: 'payout' }, object, object);
}

describe('Tamio payouts', () => {
  it('reads the documented payout (paid: false, status new) as pending', () => {
    expect(payout(payoutRetrieve.payout)).toMatchObject({ status: 'pending', vendor_status: 'new', amount: 120, currency: 'EUR', created_at: '2024-03-06T00:18:24.000Z' });
  });

  it('reads a payout with paid: true as paid, whatever its status text says', () => {
    expect(payout({ ...payoutRetrieve.payout, paid: true })).toMatchObject({ status: 'paid', vendor_status: 'paid' });
  });

  it('lets a known status decide when paid is false', () => {
    expect(payout({ ...payoutRetrieve.payout, status: 'failed' })).toMatchObject({ status: 'failed', vendor_status: 'failed' });
  });
});

describe('Tamio program events', () => {
  it.each(['affiliate-program-created', 'affiliate-program-updated', 'affiliate-program-removed'])('%s names the program as its id', (key) => {
    expect(tamio.events.find((event) => event.key === key)).toMatchObject({ objectPath: 'data.affiliate_program', idPath: 'id' });
  });
});

describe('Tamio decline and permissions', () => {
  it('declines with the documented {status, affiliate} answer', async () => {
    const declined = { status: 200, affiliate: { ...approveResponse.affiliate, approved: false } };
    const scope = tamioApi().post('/v2/affiliates/decline/a1b2c3d4-e5f6-7890-abcd-ef1234567890').reply(200, declined);
    const result = await appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' } });
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: approveResponse.affiliate.id, status: 'denied', vendor_status: 'not approved', email: approveResponse.affiliate.email });
  });

  it('names affiliates.edit on a 403 from decline', async () => {
    expect(permissionFor(tamio, 'POST', '/affiliates/decline/a1b2')).toBe('affiliates.edit');
    tamioApi().post('/v2/affiliates/decline/a1b2').reply(403, { status: 403, error: 'Forbidden' });
    expect(await rejectionMessage(appTester(createOperation('deny_affiliate').perform, { authData, inputData: { affiliate: 'a1b2' } }))).toMatch(
      /needs the "affiliates\.edit" permission/,
    );
  });

  it('explains a 403 on verify-signature without inventing a permission name', async () => {
    const remote = candidateSchemes(tamio.signature).find((scheme) => scheme.type === 'remote');
    const verify = remote?.type === 'remote' ? remote.request : undefined;
    expect(verify).toBeDefined();
    tamioApi().post(VERIFY_PATH).reply(403, { status: 403, error: 'Forbidden' });
    const call = (z: ZObject) => callPlatform(z, tamio, verify!, {}, { rawBody: '{}' });
    const message = await rejectionMessage(appTester(call, { authData }));
    expect(message).toMatch(/^Tamio refused POST \/webhook-endpoints\/verify-signature \("Forbidden"\): Tamio's API key may not verify webhook signatures/);
    expect(message).toMatch(/does not document which permission/);
    expect(message).not.toMatch(/needs the "/);
  });
});
