/**
 * Generic REST-hook registration: interprets a platform's `WebhookApi` data to register the
 * Zap's target URL for a set of vendor events, and to remove it again.
 */
import { randomBytes } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { callPlatform, type ApiResponse } from './api';
import { EVENT_PARAM, ROUTE_PARAM, routeToken, routesByUrl } from './event-route';
import { fallbackSubscription } from './event-fallback';
import { jsonObjectListSchema, readAt, secretSchema, vendorIdSchema } from './schemas';
import { getPath } from './paths';
import { redact } from './redact';
import { replacePreviousSubscribe } from './repeat-subscribe';
import type { SubscribeData, VendorSubscription } from './subscribe-data';
import type { PlatformDefinition, Template, WebhookApi } from './types';
import { verifiesWithSecretOnly } from '../signature-schemes';
// Labels only (data, no behaviour): a refusal names the polling trigger that works instead.

export type { SubscribeData, VendorSubscription };

/** 32 random bytes, hex: secrets we choose and URL tokens. */
export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Adds query parameters to a URL, keeping any it has. */
function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.toString();
}

/** The host of a vendor-reported target, or a neutral phrase when it is not a URL (vendor data is untrusted). */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'an address that is not a valid URL';
}

/** What the caller knows beyond the platform's data. */
export interface SubscribeOptions {
  /** The label of a trigger that works without this event's webhook (a polling trigger), named when the event's slot is taken. */
  alternativeFor?: (event: string) => string | undefined;
  /** The key route tokens are computed with (the connection's API key; see event-route.ts' routeToken). */
  routeKey?: string;
}

/** Raised when a vendor allows one subscription per event and another URL holds it. */
function clashMessage(platform: PlatformDefinition, event: string, otherUrl: string, polling: string | undefined): string {
  const where = hostOf(otherUrl);
  return (
    `${platform.name} allows only one webhook per event, and "${event}" is already sent to another address (${where}). ` +
    `Turn off the other Zap using this event, or remove that webhook in ${platform.name}, then turn this Zap on again.` +
    (polling ? ` Or use "${polling}" instead: it checks ${platform.name}'s API on a schedule and needs no webhook, so it can run beside the other one.` : '')
  );
}

/** The vendor's current subscription for one event, on one-per-event vendors that let us look (`findExisting`). */
interface ExistingSubscription {
  /** Its target URL, when the vendor reports one as text. */
  target?: string;
  secret?: string;
}

/**
 * Looks up the vendor's current subscription for `event`.
 * @returns undefined when the platform cannot look (no `findExisting`, or several events per
 *   subscription) or none exists
 * @throws z.errors.Error from the middleware when the vendor refuses the look-up
 */
async function findExisting(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  event: string,
  secrets: readonly (string | undefined)[],
): Promise<ExistingSubscription | undefined> {
  if (!api.findExisting || !ownsByTarget(api)) return undefined;
  const found = await callPlatform(z, platform, api.findExisting, { event }, { secrets, confirm: true });
  const items = readAt(found.data, api.findExisting.itemsPath, jsonObjectListSchema) ?? [];
  const item = items.find((candidate) => candidate.event === event);
  if (item === undefined) return undefined;
  const target = item[api.findExisting.targetField];
  const secretField = api.findExisting.secretField;
  return { target: typeof target === 'string' ? target : undefined, secret: secretField ? readAt(item, secretField, secretSchema) : undefined };
}

/** True for a one-per-event vendor we can look up: its subscription is ours only while its target is the URL we registered. */
function ownsByTarget(api: WebhookApi): boolean {
  return api.findExisting !== undefined && api.eventsPerSubscription === 'one';
}

/**
 * True when two target URLs are the same Zap's for the same event: equal once the route token is
 * set aside (it is derived from the rest, and a URL registered before route tokens has none).
 */
function sameTarget(a: string, b: string): boolean {
  const bare = (url: string) => {
    if (!URL.canParse(url)) return url;
    const parsed = new URL(url);
    parsed.searchParams.delete(ROUTE_PARAM);
    return parsed.toString();
  };
  return bare(a) === bare(b);
}

/** The token our target URL carries, if any (a secret: never in a message). */
function tokenOf(platform: PlatformDefinition, targetUrl: string): string | undefined {
  if (platform.signature.type !== 'url_token' || !URL.canParse(targetUrl)) return undefined;
  return new URL(targetUrl).searchParams.get(platform.signature.param) ?? undefined;
}

/** The route token our target URL carries, if any (a secret too: it binds `ah_event`). */
function routeOf(targetUrl: string): string | undefined {
  return URL.canParse(targetUrl) ? (new URL(targetUrl).searchParams.get(ROUTE_PARAM) ?? undefined) : undefined;
}

/** The z.cache scope of what is remembered per connection: Zapier keeps a key under `['auth']` apart per connection. */
const CONNECTION_SCOPE = ['auth'];

/** How long a body field name that worked is remembered, in seconds (30 days; z.cache wants an integer). */
const FIELD_NAME_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The cache key of the field name that worked for a platform's create body (scoped to the connection). */
function fieldNameKey(platform: PlatformDefinition, field: string): string {
  return `webhook-field:${platform.id}:${field}`;
}

/** The body with `field` renamed to `name`, keys kept in order. */
function renamedBody(body: Record<string, Template>, field: string, name: string): Record<string, Template> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key === field ? name : key, value]));
}

/** The vendor's message in an error answer (the platform's message paths, else the start of the body). */
function vendorMessage(platform: PlatformDefinition, response: ApiResponse): string {
  for (const path of platform.errorMessagePaths) {
    const value = getPath(response.data, path);
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 300);
  }
  return response.content.trim().slice(0, 300) || 'no message';
}

/**
 * Creates the vendor subscription, trying the unconfirmed body field names of
 * `subscribe.fieldCandidates` in order (the one remembered for this connection first): a 400 or
 * 422 whose message names one of a field's candidates is retried once with the next one. The name
 * that worked is remembered for the connection. With no candidates, one plain call.
 * @throws z.errors.Error when every candidate is refused: what was tried and the vendor's last
 *   message (redacted), so the Zap is not turned on with nothing registered; other refusals as the
 *   middleware words them
 */
async function createWithFieldCandidates(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  scope: Record<string, unknown>,
  secrets: readonly (string | undefined)[],
): Promise<ApiResponse> {
  const [field, names] = Object.entries(api.subscribe.fieldCandidates ?? {})[0] ?? [];
  if (field === undefined || names === undefined || api.subscribe.body === undefined || names.length === 0) {
    return callPlatform(z, platform, api.subscribe, scope, { secrets });
  }
  // Core's cache takes the scope on `get` too (create-cache.js); its typings omit the argument.
  const scopedGet = z.cache.get as (key: string, scope: string[]) => Promise<unknown>;
  const remembered = await scopedGet(fieldNameKey(platform, field), CONNECTION_SCOPE);
  const order = typeof remembered === 'string' && names.includes(remembered) ? [remembered, ...names.filter((name) => name !== remembered)] : [...names];
  const naming = new RegExp(`\\b(${order.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
  const tried: string[] = [];
  let last: { status: number; message: string } | undefined;
  for (const name of order) {
    const spec = { ...api.subscribe, body: renamedBody(api.subscribe.body, field, name) };
    const response = await callPlatform(z, platform, spec, scope, { secrets, acceptStatuses: FIELD_REFUSALS });
    tried.push(name);
    if (!FIELD_REFUSALS.includes(response.status)) {
      if (name !== remembered) await z.cache.set(fieldNameKey(platform, field), name, FIELD_NAME_TTL_SECONDS, CONNECTION_SCOPE);
      return response;
    }
    // The secrets include our URL token, so an echoed target URL keeps its host but not the token.
    last = { status: response.status, message: redact(vendorMessage(platform, response), secrets) };
    // Only a refusal that names the field says the name may be wrong; any other is the vendor's last word.
    if (!naming.test(last.message)) break;
  }
  throw new z.errors.Error(
    `${platform.name} refused to create the webhook (HTTP ${last?.status}: "${last?.message}"), tried with the URL field named ${tried.map((name) => `"${name}"`).join(', then ')}. Nothing was registered, so the Zap was not turned on.`,
    'WebhookRefused',
    last?.status ?? 400,
  );
}

/** The refusals that may mean a wrong body field name. */
const FIELD_REFUSALS: readonly number[] = [400, 422];

/**
 * Creates the vendor subscription for `scope.events`; where some of them have a `fallback` (newer
 * names not every account accepts), a 400 or 422 refusal is retried once with the fallbacks in
 * their place (platforms/event-fallback.ts), so an account with only the older events still turns
 * the Zap on. The first attempt is a plain call (no body field candidates).
 * @returns the answer, the events actually subscribed and, after a fallback, what stands in for what
 * @throws z.errors.Error as createWithFieldCandidates when the fallback is refused too, or when
 *   there is none to try
 */
async function createWithFallback(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  scope: { target_url: string; event: string; events: string[]; secret?: string },
  secrets: readonly (string | undefined)[],
): Promise<{ response: ApiResponse; events: string[]; standIns?: Record<string, string[]> }> {
  const fallback = fallbackSubscription(platform, scope.events);
  if (fallback === undefined) return { response: await createWithFieldCandidates(z, platform, api, scope, secrets), events: scope.events };
  const first = await callPlatform(z, platform, api.subscribe, scope, { secrets, acceptStatuses: FIELD_REFUSALS });
  if (!FIELD_REFUSALS.includes(first.status)) return { response: first, events: scope.events };
  z.console.log(
    `${platform.name} refused the events ${scope.events.join(', ')} (HTTP ${first.status}: "${redact(vendorMessage(platform, first), secrets)}"); subscribing ${fallback.events.join(', ')} instead.`,
  );
  const events = fallback.events;
  const response = await createWithFieldCandidates(z, platform, api, { ...scope, event: events[0], events }, secrets);
  return { response, events, standIns: fallback.standIns };
}

async function subscribeOne(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  events: string[],
  targetUrl: string,
  options: SubscribeOptions,
): Promise<VendorSubscription> {
  const token = tokenOf(platform, targetUrl);
  const event = events[0];
  const secrets = [token, routeOf(targetUrl)];
  const existing = await findExisting(z, platform, api, event, secrets);
  if (existing !== undefined) {
    const existingUrl = existing.target;
    if (existingUrl !== undefined && !sameTarget(existingUrl, targetUrl)) {
      throw new z.errors.Error(clashMessage(platform, event, existingUrl, options.alternativeFor?.(event)), 'WebhookClash', 409);
    }
    // The URL as registered (one from before route tokens has none: its deliveries are bound by secret only).
    if (existingUrl !== undefined && existing.secret) return { events, secret: existing.secret, target: existingUrl };
  }
  const chosenSecret = api.callerChoosesSecret ? randomSecret() : undefined;
  // The vendor may echo the secret or the target URL (with our token) in an error.
  const created = await createWithFallback(z, platform, api, { target_url: targetUrl, event, events, secret: chosenSecret }, [...secrets, chosenSecret]);
  const { response } = created;
  const id = api.subscribe.idPath ? readAt(response.data, api.subscribe.idPath, vendorIdSchema) : undefined;
  const issued = api.subscribe.secretPath ? readAt(response.data, api.subscribe.secretPath, secretSchema) : undefined;
  const secret = chosenSecret ?? issued;
  const made: VendorSubscription = { events: created.events, id: id === undefined ? undefined : String(id), secret };
  if (created.standIns !== undefined) made.standIns = created.standIns;
  if (chosenSecret !== undefined && issued !== undefined) made.issuedSecret = issued;
  // Kept where unsubscribe compares it with the vendor's current subscription (see unsubscribeOne).
  if (ownsByTarget(api)) made.target = targetUrl;
  const missing =
    api.subscribe.idPath && id === undefined
      ? 'no id for it, so it could not be removed later'
      : verifiesWithSecretOnly(platform.signature) && secret === undefined
        ? 'no signing secret, so its deliveries could not be verified'
        : undefined;
  if (missing) {
    // Take back what was made where the vendor lets us (by event, or by an id it did return), so nothing is orphaned.
    const removed = await unsubscribeOne(z, platform, api, made).then(
      () => true,
      () => false,
    );
    const after = removed ? 'It was removed again; try once more.' : `Remove the webhook for ${hostOf(targetUrl)} in ${platform.name} by hand.`;
    throw new z.errors.Error(`${platform.name} accepted the webhook but returned ${missing}. ${after}`);
  }
  return made;
}

/**
 * Removes one vendor subscription; a subscription already gone (404 or 410) counts as removed, so
 * a Zap can always be turned off. On a one-per-event vendor whose unsubscribe is keyed by event
 * alone, the event's current subscription is looked up first and removed only when its
 * target is the one this Zap registered: another Zap or tool may have taken the event since, and
 * its webhook is not ours to delete. When ownership cannot be confirmed (no target stored by an
 * older version, another target, none at all) nothing is deleted and it counts as removed.
 */
async function unsubscribeOne(z: ZObject, platform: PlatformDefinition, api: WebhookApi, subscription: VendorSubscription): Promise<void> {
  const event = subscription.events[0];
  const secrets = [subscription.secret, subscription.issuedSecret, subscription.target && tokenOf(platform, subscription.target), subscription.target && routeOf(subscription.target)];
  if (ownsByTarget(api)) {
    const existing = await findExisting(z, platform, api, event, secrets);
    if (existing === undefined || subscription.target === undefined || existing.target === undefined || !sameTarget(existing.target, subscription.target)) return;
  }
  await callPlatform(z, platform, api.unsubscribe, { subscription_id: subscription.id, event }, { acceptStatuses: [404, 410], secrets });
}

/**
 * Registers `targetUrl` for `events` on the platform.
 * @param targetUrl the Zap's hook URL (Zapier's `bundle.targetUrl`)
 * @returns the subscribeData to keep; on a failure midway, the subscriptions already made are
 *   removed again so nothing is orphaned on the vendor, and the error is rethrown
 * @param options what the caller can add to a refusal (the trigger that works instead)
 * @throws z.errors.Error for a vendor refusal or a one-per-event clash
 */
export async function subscribe(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  events: string[],
  targetUrl: string,
  options: SubscribeOptions = {},
): Promise<SubscribeData> {
  const token = platform.signature.type === 'url_token' ? randomSecret() : undefined;
  const urlFor = (group: string[]): string => {
    const params: Record<string, string> = {};
    if (token && platform.signature.type === 'url_token') params[platform.signature.param] = token;
    if (routesByUrl(platform) && group.length === 1) {
      params[EVENT_PARAM] = group[0];
      if (options.routeKey) params[ROUTE_PARAM] = routeToken(options.routeKey, targetUrl, group[0]);
    }
    return Object.keys(params).length === 0 ? targetUrl : withQuery(targetUrl, params);
  };
  const groups = api.eventsPerSubscription === 'one' ? events.map((event) => [event]) : [events];
  const made: VendorSubscription[] = [];
  try {
    for (const group of groups) {
      const url = urlFor(group);
      const subscription = await subscribeOne(z, platform, api, group, url, options);
      // Kept so the receive path can check a routed delivery's route token (receive/secrets.ts).
      made.push(new URL(url).searchParams.has(ROUTE_PARAM) ? { ...subscription, target: subscription.target ?? url } : subscription);
    }
  } catch (error) {
    await Promise.allSettled(made.map((subscription) => unsubscribeOne(z, platform, api, subscription)));
    throw error;
  }
  // A repeated subscribe for this Zap must not leave the earlier webhook behind (issue 22 item 14).
  await replacePreviousSubscribe(z, platform.id, targetUrl, made, (orphan) => unsubscribeOne(z, platform, api, orphan));
  const id = made.map((subscription) => subscription.id ?? subscription.events.join('+')).join(',');
  return { id, platform: platform.id, subscriptions: made, token };
}

/**
 * Removes every vendor subscription a Zap made.
 * @throws z.errors.Error when the vendor refuses (other than 404/410)
 */
export async function unsubscribe(z: ZObject, platform: PlatformDefinition, api: WebhookApi, data: SubscribeData): Promise<void> {
  for (const subscription of data.subscriptions) await unsubscribeOne(z, platform, api, subscription);
}
