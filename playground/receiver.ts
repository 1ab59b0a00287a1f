/**
 * The playground's stand-in for Zapier's hook endpoint: a loopback HTTP server that receives a
 * vendor's delivery and hands the app a bundle exactly as Zapier does for a hook trigger
 * (`rawRequest` with the raw body and `Http-`-renamed headers, `cleanedRequest`, `subscribeData`),
 * then answers 200 whatever the outcome, as Zapier's hook URLs do.
 */
import Fastify from 'fastify';

/** A request as the receiver got it, before the app sees it. */
export interface ReceivedRequest {
  /** The hook id from the URL path `/hooks/<hookId>`. */
  hookId: string;
  rawBody: string;
  /** Header names as sent. */
  headers: Record<string, string>;
  querystring: string;
}

/** `x-acme-signature` → `Http-X-Acme-Signature`: how Zapier renames hook request headers. */
export function zapierHeaderName(name: string): string {
  const words = name.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
  return `Http-${words.join('-')}`;
}

/** The `rawRequest` / `cleanedRequest` pair Zapier builds from a delivery. */
export function zapierRequestOf(request: ReceivedRequest): { rawRequest: object; cleanedRequest: unknown } {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [zapierHeaderName(name), value]));
  let cleaned: unknown = {};
  try {
    cleaned = JSON.parse(request.rawBody);
  } catch {
    // Zapier passes an unparsable body on as raw content only.
  }
  return {
    rawRequest: { method: 'POST', headers, content: request.rawBody, querystring: request.querystring },
    cleanedRequest: cleaned,
  };
}

export interface Receiver {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The hook URL for a Zap. */
  hookUrl(hookId: string): string;
  close(): Promise<void>;
}

/**
 * Starts the receiver on a random loopback port.
 * @param onRequest called for every delivery; its errors are logged by the caller, never sent back
 */
export async function startReceiver(onRequest: (request: ReceivedRequest) => Promise<void>): Promise<Receiver> {
  const server = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  // Keep the body exactly as sent: signatures are over these bytes.
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  server.post<{ Params: { hookId: string } }>('/hooks/:hookId', async (request, reply) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const querystring = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    await onRequest({ hookId: request.params.hookId, rawBody, headers, querystring });
    return reply.code(200).send({ status: 'success' });
  });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return { url, hookUrl: (hookId) => `${url}/hooks/${hookId}`, close: () => server.close() };
}
