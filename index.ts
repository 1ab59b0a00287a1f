/**
 * Affiliate Hub: the Zapier app definition. Everything vendor-specific lives in platforms/; the
 * triggers, actions and searches here are generic and work for whichever platform the user connects.
 */
import { defineApp, version as platformVersion } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './authentication';
import { ACTION_SPECS } from './creates';
import { defineAction } from './creates/create-factory';
import { addCredentials, explainErrors } from './platforms/middleware';
import { SEARCH_OR_CREATES, SEARCH_SPECS } from './searches';
import { defineSearchFrom } from './searches/search-factory';
import { affiliateList, applicantList, groupList, payoutList, programList, referralList } from './triggers/choice-lists';
import dashboardWebhook from './triggers/dashboard_webhook';
import { defineHookTrigger } from './triggers/hook-trigger';
import { HOOK_TRIGGER_SPECS } from './triggers/hook-trigger-specs';
import platformEventList from './triggers/platform_event_list';
import { definePollingTrigger } from './triggers/polling-trigger';
import { POLLING_TRIGGER_SPECS } from './triggers/polling-trigger-specs';

const triggers = [
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

const creates = ACTION_SPECS.map(defineAction);

const searches = SEARCH_SPECS.map(defineSearchFrom);

function byKey<T extends { key: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.key, item]));
}

export default defineApp({
  version: packageJson.version,
  platformVersion,
  authentication,
  beforeRequest: [addCredentials],
  afterResponse: [explainErrors],
  triggers: byKey(triggers),
  creates: byKey(creates),
  searches: byKey(searches),
  searchOrCreates: byKey([...SEARCH_OR_CREATES]),
});
