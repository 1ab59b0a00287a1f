/**
 * The request-count figure feeds every platform the inputs its actions and searches need (issue 21,
 * item 13): each one the platform's data offers runs to its end, and only those it marks
 * unsupported (or leaves out) are reported "not offered". The expectation is read from the same
 * data, so a new platform is held to it too.
 */
import { countRequests } from '../../bench/requests-worker';
import { PLATFORMS } from '../../platforms/registry';
import { app } from '../helpers/app';

describe('bench request counts of actions and searches', () => {
  let counts: Awaited<ReturnType<typeof countRequests>>;

  // About 150 calls through core's handler (each operation's input fields, then its perform): 3–4 s
  // alone, more when other test files share the two cores.
  beforeAll(async () => {
    counts = await countRequests(app, ['action', 'search']);
  }, 30_000);

  it.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('runs every action and search %s offers, with one request each', (id, platform) => {
    const outcome = (kind: 'action' | 'search') =>
      Object.fromEntries(counts.filter((count) => count.platform === id && count.kind === kind).map((count) => [count.key, count.error === undefined ? count.requests : 'refused']));
    const expected = (specs: Record<string, object | undefined>, keys: string[]) =>
      Object.fromEntries(keys.map((key) => [key, specs[key] !== undefined && 'request' in (specs[key] as object) ? 1 : 'refused']));
    const actions = outcome('action');
    const searches = outcome('search');
    expect(actions).toEqual(expected(platform.actions, Object.keys(actions)));
    expect(searches).toEqual(expected(platform.searches ?? {}, Object.keys(searches)));
    expect(Object.keys(actions).length).toBeGreaterThan(0);
  });
});
