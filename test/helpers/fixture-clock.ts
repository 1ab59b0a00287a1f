/**
 * The clock of documented fixtures. Signed deliveries whose body dates its event are refused once
 * older than the vendor's retry window (receive/freshness.ts), and the documented examples are
 * dated years ago: tests that deliver them run with `Date` set to the fixtures' own time (moving
 * on from there in real time), everything else (timers, nock) untouched.
 */
import { toTime } from '../../platforms/conversions';
import { getPath } from '../../platforms/paths';
import { PLATFORMS } from '../../platforms/registry';

/** When each platform's fixtures say their events happened (their envelope's time field), for platforms whose schemes sign no time. */
export const FIXTURE_TIMES = {
  rebus: '2022-01-01T00:00:05Z',
  rewardful: '2020-05-02T21:41:00Z',
  viralref: '2026-03-02T09:16:00Z',
  firstpromoter: '2025-04-25T09:41:00Z',
  dub: '2024-08-30T09:58:00Z',
} as const;

type FixturePlatform = keyof typeof FIXTURE_TIMES;

function isFixturePlatform(id: string): id is FixturePlatform {
  return id in FIXTURE_TIMES;
}

/** Fakes `Date` only, from `at`, advancing in real time. */
function fakeDateFrom(at: string): void {
  jest.useFakeTimers({
    now: new Date(at),
    advanceTimers: true,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

/** Sets `Date` to the platform's fixture time before each test of the enclosing block, and back after. */
export function useFixtureClock(platform: string): void {
  if (!isFixturePlatform(platform)) return;
  beforeEach(() => fakeDateFrom(FIXTURE_TIMES[platform]));
  afterEach(() => jest.useRealTimers());
}

/**
 * Moves the faked clock (useFixtureClock) to a minute after the event time a raw body carries, for
 * runners that deliver fixtures of several dates; does nothing for other platforms or bodies.
 */
export function atEventTimeOf(platformId: string, rawBody: string): void {
  const timePath = PLATFORMS.find((platform) => platform.id === platformId)?.delivery.timePath;
  if (!isFixturePlatform(platformId) || timePath === undefined) return;
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return;
  }
  const at = toTime(getPath(body, timePath));
  if (at !== undefined) jest.setSystemTime(Date.parse(at) + 60_000);
}
