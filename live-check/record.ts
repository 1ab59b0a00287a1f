/**
 * `--record <dir>`: keeps every vendor answer of the run as a nock fixture (nock's recorder, object
 * form), redacted, so a test can replay a confirmed answer with `nock.define` long after the
 * account is gone. Request headers are never recorded (they carry the credentials), response
 * headers are reduced to the content type, and every path, body and answer passes the redactor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { Redactor } from './redaction';

/** The response headers a fixture keeps: the rest (cookies, request ids, rate-limit counters) is noise or secret. */
const KEPT_HEADERS = new Set(['content-type']);

/** The nock recorder for one run. */
export class Recorder {
  private definitions: nock.Definition[] = [];
  private recording = false;

  /** How many answers were saved by the last `save`. */
  count = 0;

  /** Starts recording every HTTP request the process makes. */
  start(): void {
    nock.recorder.clear();
    nock.recorder.rec({ output_objects: true, dont_print: true, enable_reqheaders_recording: false });
    this.recording = true;
  }

  /** Stops recording (nock stops intercepting; a caller that defines mocks afterwards calls `nock.activate()`). */
  stop(): void {
    if (!this.recording) return;
    this.definitions = this.taken();
    nock.recorder.clear();
    nock.restore();
    this.recording = false;
  }

  /**
   * Writes the redacted fixtures of the vendor's answers to `<dir>/<platformId>.json`.
   * @param origin the vendor API's origin: other requests of the process (the emulator's own
   *   deliveries, a URL check) are not the vendor's answers and are left out
   * @returns the file's path
   */
  save(dir: string, platformId: string, redactor: Redactor, origin: string): string {
    const definitions = (this.recording ? this.taken() : this.definitions).filter((definition) => definition.scope === origin);
    const redacted = definitions.map((definition) => redactDefinition(definition, redactor));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${platformId}.json`);
    writeFileSync(file, `${JSON.stringify(redacted, null, 2)}\n`);
    this.count = redacted.length;
    return file;
  }

  private taken(): nock.Definition[] {
    return (nock.recorder.play() as (nock.Definition | string)[]).filter((item): item is nock.Definition => typeof item !== 'string');
  }
}

/** One recorded exchange with every secret and email masked. */
export function redactDefinition(definition: nock.Definition, redactor: Redactor): nock.Definition {
  const headers = Object.fromEntries(Object.entries(definition.rawHeaders ?? {}).filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())));
  const body = definition.body;
  return {
    scope: definition.scope,
    method: definition.method,
    path: typeof definition.path === 'string' ? redactor.text(definition.path) : definition.path,
    ...(body === undefined || body === '' ? {} : { body: typeof body === 'string' ? redactor.text(body) : redactor.json(body) }),
    status: definition.status,
    response: typeof definition.response === 'string' ? redactor.text(definition.response) : redactor.json(definition.response),
    rawHeaders: headers,
  };
}
