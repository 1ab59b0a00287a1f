/**
 * The one REST-hook trigger factory: every instant trigger of the app is this factory applied to
 * a few lines of data (its key, labels, the normalized events it listens to). The connected
 * platform's data decides which vendor events are subscribed, how deliveries are verified and
 * how they are normalized, so no trigger names a vendor.
 *
 * Each trigger's data (fields/hook-triggers/<key>.ts) exports only its spec (`export const spec =
 * {…} as const satisfies HookTriggerSpec`); fields/hook-triggers/index.ts lists them, index.ts
 * builds the Zapier triggers from that list and the Make generator reads the same data. The trigger object carries only what Zapier's schema allows.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listRecords } from '../platforms/list';
import { receive } from '../receive';
import type { ZapOutput } from '../platforms/payload-text';
import { enrichOutputs } from '../receive/enrich';
import { recordKindOf } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { subscribeDataSchema } from '../platforms/schemas';
import type { PlatformDefinition, VendorEvent, WebhookApi } from '../platforms/types';
import { subscribe, unsubscribe, type SubscribeData } from '../platforms/webhooks';
import { deliveryFromBundle, zapIdentity } from '../receive/bundle';
import { subscriptionRoutes, subscriptionSecrets } from '../receive/secrets';
import { describeOffer, selectVendorEvents } from '../fields/event-selection';
import { chosenRecordOutputFields, recordOutputFields } from '../fields/output-fields';
import { hookTriggerInputFields, unservableReason } from '../fields/hook-trigger-fields';
import type { HookTriggerSpec } from '../fields/operations';
import { pollingTriggerFor } from '../fields/polling-triggers';
import { deliveredFields, testStepRecords, TEST_STEP_SIZE } from '../fields/test-step';

function webhookApiOf(z: ZObject, platform: PlatformDefinition, spec: HookTriggerSpec): WebhookApi {
  if (platform.webhooks.kind === 'api') return platform.webhooks;
  throw new z.errors.Error(unservableReason(spec, platform) ?? `${platform.name} registers webhooks only in its dashboard.`, 'TriggerUnavailable', 400);
}

/**
 * A subscribe refusal on a webhook API no vendor document describes (`WebhookApi.unconfirmed`), with
 * the platform's note on what works instead; an expired key, a rate limit or any other error as it was.
 */
function withUnconfirmedNote(z: ZObject, api: WebhookApi, error: unknown): unknown {
  if (api.unconfirmed === undefined || !(error instanceof Error) || error.name !== 'AppError') return error;
  const { message, code, status } = JSON.parse(error.message) as { message: string; code?: string; status?: number };
  return new z.errors.Error(`${message} ${api.unconfirmed}`, code, status);
}

function chosenEvent(z: ZObject, platform: PlatformDefinition, bundle: Bundle): VendorEvent {
  const key = bundle.inputData.event;
  const event = platform.events.find((item) => item.key === key);
  if (event) return event;
  throw new z.errors.Error(`${platform.name} has no event "${String(key)}". It offers: ${describeOffer(platform)}.`);
}

function statusInput(bundle: Bundle): string | undefined {
  const status = bundle.inputData.status;
  return typeof status === 'string' && status !== '' ? status : undefined;
}

/** The vendor events this trigger listens to on the platform. @throws z.errors.Error when it serves none */
function vendorEventsFor(z: ZObject, spec: HookTriggerSpec, platform: PlatformDefinition, bundle: Bundle): VendorEvent[] {
  if (spec.events === 'chosen') return [chosenEvent(z, platform, bundle)];
  const events = selectVendorEvents(platform, spec.events, statusInput(bundle));
  if (events.length > 0) return events;
  throw new z.errors.Error(unservableReason(spec, platform) ?? `${platform.name} sends no event for "${spec.label}".`, 'TriggerUnavailable', 400);
}

function readSubscribeData(z: ZObject, bundle: Bundle): SubscribeData {
  const parsed = subscribeDataSchema.safeParse(bundle.subscribeData);
  if (parsed.success) return parsed.data;
  throw new z.errors.Error('This Zap has no webhook subscription on record. Turn the Zap off and on again.');
}

/**
 * Recent items of the trigger's record from the platform's list API, normalized like deliveries
 * and shown as a live run would fill them (fields/test-step.ts): Zapier shows them when the user
 * tests the trigger.
 * @throws z.errors.Error when the platform has no list for the record kind
 */
async function performList(z: ZObject, bundle: Bundle, spec: HookTriggerSpec): Promise<ZapOutput[]> {
  const platform = platformOf(z, bundle);
  // Refused at the test step: a sample from the list API would let the user build a Zap that
  // cannot be turned on.
  const unservable = platform.webhooks.kind === 'dashboard' ? unservableReason(spec, platform) : undefined;
  if (unservable !== undefined) throw new z.errors.Error(unservable, 'TriggerUnavailable', 400);
  const vendorEvent = vendorEventsFor(z, spec, platform, bundle)[0];
  const event = vendorEvent.event;
  const kind = event === undefined ? undefined : recordKindOf(event);
  const list = kind === undefined ? undefined : platform.lists[kind];
  if (event === undefined || kind === undefined || !list) {
    throw new z.errors.Error(
      `${platform.name} offers no list to load a sample for "${vendorEvent.label}". Send a test event from ${platform.name} instead.`,
    );
  }
  // A filtered step reads a full page first, so a filter never empties it while a matching record exists.
  const status = (spec.statusFilter ? statusInput(bundle) : undefined) ?? spec.emittedStatus;
  const limit = status === undefined ? Math.min(list.maxPageSize, TEST_STEP_SIZE) : list.maxPageSize;
  const records = await listRecords(z, { platform, kind, event, vendorEvent: vendorEvent.key }, list.request, list.itemsPath, {
    ...bundle.inputData,
    limit,
    page: 1,
  });
  // Then completed as a live delivery is (receive/enrich.ts), so the test step shows what the live run fills.
  return enrichOutputs(z, platform, testStepRecords(records, status, deliveredFields(vendorEventsFor(z, spec, platform, bundle))), bundle.authData);
}

/**
 * Builds a Zapier REST-hook trigger from its data.
 * @returns the trigger definition: performSubscribe / performUnsubscribe register and remove the
 *   vendor webhook(s); perform verifies and normalizes a delivery (returning [] for anything
 *   forged, malformed or not for this trigger); performList loads recent items.
 */
export function defineHookTrigger<K extends string>(spec: HookTriggerSpec<K>) {
  const outputFields = spec.record ? recordOutputFields(spec.record) : chosenRecordOutputFields();
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'hook' as const,
      inputFields: hookTriggerInputFields(spec),
      performSubscribe: async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
        const platform = platformOf(z, bundle);
        const api = webhookApiOf(z, platform, spec);
        const events = vendorEventsFor(z, spec, platform, bundle).map((event) => event.key);
        if (!bundle.targetUrl) throw new z.errors.Error('Zapier gave no target URL to subscribe.');
        // A taken event slot names the polling trigger that sees the same change without a webhook.
        const alternativeFor = (key: string) => pollingTriggerFor(platform, platform.events.find((item) => item.key === key)?.event);
        // The connection's key computes the route tokens that bind `ah_event` to its subscription.
        const routeKey = typeof bundle.authData.api_key === 'string' ? bundle.authData.api_key : undefined;
        return subscribe(z, platform, api, events, bundle.targetUrl, { alternativeFor, routeKey }).catch((error: unknown) => {
          throw withUnconfirmedNote(z, api, error);
        });
      },
      performUnsubscribe: async (z: ZObject, bundle: Bundle): Promise<{ removed: number }> => {
        const platform = platformOf(z, bundle);
        const data = readSubscribeData(z, bundle);
        await unsubscribe(z, platform, webhookApiOf(z, platform, spec), data);
        return { removed: data.subscriptions.length };
      },
      perform: async (z: ZObject, bundle: Bundle): Promise<ZapOutput[]> => {
        const platform = platformOf(z, bundle);
        // A request can arrive before subscribe has returned (a vendor may check the URL while its
        // subscribe call is still open): with nothing on record, no secret or event is expected,
        // so it is refused like any unverifiable delivery, without an error.
        const stored = subscribeDataSchema.safeParse(bundle.subscribeData);
        const data: SubscribeData = stored.success ? stored.data : { id: '', platform: platform.id, subscriptions: [] };
        const outputs = await receive(z, platform, {
          delivery: deliveryFromBundle(bundle),
          expectation: {
            secrets: subscriptionSecrets(platform, data.subscriptions),
            routes: subscriptionRoutes(data.subscriptions),
            token: data.token,
            events: data.subscriptions.flatMap((subscription) => subscription.events),
            standIns: Object.assign({}, ...data.subscriptions.map((subscription) => subscription.standIns ?? {})),
          },
          filters: { status: spec.statusFilter ? statusInput(bundle) : undefined },
          listener: zapIdentity(bundle, `subscription:${data.id}`),
        });
        return enrichOutputs(z, platform, outputs, bundle.authData);
      },
      performList: (z: ZObject, bundle: Bundle) => performList(z, bundle, spec),
      sample: spec.sample,
      outputFields,
    },
  });
}
