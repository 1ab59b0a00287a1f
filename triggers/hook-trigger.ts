/**
 * The one REST-hook trigger factory: every instant trigger of the app is this factory applied to
 * a few lines of data (its key, labels, the normalized events it listens to). The connected
 * platform's data decides which vendor events are subscribed, how deliveries are verified and
 * how they are normalized, so no trigger names a vendor.
 *
 * Each trigger file exports only its spec (`export const spec = {…} satisfies HookTriggerSpec`);
 * hook-trigger-specs.ts lists them, index.ts builds the Zapier triggers from that list and the Make
 * generator reads the same data. The trigger object carries only what Zapier's schema allows.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { listRecords } from '../platforms/list';
import { receive } from '../platforms/receive';
import { recordKindOf, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { subscribeDataSchema } from '../platforms/schemas';
import type { PlatformDefinition, VendorEvent, WebhookApi } from '../platforms/types';
import { subscribe, unsubscribe, type SubscribeData } from '../platforms/webhooks';
import { deliveryFromBundle, zapIdentity } from './bundle-delivery';
import { describeOffer, selectVendorEvents, type TriggerEvents } from './event-selection';
import { chosenRecordOutputFields, recordOutputFields } from './output-fields';
import { NOTICE_KEY, connectedPlatform, statusChoices, type EditorField } from '../creates/dynamic-fields';
import { pollingAlternativeTo, pollingTriggerFor } from './polling-trigger-specs';

/** The data that defines one instant trigger. */
export interface HookTriggerSpec {
  /** Zapier key, snake_case. */
  key: string;
  noun: string;
  /** Title Case label. */
  label: string;
  /** Starts "Triggers when". */
  description: string;
  /**
   * The normalized events listened to, or `chosen`: the user picks one vendor event of the
   * connected platform (New Platform Event).
   */
  events: TriggerEvents | 'chosen';
  /** The record kind emitted (absent for `chosen`, where it depends on the event). */
  record?: RecordKind;
  /** Offers the optional "only when the status becomes" filter. */
  statusFilter?: boolean;
  /** A realistic output, as perform returns it for the platform it documents. */
  sample: NormalizedOutput;
}

/** Default page size for performList when Zapier sets no limit. */
const DEFAULT_LIST_SIZE = 10;

/** Key of the hidden trigger that lists the connected platform's vendor events (dropdown). */
export const PLATFORM_EVENT_LIST = 'platform_event_list';

/** Label of the dashboard-webhook trigger (triggers/dashboard_webhook.ts), named where it is the way round. */
const DASHBOARD_TRIGGER_LABEL = 'New Event from Dashboard Webhook';

/**
 * The trigger that works where this one cannot subscribe: its polling twin when the platform has
 * a list API for the record, and the dashboard webhook.
 */
function workingAlternative(spec: HookTriggerSpec, platform: PlatformDefinition): string {
  const polling = spec.record && platform.lists[spec.record] ? pollingAlternativeTo(spec.key) : undefined;
  return polling ? `"${polling}" (or "${DASHBOARD_TRIGGER_LABEL}")` : `"${DASHBOARD_TRIGGER_LABEL}"`;
}

/** Why the trigger cannot serve the platform, with what to use instead; undefined when it can. */
function unservableReason(spec: HookTriggerSpec, platform: PlatformDefinition): string | undefined {
  if (platform.webhooks.kind === 'dashboard') {
    return `${platform.name} registers webhooks only in its dashboard, so "${spec.label}" cannot set one up. Use ${workingAlternative(spec, platform)} instead.`;
  }
  if (spec.events !== 'chosen' && selectVendorEvents(platform, spec.events, undefined).length === 0) {
    return `${platform.name} sends no event for "${spec.label}". Events ${platform.name} offers: ${describeOffer(platform)}.`;
  }
  return undefined;
}

function webhookApiOf(z: ZObject, platform: PlatformDefinition, spec?: HookTriggerSpec): WebhookApi {
  if (platform.webhooks.kind === 'api') return platform.webhooks;
  // The polling twin reads the platform's API instead, where the platform has a list for it.
  const polling = spec?.record && platform.lists[spec.record] ? pollingAlternativeTo(spec.key) : undefined;
  throw new z.errors.Error(
    `${platform.name} registers webhooks only in its dashboard, so this trigger cannot set one up. ` +
      `Use the "New Event from Dashboard Webhook" trigger instead: it gives you a URL to paste into ${platform.name}.` +
      (polling ? ` Or use "${polling}", which checks ${platform.name}'s API on a schedule and needs no webhook.` : ''),
  );
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
  throw new z.errors.Error(
    `${platform.name} sends no event for "${spec.label}". Events ${platform.name} offers: ${describeOffer(platform)}.`,
  );
}

function readSubscribeData(z: ZObject, bundle: Bundle): SubscribeData {
  const parsed = subscribeDataSchema.safeParse(bundle.subscribeData);
  if (parsed.success) return parsed.data;
  throw new z.errors.Error('This Zap has no webhook subscription on record. Turn the Zap off and on again.');
}

function passesStatusFilter(spec: HookTriggerSpec, bundle: Bundle, output: NormalizedOutput): boolean {
  const wanted = spec.statusFilter ? statusInput(bundle) : undefined;
  return wanted === undefined || ('status' in output && output.status === wanted);
}

/**
 * The trigger's input fields: for a connection whose platform cannot serve the trigger, a notice
 * first (what to use instead); the event dropdown (New Platform Event); the status filter with the
 * statuses the connected platform can report, labelled.
 */
function inputFieldsOf(spec: HookTriggerSpec) {
  const notice = async (_z: ZObject, bundle: Bundle): Promise<EditorField[]> => {
    const platform = connectedPlatform(bundle);
    const reason = platform === undefined ? undefined : unservableReason(spec, platform);
    return reason === undefined ? [] : [{ key: NOTICE_KEY, type: 'copy', helpText: reason }];
  };
  const fields: (EditorField | typeof notice)[] = [notice];
  if (spec.events === 'chosen') {
    fields.push({
      key: 'event',
      label: 'Event',
      required: true,
      dynamic: `${PLATFORM_EVENT_LIST}.id.label`,
      helpText: 'The platform event to listen to. The list shows every event your connected platform sends.',
    });
  }
  const record = spec.record;
  if (spec.statusFilter && record) {
    fields.push(async (_z: ZObject, bundle: Bundle): Promise<EditorField[]> => {
      return [
        {
          key: 'status',
          label: 'Only When the Status Becomes',
          required: false,
          choices: statusChoices(record, connectedPlatform(bundle)),
          helpText: 'Leave empty to run on every status change, or pick a status to run only when a change lands on it.',
        },
      ];
    });
  }
  return fields;
}

/**
 * Recent items of the trigger's record from the platform's list API, normalized like deliveries
 * (Zapier shows them when the user tests the trigger).
 * @throws z.errors.Error when the platform has no list for the record kind
 */
async function performList(z: ZObject, bundle: Bundle, spec: HookTriggerSpec): Promise<NormalizedOutput[]> {
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
  const limit = Math.min(list.maxPageSize, bundle.meta?.limit > 0 ? bundle.meta.limit : DEFAULT_LIST_SIZE);
  const records = await listRecords(z, { platform, kind, event, vendorEvent: vendorEvent.key }, list.request, list.itemsPath, {
    ...bundle.inputData,
    limit,
    page: 1,
  });
  return records.filter((record) => passesStatusFilter(spec, bundle, record));
}

/**
 * Builds a Zapier REST-hook trigger from its data.
 * @returns the trigger definition: performSubscribe / performUnsubscribe register and remove the
 *   vendor webhook(s); perform verifies and normalizes a delivery (returning [] for anything
 *   forged, malformed or not for this trigger); performList loads recent items.
 */
export function defineHookTrigger(spec: HookTriggerSpec) {
  const outputFields = spec.record ? recordOutputFields(spec.record) : chosenRecordOutputFields();
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'hook' as const,
      inputFields: inputFieldsOf(spec),
      performSubscribe: async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
        const platform = platformOf(z, bundle);
        const api = webhookApiOf(z, platform, spec);
        const events = vendorEventsFor(z, spec, platform, bundle).map((event) => event.key);
        if (!bundle.targetUrl) throw new z.errors.Error('Zapier gave no target URL to subscribe.');
        // A taken event slot names the polling trigger that sees the same change without a webhook.
        const alternativeFor = (key: string) => pollingTriggerFor(platform.events.find((item) => item.key === key)?.event);
        return subscribe(z, platform, api, events, bundle.targetUrl, { alternativeFor });
      },
      performUnsubscribe: async (z: ZObject, bundle: Bundle): Promise<{ removed: number }> => {
        const platform = platformOf(z, bundle);
        const data = readSubscribeData(z, bundle);
        await unsubscribe(z, platform, webhookApiOf(z, platform), data);
        return { removed: data.subscriptions.length };
      },
      perform: async (z: ZObject, bundle: Bundle): Promise<NormalizedOutput[]> => {
        const platform = platformOf(z, bundle);
        // A request can arrive before subscribe has returned (a vendor may check the URL while its
        // subscribe call is still open): with nothing on record, no secret or event is expected,
        // so it is refused like any unverifiable delivery, without an error.
        const stored = subscribeDataSchema.safeParse(bundle.subscribeData);
        const data: SubscribeData = stored.success ? stored.data : { id: '', platform: platform.id, subscriptions: [] };
        return receive(z, platform, {
          delivery: deliveryFromBundle(bundle),
          expectation: {
            secrets: data.subscriptions.flatMap((subscription) =>
              [subscription.secret, subscription.issuedSecret].flatMap((secret) => (secret ? [{ secret, events: subscription.events }] : [])),
            ),
            token: data.token,
            events: data.subscriptions.flatMap((subscription) => subscription.events),
          },
          filters: { status: spec.statusFilter ? statusInput(bundle) : undefined },
          listener: zapIdentity(bundle, `subscription:${data.id}`),
        });
      },
      performList: (z: ZObject, bundle: Bundle) => performList(z, bundle, spec),
      sample: spec.sample,
      outputFields,
    },
  });
}
