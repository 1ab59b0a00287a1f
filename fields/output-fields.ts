/**
 * Labelled output fields of the normalized records (DESIGN.md section 2), shared by every trigger,
 * action and search that returns the record kind.
 *
 * The definition carries only the fields every record has; the rest is a dynamic entry (a function
 * of the connection) listing what the connected platform's field map fills for the record kind. Two
 * reasons: the field mapper then offers no field that is always empty for the user's platform, and
 * zapier-platform-core deep-copies and freezes the whole definition twice per invocation, so every
 * static label object costs CPU time on every webhook delivery.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { PAYLOAD_KEY, PAYLOAD_LABEL } from '../platforms/payload-text';
import { recordKindOf, type RecordKind } from '../platforms/records';
import { findPlatform } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';

/** Zapier's output-field shape, restricted to what the records use. */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'datetime';
}

const BASE: OutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'platform', label: 'Platform' },
  // The codes filters and paths match on; the readable event is `event_name` (issue 23 item 11).
  { key: 'event', label: 'Event Code' },
  { key: 'vendor_event', label: 'Event Code on Platform' },
];

/**
 * The vendor payload: one field holding JSON text on Zapier (platforms/payload-text.ts says why),
 * listed last on every operation's dynamic entry. Not in BY_KIND: Make keeps `raw` as a collection.
 */
const PAYLOAD: OutputField = { key: PAYLOAD_KEY, label: PAYLOAD_LABEL };

/** The one readable event field (receive/enrich.ts fills it on every trigger's records), e.g. "Referral approved". */
const EVENT_NAME: OutputField = { key: 'event_name', label: 'Event' };

/** An amount's label names its unit (issue 23 item 10): a decimal in the record's Currency, never cents. */
function amountLabel(name: string): string {
  return `${name} (Decimal, in Currency)`;
}

const STATUS: OutputField[] = [
  { key: 'status', label: 'Status' },
  { key: 'vendor_status', label: 'Status on Platform' },
];

const BY_KIND: Record<RecordKind, OutputField[]> = {
  referral: [
    ...BASE,
    ...STATUS,
    { key: 'previous_status', label: 'Previous Status' },
    { key: 'order_id', label: 'Order ID' },
    { key: 'order_number', label: 'Order Number' },
    { key: 'sale_amount', label: amountLabel('Sale Amount'), type: 'number' },
    { key: 'commission_amount', label: amountLabel('Commission Amount'), type: 'number' },
    { key: 'currency', label: 'Currency' },
    { key: 'affiliate_id', label: 'Affiliate ID' },
    { key: 'partnership_key', label: 'Partnership Key' },
    { key: 'affiliate_email', label: 'Affiliate Email' },
    { key: 'affiliate_name', label: 'Affiliate Name' },
    { key: 'customer_email', label: 'Customer Email' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
  affiliate: [
    ...BASE,
    ...STATUS,
    { key: 'previous_status', label: 'Previous Status' },
    { key: 'email', label: 'Email' },
    { key: 'first_name', label: 'First Name' },
    { key: 'last_name', label: 'Last Name' },
    { key: 'name', label: 'Full Name' },
    { key: 'company', label: 'Company' },
    { key: 'program_id', label: 'Program ID' },
    { key: 'program_name', label: 'Program Name' },
    { key: 'referral_link', label: 'Referral Link' },
    { key: 'coupon_code', label: 'Coupon Code' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
  payout: [
    ...BASE,
    ...STATUS,
    { key: 'amount', label: amountLabel('Amount'), type: 'number' },
    { key: 'currency', label: 'Currency' },
    { key: 'affiliate_id', label: 'Affiliate ID' },
    { key: 'partnership_key', label: 'Partnership Key' },
    { key: 'affiliate_email', label: 'Affiliate Email' },
    { key: 'payment_method', label: 'Payment Method' },
    { key: 'paid_at', label: 'Paid At', type: 'datetime' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ],
};

/** Output fields of a record kind, every platform's (the Make app and unknown connections), the event in words after the base fields. */
export function outputFieldsFor(kind: RecordKind): OutputField[] {
  return withEventName(BY_KIND[kind]);
}

/** Zapier's dynamic `outputFields` entry: computed for the connection when the editor needs it. */
export type OutputFieldsFunction = (z: ZObject, bundle: Bundle) => Promise<OutputField[]>;

/** A definition's `outputFields`: the fields every record has, then the platform's. */
export type OutputFieldsEntry = OutputField | OutputFieldsFunction;

const BASE_KEYS = new Set(BASE.map((field) => field.key));

/**
 * The one output field the definition carries statically: the id every record has. Everything
 * else, the other base fields included, is the dynamic entry's: each static label object is
 * copied and frozen by core on every call (issue 23 item 15: the definition at most 1,150 nodes).
 */
const STATIC_OUTPUTS: OutputField[] = BASE.filter((field) => field.key === 'id');
const DYNAMIC_BASE: OutputField[] = BASE.filter((field) => field.key !== 'id');

/**
 * The fields a platform's data can fill for a record kind: the base fields, `event_name` and `raw`, its field map's keys, the
 * per-event overrides of that kind, `vendor_status` beside `status`, `name` from name parts, and
 * `extra` (what an action assumes from its inputs).
 */
export function filledKeys(platform: PlatformDefinition, kind: RecordKind, extra: readonly string[] = []): Set<string> {
  const keys = new Set<string>([...BASE_KEYS, EVENT_NAME.key, PAYLOAD.key, ...extra, ...Object.keys(platform.fields[kind] ?? {})]);
  for (const event of platform.events) {
    const eventKind = event.event !== undefined ? recordKindOf(event.event) : event.record;
    if (eventKind === kind) for (const key of Object.keys(event.fields ?? {})) keys.add(key);
  }
  if (keys.has('status')) keys.add('vendor_status');
  if (keys.has('first_name') || keys.has('last_name')) keys.add('name');
  // A full name alone is split into first and last (receive/enrich.ts).
  if (keys.has('name')) for (const key of ['first_name', 'last_name']) keys.add(key);
  for (const key of suppliedKeys(platform, kind)) keys.add(key);
  return keys;
}

/**
 * The fields receive/enrich.ts fills for a record kind beyond the field maps: the affiliate's email
 * and name through the affiliate's get, fields read from lists of their own, the connection's currency.
 */
export function suppliedKeys(platform: PlatformDefinition, kind: RecordKind): string[] {
  const supplements = platform.supplements;
  return [
    ...(kind !== 'affiliate' && platform.gets?.affiliate !== undefined ? ['affiliate_email', ...(kind === 'referral' ? ['affiliate_name'] : [])] : []),
    ...(supplements?.fieldLookups ?? []).filter((lookup) => lookup.kind === kind).map((lookup) => lookup.field),
    ...(supplements?.currencyFromConnection?.kinds.includes(kind) ? ['currency'] : []),
  ];
}

/**
 * A field's label on the connected platform: where its value comes from when that is not the
 * platform's record (the connection's currency), or that the platform cannot give it at all, so a
 * user sees it before mapping an always-empty field (issue 23, "the editor says so").
 */
function labelOn(platform: PlatformDefinition, kind: RecordKind, field: OutputField): OutputField {
  const unavailable: Record<string, string | undefined> = platform.supplements?.unavailable?.[kind] ?? {};
  if (unavailable[field.key] !== undefined) return { ...field, label: `${field.label} (Not Available on ${platform.name})` };
  if (field.key === 'currency' && platform.supplements?.currencyFromConnection?.kinds.includes(kind)) {
    return { ...field, label: `Currency (Your Shop Currency Where ${platform.name} Sends None)` };
  }
  return field;
}

/** The kind's fields the platform declares it cannot give (`supplements.unavailable`), with the reason. */
export function unavailableFields(platform: PlatformDefinition, kind: RecordKind): Readonly<Record<string, string | undefined>> {
  return platform.supplements?.unavailable?.[kind] ?? {};
}

/**
 * The kind's output fields the platform fills, without the static ones (they are listed once in the
 * definition). Every field of the kind when the platform is unknown.
 */
export function platformOutputFields(platform: PlatformDefinition | undefined, kind: RecordKind, extra: readonly string[] = []): OutputField[] {
  const rest = [EVENT_NAME, ...BY_KIND[kind].filter((field) => !BASE_KEYS.has(field.key))];
  if (platform === undefined) return rest;
  const keys = filledKeys(platform, kind, extra);
  const unavailable = unavailableFields(platform, kind);
  return rest.filter((field) => keys.has(field.key) || unavailable[field.key] !== undefined).map((field) => labelOn(platform, kind, field));
}

/**
 * `outputFields` of an operation returning one record kind: the static `id`, then the other base
 * fields and the connected platform's (`extra`: keys the operation adds for that platform, e.g. an action's assumptions).
 */
export function recordOutputFields(kind: RecordKind, extra: (platform: PlatformDefinition) => readonly string[] = () => []): OutputFieldsEntry[] {
  return [
    ...STATIC_OUTPUTS,
    async (_z: ZObject, bundle: Bundle) => {
      const platform = findPlatform(bundle.authData?.platform);
      return [...DYNAMIC_BASE, ...platformOutputFields(platform, kind, platform ? extra(platform) : []), PAYLOAD];
    },
  ];
}

/**
 * `outputFields` of a trigger whose record kind depends on the event chosen (New Platform Event,
 * the dashboard webhook): the chosen vendor event's kind when there is one, else every kind the
 * platform fills, each field once.
 */
export function chosenRecordOutputFields(): OutputFieldsEntry[] {
  return [
    ...STATIC_OUTPUTS,
    async (_z: ZObject, bundle: Bundle) => {
      const platform = findPlatform(bundle.authData?.platform);
      const chosen = platform?.events.find((event) => event.key === bundle.inputData?.event);
      const kinds: RecordKind[] =
        chosen === undefined
          ? ['referral', 'affiliate', 'payout']
          : chosen.event !== undefined
            ? [recordKindOf(chosen.event)]
            : chosen.record !== undefined
              ? [chosen.record]
              : [];
      const byKey = new Map<string, OutputField>(DYNAMIC_BASE.map((field) => [field.key, field]));
      for (const kind of kinds) for (const field of platformOutputFields(platform, kind)) if (!byKey.has(field.key)) byKey.set(field.key, field);
      return [...byKey.values(), PAYLOAD];
    },
  ];
}

/** Output fields of a trigger whose record kind depends on the event chosen (New Platform Event): every kind's, once. */
export function anyRecordOutputFields(): OutputField[] {
  const byKey = new Map<string, OutputField>();
  for (const field of [...BY_KIND.referral, ...BY_KIND.affiliate, ...BY_KIND.payout]) if (!byKey.has(field.key)) byKey.set(field.key, field);
  return withEventName([...byKey.values()]);
}

/** `fields` with `event_name` after the base fields, where the Zapier side lists it too (platformOutputFields). */
function withEventName(fields: readonly OutputField[]): OutputField[] {
  return [...fields.filter((field) => BASE_KEYS.has(field.key)), EVENT_NAME, ...fields.filter((field) => !BASE_KEYS.has(field.key))];
}
