/**
 * Prints the live check's rows: grouped by request, one line per path with its verdict, source
 * tag and detail, then a summary. Every line passes through the run's redactor.
 */
import type { Redactor } from './redaction';
import { isFailure, type Row, type Verdict } from './rows';

const MARK: Record<Verdict, string> = { confirmed: 'confirmed', differs: 'DIFFERS  ', absent: 'ABSENT   ', unchecked: 'unchecked' };

/** The longest source tag printed in full; longer ones are cut (the platform file has the whole text). */
const SOURCE_WIDTH = 60;

function shortSource(source: string): string {
  return source.length <= SOURCE_WIDTH ? source : `${source.slice(0, SOURCE_WIDTH - 1)}…`;
}

/**
 * The report as lines of text.
 * @param title the first line, e.g. `Acme live check against http://127.0.0.1:4010`
 */
export function formatReport(title: string, rows: readonly Row[], redactor: Redactor): string[] {
  const lines = [title, ''];
  let current: string | undefined;
  const width = Math.min(70, Math.max(10, ...rows.map((row) => row.path.length)));
  for (const row of rows) {
    if (row.request !== current) {
      if (current !== undefined) lines.push('');
      lines.push(row.request);
      current = row.request;
    }
    const detail = row.detail ? `  ${row.detail}` : '';
    lines.push(`  ${MARK[row.verdict]}  ${row.path.padEnd(width)}  [${shortSource(row.source)}]${detail}`);
  }
  const count = (verdict: Verdict): number => rows.filter((row) => row.verdict === verdict).length;
  lines.push('', `${rows.length} checks: ${count('confirmed')} confirmed, ${count('differs')} differ, ${count('absent')} absent, ${count('unchecked')} unchecked.`);
  const failures = rows.filter(isFailure);
  const optional = rows.filter((row) => row.verdict === 'absent' && row.optional);
  if (failures.length > 0) {
    lines.push('Differences:');
    for (const row of failures) lines.push(`  ${row.request}: ${row.path} ${row.verdict}${row.detail ? ` (${row.detail})` : ''}`);
  }
  if (optional.length > 0) {
    lines.push('Optional fields no item carried (not failures; confirm with a record that has them):');
    for (const row of optional) lines.push(`  ${row.request}: ${row.path}`);
  }
  return lines.map((line) => redactor.text(line));
}
