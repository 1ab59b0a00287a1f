/**
 * Signed webhook deliveries for the benchmark, built generically for every registered platform
 * from its definition (signature scheme, how deliveries name their event) and its payload
 * fixtures, shaped as Zapier hands them to a hook's perform (test/helpers/deliveries.ts):
 * `rawRequest` with the exact body and headers renamed `Http-X-…`, `cleanedRequest` parsed.
 * This is a load generator, not a contract test: reading the app's own data to sign is fine here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EVENT_PARAM, namesEventInDelivery } from '../platforms/event-route';
import { getPath } from '../platforms/paths';
import { PLATFORMS } from '../platforms/registry';
import { signDelivery } from '../signature-schemes';
import type { PlatformDefinition } from '../platforms/types';
import { fixturesDir } from './paths';

/**
 * The signing secret of the benchmark's stored subscription: `whsec_` + base64, so Standard
 * Webhooks / Svix platforms can sign with it too (the other schemes take any text).
 */
const SECRET = 'whsec_YmVuY2hfMDEyMzQ1Njc4OWFiY2RlZg==';

/** A bundle as Zapier passes it to `triggers.<key>.operation.perform` (JSON-serializable). */
export interface DeliveryBundle {
  authData: Record<string, string>;
  inputData: Record<string, string>;
  subscribeData: { id: string; platform: string; subscriptions: { events: string[]; secret?: string; issuedSecret?: string }[]; token?: string };
  rawRequest: { method: 'POST'; headers: Record<string, string>; content: string; querystring: string };
  cleanedRequest: unknown;
}

/** One platform's benchmark delivery: its largest payload fixture, signed. */
export interface PlatformDelivery {
  platform: string;
  /** The fixture as `<platform id>/<file>` (the file is in workshops/<id>/fixtures/). */
  fixture: string;
  vendorEvent: string;
  /** Raw body size, bytes. */
  bodyBytes: number;
  rawBody: string;
  /** How the delivery proves its origin, e.g. `hmac`. */
  scheme: PlatformDefinition['signature']['type'];
  /** Builds a fresh bundle (the handler may mutate what it is given); `now` in unix ms signs the time where the scheme has one. */
  bundle(now: number): DeliveryBundle;
}

/** Zapier's rename of hook headers: `X-Acme-Signature` → `Http-X-Acme-Signature`. */
function zapierHeaderName(name: string): string {
  return 'Http-' + name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('-');
}

/** The vendor event a payload fixture stands for: its file name, or the event its body names. */
function vendorEventOf(platform: PlatformDefinition, file: string, body: unknown): string | undefined {
  const known = new Set(platform.events.map((event) => event.key));
  const aliases = platform.delivery.eventAliases ?? {};
  const name = basename(file, '.json');
  const paths = platform.delivery.eventPath === undefined ? [] : typeof platform.delivery.eventPath === 'string' ? [platform.delivery.eventPath] : platform.delivery.eventPath;
  const named = paths.map((path) => getPath(body, path)).filter((value): value is string => typeof value === 'string');
  for (const candidate of [...named, name, name.replace(/\.v\d+$/, '')]) {
    const key = aliases[candidate] ?? candidate;
    if (known.has(key)) return key;
  }
  return undefined;
}

/** `time` written the way `was` is: epoch seconds or milliseconds (number or digits), or ISO 8601 with or without milliseconds. */
function timeLike(was: unknown, time: number): unknown {
  const digits = typeof was === 'number' || (typeof was === 'string' && /^\d+$/.test(was));
  if (digits) {
    const value = Number(was) > 1e12 ? time : Math.floor(time / 1000);
    return typeof was === 'number' ? value : String(value);
  }
  const iso = new Date(time).toISOString();
  return typeof was === 'string' && !/\.\d+/.test(was) ? iso.replace(/\.\d+Z$/, 'Z') : iso;
}

/**
 * The fixture with its event time (the platform's `delivery.timePath`) moved to `time`: the app
 * refuses a delivery older than the vendor's retry window as a replay, and the documented examples
 * are years old. Nothing else changes, so the body keeps its size within a few bytes.
 */
function restamped(platform: PlatformDefinition, body: unknown, time: number): unknown {
  const path = platform.delivery.timePath;
  if (path === undefined || getPath(body, path) === undefined) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  const steps = path.split('.');
  const parent = steps.slice(0, -1).reduce<Record<string, unknown>>((node, step) => node[step] as Record<string, unknown>, copy);
  const last = steps[steps.length - 1];
  parent[last] = timeLike(parent[last], time);
  return copy;
}

function deliveryFor(platform: PlatformDefinition, file: string, fixture: unknown, vendorEvent: string): PlatformDelivery {
  // Dated when the bench starts (a run takes minutes, every retry window is hours or days).
  const body = restamped(platform, fixture, Date.now());
  // Vendors send compact JSON; the fixture files are pretty-printed for reading.
  const rawBody = JSON.stringify(body);
  const route: Record<string, string> = namesEventInDelivery(platform) ? {} : { [EVENT_PARAM]: vendorEvent };
  // A platform that names the event in a header (`delivery.eventHeader`) gets it there, as the vendor sends it.
  const eventHeader: Record<string, string> = platform.delivery.eventHeader === undefined ? {} : { [platform.delivery.eventHeader]: vendorEvent };
  return {
    platform: platform.id,
    fixture: join(platform.id, basename(file)),
    vendorEvent,
    bodyBytes: Buffer.byteLength(rawBody),
    rawBody,
    scheme: platform.signature.type,
    bundle: (now) => {
      // Signed through the app's own scheme objects, as the vendor signs (signature-schemes/).
      const signed = signDelivery(platform, rawBody, SECRET, now);
      return {
        // Every connection field the platform needs (public key, account id…), filled with a bench value.
        authData: { platform: platform.id, api_key: 'bench_key', public_key: 'bench_public_key', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, `bench_${field.key}`])) },
        inputData: { event: vendorEvent },
        subscribeData: {
          id: `bench-${vendorEvent}`,
          platform: platform.id,
          // The secret both as ours and as the vendor-issued one: each verifies only in its own scheme
          // (a header token, a signing key), and the bench signs with whichever the platform's scheme uses.
          subscriptions: [{ events: [vendorEvent], secret: SECRET, issuedSecret: SECRET }],
          token: platform.signature.type === 'url_token' ? SECRET : undefined,
        },
        rawRequest: {
          method: 'POST',
          headers: Object.fromEntries(
            Object.entries({ 'Content-Type': 'application/json', ...eventHeader, ...signed.headers }).map(([name, value]) => [zapierHeaderName(name), value]),
          ),
          content: rawBody,
          querystring: new URLSearchParams({ ...route, ...signed.query }).toString(),
        },
        cleanedRequest: JSON.parse(rawBody) as unknown,
      };
    },
  };
}

/** Why a platform has no benchmark delivery. */
export interface MissingDelivery {
  platform: string;
  reason: string;
}

/**
 * Every registered platform's largest payload fixture that is a delivery (names one of its vendor
 * events; list responses and request bodies in the same folder are skipped).
 */
export function largestDeliveries(): { deliveries: PlatformDelivery[]; missing: MissingDelivery[] } {
  const deliveries: PlatformDelivery[] = [];
  const missing: MissingDelivery[] = [];
  for (const platform of PLATFORMS) {
    let files: string[] = [];
    try {
      files = readdirSync(fixturesDir(platform.id)).filter((file) => file.endsWith('.json'));
    } catch {
      missing.push({ platform: platform.id, reason: `no fixtures in workshops/${platform.id}/fixtures` });
      continue;
    }
    const candidates = files.flatMap((file) => {
      const body: unknown = JSON.parse(readFileSync(join(fixturesDir(platform.id), file), 'utf8'));
      const vendorEvent = vendorEventOf(platform, file, body);
      return vendorEvent === undefined ? [] : [deliveryFor(platform, file, body, vendorEvent)];
    });
    const largest = candidates.sort((a, b) => b.bodyBytes - a.bodyBytes)[0];
    if (largest) deliveries.push(largest);
    else missing.push({ platform: platform.id, reason: 'no fixture names one of its vendor events' });
  }
  return { deliveries, missing };
}
