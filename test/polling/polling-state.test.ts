/**
 * What a status poll keeps in Zapier's cache, and what happens when the cache fails it: one entry
 * per trigger and Zap under the connection's scope, refreshed by every poll; a write Zapier does
 * not confirm fails the poll (nothing runs, nothing is lost); an expired entry is learnt afresh
 * without runs.
 */
import { findPlatform } from '../../platforms/registry';
import { POLL_STATE_TTL_SECONDS, stateKey } from '../../triggers/polling-state';
import { userMessage } from '../helpers/errors';
import { FakeVendorList, statusCycle } from './fake-vendor-list';
import { fakeAuth, SimulatedZap } from './zapier-polling';

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-03-10T12:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

const platform = findPlatform('rewardful');
if (!platform) throw new Error('rewardful');
const [first, second] = statusCycle(platform, 'referral');
const auth = fakeAuth('rewardful');

describe('polling state in z.cache', () => {
  it('keeps one entry per trigger and Zap, scoped to the connection, refreshed by every poll', async () => {
    new FakeVendorList('rewardful', 'referral', () => new Date()).add(first, 60);
    const zap = new SimulatedZap('referral_status_polling', auth, {}, 'zap-42');
    await zap.turnOn();
    await zap.poll();
    expect(zap.store.sets).toEqual([
      { key: stateKey('referral_status_polling', 'zap-42'), ttl: POLL_STATE_TTL_SECONDS, scope: ['auth'], nx: null },
      { key: stateKey('referral_status_polling', 'zap-42'), ttl: POLL_STATE_TTL_SECONDS, scope: ['auth'], nx: null },
    ]);
    expect(stateKey('referral_status_polling', 'zap-43')).not.toBe(stateKey('referral_status_polling', 'zap-42'));
  });

  it('fails the poll when Zapier does not confirm the write (null), runs nothing, and finds the change on the next poll', async () => {
    const list = new FakeVendorList('rewardful', 'referral', () => new Date());
    const record = list.add(first, 60);
    const zap = new SimulatedZap('referral_status_polling', auth);
    await zap.turnOn();
    list.change(record, second);
    const set = zap.store.cache.set;
    zap.store.cache.set = async () => null;
    expect(userMessage(await zap.poll().catch((error: unknown) => error))).toMatch(/Zapier did not confirm storing what this check saw, so no run was started/);
    zap.store.cache.set = set;
    expect((await zap.poll()).map((run) => [run.record_id, run.status])).toEqual([[list.idOf(record), second]]);
  });

  it('after the entry expires, learns the statuses again without runs, then runs changes as before', async () => {
    const list = new FakeVendorList('rewardful', 'referral', () => new Date());
    const record = list.add(first, 60);
    const zap = new SimulatedZap('referral_status_polling', auth);
    await zap.turnOn();
    zap.store.advance(POLL_STATE_TTL_SECONDS + 1);
    list.change(record, second);
    jest.setSystemTime(new Date(Date.now() + 60_000));
    // The change made while the entry was gone is not reported: the poll cannot know the status before it.
    expect(await zap.poll()).toEqual([]);
    list.change(record, first);
    jest.setSystemTime(new Date(Date.now() + 60_000));
    expect((await zap.poll()).map((run) => [run.record_id, run.status, run.previous_status])).toEqual([[list.idOf(record), first, second]]);
  });
});
