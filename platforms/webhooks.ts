/**
 * Generic REST-hook registration: interprets a platform's `WebhookApi` data to register the
 * Zap's target URL for a set of vendor events, and to remove it again.
 */
import { randomBytes } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { callPlatform } from './api';
import { EVENT_PARAM } from './delivery';
import { jsonObjectListSchema, readAt, secretSchema, vendorIdSchema } from './schemas';
import type { PlatformDefinition, PlatformId, WebhookApi } from './types';

/** One vendor-side subscription. */
export interface VendorSubscription {
  /** Vendor events it covers. */
  events: string[];
  /** The vendor's id for it, where the vendor returns one. */
  id?: string;
  /** Its signing secret (issued by the vendor, or chosen by us). */
  secret?: string;
}

/** What a Zap keeps between subscribe and unsubscribe (Zapier's `subscribeData`). */
export interface SubscribeData {
  /** Zapier requires an id: the vendor ids, or the events, joined. */
  id: string;
  platform: PlatformId;
  subscriptions: VendorSubscription[];
  /** The random token in the target URL, for `url_token` platforms. */
  token?: string;
}

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

/** Raised when a vendor allows one subscription per event and another URL holds it. */
function clashMessage(platform: PlatformDefinition, event: string, otherUrl: string): string {
  const where = new URL(otherUrl).host;
  return (
    `${platform.name} allows only one webhook per event, and "${event}" is already sent to another address (${where}). ` +
    `Turn off the other Zap using this event, or remove that webhook in ${platform.name}, then turn this Zap on again.`
  );
}

async function subscribeOne(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  events: string[],
  targetUrl: string,
): Promise<VendorSubscription> {
  const event = events[0];
  if (api.findExisting && api.eventsPerSubscription === 'one') {
    const found = await callPlatform(z, platform, api.findExisting, { event });
    const items = readAt(found.data, api.findExisting.itemsPath, jsonObjectListSchema) ?? [];
    const existing = items.find((item) => item.event === event);
    const existingUrl = existing?.[api.findExisting.targetField];
    if (typeof existingUrl === 'string' && existingUrl !== targetUrl) {
      throw new z.errors.Error(clashMessage(platform, event, existingUrl), 'WebhookClash', 409);
    }
    const secretField = api.findExisting.secretField;
    const existingSecret = secretField && existing ? readAt(existing, secretField, secretSchema) : undefined;
    if (existingUrl === targetUrl && existingSecret) return { events, secret: existingSecret };
  }
  const chosenSecret = api.callerChoosesSecret ? randomSecret() : undefined;
  const response = await callPlatform(z, platform, api.subscribe, {
    target_url: targetUrl,
    event,
    events,
    secret: chosenSecret,
  });
  const id = api.subscribe.idPath ? readAt(response.data, api.subscribe.idPath, vendorIdSchema) : undefined;
  const secret = chosenSecret ?? (api.subscribe.secretPath ? readAt(response.data, api.subscribe.secretPath, secretSchema) : undefined);
  const made: VendorSubscription = { events, id: id === undefined ? undefined : String(id), secret };
  const missing =
    api.subscribe.idPath && id === undefined
      ? 'no id for it, so it could not be removed later'
      : platform.signature.type === 'hmac' && secret === undefined
        ? 'no signing secret, so its deliveries could not be verified'
        : undefined;
  if (missing) {
    // Take back what was made where the vendor lets us (by event, or by an id it did return), so nothing is orphaned.
    const removed = await unsubscribeOne(z, platform, api, made).then(
      () => true,
      () => false,
    );
    const after = removed ? 'It was removed again; try once more.' : `Remove the webhook for ${new URL(targetUrl).host} in ${platform.name} by hand.`;
    throw new z.errors.Error(`${platform.name} accepted the webhook but returned ${missing}. ${after}`);
  }
  return made;
}

/**
 * Removes one vendor subscription; a subscription already gone (404 or 410) counts as removed, so
 * a Zap can always be turned off.
 */
async function unsubscribeOne(z: ZObject, platform: PlatformDefinition, api: WebhookApi, subscription: VendorSubscription): Promise<void> {
  await callPlatform(z, platform, api.unsubscribe, { subscription_id: subscription.id, event: subscription.events[0] }, { acceptStatuses: [404, 410] });
}

/**
 * Registers `targetUrl` for `events` on the platform.
 * @param targetUrl the Zap's hook URL (Zapier's `bundle.targetUrl`)
 * @returns the subscribeData to keep; on a failure midway, the subscriptions already made are
 *   removed again so nothing is orphaned on the vendor, and the error is rethrown
 * @throws z.errors.Error for a vendor refusal or a one-per-event clash
 */
export async function subscribe(
  z: ZObject,
  platform: PlatformDefinition,
  api: WebhookApi,
  events: string[],
  targetUrl: string,
): Promise<SubscribeData> {
  const token = platform.signature.type === 'url_token' ? randomSecret() : undefined;
  const urlFor = (group: string[]): string => {
    const params: Record<string, string> = {};
    if (token && platform.signature.type === 'url_token') params[platform.signature.param] = token;
    if (platform.delivery.eventPath === undefined && group.length === 1) params[EVENT_PARAM] = group[0];
    return Object.keys(params).length === 0 ? targetUrl : withQuery(targetUrl, params);
  };
  const groups = api.eventsPerSubscription === 'one' ? events.map((event) => [event]) : [events];
  const made: VendorSubscription[] = [];
  try {
    for (const group of groups) made.push(await subscribeOne(z, platform, api, group, urlFor(group)));
  } catch (error) {
    await Promise.allSettled(made.map((subscription) => unsubscribeOne(z, platform, api, subscription)));
    throw error;
  }
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
