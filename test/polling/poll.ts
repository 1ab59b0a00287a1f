/** Runs a polling trigger's perform as Zapier does, with Date fixed so time filters are exact. */
import { appTester, triggerOperation, type TestBundle } from '../helpers/app';
import { fakeCacheRpc, withCache } from '../helpers/fake-cache-rpc';

/** The poll's time: filters reach back 24 hours from it. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');
export const DAY_AGO = new Date(NOW.getTime() - 24 * 60 * 60 * 1000);

/** `2026-03-10T12:00:00Z`: ISO-8601 without milliseconds, as the filters send it. */
export function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Fakes only Date (nock and zapier-platform-core keep their real timers). */
export function fixClock(): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}

/** One poll of a polling trigger. */
export function poll(key: string, bundle: TestBundle): Promise<Record<string, unknown>[]> {
  return appTester(triggerOperation(key).perform, bundle) as Promise<Record<string, unknown>[]>;
}

/** The Zap id the polls of `zapPolls` run under. */
export const TEST_ZAP_ID = 'zap-test';

/**
 * Polls of one Zap that share its z.cache (a fake of Zapier's cache RPC), as Zapier's schedule
 * runs them: the first learns the list, later ones return what changed since.
 */
export function zapPolls(key: string, bundle: TestBundle): () => Promise<Record<string, unknown>[]> {
  const store = fakeCacheRpc();
  const perform = withCache(triggerOperation(key).perform, store);
  return () => appTester(perform, { ...bundle, meta: { limit: -1, zap: { id: TEST_ZAP_ID } } }, false) as Promise<Record<string, unknown>[]>;
}
