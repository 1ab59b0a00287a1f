/**
 * The Make "Watch new … (polling)" modules under scripted histories, run as Make runs a polling
 * trigger (make-polling.ts) against the fake vendor lists of the Zapier simulations: a scenario
 * paused for days, the first run decided by "Choose where to start", and what a run cannot reach.
 */
import nock from 'nock';
import { simulatedLists, FakeVendorList } from '../polling/fake-vendor-list';
import type { RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { SimulatedMakeTrigger } from './make-polling';

const HOUR = 60 * 60 * 1000;
const MODULES: Record<RecordKind, string> = { referral: 'watchNewReferralsPolling', affiliate: 'watchNewAffiliatesPolling', payout: 'watchNewPayoutsPolling' };

/** A status the platform reports for the kind (the fake list serves its vendor value). */
function someStatus(platform: PlatformDefinition, kind: RecordKind): string {
  return Object.values(platform.statuses[kind] ?? {})[0] ?? 'pending';
}

/** A clock the fake list and the trigger share. */
function clock(start = new Date('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** A fake list, the module over it, a shared clock, and a status the list can serve. */
function scenario(platformId: string, kind: RecordKind) {
  const time = clock();
  const list = new FakeVendorList(platformId, kind, time.now);
  const trigger = new SimulatedMakeTrigger(platformId, MODULES[kind], time.now);
  return { time, list, trigger, status: someStatus(list.platform, kind) };
}

/** Runs the scenario until a run finds nothing; returns every output id in order and the most requests one run made. */
async function drain(trigger: SimulatedMakeTrigger, limit: number, maxRuns = 60) {
  const ids: string[] = [];
  let mostRequests = 0;
  for (let run = 0; run < maxRuns; run += 1) {
    const { outputs, requests } = await trigger.run(limit);
    mostRequests = Math.max(mostRequests, requests);
    if (outputs.length === 0) return { ids, mostRequests };
    ids.push(...outputs.map((output) => String(output.id)));
  }
  throw new Error(`still finding items after ${maxRuns} runs`);
}

afterEach(() => nock.cleanAll());

describe.each(simulatedLists('created'))('%s %s on Make', (platformId: string, kind: RecordKind) => {
  it('a scenario paused for 3 days misses nothing within the page budget, and runs nothing twice', async () => {
    const { time, list, trigger, status } = scenario(platformId, kind);
    const pages = Number(/pagination\.page <= (\d+)/.exec(trigger.communication.pagination?.condition ?? '')?.[1] ?? 1);
    const before = [list.add(status, 3600), list.add(status, 60)];
    trigger.start(time.now()); // "From now on"
    const burst = 120;
    expect(pages * list.list.maxPageSize).toBeGreaterThanOrEqual(burst);
    const created = [];
    for (let index = 0; index < burst; index += 1) {
      time.advance((3 * 24 * HOUR) / burst);
      created.push(list.add(status));
    }
    const { ids, mostRequests } = await drain(trigger, trigger.limitBounds.max);
    expect(ids).toEqual(created.map((record) => list.idOf(record)));
    expect(ids).not.toEqual(expect.arrayContaining(before.map((record) => list.idOf(record))));
    expect(mostRequests).toBeLessThanOrEqual(pages);
    // The scenario goes on from where it stopped: the next records, once each.
    time.advance(HOUR);
    const later = [list.add(status), list.add(status)];
    expect((await drain(trigger, 1)).ids).toEqual(later.map((record) => list.idOf(record)));
  });

  it('starts where "Choose where to start" says: since a date, or all', async () => {
    const { time, list, trigger, status } = scenario(platformId, kind);
    const records = [list.add(status, 72 * 3600), list.add(status, 24 * 3600), list.add(status, 3600)];
    trigger.start(new Date(time.now().getTime() - 48 * HOUR)); // "Since specific date"
    expect((await drain(trigger, 10)).ids).toEqual(records.slice(1).map((record) => list.idOf(record)));
    trigger.start(new Date('1970-01-01T00:00:00Z')); // "All"
    expect((await drain(trigger, 10)).ids).toEqual(records.map((record) => list.idOf(record)));
  });
});

describe('beyond the page budget', () => {
  it('a forward window (Tolt) still reaches every record, over more runs', async () => {
    const { time, list, trigger, status } = scenario('tolt', 'affiliate');
    trigger.start(time.now());
    const created = Array.from({ length: 1200 }, () => (time.advance(60_000), list.add(status)));
    const { ids } = await drain(trigger, trigger.limitBounds.max);
    expect(ids).toEqual(created.map((record) => list.idOf(record)));
  });

  it('a newest-first list (Tamio) loses the oldest records a run cannot reach: the limit docs/polling.md states', async () => {
    const { time, list, trigger, status } = scenario('tamio', 'affiliate');
    trigger.start(time.now());
    // Whole seconds: Tamio's times are epoch seconds.
    const created = Array.from({ length: 350 }, () => (time.advance(60_000), list.add(status)));
    const { ids } = await drain(trigger, trigger.limitBounds.max);
    // 6 pages of 50 reach the newest 300.
    expect(ids).toEqual(created.slice(50).map((record) => list.idOf(record)));
  });
});
