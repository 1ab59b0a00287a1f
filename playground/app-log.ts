/**
 * The app's own log lines (zapier-platform-core writes z.console.log to the global console.log)
 * routed to the playground's report while it prints, so they appear under the step they belong to.
 */
import { format } from 'node:util';
import type { Report } from './report';

/**
 * Sends every console.log line to `report.appLog` until the returned function is called.
 * @returns restores the original console.log
 */
export function routeAppLog(report: Report): () => void {
  const original = console.log;
  console.log = (...args: unknown[]): void => {
    // Core passes each z.console line with its own trailing newline; blank lines carry nothing.
    for (const line of format(...args).split('\n')) if (line.trim() !== '') report.appLog(line.trimEnd());
  };
  return () => {
    console.log = original;
  };
}
