/**
 * Interfaces and samples shared by every module that outputs normalized records. Both are read from
 * the module's own output mapping, so a module declares exactly the fields it fills on its
 * platform, and its sample shows the event names it produces (issue 26 item 10).
 */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { anyRecordOutputFields, outputFieldsFor, type OutputField } from '../../fields/output-fields';
import { eventName } from '../../platforms/event-name';
import { toJson, type Json, type JsonRecord } from './json';
import { sentenceCase } from './labels';

/** The output key a re-fetching instant trigger adds: whether the platform's answer agrees with the event (make/generate/refetch.ts). */
export const CONFIRMED_KEY = 'confirmed';

/** Interface entries of keys that are no normalized record field. */
const EXTRA_FIELDS: Readonly<Record<string, JsonRecord>> = {
  [CONFIRMED_KEY]: { name: CONFIRMED_KEY, label: 'Confirmed by the API', type: 'boolean' },
  raw: { name: 'raw', label: 'Original payload', type: 'any' },
};

function interfaceEntry(field: OutputField): JsonRecord {
  return { name: field.key, label: sentenceCase(field.label), type: field.type === 'number' ? 'number' : field.type === 'datetime' ? 'date' : 'text' };
}

/**
 * The Make interface of what the given output mappings fill (several when a module outputs one of
 * several mappings, e.g. a request's output or its skipped-request default): the record kind's
 * fields in their catalogue order (every kind's when undefined), then `confirmed`, then `raw`.
 * @throws Error when an output fills a key with no interface entry (a generator mistake)
 */
export function outputInterface(outputs: readonly JsonRecord[], kind: RecordKind | undefined): JsonRecord[] {
  const filled = new Set(outputs.flatMap((output) => Object.keys(output)));
  const fields = kind ? outputFieldsFor(kind) : anyRecordOutputFields();
  const known = new Set([...fields.map((field) => field.key), ...Object.keys(EXTRA_FIELDS)]);
  const unknown = [...filled].filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`output keys without an interface entry: ${unknown.join(', ')}`);
  return [
    ...fields.filter((field) => filled.has(field.key)).map(interfaceEntry),
    ...Object.entries(EXTRA_FIELDS).flatMap(([key, entry]) => (filled.has(key) ? [entry] : [])),
  ];
}

/** What a module's sample says about itself: the event it produces and the platform's name for it. */
export interface SampleFacts {
  event: string;
  vendorEvent: string;
}

/**
 * A module sample from the catalogue's sample (documented vendor payloads), restricted to the keys
 * the module's output fills, with this platform's id and the module's own event names. The vendor
 * payload under `raw` is kept only for the platform it came from, so no app shows another vendor's
 * payload as its own; `confirmed` shows the confirmed case.
 */
export function outputSample(platform: PlatformDefinition, sample: NormalizedOutput, outputs: readonly JsonRecord[], facts: SampleFacts): Json {
  const source = toJson(sample) as JsonRecord;
  const filled = new Set(outputs.flatMap((output) => Object.keys(output)));
  const given: JsonRecord = {
    ...source,
    platform: platform.id,
    event: facts.event,
    vendor_event: facts.vendorEvent,
    event_name: eventName(platform, facts.event, facts.vendorEvent),
    [CONFIRMED_KEY]: true,
    raw: source.platform === platform.id ? (source.raw ?? {}) : {},
  };
  return Object.fromEntries(Object.entries(given).filter(([key]) => filled.has(key)));
}

/** `approve_referral` → `approveReferral`. */
export function camelName(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
