/**
 * Parts of a platform's coverage (scaffold/parts.ts) that a platform does not need, each with the
 * reason. The completeness test accepts an exemption only with a reason.
 */
export const COVERAGE_EXEMPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tamio: {
    contract_kit:
      'registers webhooks only in its dashboard, so the REST-hook contract (subscribe, unsubscribe) does not apply; test/platforms/tamio.test.ts and the Tamio property tests cover its deliveries',
  },
  viralref: {
    contract_kit:
      'registers webhooks only in its dashboard, so the REST-hook contract does not apply; test/platforms/viralref.test.ts and its dashboard property tests cover its deliveries',
    error_table: 'publishes no API, so the app never sends ViralRef a request that could answer an error',
  },
  tolt: {
    contract_kit:
      'registers webhooks only in its dashboard, so the REST-hook contract does not apply; test/platforms/tolt.test.ts and its dashboard property tests cover its deliveries',
  },
  rewardful: {
    contract_kit:
      'registers webhooks only in its dashboard, so the REST-hook contract does not apply; test/platforms/rewardful.test.ts and its dashboard property tests cover its deliveries',
  },
};
