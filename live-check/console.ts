/**
 * Where `console.log` goes while the live check runs. zapier-platform-core prints one memory line
 * per operation outside a test run (`ZID: … pid ZRUN: … RSSMEM: {…}`, its Lambda process check,
 * tools/memory-checker.js): a quarter to half of a live check's output and of no use to the
 * person running it, so it is dropped. Anything else logged goes to stderr, redacted, so the
 * report on stdout stays the report.
 */
import { format } from 'node:util';
import type { Redactor } from './redaction';

/** The start of core's memory line as `util.format` renders it (zapier-platform-core 19). */
const CORE_MEMORY_LINE = /^ZID: \S+ pid ZRUN: \d+ RSSMEM: /;

/** True for zapier-platform-core's per-operation memory line. */
export function isCoreMemoryLine(text: string): boolean {
  return CORE_MEMORY_LINE.test(text);
}

/**
 * Replaces `console.log` for the rest of the process: core's memory lines are dropped, the rest is
 * written (redacted, one line per call) with `write`.
 * @returns a function that puts the previous `console.log` back
 */
export function divertConsoleLog(redactor: Redactor, write: (text: string) => void = (text) => process.stderr.write(text)): () => void {
  const previous = console.log;
  console.log = (...items: unknown[]) => {
    const text = format(...items);
    if (!isCoreMemoryLine(text)) write(`${redactor.text(text)}\n`);
  };
  return () => {
    console.log = previous;
  };
}
