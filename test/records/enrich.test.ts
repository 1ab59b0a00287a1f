/**
 * The enrichment step (receive/enrich.ts) on its own: one request per distinct object, a budget per
 * run, failures that flag but never drop a record, the Shop Currency only where the platform's data
 * says its money names none, and Find Affiliate taking an id (issue 23 items 9 and 10).
 */
import nock from 'nock';
import { enrichOutputs, MAX_LOOKUPS } from '../../receive/enrich';
import { FLAGS_KEY } from '../../platforms/normalize';
import { payloadOf } from '../../platforms/payload-text';
import { findPlatform } from '../../platforms/registry';
import type { NormalizedOutput } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { appTester, connection, searchOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';

const TOLT = 'https://platform.tolt.com';
const toltAuth = { platform: 'tolt', api_key: 'tlt_test_key' };

function platform(id: string): PlatformDefinition {
  const found = findPlatform(id);
  if (!found) throw new Error(`no platform ${id}`);
  return found;
}

/** A Tolt referral naming its partner by id only, as a commission webhook does. */
function toltReferral(id: string, partner: string): NormalizedOutput {
  return { id, platform: 'tolt', event: 'referral.created', vendor_event: 'commission.created', affiliate_id: partner, commission_amount: 9.8, currency: 'USD', raw: { id } } as NormalizedOutput;
}

function enrich(id: string, outputs: NormalizedOutput[], authData: Record<string, string>): Promise<Record<string, unknown>[]> {
  return appTester((z, bundle) => enrichOutputs(z, platform(id), outputs, bundle.authData), { authData }) as Promise<Record<string, unknown>[]>;
}

const partner = (id: string) => ({ success: true, data: { id, email: `${id}@example.com`, first_name: 'Jane', last_name: 'Doe' } });

afterEach(() => nock.cleanAll());

describe('enrichment look-ups', () => {
  it('asks once for an affiliate several records name, and fills the email and name of each', async () => {
    const scope = nock(TOLT).get('/v2/partners/part_1').once().reply(200, partner('part_1'));
    const records = await enrich('tolt', [toltReferral('comm_1', 'part_1'), toltReferral('comm_2', 'part_1')], toltAuth);
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.affiliate_email, record.affiliate_name])).toEqual([
      ['part_1@example.com', 'Jane Doe'],
      ['part_1@example.com', 'Jane Doe'],
    ]);
  });

  it(`makes at most ${MAX_LOOKUPS} look-ups in one run: the rest run as they are, flagged`, async () => {
    const ids = Array.from({ length: MAX_LOOKUPS + 2 }, (_, index) => `part_${index}`);
    const scope = nock(TOLT).get(/\/v2\/partners\/part_\d+$/).times(MAX_LOOKUPS).reply(200, (uri) => partner(uri.split('/').pop() ?? ''));
    const records = await enrich('tolt', ids.map((id, index) => toltReferral(`comm_${index}`, id)), toltAuth);
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(ids.length);
    expect(records.filter((record) => record.affiliate_email !== undefined)).toHaveLength(MAX_LOOKUPS);
    const skipped = records.slice(MAX_LOOKUPS);
    for (const record of skipped) expect(payloadOf(record.raw)[FLAGS_KEY]).toEqual([expect.stringContaining('more look-ups than one run may make')]);
  });

  it('keeps a record whose look-up fails, with the reason under raw and the delivered fields untouched', async () => {
    nock(TOLT).get('/v2/partners/part_9').reply(500, { success: false, message: 'Internal error', code: 'internal' });
    const [record] = await enrich('tolt', [toltReferral('comm_9', 'part_9')], toltAuth);
    expect(record).toMatchObject({ id: 'comm_9', affiliate_id: 'part_9', commission_amount: 9.8 });
    expect(record.affiliate_email).toBeUndefined();
    // The flag travels inside the one payload text a Zap receives (platforms/payload-text.ts).
    expect(typeof record.raw).toBe('string');
    const flags = payloadOf(record.raw)[FLAGS_KEY] as string[];
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatch(/^fetching what the referral lacks from Tolt failed \(.*Internal error/);
  });

  it('leaves a referral link empty, without a flag, where the links list holds none', async () => {
    const scope = nock('https://rebusai.com').get('/api/v1/affiliate/links/').query(true).reply(200, { success: true, data: { results: [] } });
    const affiliate = { id: '123', platform: 'rebus', event: 'affiliate.created', vendor_event: 'affiliate.created', email: 'john@example.com', name: 'John Smith', raw: {} } as NormalizedOutput;
    const [record] = await enrich('rebus', [affiliate], { platform: 'rebus', api_key: 'sk_test_1' });
    expect(scope.isDone()).toBe(true);
    expect(record.referral_link).toBeUndefined();
    expect(record.raw).toBe('{}');
  });
});

describe('Shop Currency', () => {
  const payout = { id: '26154', platform: 'uppromote', event: 'payout.paid', vendor_event: 'payment.paid', amount: 100, affiliate_email: 'a@example.com', raw: {} } as NormalizedOutput;

  it("names the money of a platform whose objects name no currency, upper-cased; a platform's own currency is kept", async () => {
    expect((await enrich('uppromote', [payout], { platform: 'uppromote', api_key: 'k', shop_currency: ' eur ' }))[0].currency).toBe('EUR');
    nock(TOLT).get('/v2/partners/part_1').reply(200, partner('part_1'));
    expect((await enrich('tolt', [toltReferral('comm_1', 'part_1')], { ...toltAuth, shop_currency: 'EUR' }))[0].currency).toBe('USD');
  });

  it('adds nothing for an empty or malformed Shop Currency, or to a record without money', async () => {
    expect((await enrich('uppromote', [payout], { platform: 'uppromote', api_key: 'k' }))[0].currency).toBeUndefined();
    expect((await enrich('uppromote', [payout], { platform: 'uppromote', api_key: 'k', shop_currency: 'euro' }))[0].currency).toBeUndefined();
    const { amount: _amount, ...withoutMoney } = payout as Record<string, unknown>;
    expect((await enrich('uppromote', [withoutMoney as NormalizedOutput], { platform: 'uppromote', api_key: 'k', shop_currency: 'EUR' }))[0].currency).toBeUndefined();
  });

  it('is refused by the connection test unless it is a three-letter code', async () => {
    const message = await rejectionMessage(appTester(connection.test, { authData: { platform: 'uppromote', api_key: 'k', shop_currency: 'euro' } }));
    expect(message).toMatch(/Shop Currency must be a three-letter currency code/);
  });
});

describe('Find Affiliate by id', () => {
  it("looks an id up through the platform's affiliate get, keeping the id's case", async () => {
    const scope = nock(TOLT).get('/v2/partners/part_AbC').reply(200, partner('part_AbC'));
    const found = (await appTester(searchOperation('find_affiliate').perform, { authData: toltAuth, inputData: { email: ' part_AbC ' } })) as Record<string, unknown>[];
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: 'part_AbC', email: 'part_AbC@example.com' })]);
  });

  it('finds nothing for an id the platform does not know (404), and still searches an email by email', async () => {
    nock(TOLT).get('/v2/partners/part_gone').reply(404, { success: false, message: 'Not found', code: 'not_found' });
    expect(await appTester(searchOperation('find_affiliate').perform, { authData: toltAuth, inputData: { email: 'part_gone' } })).toEqual([]);
    const byEmail = nock(TOLT).get('/v2/partners').query((query) => query.search === 'jane@example.com').reply(200, { success: true, data: [{ id: 'part_1', email: 'jane@example.com' }], has_more: false });
    expect(await appTester(searchOperation('find_affiliate').perform, { authData: toltAuth, inputData: { email: 'jane@example.com' } })).toEqual([expect.objectContaining({ id: 'part_1' })]);
    expect(byEmail.isDone()).toBe(true);
  });
});

describe('the event in words', () => {
  it('names a normalized event, and an event without counterpart by its vendor label without the code', async () => {
    const approved = { id: '1', platform: 'rebus', event: 'referral.approved', vendor_event: 'commission.approved', raw: {} } as NormalizedOutput;
    const clicked = { id: '2', platform: 'rebus', event: 'other', vendor_event: 'link.clicked', raw: {} } as NormalizedOutput;
    const statusChanged = { id: '3', platform: 'rebus', event: 'affiliate.status_changed', vendor_event: 'affiliate.approved', affiliate_id: undefined, raw: {} } as NormalizedOutput;
    nock('https://rebusai.com').get('/api/v1/affiliate/links/').query(true).reply(200, { success: true, data: { results: [] } });
    const named = await enrich('rebus', [approved, clicked, statusChanged], { platform: 'rebus', api_key: 'sk_test_1' });
    expect(named.map((record) => record.event_name)).toEqual(['Referral approved', 'Link clicked', 'Affiliate status changed']);
  });
});
