/** Interfaces and samples shared by every module that outputs normalized records. */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { anyRecordOutputFields, outputFieldsFor } from '../../triggers/output-fields';
import { toJson, type Json, type JsonRecord } from './json';
import { sentenceCase } from './labels';

/** Make interface of a record kind (every kind's fields when undefined), `raw` last. */
export function recordInterface(kind: RecordKind | undefined): JsonRecord[] {
  const fields = kind ? outputFieldsFor(kind) : anyRecordOutputFields();
  return [
    ...fields.map((field) => ({
      name: field.key,
      label: sentenceCase(field.label),
      type: field.type === 'number' ? 'number' : field.type === 'datetime' ? 'date' : 'text',
    })),
    { name: 'raw', label: 'Original payload', type: 'any' },
  ];
}

/**
 * A module sample from the Zapier sample (documented vendor payloads): the normalized fields
 * with this platform's id. The vendor payload under `raw` is kept only for the platform it came
 * from, so no app shows another vendor's payload as its own.
 */
export function sampleFor(platform: PlatformDefinition, sample: NormalizedOutput, vendorEvent?: string): Json {
  const copy = toJson(sample) as JsonRecord;
  const samePlatform = copy.platform === platform.id;
  copy.platform = platform.id;
  if (vendorEvent !== undefined) copy.vendor_event = vendorEvent;
  if (!samePlatform) copy.raw = {};
  return copy;
}

/** `approve_referral` → `approveReferral`. */
export function camelName(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
