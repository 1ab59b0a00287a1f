/**
 * New Event from Dashboard Webhook: a static webhook for platforms whose webhooks are registered in
 * their own dashboard, usable with any platform whose payloads name their event.
 * The user pastes the Zap's URL into the platform and the signing secret into this trigger; every
 * delivery is verified with the platform's scheme, normalized like the REST-hook triggers' and
 * passed on with the vendor payload under `raw`. Everything vendor-specific comes from the
 * platform definitions (their `webhooks.directions`, signature scheme, events and lists).
 */
import { eventChosenPerUrl, namesEventInDelivery } from '../platforms/event-route';
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { CONNECT_SECTION, readmeLink } from '../help-links';
import { listRecords } from '../platforms/list';
import { receive } from '../receive';
import type { ZapOutput } from '../platforms/payload-text';
import { enrichOutputs } from '../receive/enrich';
import { NORMALIZED_EVENTS, UNMAPPED_EVENT, recordKindOf, type RecordKind } from '../platforms/records';
import { PLATFORMS, platformOf } from '../platforms/registry';
import type { PlatformDefinition, VendorEvent } from '../platforms/types';
import { candidateSchemes, type SignatureScheme } from '../signature-schemes';
import { deliveryFromBundle, zapIdentity } from '../receive/bundle';
import { chosenRecordOutputFields } from '../fields/output-fields';
import { NOTICE_KEY, connectedPlatform, type EditorField } from '../fields/editor-fields';
import { AFFILIATE_SAMPLE } from '../fields/samples';
import { deliveredFields, EVENT_STATUS, testStepRecords, TEST_STEP_SIZE } from '../fields/test-step';

/** Record kinds tried for performList when no event filter says otherwise. */
const LIST_PREFERENCE: readonly RecordKind[] = ['affiliate', 'referral', 'payout'];

/** True when the platform's scheme checks the signature locally and so needs the secret (no candidate asks the vendor's API). */
function needsSecret(platform: PlatformDefinition): boolean {
  return !candidateSchemes(platform.signature).some((scheme) => scheme.type === 'remote');
}

/** The Verification input's values: the platform's signature schemes, or the URL token its data offers instead. */
const VERIFICATION_CHOICES = { signature: 'Signature', url_token: 'URL Token' } as const;

/** The URL-token alternative the platform's data offers (`signature.urlTokenOption`), if any. */
function urlTokenOption(platform: PlatformDefinition): { param: string; source: string } | undefined {
  return platform.signature.type === 'candidates' ? platform.signature.urlTokenOption : undefined;
}

/**
 * The scheme to verify with: the URL token when the user chose it and the platform offers it,
 * else undefined (the platform's own schemes).
 */
function chosenScheme(platform: PlatformDefinition, bundle: Bundle): SignatureScheme | undefined {
  const option = urlTokenOption(platform);
  if (option === undefined || bundle.inputData.verification !== 'url_token') return undefined;
  return { type: 'url_token', param: option.param, source: option.source };
}

/**
 * True when a delivery's event can be known: its body or a header names it, or the platform's deliveries name
 * none and the user says which event the Zap's URL receives (`webhooks.eventChosenPerUrl`).
 */
function namesItsEvents(platform: PlatformDefinition): boolean {
  return namesEventInDelivery(platform) || eventChosenPerUrl(platform);
}

/** Input key of the event a per-event URL receives (platforms with `eventChosenPerUrl`). */
const URL_EVENT_KEY = 'vendor_event';

/**
 * The catalogue event the user says this Zap's URL receives, for a platform that asks.
 * @returns undefined when the platform does not ask, or none of its events is chosen
 */
function urlEvent(platform: PlatformDefinition, bundle: Bundle): VendorEvent | undefined {
  if (!eventChosenPerUrl(platform)) return undefined;
  return platform.events.find((event) => event.key === bundle.inputData[URL_EVENT_KEY]);
}

/** The error for a platform that asks which event its URL receives, when none is chosen (every delivery would be unknown). */
function eventNotChosen(z: ZObject, platform: PlatformDefinition): Error {
  return new z.errors.Error(
    `${platform.name}'s deliveries do not say which event they are: choose, in Event Sent to This URL, the ${platform.name} event you set this webhook up for.`,
    'EventNotChosen',
    400,
  );
}

/** True when every scheme of the platform is a secret of ours sent back (a URL or header token): the vendor signs nothing. */
function signsNothing(platform: PlatformDefinition): boolean {
  return candidateSchemes(platform.signature).every((scheme) => scheme.type === 'url_token' || scheme.type === 'header_token');
}

/**
 * The README section that links each dashboard platform's page, where its directions (its
 * `webhooks.directions`) are: the help shown before a platform is connected links there instead
 * of listing every platform, so it keeps one length however many platforms there are (Zapier
 * allows 1,000 characters).
 */
export const DASHBOARD_HELP_URL = readmeLink(CONNECT_SECTION);

function secretRule(): string {
  const optional = PLATFORMS.filter((platform) => !needsSecret(platform)).map((platform) => platform.name);
  return optional.length === 0 ? 'Required.' : `Required, except for ${optional.join(' and ')} (verified through its own API).`;
}

/** Zapier's limit on `display.directions` and on an input field's `helpText` (zapier-platform-schema 19). */
const MAX_HELP = 1000;

/** Joins the parts that fit within Zapier's limit, in order of importance (later parts are dropped first). */
function fitted(parts: readonly string[]): string {
  let text = '';
  for (const part of parts.filter((item) => item !== '')) {
    const next = text === '' ? part : `${text} ${part}`;
    if (next.length <= MAX_HELP) text = next;
  }
  return text;
}

// A markdown link, never a bare URL (Zapier's check D008).
const WHERE_EACH = `Where each platform's dashboard takes the URL and shows the secret: [Connect a platform](${DASHBOARD_HELP_URL}). Once connected, this step shows your platform's own directions.`;

const DIRECTIONS = fitted([
  "Copy this Zap's webhook URL into your platform's dashboard and paste the signing secret it shows into Signing Secret.",
  WHERE_EACH,
]);

const SECRET_HELP = fitted([
  "The webhook's signing secret: every delivery is verified with it; unsigned or forged ones are ignored.",
  secretRule(),
  WHERE_EACH,
]);

/** "referral.status_changed" → "Referral: Status Changed". */
function eventLabel(event: string): string {
  const [kind, action] = event.split('.');
  const title = (text: string) => text.replace(/(^|_)(\w)/g, (_, sep: string, letter: string) => (sep ? ' ' : '') + letter.toUpperCase());
  return `${title(kind)}: ${title(action)}`;
}

const EVENT_CHOICES: Record<string, string> = {
  ...Object.fromEntries(NORMALIZED_EVENTS.map((event) => [event, eventLabel(event)])),
  [UNMAPPED_EVENT]: 'Other Platform Events (Original Payload Only)',
};

function secretOf(bundle: Bundle): string | undefined {
  const secret = bundle.inputData.signing_secret;
  return typeof secret === 'string' && secret.trim() !== '' ? secret.trim() : undefined;
}

/** The normalized events the user chose; undefined passes every event on. */
function chosenEvents(bundle: Bundle): string[] | undefined {
  const value: unknown = bundle.inputData.events;
  const list = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return list.length === 0 ? undefined : list;
}

/**
 * Refuses a configuration that cannot work, with what to do instead.
 * @throws z.errors.Error when the platform needs a secret and none is set
 */
function checkSecret(z: ZObject, platform: PlatformDefinition, secret: string | undefined): void {
  if (secret !== undefined || !needsSecret(platform)) return;
  const where = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
  // Only an `hmac` platform signs; a `url_token` one signs nothing and the secret is our URL token.
  const what =
    platform.signature.type === 'url_token'
      ? `${platform.name} signs nothing, so deliveries are verified by a secret you add to the URL (\`?${platform.signature.param}=<secret>\`): enter that secret in this trigger's Signing Secret field.`
      : signsNothing(platform)
        ? `${platform.name} signs nothing, so deliveries are verified by a secret of yours that each one carries: enter it in this trigger's Signing Secret field.`
        : `${platform.name} signs its webhooks: enter the webhook's signing secret in this trigger's Signing Secret field, so deliveries can be verified.`;
  throw new z.errors.Error(`${what}${where}`, 'MissingSigningSecret', 400);
}

function unnamedEventsMessage(platform: PlatformDefinition): string {
  return (
    `${platform.name}'s webhook payloads do not say which event they are, so a webhook added in ${platform.name}'s dashboard cannot be used here. ` +
    `Use the other ${platform.name} triggers (New Referral, New Platform Event, …): they register their webhooks themselves.`
  );
}

/**
 * Verifies and normalizes one delivery (receive/index.ts).
 * @returns the normalized record, or [] for anything empty, forged, stale, unknown, filtered out or repeated
 * @throws z.errors.Error for a missing secret, a verified delivery of a platform whose payloads
 *   name no event (an unverified one is ignored like any forgery, so a stranger cannot raise
 *   errors), or (remote schemes) a vendor verification service that is down: never a silent drop
 */
async function perform(z: ZObject, bundle: Bundle): Promise<ZapOutput[]> {
  const platform = platformOf(z, bundle);
  const delivery = deliveryFromBundle(bundle);
  // A platform's URL check (empty body) is not an event and needs no secret.
  if (delivery.rawBody.trim() === '') return [];
  const secret = secretOf(bundle);
  checkSecret(z, platform, secret);
  // Checked only once a delivery is verified (unnamedEventError): a stranger cannot raise errors.
  const fixed = urlEvent(platform, bundle);
  const outputs = await receive(z, platform, {
    delivery,
    // `events: undefined`: a dashboard webhook may carry any event of the catalogue, except where
    // the user named the one event its URL receives (identify.ts takes that single event).
    expectation: { secrets: secret ? [{ secret }] : [], token: secret, events: fixed ? [fixed.key] : undefined, scheme: chosenScheme(platform, bundle) },
    filters: { events: chosenEvents(bundle) },
    // Without a Zap id or URL from Zapier, the endpoint's secret tells this Zap's endpoint apart
    // (it is only ever hashed into the cache key).
    listener: zapIdentity(bundle, `dashboard:${secret ?? ''}`),
    endpoint: 'dashboard',
    unnamedEventError: () => (eventChosenPerUrl(platform) ? eventNotChosen(z, platform) : new z.errors.Error(unnamedEventsMessage(platform), 'EventUnknown', 400)),
  });
  return enrichOutputs(z, platform, outputs, bundle.authData);
}

/** The vendor event that list items of a kind stand for: the kind's `created` event, else its first. */
function listedEvent(platform: PlatformDefinition, kind: RecordKind): VendorEvent | undefined {
  const ofKind = platform.events.filter((event) => event.event !== undefined && recordKindOf(event.event) === kind);
  return ofKind.find((event) => event.event === `${kind}.created`) ?? ofKind[0];
}

/**
 * Recent items from the platform's list API, normalized like deliveries, for testing the trigger:
 * the kind of the first chosen event the platform can list, else affiliates, referrals, payouts.
 * @throws z.errors.Error when the setup cannot work (see perform) or the platform has no list
 */
async function performList(z: ZObject, bundle: Bundle): Promise<ZapOutput[]> {
  const platform = platformOf(z, bundle);
  checkSecret(z, platform, secretOf(bundle));
  if (!namesItsEvents(platform)) throw new z.errors.Error(unnamedEventsMessage(platform), 'EventUnknown', 400);
  const chosen = (chosenEvents(bundle) ?? []).filter((event): event is (typeof NORMALIZED_EVENTS)[number] =>
    (NORMALIZED_EVENTS as readonly string[]).includes(event),
  );
  const fixed = urlEvent(platform, bundle);
  if (eventChosenPerUrl(platform) && fixed === undefined) throw eventNotChosen(z, platform);
  const fixedKinds = fixed?.event === undefined ? [] : [recordKindOf(fixed.event)];
  const kinds = fixed !== undefined ? fixedKinds : chosen.length > 0 ? chosen.map(recordKindOf) : LIST_PREFERENCE;
  const kind = kinds.find((item) => platform.lists[item] !== undefined && listedEvent(platform, item) !== undefined);
  const list = kind === undefined ? undefined : platform.lists[kind];
  const vendorEvent = kind === undefined ? undefined : (fixed ?? listedEvent(platform, kind));
  if (kind === undefined || list === undefined || vendorEvent?.event === undefined) {
    // No list to sample from: say how to make a real delivery arrive, which the test step then shows.
    const setUp = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
    throw new z.errors.Error(
      `${platform.name} offers no API to load a sample from, so test this trigger with a real event.${setUp} Then do something in ${platform.name} that sends one of the chosen events (for example approve a test affiliate) and test this step again: the delivery appears here.`,
      'NoSample',
      400,
    );
  }
  // As a live run filters: one chosen event that means a status (Payout: Paid) shows records in it,
  // read from a full page; fields the chosen events' deliveries lack are left out (fields/test-step.ts).
  const status = chosen.length === 1 ? EVENT_STATUS[chosen[0]] : undefined;
  const limit = status === undefined ? Math.min(list.maxPageSize, TEST_STEP_SIZE) : list.maxPageSize;
  const context = { platform, kind, event: vendorEvent.event, vendorEvent: vendorEvent.key };
  const records = await listRecords(z, context, list.request, list.itemsPath, { ...bundle.inputData, limit, page: 1 });
  const shown = (event: VendorEvent) => event.event !== undefined && recordKindOf(event.event) === kind && (chosen.length === 0 || chosen.includes(event.event));
  const delivered = deliveredFields(platform.events.filter(shown));
  // Cut to what a delivery carries, so completed as a delivery is (receive/enrich.ts): the test step shows what the live run fills.
  return enrichOutputs(z, platform, testStepRecords(records, status, delivered), bundle.authData);
}


/**
 * The Signing Secret field for the connection: required where the platform's deliveries are
 * checked with a secret (`hmac`, `url_token`), absent where its own API verifies them (`remote`),
 * with that platform's directions; every platform's help before one is connected. A platform whose
 * payloads name no event gets a notice instead, first.
 */
async function signingSecretFields(_z: ZObject, bundle: Bundle): Promise<EditorField[]> {
  const platform = connectedPlatform(bundle);
  // Where deliveries name no event, which one this URL receives comes first.
  return platform === undefined ? secretFields(undefined) : [...urlEventFields(platform), ...secretFields(platform)];
}

/** The Signing Secret field (and the Verification choice) for `platform`, or every platform's help. */
function secretFields(platform: PlatformDefinition | undefined): EditorField[] {
  if (platform === undefined) return [{ key: 'signing_secret', label: 'Signing Secret', type: 'password', required: false, helpText: SECRET_HELP }];
  if (!namesItsEvents(platform)) return [{ key: NOTICE_KEY, type: 'copy', helpText: unnamedEventsMessage(platform) }];
  if (!needsSecret(platform)) {
    const where = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
    const help = `Optional. With it, deliveries are checked locally first; without it (or when that check does not match), ${platform.name}'s own API verifies each one.${where}`;
    return [{ key: 'signing_secret', label: 'Signing Secret', type: 'password', required: false, helpText: fitted([help]) }];
  }
  const option = urlTokenOption(platform);
  if (option !== undefined) {
    const where = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
    return [
      {
        key: 'verification',
        label: 'Verification',
        // Not required: left empty, the platform's signature schemes are used.
        required: false,
        choices: VERIFICATION_CHOICES,
        helpText: fitted([
          `**Signature**: every delivery's signature is checked with the Signing Secret. **URL Token**: if deliveries are refused although the secret is right, append \`?${option.param}=<a secret of yours>\` to this Zap's URL in ${platform.name}'s dashboard and enter the same secret as Signing Secret.`,
        ]),
      },
      {
        key: 'signing_secret',
        label: 'Signing Secret',
        type: 'password',
        required: true,
        helpText: fitted([`The webhook's signing secret, or your URL token when Verification is URL Token; unsigned or forged deliveries are ignored.${where}`]),
      },
    ];
  }
  const how =
    platform.signature.type === 'url_token'
      ? `${platform.name} signs nothing: add \`?${platform.signature.param}=<a secret of yours>\` to this Zap's URL and enter the same secret here.`
      : signsNothing(platform)
        ? `${platform.name} signs nothing: choose a secret, send it with every delivery as the directions say, and enter it here; deliveries without it are ignored.`
        : `Every delivery is verified with it; unsigned or forged ones are ignored.`;
  const where = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
  return [{ key: 'signing_secret', label: 'Signing Secret', type: 'password', required: true, helpText: fitted([`${how}${where}`]) }];
}

/**
 * The event choices a platform's webhook can deliver: the normalized events its catalogue maps,
 * and "other" where it has events with no normalized counterpart; every choice before a platform
 * is connected. A choice the platform never sends would be a filter that never fires.
 */
export function eventChoicesFor(platform: PlatformDefinition | undefined): Record<string, string> {
  if (platform === undefined) return EVENT_CHOICES;
  const sent = new Set<string>(platform.events.map((event) => event.event ?? UNMAPPED_EVENT));
  return Object.fromEntries(Object.entries(EVENT_CHOICES).filter(([event]) => sent.has(event)));
}

/**
 * For a platform whose dashboard webhooks send one unnamed event each: which of its events this
 * Zap's URL receives (required), from the platform's catalogue; nothing for other platforms.
 */
function urlEventFields(platform: PlatformDefinition): EditorField[] {
  if (!eventChosenPerUrl(platform)) return [];
  return [
    {
      key: URL_EVENT_KEY,
      label: 'Event Sent to This URL',
      required: true,
      choices: Object.fromEntries(platform.events.map((event) => [event.key, event.label])),
      helpText: `${platform.name}'s deliveries do not say which event they are, so each of its webhooks is set up for one event: pick the one you chose for this Zap's URL in ${platform.name} (one Zap per event).`,
    },
  ];
}

/** The "Only These Events" filter, with the events the connected platform sends. */
async function eventFilterFields(_z: ZObject, bundle: Bundle): Promise<EditorField[]> {
  const platform = connectedPlatform(bundle);
  // One event per URL: Event Sent to This URL already chooses it.
  if (platform !== undefined && eventChosenPerUrl(platform)) return [];
  return [
    {
      key: 'events',
      label: 'Only These Events',
      required: false,
      list: true,
      choices: eventChoicesFor(platform),
      helpText: 'Pass on only these events. Leave empty to pass on every event the webhook sends. The list shows the events your platform sends.',
    },
  ];
}

/** Key of the dashboard-webhook trigger (hook-trigger.ts's refusal for dashboard platforms names its label). */
export const DASHBOARD_WEBHOOK = 'dashboard_webhook';

export default {
  key: DASHBOARD_WEBHOOK,
  noun: 'Event',
  display: {
    label: 'New Event from Dashboard Webhook',
    // Under 140 characters and no vendor names (Zapier's M002); the directions name the platforms.
    description: 'Triggers when your platform sends an event to a webhook you added in its dashboard (for platforms that set up webhooks only there).',
    directions: DIRECTIONS,
  },
  operation: {
    // A static webhook: no performSubscribe / performUnsubscribe, the user registers the URL.
    type: 'hook' as const,
    inputFields: [
      signingSecretFields,
      eventFilterFields,
    ],
    perform,
    performList,
    sample: AFFILIATE_SAMPLE.approvedFromDashboard,
    outputFields: chosenRecordOutputFields(),
  },
} satisfies Trigger<typeof DASHBOARD_WEBHOOK>;
