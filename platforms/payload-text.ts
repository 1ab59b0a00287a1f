/**
 * The vendor payload as a Zap receives it (issue 23 item 11). Inside the app a record keeps the
 * payload under `raw` as an object (cursors, look-ups and flags read paths in it); a Zap gets it as
 * one JSON text instead, labelled "Vendor Payload (JSON)", because Zapier's field picker flattens a
 * nested object into one field per leaf (`raw__data__attributes__…`, dozens per record) and would
 * bury the normalized fields. The text is still usable: a Code or Formatter step parses it, and a
 * webhook or storage step passes it on whole. Affiliate Hub's own notes (`FLAGS_KEY`) stay inside it.
 * Every trigger's records (receive/enrich.ts `enrichOutputs`), every action's and every search's
 * result pass through `withPayloadText` on their way out, and nowhere else.
 * Make keeps `raw` as a collection (Make shows it folded; make/generate/modules-common.ts).
 */
import type { JsonObject, NormalizedOutput } from './records';

/** The output key of the vendor payload, on Zapier and Make alike. */
export const PAYLOAD_KEY = 'raw';

/** Its label in Zapier's field picker. */
export const PAYLOAD_LABEL = 'Vendor Payload (JSON)';

/** A record as a Zap receives it: `raw` is the vendor payload as JSON text. */
export type ZapOutput = Omit<NormalizedOutput, 'raw'> & { raw: string };

/**
 * The record with its payload as JSON text. Large integer ids were kept as their digits' text when
 * the body was parsed (platforms/schemas.ts `parseJsonExact`), so they appear quoted, exact.
 */
export function withPayloadText(record: NormalizedOutput): ZapOutput {
  return { ...record, raw: JSON.stringify(record.raw ?? {}) };
}

/**
 * The payload object back from a Zap's output, for the tools and tests that read it (playground,
 * live check). Accepts an object too (a record not yet on its way out).
 * @throws SyntaxError when the text is not JSON
 */
export function payloadOf(raw: unknown): JsonObject {
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonObject) : {};
}
