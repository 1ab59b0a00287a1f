/**
 * The vendor's payload a record keeps under `raw`, without Affiliate Hub's own notes: tests that
 * check normalization do not answer the look-ups of what a record lacks (receive/enrich.ts), and a
 * failed look-up only adds its note under FLAGS_KEY, the payload staying as delivered.
 */
import { FLAGS_KEY } from '../../platforms/normalize';
import { payloadOf } from '../../platforms/payload-text';

/** @param raw a Zap output's `raw` (JSON text, platforms/payload-text.ts) or a record's payload object */
export function deliveredPayload(raw: unknown): Record<string, unknown> {
  const { [FLAGS_KEY]: _notes, ...payload } = payloadOf(raw);
  return payload;
}
