/**
 * Attach and detach of a Make webhook on a platform that registers webhooks through its API
 * (developers.make.com, webhooks → dedicated → attached): attach subscribes Make's per-webhook URL
 * (`{{webhook.url}}`) and saves in `response.data` what detach needs (the vendor's subscription id,
 * the event and the registered address); detach reads them back as `{{webhook.<key>}}`.
 *
 * Platforms that key a subscription by event alone (one per event per store, removed by
 * event) would let detach remove another tool's subscription. Where the platform data names a
 * look-up (`findExisting`), detach first lists the event's subscriptions and deletes only when one
 * of them targets the address this webhook registered.
 */
import { fallbackSubscription } from '../../platforms/event-fallback';
import { EVENT_PARAM } from '../../platforms/event-route';
import type { PlatformDefinition, VendorEvent, WebhookApi } from '../../platforms/types';
import { requestOf, resolverFor } from './context';
import type { Reporter } from './issues';
import { pathExpression, quote, wrap, type Binding } from './iml';
import type { Json, JsonRecord } from './json';
import type { MakeTrigger } from './triggers';

type EventRef = { literal: string } | { iml: string };

/** The IML of one event reference. */
function imlOf(ref: EventRef): string {
  return 'literal' in ref ? quote(ref.literal) : ref.iml;
}

/**
 * An IML array of event names without `emptyarray` (a scenario keyword, not an app IML variable):
 * event keys never contain a comma, so `split()` of the comma-joined names is that array.
 */
function eventsArray(group: readonly EventRef[]): Binding {
  if (group.every((ref) => 'literal' in ref)) return { literal: group.map((ref) => ('literal' in ref ? ref.literal : '')) };
  return { iml: `split(${group.map(imlOf).join(" + ',' + ")}, ',')` };
}

/** The keys attach saves per subscription (`subscription1`, `event1`, `target1`). */
function dataKeys(index: number): { id: string; event: string; target: string } {
  return { id: `subscription${index + 1}`, event: `event${index + 1}`, target: `target${index + 1}` };
}

/** The refusals of newer event names that the event fallback answers (as platforms/webhooks.ts on Zapier). */
const NAME_REFUSALS = [400, 422];

/**
 * The attach request that subscribes the stand-in events when the first was refused
 * (make/generate/stand-ins.ts): it runs only then (`temp.refused`, set by the first), and saves
 * the same keys, so whichever request ran last left the subscription detach removes.
 */
function fallbackAttach(
  platform: PlatformDefinition,
  api: WebhookApi,
  first: JsonRecord,
  group: readonly EventRef[],
  extra: Record<string, Binding>,
  eventKey: string,
  report: Reporter,
): JsonRecord | undefined {
  const keys = group.flatMap((ref) => ('literal' in ref ? [ref.literal] : []));
  const fallback = keys.length === group.length ? fallbackSubscription(platform, keys) : undefined;
  if (fallback === undefined) return undefined;
  const refused = NAME_REFUSALS.map((status) => `statusCode == ${status}`).join(' || ');
  const firstResponse = first.response as JsonRecord;
  first.response = { ...firstResponse, valid: wrap(`statusCode < 300 || ${refused}`), temp: { refused: wrap(refused) } };
  const retry = requestOf(api.subscribe, resolverFor(platform, { extra: { ...extra, event: { literal: fallback.events[0] }, events: { literal: fallback.events } } }), report);
  retry.condition = '{{temp.refused}}';
  const data = { ...(firstResponse.data as JsonRecord) };
  // The event detach removes by, where a subscription holds one: the stand-in that was subscribed.
  if (data[eventKey] !== undefined) data[eventKey] = fallback.events[0];
  retry.response = { data };
  report('info', `${platform.name} may refuse the newer event names ${keys.join(', ')} (400 or 422): attach then subscribes ${fallback.events.join(', ')} and the webhook passes on only the updates whose change list holds the status those events name.`);
  return retry;
}

/**
 * Attach and detach requests (one per vendor subscription).
 * @param fallback whether refused event names are retried with their stand-ins (make/generate/stand-ins.ts)
 * @returns `{ attach, detach }`, each one request or an array of them
 */
export function attachDetach(platform: PlatformDefinition, api: WebhookApi, trigger: MakeTrigger, events: readonly VendorEvent[], report: Reporter, fallback = false): { attach: Json; detach: Json } {
  const refs: EventRef[] = trigger.events === 'chosen' ? [{ iml: 'parameters.event' }] : events.map((event) => ({ literal: event.key }));
  const groups = api.eventsPerSubscription === 'one' ? refs.map((ref) => [ref]) : [refs];
  if (api.findExisting) {
    report('info', `${platform.name} allows one subscription per event; when another tool holds it, attach fails with ${platform.name}'s own message, and detach removes a subscription only when it targets this webhook's address.`);
  }
  if (api.callerChoosesSecret) {
    report('info', `${platform.name} takes a secret or token from the subscriber; attach sends one derived from the webhook address, which adds no protection beyond the address itself (Make cannot check it on delivery).`);
  }
  if (platform.delivery.eventPath === undefined && groups.some((group) => group.length > 1)) {
    report('warning', `${platform.name} deliveries name no event and one subscription takes several events: Make cannot tell them apart.`);
  }
  const attach: JsonRecord[] = [];
  const detach: JsonRecord[] = [];
  groups.forEach((group, index) => {
    const keys = dataKeys(index);
    // Deliveries that name no event are routed by a query parameter on the registered URL, as on Zapier.
    const route = platform.delivery.eventPath === undefined && group.length === 1;
    const target = route ? `webhook.url + ${'literal' in group[0] ? quote(`?${EVENT_PARAM}=${group[0].literal}`) : `'?${EVENT_PARAM}=' + ${group[0].iml}`}` : 'webhook.url';
    const attachExtra: Record<string, Binding> = {
      target_url: { iml: target },
      event: 'literal' in group[0] ? { literal: group[0].literal } : { iml: group[0].iml },
      events: eventsArray(group),
      secret: { iml: 'sha256(webhook.url)' },
      limit: { literal: 1 },
      page: { literal: 1 },
    };
    const subscribe = requestOf(api.subscribe, resolverFor(platform, { extra: attachExtra }), report);
    const data: JsonRecord = {};
    if (api.subscribe.idPath) data[keys.id] = wrap(pathExpression('body', api.subscribe.idPath));
    if (group.length === 1) data[keys.event] = 'literal' in group[0] ? group[0].literal : wrap(group[0].iml);
    data[keys.target] = wrap(target);
    subscribe.response = { data };
    attach.push(subscribe);
    const retry = fallback ? fallbackAttach(platform, api, subscribe, group, attachExtra, keys.event, report) : undefined;
    if (retry !== undefined) attach.push(retry);

    const needsId = JSON.stringify([api.unsubscribe.path, api.unsubscribe.query ?? {}, api.unsubscribe.body ?? {}]).includes('subscription_id');
    if (needsId && !api.subscribe.idPath) report('error', 'unsubscribe needs {{subscription_id}} but subscribe names no idPath to keep it');
    // Detach knows only what attach saved (the `webhook` variable), never the webhook's parameters.
    const detachExtra: Record<string, Binding> = {
      ...attachExtra,
      target_url: { iml: `webhook.${keys.target}` },
      event: group.length === 1 ? { iml: `webhook.${keys.event}` } : attachExtra.event,
      subscription_id: { iml: `webhook.${keys.id}` },
    };
    const resolve = resolverFor(platform, { extra: detachExtra });
    if (api.findExisting) {
      const { itemsPath, targetField } = api.findExisting;
      const lookUp = requestOf(api.findExisting, resolve, report);
      lookUp.response = { temp: { ours: wrap(`contains(map(${pathExpression('body', itemsPath)}, ${quote(targetField)}), webhook.${keys.target})`) } };
      detach.push(lookUp);
    }
    const unsubscribe = requestOf(api.unsubscribe, resolve, report);
    if (api.findExisting) unsubscribe.condition = '{{temp.ours}}';
    // A subscription already gone counts as removed, so a scenario can always be turned off.
    unsubscribe.response = { valid: '{{statusCode < 400 || statusCode == 404 || statusCode == 410}}' };
    detach.push(unsubscribe);
  });
  return { attach: attach.length === 1 ? attach[0] : attach, detach: detach.length === 1 ? detach[0] : detach };
}
