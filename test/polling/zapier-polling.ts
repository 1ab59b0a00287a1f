/**
 * A simulation of how Zapier runs a polling trigger for one Zap (Zapier's operating constraints
 * and `bundle.meta`): turning the Zap on polls once with `isPopulatingDedupe` and remembers every
 * returned id without running anything; each later poll runs the items whose id it has not seen,
 * the first 100 of them ("100 new items/poll"), and remembers every id it returned, run or not
 * (the harsher reading of the throttle: an item beyond 100 is never run). The Zap's `z.cache`
 * persists between its polls (a fake of Zapier's cache RPC, scoped as Zapier scopes it).
 */
import { appTester, triggerOperation } from '../helpers/app';
import { fakeCacheRpc, withCache, type FakeCacheRpc } from '../helpers/fake-cache-rpc';

/** Zapier's default polling throttle. */
export const ZAPIER_NEW_ITEMS_PER_POLL = 100;

export type Output = Record<string, unknown> & { id: string };

/** One Zap using a polling trigger. */
export class SimulatedZap {
  private readonly seen = new Set<string>();
  readonly store: FakeCacheRpc;

  constructor(
    private readonly trigger: string,
    private readonly authData: Record<string, string>,
    private readonly inputData: Record<string, string> = {},
    readonly zapId = 'zap-1',
    store?: FakeCacheRpc,
  ) {
    this.store = store ?? fakeCacheRpc();
  }

  private perform(populating: boolean): Promise<Output[]> {
    const perform = withCache(triggerOperation(this.trigger).perform, this.store);
    const meta = { isPopulatingDedupe: populating, isLoadingSample: false, limit: -1, zap: { id: this.zapId } };
    return appTester(perform, { authData: this.authData, inputData: this.inputData, meta }, false) as Promise<Output[]>;
  }

  /** Turns the Zap on: the deduplication population, no runs. */
  async turnOn(): Promise<void> {
    for (const item of await this.perform(true)) this.seen.add(item.id);
  }

  /** One scheduled poll. @returns the items Zapier runs the Zap for, in the order returned */
  async poll(): Promise<Output[]> {
    const items = await this.perform(false);
    const runs = items.filter((item) => !this.seen.has(item.id)).slice(0, ZAPIER_NEW_ITEMS_PER_POLL);
    for (const item of items) this.seen.add(item.id);
    return runs;
  }
}

/** Connection data for a platform: the key and any extra connection field, all fake. */
export function fakeAuth(platformId: string, extraFields: readonly { key: string }[] = []): Record<string, string> {
  return { platform: platformId, api_key: 'test-key', ...Object.fromEntries(extraFields.map((field) => [field.key, 'test-value'])) };
}

/**
 * Polls a Zap `count` times, calling `between` after each, and checks that no poll made more
 * requests than `budget` (the requests counted by `requests`).
 * @returns each poll's runs
 */
export async function pollWithinBudget(zap: SimulatedZap, count: number, budget: number, requests: () => number, between: () => void): Promise<Output[][]> {
  const polls: Output[][] = [];
  for (let index = 0; index < count; index += 1) {
    const before = requests();
    polls.push(await zap.poll());
    expect(requests() - before).toBeLessThanOrEqual(budget);
    between();
  }
  return polls;
}
