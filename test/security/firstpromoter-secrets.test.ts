/**
 * Issue 22 item 9 and issue 25 item 4: a FirstPromoter subscription may hold two secrets, our
 * random token (sent back in our custom header) and the `secret_key` the create answer may return
 * (an HMAC key: `X-Webhook-Signature` = lower-case hex HMAC-SHA256 of the raw body, the scheme its
 * docs described until 2026-04-24). Each verifies only in its own scheme.
 */
import type { ZObject } from 'zapier-platform-core';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { matchingScheme } from '../../receive/verify';
import { subscriptionSecrets } from '../../receive/secrets';
import { appTester, runsOf, triggerOperation } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { useFixtureClock } from '../helpers/fixture-clock';
import commissionApproved from '../../workshops/firstpromoter/fixtures/commission.approved.json';
import { FP_TOKEN_HEADER, firstpromoterKit } from '../../workshops/firstpromoter/kit';

const OUR_TOKEN = 'c0ffee'.repeat(10) + 'abcd';
const ISSUED = 'f1e2'.repeat(16);
const subscription = { events: ['commission.approved', 'commission.denied'], id: '4821', secret: OUR_TOKEN, issuedSecret: ISSUED };
const body = JSON.stringify(commissionApproved);
const firstPromoter = findPlatform('firstpromoter') as PlatformDefinition;

function perform(headers: Record<string, string>, subscriptions: unknown[] = [subscription]) {
  return runsOf(
    appTester(triggerOperation('referral_status_changed').perform, {
      authData: firstpromoterKit.authData,
      inputData: {},
      subscribeData: { id: '4821', platform: 'firstpromoter', subscriptions },
      ...hookRequest(body, headers),
    }),
  );
}

describe('FirstPromoter: each secret in its own scheme', () => {
  useFixtureClock('firstpromoter');

  it('runs a delivery signed with the issued secret_key as X-Webhook-Signature (hex HMAC of the raw body), named as that scheme', async () => {
    const headers = { 'X-Webhook-Signature': hmacHex(ISSUED, body) };
    expect(await perform(headers)).toEqual([expect.objectContaining({ id: '13533003', status: 'approved' })]);
    const expectation = { secrets: subscriptionSecrets(firstPromoter, [subscription]) };
    const delivery = { rawBody: body, headers: hookRequest(body, headers).rawRequest.headers, query: {} };
    expect(await matchingScheme({} as ZObject, firstPromoter, delivery, expectation)).toBe('HMAC-SHA256 hex of the raw body in X-Webhook-Signature');
  });

  it('runs a delivery carrying our token in our header (accounts whose create answer returns no secret_key)', async () => {
    expect(await perform({ [FP_TOKEN_HEADER]: OUR_TOKEN }, [{ ...subscription, issuedSecret: undefined }])).toHaveLength(1);
  });

  it('refuses the issued secret_key presented as our header token', async () => {
    expect(await perform({ [FP_TOKEN_HEADER]: ISSUED })).toEqual([]);
  });

  it.each(['X-Webhook-Signature', 'X-FirstPromoter-Signature'])('refuses an HMAC keyed with our token, in %s', async (header) => {
    expect(await perform({ [header]: hmacHex(OUR_TOKEN, body) })).toEqual([]);
  });

  it('marks each secret with its use: ours a token, the issued one a key', () => {
    expect(subscriptionSecrets(firstPromoter, [subscription])).toEqual([
      { secret: OUR_TOKEN, events: subscription.events, use: 'token' },
      { secret: ISSUED, events: subscription.events, use: 'key' },
    ]);
  });
});
