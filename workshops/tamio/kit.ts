/**
 * Tamio, as its documents describe it (shared/platforms/README.md section 5): `Authorization:
 * Bearer <secret key>` on https://api.tamio.com/v2; webhook endpoints made in the dashboard, each
 * with a secret key; deliveries carry a header shaped `t=<timestamp>,s=<signature>` whose name and
 * signed string are not documented; `POST /v2/webhook-endpoints/verify-signature` with the API
 * key, the signature header and the raw body answers 200 (valid) or 400 (invalid).
 *
 * The stand-in for verify-signature below plays Tamio's side: it recomputes an HMAC-SHA256 over
 * `<t>.<raw body>` with the endpoint secret (a stand-in for the unknown signed string: the app never
 * computes it, so any rule works as long as both sides of the test agree) and refuses stale times.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { hookRequest } from '../../test/helpers/deliveries';

export const TAMIO_KEY = 'sk_live_tamio_5Jw8Qe2';
export const TAMIO_ORIGIN = 'https://api.tamio.com';
export const TAMIO_ENDPOINT_SECRET = 'whsec_tamio_endpoint_71c2';
/** The header name this test suite uses; the app must find it by its value's shape, whatever it is. */
export const TAMIO_SIGNATURE_HEADER = 'Tamio-Signature';
export const VERIFY_PATH = '/v2/webhook-endpoints/verify-signature';

export const tamioAuth = { platform: 'tamio', api_key: TAMIO_KEY };

/** Unix seconds now. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A `t=…,s=…` header value for a body, signed with `secret` at `timestamp` (unix s). */
export function tamioSignature(body: string, secret = TAMIO_ENDPOINT_SECRET, timestamp = nowSeconds()): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},s=${digest}`;
}

/** nock scope on Tamio's API with the Bearer key matched. */
export function tamioApi(): nock.Scope {
  return nock(TAMIO_ORIGIN, { reqheaders: { authorization: `Bearer ${TAMIO_KEY}` } });
}

/** What the verify stand-in saw, for assertions on the exact body and header forwarded. */
export interface VerifyCall {
  body: string;
  signature: string | undefined;
  contentType: string | undefined;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Tamio's verify-signature: 200 for a fresh signature over the exact body with the endpoint
 * secret, else 400 with the documented failure body.
 * @param calls collects every call, so tests can check what was forwarded
 */
export function expectVerify(scope: nock.Scope, calls: VerifyCall[] = [], header = TAMIO_SIGNATURE_HEADER): nock.Scope {
  // nock hands reply functions a parsed JSON body; its 'request' event carries the bytes as sent.
  let raw = '';
  scope.on('request', (_req: unknown, _interceptor: unknown, body: string) => {
    raw = body;
  });
  return scope.post(VERIFY_PATH).reply(function () {
    const body = raw;
    const signature = headerText(this.req.headers[header.toLowerCase()]);
    calls.push({ body, signature, contentType: headerText(this.req.headers['content-type']) });
    const parts = Object.fromEntries((signature ?? '').split(',').map((part) => part.split('=') as [string, string]));
    const timestamp = Number(parts.t);
    const expected = createHmac('sha256', TAMIO_ENDPOINT_SECRET).update(`${timestamp}.${body}`, 'utf8').digest('hex');
    const fresh = Math.abs(nowSeconds() - timestamp) <= 300;
    return fresh && parts.s === expected ? [200, { status: 200, valid: true }] : [400, { status: 400, valid: false, errors: ['invalid payload'] }];
  });
}

/** A delivery of `payload` as Tamio sends it to a dashboard webhook, signed unless `signature` says otherwise. */
export function tamioDelivery(payload: unknown, signature?: string | null, extraHeaders: Record<string, string> = {}) {
  const rawBody = JSON.stringify(payload);
  const value = signature === undefined ? tamioSignature(rawBody) : signature;
  const headers: Record<string, string> = { ...extraHeaders };
  if (value !== null) headers[TAMIO_SIGNATURE_HEADER] = value;
  return { rawBody, request: hookRequest(rawBody, headers) };
}
