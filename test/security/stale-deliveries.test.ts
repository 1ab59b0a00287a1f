/**
 * Issue 22 item 8: a signature that signs no time stays valid for ever, so a delivery whose body
 * dates its event is refused once older than the vendor's retry window (plus an hour), and its
 * repeat marker lives at least that long: a replay is a repeat inside the window and a refusal
 * after it, never a second run once a 24-hour marker has expired.
 */
import type { ZObject } from 'zapier-platform-core';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { signDelivery } from '../../signature-schemes';
import { DEFAULT_MAX_AGE_SECONDS, FRESHNESS_MARGIN_SECONDS, acceptedForSeconds } from '../../receive/freshness';
import { appTester, runsOf, triggerOperation } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { fakeCacheRpc, type FakeCacheRpc } from '../helpers/fake-cache-rpc';
import rewardfulCommission from '../../workshops/rewardful/fixtures/commission.created.json';
import rebusCommission from '../../workshops/rebus/fixtures/commission.approved.json';
import viralrefConversion from '../../workshops/viralref/fixtures/conversion.created.json';
import firstpromoterCommission from '../../workshops/firstpromoter/fixtures/commission.approved.json';

const SECRET = 'whsec_c3RhbGUtZGVsaXZlcmllcy1zZWNyZXQtMzJieXRlcw==';
const DAY = 24 * 60 * 60;
type Perform = (z: ZObject, bundle: unknown) => unknown;

const platformOf = (id: string) => findPlatform(id) as PlatformDefinition;
const isoSecondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const unixSecondsAgo = (seconds: number) => Math.floor(Date.now() / 1000) - seconds;

/** Each platform whose signature signs no time, with its fixture dated `age` seconds ago. */
const DATED: Record<string, (age: number) => unknown> = {
  rewardful: (age) => ({ ...rewardfulCommission, event: { ...rewardfulCommission.event, created_at: isoSecondsAgo(age) } }),
  rebus: (age) => ({ ...rebusCommission, timestamp: unixSecondsAgo(age) }),
  viralref: (age) => ({ ...viralrefConversion, created_at: isoSecondsAgo(age) }),
  firstpromoter: (age) => ({ ...firstpromoterCommission, timestamp: isoSecondsAgo(age) }),
};

/** Delivers a body signed as the platform signs, to the trigger a Zap would use, with `store` behind z.cache. */
function deliver(id: string, payload: unknown, store: FakeCacheRpc) {
  const platform = platformOf(id);
  const rawBody = JSON.stringify(payload);
  const signed = signDelivery(platform, rawBody, SECRET);
  const request = hookRequest(rawBody, signed.headers, signed.query);
  const authData = { platform: id, api_key: 'key', account_id: '1' };
  const rest = platform.webhooks.kind === 'api';
  const named = payload as { event?: unknown; event_type?: unknown };
  const event = typeof named.event === 'string' ? named.event : named.event_type;
  const operation = triggerOperation(rest ? 'new_platform_event' : 'dashboard_webhook');
  const bundle = rest
    ? { authData, inputData: { event }, subscribeData: { id: '1', platform: id, subscriptions: [{ id: '1', events: [event], secret: SECRET, issuedSecret: SECRET }] }, ...request }
    : { authData, inputData: { signing_secret: SECRET }, ...request };
  const perform = (z: ZObject, given: unknown) => {
    z.cache = store.cache;
    return (operation.perform as Perform)(z, given);
  };
  return appTester(perform, bundle);
}

describe('old signed deliveries', () => {
  it.each(Object.keys(DATED))('%s: a delivery dated 40 days ago is refused', async (id) => {
    const refused = await (deliver(id, DATED[id](40 * DAY), fakeCacheRpc()) as Promise<unknown>).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/is dated more than \d+ hours ago, longer than .* retries a delivery \(a replay\)/);
  });

  it.each(Object.keys(DATED))('%s: a delivery inside its window runs once, and its marker outlives the window', async (id) => {
    const store = fakeCacheRpc();
    const age = Math.min(DAY, acceptedForSeconds(platformOf(id).delivery) - 2 * FRESHNESS_MARGIN_SECONDS);
    const payload = DATED[id](age);
    expect(await runsOf(deliver(id, payload, store))).toHaveLength(1);
    // Just before the window closes (past the old 24-hour marker lifetime where the window is
    // longer), the same captured delivery is still a repeat; after it, it is stale (above).
    store.advance(acceptedForSeconds(platformOf(id).delivery) - 60);
    expect(await runsOf(deliver(id, payload, store))).toEqual([]);
    expect(Math.min(...store.sets.map((set) => set.ttl ?? 0))).toBeGreaterThanOrEqual(acceptedForSeconds(platformOf(id).delivery));
  });

  it('reads each window from the platform data: Rewardful documents 3 days, FirstPromoter about 17 hours, the others the 3-day default', () => {
    expect(acceptedForSeconds(platformOf('rewardful').delivery)).toBe(3 * DAY + FRESHNESS_MARGIN_SECONDS);
    expect(acceptedForSeconds(platformOf('firstpromoter').delivery)).toBe(18 * 60 * 60 + FRESHNESS_MARGIN_SECONDS);
    expect(acceptedForSeconds(platformOf('rebus').delivery)).toBe(DEFAULT_MAX_AGE_SECONDS + FRESHNESS_MARGIN_SECONDS);
    expect(acceptedForSeconds(platformOf('viralref').delivery)).toBe(DEFAULT_MAX_AGE_SECONDS + FRESHNESS_MARGIN_SECONDS);
  });
});
