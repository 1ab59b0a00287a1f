/**
 * Part of step 2 of the receive path (verify.ts): which secrets a REST-hook delivery may be verified
 * with, each in its own scheme only. A subscription may hold two: the one we chose and the one the
 * vendor issued. Where the platform's schemes include a header token, the secret we chose is that
 * token (sent back as given, never a signing key); a vendor-issued secret is always a signing key.
 * So FirstPromoter's `secret_key` never passes as our header token, nor our token as its HMAC key.
 */
import { candidateSchemes } from '../signature-schemes';
import { EVENT_PARAM, ROUTE_PARAM } from '../platforms/event-route';
import type { PlatformDefinition } from '../platforms/types';
import type { VendorSubscription } from '../platforms/subscribe-data';
import type { ExpectedRoute, ExpectedSecret } from './expectation';

/**
 * The expected secrets of a Zap's vendor subscriptions, each with its events and use.
 * @returns one entry per secret held, in subscription order
 */
export function subscriptionSecrets(platform: PlatformDefinition, subscriptions: readonly VendorSubscription[]): ExpectedSecret[] {
  const chosenIsToken =
    platform.webhooks.kind === 'api' &&
    platform.webhooks.callerChoosesSecret === true &&
    candidateSchemes(platform.signature).some((scheme) => scheme.type === 'header_token');
  return subscriptions.flatMap(({ secret, issuedSecret, events }) => [
    ...(secret === undefined || secret === '' ? [] : [{ secret, events, use: chosenIsToken ? ('token' as const) : ('key' as const) }]),
    ...(issuedSecret === undefined || issuedSecret === '' ? [] : [{ secret: issuedSecret, events, use: 'key' as const }]),
  ]);
}

/**
 * The route tokens the Zap's subscriptions registered (in their target URLs, `ah_route` beside
 * `ah_event`), so a routed delivery is bound to its subscription whatever secret signed it.
 * @returns one entry per subscription whose stored target carries both parameters
 */
export function subscriptionRoutes(subscriptions: readonly VendorSubscription[]): ExpectedRoute[] {
  return subscriptions.flatMap(({ target }) => {
    if (target === undefined || !URL.canParse(target)) return [];
    const params = new URL(target).searchParams;
    const event = params.get(EVENT_PARAM);
    const token = params.get(ROUTE_PARAM);
    return event === null || token === null ? [] : [{ event, token }];
  });
}
