/**
 * The output of a polled status change, as the editor's sample and every run show it: the record
 * under a new id for each change (so Zapier's own deduplication never swallows a return to an
 * earlier status), its own id kept in `record_id`.
 */
import type { NormalizedOutput } from '../platforms/records';

/** The output of one change: the record under `<id>:<status>:<time>`, its own id in `record_id`. */
export function statusChangeOutput<R extends NormalizedOutput & { status?: string }>(record: R, changedAt: string, previous?: string): R & { record_id: string } {
  const output: R & { record_id: string; previous_status?: string } = { ...record, record_id: record.id };
  output.id = `${record.id}:${record.status ?? 'unknown'}:${changedAt}`;
  if (previous !== undefined) output.previous_status = previous;
  return output;
}
