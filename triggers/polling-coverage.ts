/**
 * What a polling trigger sees on the connected platform, in words: shown in the Zap editor as a
 * notice (a dynamic `copy` field) and quoted by docs/polling.md. Derived from the list's polling
 * data, so it says what the code does.
 */
import type { RecordKind } from '../platforms/records';
import type { ListPolling, ListSpec, PlatformDefinition } from '../platforms/types';
import { UNKNOWN_RATE_LIMIT } from '../platforms/polling-budget';
import { pageBudget } from './polling-pages';
import { ZAPIER_ITEMS_PER_POLL } from './polling-status';

const PLURAL: Record<RecordKind, string> = { referral: 'referrals', affiliate: 'affiliates', payout: 'payouts' };

/** Whether a status poll reads forward through the vendor's updated-since window (else it scans the newest pages). */
export function readsChangesForward(polling: ListPolling): boolean {
  return polling.updatedSince?.oldestFirst === true;
}

/** The days a status scan reaches back by creation (`statusWindowDays`, a list whose pages may not start with the newest), or undefined for the whole list. */
export function statusScanDays(polling: ListPolling): number | undefined {
  const windowed = !readsChangesForward(polling) && polling.order !== 'newest_first' && polling.createdSince !== undefined;
  return windowed ? polling.statusWindowDays : undefined;
}

function rateText(list: ListSpec, polling: ListPolling, name: string): string {
  const limit = polling.rateLimit ?? UNKNOWN_RATE_LIMIT;
  const pages = pageBudget(list, polling);
  const allowance = polling.rateLimit ? `${limit.requests} requests per ${limit.perSeconds} s per ${limit.per}` : 'no documented rate limit, taken as 60 a minute';
  return `${pages} request${pages === 1 ? '' : 's'} at most (${name}: ${allowance})`;
}

/**
 * The status trigger's notice: which records a check sees, what it costs against the rate limit,
 * what no poll can see, and the first-sighting rule.
 * @param instead the trigger that sees every change (the instant one, or the dashboard webhook), where one works on the platform
 */
export function statusCoverage(platform: PlatformDefinition, kind: RecordKind, list: ListSpec, polling: ListPolling, instead: string | undefined): string {
  const plural = PLURAL[kind];
  const seen = readsChangesForward(polling)
    ? `Each check reads ${platform.name}'s ${plural} in the order they were last updated, from where the previous check stopped, so a change to any ${kind} is seen, however old (up to ${ZAPIER_ITEMS_PER_POLL} changes a check; more wait for the next checks).`
    : `Each check compares the newest ${(pageBudget(list, polling) * list.maxPageSize).toLocaleString('en-US')} ${plural}${statusScanDays(polling) === undefined ? '' : ` created in the last ${String(statusScanDays(polling))} days`} with what the previous check saw, in ${rateText(list, polling, platform.name)}; a change to an older ${kind} is not seen.`;
  return [
    seen,
    `${platform.name}'s list shows only the current status, so a change made and undone between two checks is not seen${instead === undefined ? '' : `; the "${instead}" trigger sees every change`}.`,
    `${kind === 'affiliate' ? 'An' : 'A'} ${kind} first seen after the Zap's first check runs once, in the status it is first seen in.`,
  ].join(' ');
}

/** The new-item trigger's notice: how far a check reads and how a burst is spread over checks. */
export function newItemCoverage(platform: PlatformDefinition, kind: RecordKind, list: ListSpec, polling: ListPolling): string {
  const plural = PLURAL[kind];
  const most = (pageBudget(list, polling) * list.maxPageSize).toLocaleString('en-US');
  const cost = rateText(list, polling, platform.name);
  const spread = `runs the oldest ${ZAPIER_ITEMS_PER_POLL} new ones; more wait for the next checks`;
  if (polling.createdSince?.oldestFirst) {
    return `Each check reads ${platform.name}'s ${plural} in the order they were created, from where the previous check stopped, in ${cost}, and ${spread}; none is skipped.`;
  }
  if (polling.order === 'newest_first') {
    return pageBudget(list, polling) > 1
      ? `Each check reads ${platform.name}'s newest ${plural} page by page until the last one it returned (${most} at most), in ${cost}, and ${spread}.`
      : `Each check reads ${platform.name}'s newest ${most} ${plural} (one page, ${cost}) and ${spread}; a burst of more than ${most} between two checks loses the oldest.`;
  }
  if (polling.createdSince) {
    return `Each check reads the ${plural} created in the last day (${most} at most, ${cost}) and ${spread}.`;
  }
  return `Each check reads the first ${most} ${plural} ${platform.name} lists (its order is not documented; ${cost}) and ${spread}; if ${platform.name} lists oldest first, newer ones beyond them are not seen.`;
}
