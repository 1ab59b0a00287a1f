/**
 * Request-handling mechanics that every emulated vendor's API needs in exactly the same form:
 * running webhook work after the answer is written, and reading loosely typed bodies and query
 * strings. Nothing here speaks for a vendor: wording, status codes and envelopes stay in each
 * vendor's emulator module (`workshops/<id>/emulator/`), which passes its own refusal in where a
 * helper can fail.
 */
import type { FastifyReply } from 'fastify';
import type { DeliveryLog } from './delivery-log';

/**
 * Runs `task` once the current response has been written, tracked by the delivery log so that
 * `settled()` waits for it: the vendors answer the API call first and send its webhooks after.
 */
export function afterResponse(reply: FastifyReply, log: DeliveryLog, task: () => Promise<unknown>): void {
  // `close` as well as `finish`: a client that hangs up early must not leave the webhooks unsent.
  const written = new Promise<void>((resolve) => {
    reply.raw.once('finish', resolve);
    reply.raw.once('close', resolve);
  });
  log.track(written.then(task));
}

/** A request body as a plain object; anything else (absent, array, scalar) reads as `{}` so required-field checks refuse it. */
export function bodyOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A single query or body value (string or number) as a trimmed string, or undefined when absent or empty. */
export function text(source: Record<string, unknown>, name: string): string | undefined {
  const value = source[name];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * `name`, when present, as one of `allowed`; undefined when absent. Anything else throws what
 * `refuse` builds, so each vendor keeps its own status and wording.
 */
export function oneOfOr<T extends string>(source: Record<string, unknown>, name: string, allowed: readonly T[], refuse: (value: string) => Error): T | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw refuse(value);
  return match;
}

/**
 * Whether `error` is one of fastify's own 4xx errors (an unparsable JSON body, a wrong content
 * type…), which each vendor maps onto its own validation answer.
 */
export function isClientError(error: unknown): boolean {
  const statusCode = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}
