/**
 * Affiliate Hub: the Zapier app definition. Everything vendor-specific lives in platforms/; the
 * triggers, actions and searches here are generic and work for whichever platform the user connects.
 */
import { defineApp, version as platformVersion } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './authentication';
import approveAffiliate from './creates/approve_affiliate';
import approveReferral from './creates/approve_referral';
import createAffiliate from './creates/create_affiliate';
import createReferral from './creates/create_referral';
import markPayoutPaid from './creates/mark_payout_paid';
import denyAffiliate from './creates/deny_affiliate';
import denyReferral from './creates/deny_referral';
import { addCredentials, explainErrors } from './platforms/middleware';
import findAffiliate from './searches/find_affiliate';
import findReferral from './searches/find_referral';
import { affiliateList, applicantList, groupList, payoutList, programList, referralList } from './triggers/choice-lists';
import dashboardWebhook from './triggers/dashboard_webhook';
import { defineHookTrigger } from './triggers/hook-trigger';
import { HOOK_TRIGGER_SPECS } from './triggers/hook-trigger-specs';
import platformEventList from './triggers/platform_event_list';

const triggers = [
  ...HOOK_TRIGGER_SPECS.map(defineHookTrigger),
  dashboardWebhook,
  platformEventList,
  referralList,
  affiliateList,
  applicantList,
  payoutList,
  programList,
  groupList,
];

const creates = [approveReferral, denyReferral, createReferral, createAffiliate, approveAffiliate, denyAffiliate, markPayoutPaid];

const searches = [findAffiliate, findReferral];

/** Find Affiliate, or create one if none is found. */
const searchOrCreates = {
  find_affiliate: {
    key: 'find_affiliate',
    display: {
      label: 'Find or Create Affiliate',
      description: 'Finds an affiliate by email, or creates one if none is found.',
    },
    search: 'find_affiliate',
    create: 'create_affiliate',
  },
};

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
  searchOrCreates,
});
