/**
 * Find Referral (issue 22, items 6 and 12): Rewardful's scan compares every one of the 100
 * commissions it fetches (it used to stop at 25, so an order at position 26–100 read "not found"),
 * and on every platform order and charge ids match exactly, case included (`ch_3AbC` is not
 * `ch_3abc`), in the Zapier search and in the Make app's scan filter alike.
 */
import nock from 'nock';
import { generateApp } from '../../make/generate/app';
import { getPath } from '../../platforms/paths';
import { PLATFORMS } from '../../platforms/registry';
import type { FieldSource, PlatformDefinition, SearchSpec } from '../../platforms/types';
import { appTester, searchOperation } from '../helpers/app';

const findReferral = searchOperation('find_referral').perform;

afterEach(() => nock.cleanAll());

/** The platforms whose Find Referral reads a list, with that search's data. */
const LISTING: [string, PlatformDefinition, SearchSpec][] = PLATFORMS.flatMap((platform) => {
  const spec = platform.searches?.find_referral;
  return spec !== undefined && !('unsupported' in spec) && spec.itemsPath !== undefined ? [[platform.id, platform, spec] as [string, PlatformDefinition, SearchSpec]] : [];
});

/** The vendor path a normalized referral field is read from (the first, where several are tried). */
function vendorPath(platform: PlatformDefinition, field: 'id' | 'order_id'): string {
  const source = platform.fields.referral?.[field] as string | FieldSource | undefined;
  if (typeof source === 'string') return source;
  if (source !== undefined && 'path' in source) return typeof source.path === 'string' ? source.path : source.path[0];
  throw new Error(`${platform.id} reads referral ${field} from no path`);
}

/** Sets a dotted path in a plain object, creating the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let node = target;
  for (const step of steps.slice(0, -1)) node = (node[step] ??= {}) as Record<string, unknown>;
  node[steps[steps.length - 1]] = value;
}

/** A vendor referral item with this id and order id, as the platform's field map reads it. */
function vendorReferral(platform: PlatformDefinition, id: string, orderId: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  setPath(item, vendorPath(platform, 'id'), id);
  setPath(item, vendorPath(platform, 'order_id'), orderId);
  expect(getPath(item, vendorPath(platform, 'order_id'))).toBe(orderId);
  return item;
}

/** The list answer carrying `items` where the search reads them, inside the platform's success envelope. */
function listAnswer(platform: PlatformDefinition, spec: SearchSpec, items: Record<string, unknown>[]): unknown {
  if (spec.itemsPath === '') return items;
  const body: Record<string, unknown> = {};
  setPath(body, spec.itemsPath ?? '', items);
  if (platform.envelope?.successPath) setPath(body, platform.envelope.successPath, true);
  if (platform.envelope?.statusPath) setPath(body, platform.envelope.statusPath, 200);
  return body;
}

/** Intercepts the search's one list call (any query: each platform's own tests match its query). */
function listCall(platform: PlatformDefinition, spec: SearchSpec, items: Record<string, unknown>[]) {
  const url = new URL(platform.baseUrl);
  return nock(url.origin).get(`${url.pathname.replace(/\/$/, '')}${spec.request.path}`).query(true).reply(200, listAnswer(platform, spec, items) as nock.Body);
}

const authOf = (platform: PlatformDefinition) => ({
  platform: platform.id,
  api_key: `key_${platform.id}_find_referral`,
  ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, `${field.key}_value`])),
});

describe.each(LISTING)('%s Find Referral matches order ids exactly, case included', (_id, platform, spec) => {
  it('returns only the record whose order id has the same case as the input', async () => {
    const scope = listCall(platform, spec, [
      vendorReferral(platform, 'r1', 'ch_3abc'),
      vendorReferral(platform, 'r2', 'CH_3ABC'),
      vendorReferral(platform, 'r3', 'ch_3AbC'),
    ]);
    const results = (await appTester(findReferral, { authData: authOf(platform), inputData: { order_id: 'ch_3AbC' } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(results.map((record) => record.id)).toEqual(['r3']);
  });

  it('finds nothing when the only order id differs in case', async () => {
    const scope = listCall(platform, spec, [vendorReferral(platform, 'r1', 'ch_3abc')]);
    expect(await appTester(findReferral, { authData: authOf(platform), inputData: { order_id: 'ch_3AbC' } })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('Rewardful Find Referral compares all 100 commissions it fetches', () => {
  const rewardful = PLATFORMS.find((platform) => platform.id === 'rewardful') as PlatformDefinition;
  const secret = 'rw_secret_find_referral_scan';
  const commissions = Array.from({ length: 100 }, (_, index) => ({ id: `c${index + 1}`, state: 'due', sale: { stripe_charge_id: `ch_${index + 1}` } }));

  it.each([1, 26, 100])('finds the order at position %i', async (position) => {
    const scope = nock('https://api.getrewardful.com', { reqheaders: { authorization: `Basic ${Buffer.from(`${secret}:`).toString('base64')}` } })
      .get('/v1/commissions')
      .query({ page: '1', limit: '100', 'expand[]': 'sale' })
      .reply(200, { data: commissions, pagination: { current_page: 1, next_page: 2 } });
    const results = (await appTester(findReferral, { authData: { platform: 'rewardful', api_key: secret }, inputData: { order_id: `ch_${position}` } })) as { id: string; order_id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(results).toEqual([expect.objectContaining({ id: `c${position}`, order_id: `ch_${position}`, platform: 'rewardful' })]);
  });

  it('the Make app scans with the same case-sensitive comparison', () => {
    const files = JSON.stringify([...generateApp(rewardful).files.values()]);
    expect(files).toContain('trim(parameters.order_id)');
    expect(files).not.toContain('lower(trim(parameters.order_id))');
  });
});
