/**
 * Shared webhook delivery for every emulated vendor: POST an exact raw body to a target URL with
 * Node's global `fetch`, and keep a log of every attempt plus a way to wait until all work that
 * can still produce deliveries has finished.
 *
 * Vendor rules (signature headers, body shape, what counts as a valid answer) live in the vendor
 * modules; this file only moves bytes and records what happened.
 */

/**
 * A vendor id: the name of its folder under `vendors/` (slugs as in the platforms README section
 * titles, e.g. `uppromote`). A plain string because vendors are discovered at run time; the
 * emulator refuses ids it has not loaded.
 */
export type Vendor = string;

/**
 * One delivery attempt, as the emulator sent it.
 * - `event`: the vendor's own event name (e.g. `referral.new`); a subscription URL check is
 *   logged as `url-check:<event>` with an empty `body`.
 * - `status`: the receiver's HTTP status, `null` when no response arrived (`error` says why).
 * - `ok`: the receiver answered 2xx.
 * - `body`: the exact bytes sent (signatures are computed over this string).
 * - `headers`: the headers the emulator set (names as sent), so a test can replay the request.
 */
export interface DeliveryRecord {
  vendor: Vendor;
  event: string;
  targetUrl: string;
  status: number | null;
  ok: boolean;
  body: string;
  headers: Record<string, string>;
  error?: string;
}

/** What to send; `body` is sent byte for byte. */
export interface DeliveryRequest {
  vendor: Vendor;
  event: string;
  targetUrl: string;
  body: string;
  headers: Record<string, string>;
}

/** A receiver that never answers must not keep `settled()` waiting forever. */
export const DELIVERY_TIMEOUT_MS = 10_000;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * POSTs one request and reports the outcome; never throws (a failed delivery is a record with
 * `status: null` and `error`). Redirects are not followed: webhook senders post to the URL given.
 */
export async function deliver(request: DeliveryRequest): Promise<DeliveryRecord> {
  const record = { vendor: request.vendor, event: request.event, targetUrl: request.targetUrl, body: request.body, headers: { ...request.headers } };
  try {
    const response = await fetch(request.targetUrl, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // Drain the answer so the connection is released; its content is not part of the record.
    await response.arrayBuffer().catch(() => undefined);
    return { ...record, status: response.status, ok: response.status >= 200 && response.status < 300 };
  } catch (error) {
    return { ...record, status: null, ok: false, error: describe(error) };
  }
}

/**
 * The emulator-wide delivery log. `records` is appended when an attempt completes, so every
 * record is final; vendors send the deliveries of one action one after another, which keeps the
 * order deterministic.
 */
export class DeliveryLog {
  readonly records: DeliveryRecord[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  /** Sends and logs one delivery; the attempt counts for `settled()` while in flight. */
  send(request: DeliveryRequest): Promise<DeliveryRecord> {
    return this.track(
      deliver(request).then((record) => {
        this.records.push(record);
        return record;
      }),
    );
  }

  /** Registers background work (e.g. deliveries scheduled after an API response) for `settled()`. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    work
      .finally(() => this.pending.delete(work))
      .catch(() => undefined);
    return work;
  }

  /** Resolves once no tracked work is left, including work started by work that finished meanwhile. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
