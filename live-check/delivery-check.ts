/**
 * `--delivery <file>`: one captured webhook request, run through the app's verification and
 * normalization as Zapier would run it (the trigger's perform with `bundle.rawRequest`), and
 * through the candidate schemes (schemes.ts), so one real delivery settles which scheme the vendor
 * signs with. The capture is `{"headers": {…}, "body": "<exact body text>", "query": {…}}` (query
 * optional), as a request bin or Zapier's Catch Hook shows it, plus `"event"` (the vendor event key
 * the URL was set up for) for a platform whose deliveries name none.
 */
import { readFileSync } from 'node:fs';
import { z as zod } from 'zod';
import { receiveDelivery } from '../receive/delivery';
import type { PlatformDefinition } from '../platforms/types';
import { zapierHeaderName } from '../playground/receiver';
import { AppRunner } from './app-runner';
import type { Redactor } from './redaction';
import { identifyScheme, signatureLikeHeaders, vendorHeaders, type CapturedDelivery, type SchemeMatch } from './schemes';

const captureSchema = zod.object({
  headers: zod.record(zod.string(), zod.union([zod.string(), zod.number()]).transform(String)),
  body: zod.string(),
  query: zod.record(zod.string(), zod.union([zod.string(), zod.number()]).transform(String)).optional(),
  event: zod.string().optional(),
});

/** What the delivery check found. */
export interface DeliveryOutcome {
  /** True when a candidate scheme matched or the app's own verification accepted it. */
  ok: boolean;
  /** Who verified the records' delivery: the app's own check, or (the app refusing) the matching candidate. */
  normalizedBy?: 'app' | 'candidate';
  /** The candidate scheme that verified it, if any. */
  match?: SchemeMatch;
  /** The normalized records the app's trigger returned (empty when refused). */
  records: unknown[];
  /** Why the app refused it, when it did. */
  refusal?: string;
  /** Header names that looked like signatures (reported when nothing matched). */
  signatureHeaders: string[];
}

/**
 * Reads and validates a capture file.
 * @throws Error naming the file and what is wrong with it
 */
export function readCapture(file: string): CapturedDelivery {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a JSON capture: ${error instanceof Error ? error.message : String(error)}`);
  }
  const capture = captureSchema.safeParse(parsed);
  if (!capture.success) throw new Error(`${file} is not {"headers": {…}, "body": "<exact body text>", "query"?: {…}}: ${capture.error.issues.map((issue) => issue.path.join('.') || 'root').join(', ')}`);
  return { headers: capture.data.headers, body: capture.data.body, query: capture.data.query ?? {}, ...(capture.data.event ? { event: capture.data.event } : {}) };
}

/** The bundle parts Zapier builds from a request to a hook URL (headers renamed `Http-…`). */
function zapierRequest(capture: CapturedDelivery): { rawRequest: { method: string; headers: Record<string, string>; content: string; querystring: string }; cleanedRequest: unknown } {
  const headers = Object.fromEntries(Object.entries(capture.headers).map(([name, value]) => [/^http-/i.test(name) ? name : zapierHeaderName(name), value]));
  let cleaned: unknown = {};
  try {
    cleaned = JSON.parse(capture.body);
  } catch {
    // Zapier passes an unparsable body on as raw content only.
  }
  return { rawRequest: { method: 'POST', headers, content: capture.body, querystring: new URLSearchParams(capture.query).toString() }, cleanedRequest: cleaned };
}

/**
 * Checks one captured delivery.
 * @param secret the signing secret (or, for URL-token platforms, the token)
 * @throws Error for an unreadable capture file
 */
export async function checkDelivery(platform: PlatformDefinition, authData: Record<string, string>, file: string, secret: string, redactor: Redactor): Promise<DeliveryOutcome> {
  const capture = readCapture(file);
  const match = await identifyScheme(capture, secret);
  const runner = new AppRunner(authData);
  // Where deliveries name no event, the capture says which one its URL was set up for.
  const chosen = capture.event !== undefined ? [capture.event] : undefined;
  const events = chosen ?? platform.events.map((event) => event.key);
  const dashboard = platform.webhooks.kind === 'dashboard';
  // As Zapier runs the Zap's trigger: the dashboard webhook takes the secret as an input, a REST hook from its subscription.
  const bundle = dashboard
    ? { inputData: { signing_secret: secret, ...(capture.event !== undefined ? { vendor_event: capture.event } : {}) }, ...zapierRequest(capture) }
    : {
        inputData: {},
        subscribeData: { id: 'live-check', platform: platform.id, subscriptions: [{ events, secret }], token: secret },
        ...zapierRequest(capture),
      };
  let records: unknown[] = [];
  let refusal: string | undefined;
  try {
    const { result } = await runner.run('triggers', dashboard ? 'dashboard_webhook' : 'new_platform_event', 'perform', bundle);
    records = Array.isArray(result) ? result : [];
  } catch (error) {
    refusal = redactor.text(error instanceof Error ? error.message : String(error));
  }
  if (records.length === 0 && refusal === undefined) {
    // The trigger only logs why; the same pipeline step says it here.
    const delivery = { rawBody: capture.body, headers: zapierRequest(capture).rawRequest.headers, query: capture.query };
    const { result } = await runner.withZ((z) => receiveDelivery(z, platform, delivery, { secrets: [{ secret, events }], token: secret, events: chosen }));
    refusal = result.accepted ? 'the trigger passed nothing on' : redactor.text(result.message);
  }
  const accepted = records.length > 0;
  let normalizedBy: DeliveryOutcome['normalizedBy'] = accepted ? 'app' : undefined;
  if (!accepted && match) {
    // The signature is settled by the candidate; the rest of the app's pipeline (parse, identify,
    // normalize) still runs on the delivery, with the signature step standing aside for a token.
    const stand = { ...platform, signature: { type: 'url_token' as const, param: STAND_IN_PARAM, source: 'live-check stand-in' } };
    const delivery = { rawBody: capture.body, headers: zapierRequest(capture).rawRequest.headers, query: { ...capture.query, [STAND_IN_PARAM]: secret } };
    const { result } = await runner.withZ((z) => receiveDelivery(z, stand, delivery, { secrets: [], token: secret, events: chosen }));
    if (result.accepted) {
      records = [result.output];
      normalizedBy = 'candidate';
    }
  }
  return {
    ok: accepted || match !== undefined,
    match,
    records,
    normalizedBy,
    refusal: accepted ? undefined : refusal,
    signatureHeaders: match ? [] : signatureLikeHeaders({ ...capture, headers: vendorHeaders(capture.headers) }),
  };
}

/** The query parameter of the stand-in check that lets a delivery verified by a candidate reach normalization. */
const STAND_IN_PARAM = 'live_check_token';

/** What the platform data assumes about signatures, in words. */
function assumedScheme(platform: PlatformDefinition): string {
  const scheme = platform.signature;
  if (scheme.type === 'hmac') return `HMAC-SHA256 (${scheme.encodings.join('/')}) in ${typeof scheme.header === 'string' ? scheme.header : `a header containing "${scheme.header.contains}"`} [${scheme.source}]`;
  if (scheme.type === 'url_token') return `URL token ?${scheme.param} [${scheme.source}]`;
  if (scheme.type === 'remote') return `verified by ${platform.name}'s own API [${scheme.source}]`;
  // Schemes added to the signature layer later are named by their type.
  const other: { type: string; source?: string } = scheme;
  return `${other.type} [${other.source ?? 'untagged'}]`;
}

/** The outcome as report lines (redacted). */
export function formatDelivery(platform: PlatformDefinition, outcome: DeliveryOutcome, redactor: Redactor): string[] {
  const lines = [`${platform.name} delivery check`, `  platform data assumes: ${assumedScheme(platform)}`];
  if (outcome.match) {
    const age = outcome.match.ageSeconds === undefined ? '' : `, signed ${outcome.match.ageSeconds} s before now`;
    lines.push(`  matched: ${outcome.match.scheme} in ${outcome.match.carrier}${age}`);
  } else {
    lines.push('  matched: no candidate scheme (raw HMAC-SHA256, Standard Webhooks, Stripe-style, URL token) verifies it with this secret');
    lines.push(`  headers that look like signatures: ${outcome.signatureHeaders.length > 0 ? outcome.signatureHeaders.join(', ') : 'none'}`);
  }
  if (outcome.normalizedBy === 'app') lines.push('  the app verified it');
  else {
    lines.push(`  the app refused it: ${outcome.refusal ?? 'no reason given'}`);
    if (outcome.match) lines.push(`  → signed "${outcome.match.scheme}", which the platform data does not verify: update the signature in platforms/${platform.id}.`);
  }
  if (outcome.records.length > 0) {
    lines.push(outcome.normalizedBy === 'app' ? '  normalized record:' : '  normalized record (signature verified by the matching candidate, not the app):');
    lines.push(...JSON.stringify(redactor.json(outcome.records[0]), null, 2).split('\n').map((line) => `    ${line}`));
  }
  return lines.map((line) => redactor.text(line));
}
