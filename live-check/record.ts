/**
 * `--record <dir>`: keeps every vendor answer of the run as a nock fixture (nock's recorder, object
 * form), redacted, so a test can replay a confirmed answer with `nock.define` long after the
 * account is gone. Request headers are never recorded (they carry the credentials), response
 * headers are reduced to the content type, and every path, body and answer passes the redactor:
 * secrets, emails and personal data (names, phones, addresses, postcodes, VAT numbers, Stripe
 * customer ids), by field name and by value shape.
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
    const redacted = redactDefinitions(definitions, redactor);
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

/**
 * A recorded body as JSON when it is JSON text (nock keeps an answer as text when it could not
 * parse it, e.g. a JSON body sent as text/plain), else as it is.
 */
function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? parsed : body;
  } catch {
    return body;
  }
}

/** A body with its secrets and personal data masked: JSON by field name and value shape, text (a form body, HTML) by shape and parameter name. */
function redactBody<T>(body: T, redactor: Redactor): T {
  const json = jsonOf(body);
  if (typeof json === 'string') return redactor.text(json) as T;
  const masked = redactor.json(json);
  // JSON recorded as text stays text (nock answers it byte for byte).
  return (typeof body === 'string' ? JSON.stringify(masked) : masked) as T;
}

/**
 * The exchanges of one run, redacted. Every secret of the run is learned first (the token or
 * secret our subscribe sent, even when the vendor refused it), so each is masked wherever it
 * recurs, in earlier answers too.
 */
export function redactDefinitions(definitions: readonly nock.Definition[], redactor: Redactor): nock.Definition[] {
  for (const definition of definitions) redactor.learn([definition.path, definition.body, jsonOf(definition.response)]);
  return definitions.map((definition) => redactDefinition(definition, redactor));
}

/** One recorded exchange with every secret, email and piece of personal data masked (live-check/redaction.ts). */
export function redactDefinition(definition: nock.Definition, redactor: Redactor): nock.Definition {
  const headers = Object.fromEntries(Object.entries(definition.rawHeaders ?? {}).filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())));
  const body = definition.body;
  return {
    scope: definition.scope,
    method: definition.method,
    path: typeof definition.path === 'string' ? redactor.text(definition.path) : definition.path,
    ...(body === undefined || body === '' ? {} : { body: redactBody(body, redactor) }),
    status: definition.status,
    response: redactBody(definition.response, redactor),
    rawHeaders: headers,
  };
}
