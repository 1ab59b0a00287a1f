/**
 * What every emulator test needs around the vendor under test: a loopback receiver that records
 * each webhook exactly as it arrived (path with query string, headers, raw body, time), an
 * emulator plus receiver started and stopped together, and a JSON caller for the emulated APIs.
 *
 * Vendor rules (base paths, auth schemes, signature checks) stay in each `<vendor>.test.ts`;
 * signatures are recomputed there with node:crypto, never taken from the emulator's own helpers.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type Emulator } from '../../playground/emulator/server';

/** One request the receiver caught. */
export interface Caught {
  /** The request path, query string included. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, decoded as UTF-8. */
  body: string;
  /** `performance.now()` on arrival, for checking retry back-off. */
  receivedAt: number;
}

/** A loopback webhook receiver. */
export interface Receiver {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request, in arrival order. */
  requests: Caught[];
  /** Requests to one path (query string included), in arrival order. */
  at(path: string): Caught[];
  close(): Promise<void>;
}

/** The status to answer a request to `path`; `earlier` counts the requests to that path before it. */
export type Responder = (path: string, earlier: number) => number;

/** Starts a receiver that answers each request with `respond(...)` (200 by default) and `ok` as text. */
export async function startReceiver(respond: Responder = () => 200): Promise<Receiver> {
  const requests: Caught[] = [];
  const served = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: performance.now() });
      const earlier = served.get(path) ?? 0;
      served.set(path, earlier + 1);
      response.writeHead(respond(path, earlier), { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    at: (path) => requests.filter((request) => request.path === path),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** An emulator and the receiver its webhooks go to. */
export interface Harness {
  emulator: Emulator;
  receiver: Receiver;
}

/** Starts an emulator on the injectable clock `now` and a receiver answering with `respond`. */
export async function startHarness(now: () => number, respond?: Responder): Promise<Harness> {
  const emulator = await startEmulator({ now });
  const receiver = await startReceiver(respond);
  return { emulator, receiver };
}

/** Stops both; the emulator first, since closing it waits for deliveries still bound for the receiver. */
export async function closeHarness({ emulator, receiver }: Harness): Promise<void> {
  await emulator.close();
  await receiver.close();
}

/** An API answer: status and the JSON body (`{}` when the body is empty, e.g. a 204). Tests compare it whole. */
export interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** An {@link Answer} with the response headers, for the few checks that read one (e.g. `Retry-After`). */
export interface HeadedAnswer extends Answer {
  headers: Headers;
}

/** How to call an emulated API: `body` is sent as JSON, `raw` byte for byte (with whatever `headers` say). */
export interface CallOptions {
  method?: string;
  /** The whole `Authorization` header; `null` sends none. */
  authorization: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** Calls `url` with `Accept: application/json`; the method defaults to POST when there is a body, else GET. */
export async function callJsonWithHeaders(url: string, options: CallOptions): Promise<HeadedAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.authorization !== null) headers.Authorization = options.authorization;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = options.body === undefined ? options.raw : JSON.stringify(options.body);
  const response = await fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** {@link callJsonWithHeaders} without the headers, so that the answer can be compared whole. */
export async function callJson(url: string, options: CallOptions): Promise<Answer> {
  const { status, json } = await callJsonWithHeaders(url, options);
  return { status, json };
}

/** The `data` member of an answer's envelope, as an object. */
export function dataOf(answer: Answer): Record<string, unknown> {
  return answer.json.data as Record<string, unknown>;
}

/** Lower-case hex HMAC-SHA256 of the UTF-8 `body` with `secret`, recomputed here rather than trusted. */
export function hmacSha256Hex(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}
