/**
 * New Event from Dashboard Webhook: a static webhook for platforms whose webhooks are registered in
 * their own dashboard, usable with any platform whose payloads name their event.
 * The user pastes the Zap's URL into the platform and the signing secret into this trigger; every
 * delivery is verified with the platform's scheme, normalized like the REST-hook triggers' and
 * passed on with the vendor payload under `raw`. Everything vendor-specific comes from the
 * platform definitions (their `webhooks.directions`, signature scheme, events and lists).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import packageJson from '../package.json';
import { listRecords } from '../platforms/list';
import { receive } from '../platforms/receive';
import { NORMALIZED_EVENTS, UNMAPPED_EVENT, recordKindOf, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { PLATFORMS, platformOf } from '../platforms/registry';
import type { PlatformDefinition, SignatureScheme, VendorEvent } from '../platforms/types';
import { candidateSchemes } from '../signature-schemes';
import { deliveryFromBundle, zapIdentity } from './bundle-delivery';
import { chosenRecordOutputFields } from './output-fields';
import { NOTICE_KEY, connectedPlatform, type EditorField } from '../creates/dynamic-fields';
import { AFFILIATE_SAMPLE } from './samples';

/** Default performList page size when Zapier sets no limit. */
const DEFAULT_LIST_SIZE = 10;

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

/** True when deliveries say which event they are (in the body, or in the query our URLs carry). */
function namesItsEvents(platform: PlatformDefinition): boolean {
  return platform.delivery.eventPath !== undefined;
}

/**
 * Where the README lists each dashboard platform's directions (its `webhooks.directions`): the
 * help shown before a platform is connected links there instead of listing every platform, so it
 * keeps one length however many platforms there are (Zapier allows 1,000 characters).
 */
export const DASHBOARD_HELP_URL = `${packageJson.homepage}#setting-up-a-dashboard-webhook`;

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

const WHERE_EACH = `Where each platform's dashboard takes the URL and shows the secret: ${DASHBOARD_HELP_URL}. Once connected, this step shows your platform's own directions.`;

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
 * Verifies and normalizes one delivery (platforms/receive.ts).
 * @returns the normalized record, or [] for anything empty, forged, stale, unknown, filtered out or repeated
 * @throws z.errors.Error for a missing secret, a verified delivery of a platform whose payloads
 *   name no event (an unverified one is ignored like any forgery, so a stranger cannot raise
 *   errors), or (remote schemes) a vendor verification service that is down: never a silent drop
 */
async function perform(z: ZObject, bundle: Bundle): Promise<NormalizedOutput[]> {
  const platform = platformOf(z, bundle);
  const delivery = deliveryFromBundle(bundle);
  // A platform's URL check (empty body) is not an event and needs no secret.
  if (delivery.rawBody.trim() === '') return [];
  const secret = secretOf(bundle);
  checkSecret(z, platform, secret);
  return receive(z, platform, {
    delivery,
    // `events: undefined`: a dashboard webhook may carry any event of the catalogue.
    expectation: { secrets: secret ? [{ secret }] : [], token: secret, events: undefined, scheme: chosenScheme(platform, bundle) },
    filters: { events: chosenEvents(bundle) },
    // Without a Zap id or URL from Zapier, the endpoint's secret tells this Zap's endpoint apart
    // (it is only ever hashed into the cache key).
    listener: zapIdentity(bundle, `dashboard:${secret ?? ''}`),
    endpoint: 'dashboard',
    unnamedEventError: () => new z.errors.Error(unnamedEventsMessage(platform), 'EventUnknown', 400),
  });
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
async function performList(z: ZObject, bundle: Bundle): Promise<NormalizedOutput[]> {
  const platform = platformOf(z, bundle);
  checkSecret(z, platform, secretOf(bundle));
  if (!namesItsEvents(platform)) throw new z.errors.Error(unnamedEventsMessage(platform), 'EventUnknown', 400);
  const chosen = (chosenEvents(bundle) ?? []).filter((event): event is (typeof NORMALIZED_EVENTS)[number] =>
    (NORMALIZED_EVENTS as readonly string[]).includes(event),
  );
  const kinds = chosen.length > 0 ? chosen.map(recordKindOf) : LIST_PREFERENCE;
  const kind = kinds.find((item) => platform.lists[item] !== undefined && listedEvent(platform, item) !== undefined);
  const list = kind === undefined ? undefined : platform.lists[kind];
  const vendorEvent = kind === undefined ? undefined : listedEvent(platform, kind);
  if (kind === undefined || list === undefined || vendorEvent?.event === undefined) {
    // No list to sample from: say how to make a real delivery arrive, which the test step then shows.
    const setUp = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
    throw new z.errors.Error(
      `${platform.name} offers no API to load a sample from, so test this trigger with a real event.${setUp} Then do something in ${platform.name} that sends one of the chosen events (for example approve a test affiliate) and test this step again: the delivery appears here.`,
      'NoSample',
      400,
    );
  }
  const limit = Math.min(list.maxPageSize, bundle.meta?.limit > 0 ? bundle.meta.limit : DEFAULT_LIST_SIZE);
  const context = { platform, kind, event: vendorEvent.event, vendorEvent: vendorEvent.key };
  return listRecords(z, context, list.request, list.itemsPath, { ...bundle.inputData, limit, page: 1 });
}


/**
 * The Signing Secret field for the connection: required where the platform's deliveries are
 * checked with a secret (`hmac`, `url_token`), absent where its own API verifies them (`remote`),
 * with that platform's directions; every platform's help before one is connected. A platform whose
 * payloads name no event gets a notice instead, first.
 */
async function signingSecretFields(_z: ZObject, bundle: Bundle): Promise<EditorField[]> {
  const platform = connectedPlatform(bundle);
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
      : `Every delivery is verified with it; unsigned or forged ones are ignored.`;
  const where = platform.webhooks.kind === 'dashboard' ? ` ${platform.webhooks.directions}` : '';
  return [{ key: 'signing_secret', label: 'Signing Secret', type: 'password', required: true, helpText: fitted([`${how}${where}`]) }];
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
      {
        key: 'events',
        label: 'Only These Events',
        required: false,
        list: true,
        choices: EVENT_CHOICES,
        helpText: 'Pass on only these events. Leave empty to pass on every event the webhook sends.',
      },
    ],
    perform,
    performList,
    sample: AFFILIATE_SAMPLE.approvedFromDashboard,
    outputFields: chosenRecordOutputFields(),
  },
};
