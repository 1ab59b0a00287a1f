/**
 * Every Zapier operation the app can offer, built once from the catalogues in fields/ by the
 * factories in triggers/, creates/ and searches/. The multi-platform app lists them all; a
 * single-platform app (app/single-platform.ts) keeps those its platform serves.
 */
import { ACTION_SPECS } from '../fields/actions';
import { defineAction } from '../creates/create-factory';
import { SEARCH_OR_CREATES, SEARCH_SPECS } from '../fields/searches';
import { defineSearchFrom } from '../searches/search-factory';
import { affiliateList, applicantList, groupList, payoutList, programList, referralList } from '../triggers/choice-lists';
import dashboardWebhook from '../triggers/dashboard_webhook';
import { defineHookTrigger } from '../triggers/hook-trigger';
import { HOOK_TRIGGER_SPECS } from '../fields/hook-triggers/index';
import platformEventList from '../triggers/platform_event_list';
import { definePollingTrigger } from '../triggers/polling-trigger';
import { POLLING_TRIGGER_SPECS } from '../fields/polling-triggers';

/** The triggers in the order the editor lists them: instant, polling, dashboard webhook, then the hidden dropdown lists. */
export const TRIGGERS = [
  ...HOOK_TRIGGER_SPECS.map(defineHookTrigger),
  ...POLLING_TRIGGER_SPECS.map(definePollingTrigger),
  dashboardWebhook,
  platformEventList,
  referralList,
  affiliateList,
  applicantList,
  payoutList,
  programList,
  groupList,
];

/** The actions (Zapier creates), one per ACTION_SPECS entry. */
export const CREATES = ACTION_SPECS.map(defineAction);

/** The searches, one per SEARCH_SPECS entry. */
export const SEARCHES = SEARCH_SPECS.map(defineSearchFrom);

/** The search-or-create pairs (a search key and the create run when it finds nothing). */
export { SEARCH_OR_CREATES };

/**
 * The operations by key, each key kept as a literal type, so the app's definition (and a test)
 * knows `triggers.new_referral` exists instead of seeing `Record<string, …>`.
 */
export function byKey<const T extends { key: string }>(items: readonly T[]): { [I in T as I['key']]: I } {
  // Object.fromEntries types its result as a plain record; the keys are exactly the items' own.
  return Object.fromEntries(items.map((item) => [item.key, item])) as { [I in T as I['key']]: I };
}
