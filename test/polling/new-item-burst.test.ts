/**
 * The new-item polling triggers under the simulation of Zapier's polling (zapier-polling.ts): a
 * burst larger than Zapier's 100 items per poll is spread over polls, oldest first, nothing skipped
 * or run twice, newest first within each poll, on the same fake lists as status-history.test.ts.
 */
import { findPlatform } from '../../platforms/registry';
import type { RecordKind } from '../../platforms/records';
import { pagesPerPoll } from '../../platforms/polling-budget';
import { FakeVendorList, simulatedLists } from './fake-vendor-list';
import { fakeAuth, pollWithinBudget, SimulatedZap } from './zapier-polling';

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-03-10T12:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

function tick(seconds = 60): void {
  jest.setSystemTime(new Date(Date.now() + seconds * 1000));
}

describe.each(simulatedLists('created'))('%s %s new-item polling under Zapier', (platformId: string, kind: RecordKind) => {
  const platform = findPlatform(platformId);
  if (!platform) throw new Error(platformId);
  // Any status the platform reports (new-item polls do not look at it).
  const status = Object.values(platform.statuses[kind] ?? {})[0] ?? 'unknown';

  it('runs a burst of 150 new records over two polls of at most 100, none skipped or twice, newest first, within the rate limit', async () => {
    const list = new FakeVendorList(platformId, kind, () => new Date());
    for (let index = 0; index < 3; index += 1) list.add(status, 3600 + index * 60);
    const zap = new SimulatedZap(`new_${kind}_polling`, fakeAuth(platformId, platform.connection.extraFields));
    await zap.turnOn();
    tick();
    expect(await zap.poll()).toEqual([]);
    const burst = Array.from({ length: 150 }, () => {
      tick(1);
      return list.add(status);
    });
    tick();
    const polls = await pollWithinBudget(zap, 3, pagesPerPoll(list.list.polling?.rateLimit), () => list.requests.length, tick);
    // A forward window re-reads the last record it returned (its start overlaps by a second), so its first poll may run 99.
    expect(polls[0].length).toBeGreaterThanOrEqual(99);
    expect(polls.map((runs) => runs.length).every((count) => count <= 100)).toBe(true);
    expect(polls[2]).toEqual([]);
    const ids = polls.flat().map((run) => run.id);
    expect(new Set(ids)).toEqual(new Set(burst.map((record) => list.idOf(record))));
    expect(ids).toHaveLength(150);
    for (const runs of polls) {
      const times = runs.map((run) => String(run.created_at));
      expect(times).toEqual([...times].sort().reverse());
    }
    for (const query of list.requests) if ('from_date' in query) expect(query).toHaveProperty('to_date');
  });
});
