/**
 * The status polling triggers under a simulation of Zapier's polling (zapier-polling.ts), driven
 * through scripted histories of a fake vendor list (fake-vendor-list.ts), on every platform whose
 * status triggers are served. docs/polling.md reports what these show, per platform.
 */
import { findPlatform } from '../../platforms/registry';
import type { RecordKind } from '../../platforms/records';
import { readsChangesForward } from '../../triggers/polling-coverage';
import { pagesPerPoll } from '../../platforms/polling-budget';
import { FakeVendorList, simulatedLists, statusCycle, type FakeRecord } from './fake-vendor-list';
import { fakeAuth, pollWithinBudget, SimulatedZap, type Output } from './zapier-polling';

const START = new Date('2026-03-10T12:00:00.000Z');

beforeEach(() => {
  jest.useFakeTimers({ now: START, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

/** Moves Zapier's and the vendor's clock on. */
function tick(seconds = 60): void {
  jest.setSystemTime(new Date(Date.now() + seconds * 1000));
}

const DAY = 24 * 60 * 60;

describe.each(simulatedLists('status'))('%s %s status polling under Zapier', (platformId: string, kind: RecordKind) => {
  const platform = findPlatform(platformId);
  if (!platform) throw new Error(platformId);
  const trigger = kind === 'referral' ? 'referral_status_polling' : 'affiliate_status_polling';
  const [first, second, third] = statusCycle(platform, kind);
  const polling = platform.lists[kind]?.polling;
  // A forward window starts at the Zap's first poll: a record it has not read since shows no previous status.
  const before = polling && readsChangesForward(polling) ? undefined : first;
  let list: FakeVendorList;

  const zap = (inputData: Record<string, string> = {}, zapId = 'zap-1') => new SimulatedZap(trigger, fakeAuth(platformId, platform.connection.extraFields), inputData, zapId);
  const summary = (runs: Output[]) => runs.map((run) => [run.record_id, run.status, run.previous_status]);

  beforeEach(() => {
    list = new FakeVendorList(platformId, kind, () => new Date());
  });

  afterEach(() => {
    // UpPromote refuses from_date without to_date (422): no window is ever sent without its end.
    for (const query of list.requests) if ('from_date' in query) expect(query).toHaveProperty('to_date');
  });

  it('runs once per observed change, a return to an earlier status included, and never without a change', async () => {
    const record = list.add(first, 3600);
    list.add(first, 7200);
    const watching = zap();
    await watching.turnOn();
    tick();
    expect(await watching.poll()).toEqual([]);
    list.change(record, second);
    tick();
    const toSecond = await watching.poll();
    expect(summary(toSecond)).toEqual([[list.idOf(record), second, before]]);
    tick();
    expect(await watching.poll()).toEqual([]);
    list.change(record, first);
    tick();
    expect(summary(await watching.poll())).toEqual([[list.idOf(record), first, second]]);
    tick();
    expect(await watching.poll()).toEqual([]);
    // Back to a status that already ran once: a new change, a new run.
    list.change(record, second);
    tick();
    expect(summary(await watching.poll())).toEqual([[list.idOf(record), second, first]]);
  });

  it('sees two changes between polls as one run in the latest status; a filter on the skipped status sees neither', async () => {
    const record = list.add(first, 3600);
    const [all, onSecond, onThird] = [zap({}, 'zap-all'), zap({ status: second }, 'zap-second'), zap({ status: third }, 'zap-third')];
    for (const each of [all, onSecond, onThird]) await each.turnOn();
    tick();
    for (const each of [all, onSecond, onThird]) await each.poll();
    list.change(record, second);
    tick(10);
    list.change(record, third);
    tick();
    expect(summary(await all.poll())).toEqual([[list.idOf(record), third, before]]);
    expect(await onSecond.poll()).toEqual([]);
    expect(summary(await onThird.poll()).map(([id, status]) => [id, status])).toEqual([[list.idOf(record), third]]);
  });

  it('spreads 150 changes over polls: 100, then 50, none twice, newest first, within the rate limit', async () => {
    const records = Array.from({ length: 150 }, (_, index) => list.add(first, 3600 + index * 60));
    const watching = zap();
    await watching.turnOn();
    tick();
    await watching.poll();
    for (const record of records) {
      list.change(record, second);
      tick(1);
    }
    tick();
    const polls = await pollWithinBudget(watching, 3, pagesPerPoll(list.list.polling?.rateLimit), () => list.requests.length, tick);
    expect(polls.map((runs) => runs.length)).toEqual([100, 50, 0]);
    const ids = polls.flat().map((run) => run.record_id);
    expect(new Set(ids).size).toBe(150);
    expect(new Set(ids)).toEqual(new Set(records.map((record) => list.idOf(record))));
    if (list.list.polling?.updatedAt) {
      const changedAt = new Map(records.map((record) => [list.idOf(record), record.statusChangedAt.getTime()]));
      for (const runs of polls) {
        const times = runs.map((run) => changedAt.get(String(run.record_id)) ?? 0);
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
    }
  });

  it('sees a change to an old record behind 150 newer ones', async () => {
    const old = list.add(first, 60 * DAY);
    for (let index = 0; index < 150; index += 1) list.add(first, DAY - index * 60);
    const watching = zap();
    await watching.turnOn();
    tick();
    await watching.poll();
    list.change(old, second);
    tick();
    expect(summary(await watching.poll()).map(([id, status]) => [id, status])).toEqual([[list.idOf(old), second]]);
  });

  it('runs a record first seen after the Zap was turned on once, in its first status', async () => {
    list.add(first, 3600);
    const watching = zap();
    await watching.turnOn();
    tick();
    await watching.poll();
    const fresh: FakeRecord = list.add(second);
    tick();
    expect(summary(await watching.poll())).toEqual([[list.idOf(fresh), second, undefined]]);
    tick();
    expect(await watching.poll()).toEqual([]);
  });
});
