/** Plain-text table for the benchmark's report (fixed-width columns, no dependencies). */

export type Row = readonly string[];

/** Renders rows under a header, each column as wide as its widest cell. */
export function renderTable(header: Row, rows: readonly Row[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: Row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function verdict(met: boolean): string {
  return met ? 'yes' : 'NO';
}
