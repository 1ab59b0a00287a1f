/**
 * Tolt, what independent sources leave open (issue 25 items 5, 8, 9): the v2 host only Tolt's docs
 * name, with the v1 host Dub's production importer calls as a fallback remembered per connection;
 * a commission's creation time never taken from the envelope's send time; cursor paging past the
 * first 100 items for dropdowns and searches.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, connection, runsOf, searchOperation, triggerOperation } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, withCache } from '../../test/helpers/fake-cache-rpc';
import commissionUpdated from './fixtures/commission.updated.json';
import partnerCreated from './fixtures/partner.created.json';

const authData = { platform: 'tolt', api_key: 'tlt_live_test_key_5f1e' };
const V2 = 'https://platform.tolt.com';
const V1 = 'https://api.tolt.com';
const SECRET = `whsec_${Buffer.from('tolt-endpoint-signing-key-0002').toString('base64')}`;
const list = (items: unknown[], next: string | null = null) => ({ success: true, message: 'Success', data: items, has_more: next !== null, next_cursor: next });
const partner = (id: string, email: string) => ({ ...partnerCreated.data, id, email });

afterEach(() => nock.cleanAll());

/** A perform with Zapier's per-dropdown cursor store faked (core's tester has none). */
function withCursor(perform: (z: ZObject, bundle: Bundle) => unknown, store: { value: string | null }) {
  return (z: ZObject, bundle: Bundle) => {
    z.cursor = {
      // Core types the stored cursor as a string: none reads as '', which the app takes as no cursor, as it does null.
      get: async () => store.value ?? '',
      set: async (value) => {
        store.value = value;
        return null;
      },
    };
    return perform(z, bundle);
  };
}

describe('Tolt base URL: v2 as documented, v1 where v2 is not there', () => {
  const test = connection.test;
  const label = (tested: unknown) => appTester(connection.connectionLabel, { authData, inputData: tested as Record<string, unknown> });

  it('stays on v2 when v2 answers, and says nothing more in the label', async () => {
    const scope = nock(V2).get('/v2/partners').query({ limit: '1' }).reply(200, list([]));
    expect(await label(await appTester(test, { authData }))).toBe('Tolt');
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['a 404', () => nock(V2).get('/v2/partners').query(true).reply(404, 'Not Found')],
    ['a DNS failure', () => nock(V2).get('/v2/partners').query(true).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND platform.tolt.com'), { code: 'ENOTFOUND' }))],
  ])('falls back to v1 on %s, names it in the label and keeps it for the connection', async (_case, refuseV2) => {
    const store = fakeCacheRpc();
    const v2 = refuseV2();
    const v1 = nock(V1, { reqheaders: { authorization: `Bearer ${authData.api_key}` } }).get('/v1/partners').query({ limit: '1' }).reply(200, { success: true, data: [] });
    expect(await label(await appTester(withCache(test, store), { authData }))).toBe('Tolt (API v1, api.tolt.com)');
    expect(v2.isDone() && v1.isDone()).toBe(true);
    // The next call of the same connection goes to v1 directly.
    const next = nock(V1).get('/v1/partners').query(true).reply(200, list([partner('part_1', 'ana@example.com')]));
    const choices = await appTester(withCursor(withCache(triggerOperation('affiliate_list').perform, store), { value: null }), { authData, meta: { page: 0 } });
    expect(next.isDone()).toBe(true);
    expect(choices).toEqual([expect.objectContaining({ id: 'part_1' })]);
  });

  it('takes a v1 refusal of the v2-shaped test call (400: no program_id) as the key accepted', async () => {
    nock(V2).get('/v2/partners').query(true).reply(404, 'Not Found');
    nock(V1).get('/v1/partners').query(true).reply(400, { success: false, error: { message: 'program_id is required', type: 'invalid_request_error' } });
    expect(await label(await appTester(test, { authData }))).toBe('Tolt (API v1, api.tolt.com)');
  });

  it('does not try v1 when v2 refuses the key', async () => {
    nock(V2).get('/v2/partners').query(true).reply(401, { success: false, message: 'Invalid API key', code: 'unauthorized' });
    expect(await rejectionMessage(appTester(test, { authData }))).toMatch(/Tolt did not accept the API key/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('names every address tried when neither answers', async () => {
    nock(V2).get('/v2/partners').query(true).reply(404, 'Not Found');
    nock(V1).get('/v1/partners').query(true).reply(404, 'Not Found');
    expect(await rejectionMessage(appTester(test, { authData }))).toMatch(
      /Tolt answered at none of its API addresses: https:\/\/platform\.tolt\.com\/v2 \(404\), https:\/\/api\.tolt\.com\/v1 \(404\)/,
    );
  });
});

describe("Tolt's created_at", () => {
  it('stays empty when the commission carries none: the envelope timestamp is the send time', async () => {
    const { created_at: _created, ...data } = commissionUpdated.data;
    const rawBody = JSON.stringify({ ...commissionUpdated, data });
    const id = 'msg_created_at_0001';
    const seconds = Math.floor(Date.now() / 1000);
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${seconds}.${rawBody}`).digest('base64');
    const headers = { 'svix-id': id, 'svix-timestamp': String(seconds), 'svix-signature': `v1,${signature}` };
    const [record] = await runsOf<Record<string, unknown>>(
      appTester(triggerOperation('dashboard_webhook').perform, { authData, inputData: { signing_secret: SECRET }, ...hookRequest(rawBody, headers) }),
    );
    expect(record).toMatchObject({ id: 'comm_1234567890', status: 'denied' });
    expect(record.created_at).toBeUndefined();
  });
});

describe('Tolt paging past the first page', () => {
  it('loads the next dropdown page from the cursor the previous one named, and stops at the last', async () => {
    const store = { value: null as string | null };
    const perform = withCursor(triggerOperation('affiliate_list').perform, store);
    const first = nock(V2).get('/v2/partners').query((query) => query.starting_after === undefined).reply(200, list([partner('part_1', 'a@example.com')], 'cur_2'));
    expect(await appTester(perform, { authData, meta: { page: 0 } })).toEqual([expect.objectContaining({ id: 'part_1' })]);
    const second = nock(V2).get('/v2/partners').query((query) => query.starting_after === 'cur_2').reply(200, list([partner('part_2', 'b@example.com')]));
    expect(await appTester(perform, { authData, meta: { page: 1 } })).toEqual([expect.objectContaining({ id: 'part_2' })]);
    expect(first.isDone() && second.isDone()).toBe(true);
    // The last page named no cursor: a further "load more" asks for nothing.
    expect(await appTester(perform, { authData, meta: { page: 2 } })).toEqual([]);
  });

  it('finds an affiliate whose exact email sits past the first page of near matches', async () => {
    const wanted = 'sam@example.com';
    const first = nock(V2).get('/v2/partners').query((query) => query.search === wanted && query.starting_after === undefined).reply(200, list([partner('part_1', 'sam@example.com.au')], 'cur_2'));
    const second = nock(V2).get('/v2/partners').query((query) => query.starting_after === 'cur_2').reply(200, list([partner('part_2', wanted)]));
    const found = await appTester(searchOperation('find_affiliate').perform, { authData, inputData: { email: wanted } });
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: 'part_2', email: wanted })]);
  });
});
