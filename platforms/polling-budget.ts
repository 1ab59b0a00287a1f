/**
 * How many list pages one poll may read within a vendor's rate limit (the platform's
 * `polling.rateLimit`): the Zapier polling triggers (triggers/polling-pages.ts) and the Make
 * generator's polling modules read the same budget.
 */
import type { RateLimit } from './types';

/** Most pages one poll reads, whatever the rate limit: Zapier gives a poll 30 seconds. */
export const MAX_PAGES_PER_POLL = 10;

/** The share of one minute's allowance a poll may spend: Zapier polls one Zap at most once a minute, and other Zaps and actions share the allowance. */
export const RATE_LIMIT_SHARE = 0.1;

/** What a list without a stated rate limit is taken to allow [INF: no document]. */
export const UNKNOWN_RATE_LIMIT: RateLimit = { requests: 60, perSeconds: 60, per: 'account', source: 'inferred: no rate limit is documented' };

/**
 * Pages one poll may read: a tenth of one minute's allowance, at least 1, at most MAX_PAGES_PER_POLL.
 * @example UpPromote's 120 a minute → 10; Rewardful's 45 per 30 s → 9; unknown (60 a minute) → 6
 */
export function pagesPerPoll(limit: RateLimit | undefined): number {
  const { requests, perSeconds } = limit ?? UNKNOWN_RATE_LIMIT;
  const perMinute = (requests * 60) / perSeconds;
  return Math.max(1, Math.min(MAX_PAGES_PER_POLL, Math.floor(perMinute * RATE_LIMIT_SHARE)));
}
