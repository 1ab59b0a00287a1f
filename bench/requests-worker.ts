/**
 * Worker (own process, nock patches http) for figure 4: how many HTTP requests each subscribe,
 * unsubscribe, performList, action and search makes on each platform. Every vendor request is
 * intercepted and counted (a polling trigger's poll too: one request, unless Zapier asks for more
 * than the vendor's page holds); replies are recorded-style bodies shaped from the platform's own data
 * (ids and secrets where subscribe reads them, empty lists elsewhere), enough for each operation
 * to run to its end. Usage: `requests-worker.js`.
 */
import nock from 'nock';
import { baseUrlOf } from '../platforms/api';
import { PLATFORMS } from '../platforms/registry';
import type { PlatformDefinition, RequestSpec } from '../platforms/types';
import { handlerFor, loadApp, type Invoke } from './handler';
import { APP_ENTRY } from './paths';
import { reply } from './worker';

export type OperationKind = 'connection test' | 'subscribe' | 'unsubscribe' | 'performList' | 'poll' | 'action' | 'search';

/** One operation of one app key on one platform. */
export interface OperationCount {
  platform: string;
  kind: OperationKind;
  /** The trigger, create or search key. */
  key: string;
  requests: number;
  /** `GET /path` of each request, in order. */
  calls: string[];
  /** Vendor subscriptions a subscribe made (requests per subscription = requests / this). */
  subscriptions?: number;
  /** The operation's error, when it failed (a platform that does not offer it fails before any request). */
  error?: string;
}

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';
const SECRET = 'whsec_bench_requests';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Sets a dotted path in a JSON object, creating objects on the way. */
function setPath(target: { [key: string]: Json }, path: string, value: Json): void {
  const steps = path.split('.');
  let current = target;
  for (const step of steps.slice(0, -1)) {
    const next = current[step];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[step] = {};
    current = current[step] as { [key: string]: Json };
  }
  current[steps[steps.length - 1]] = value;
}

/** A request spec's path as a pattern over the full request path (placeholders match one segment). */
function pathPattern(platform: PlatformDefinition, spec: RequestSpec): RegExp {
  const base = new URL(baseUrlOf(platform)).pathname.replace(/\/$/, '');
  const escaped = (base + spec.path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{[^}]+\}\}/g, '[^/]+');
  return new RegExp(`^${escaped}(\\?.*)?$`);
}

/** The reply each of the platform's request specs gets, most specific first. */
function replies(platform: PlatformDefinition): { method: string; pattern: RegExp; body: Json }[] {
  const out: { method: string; pattern: RegExp; body: Json }[] = [];
  const add = (spec: RequestSpec, body: { [key: string]: Json }) => out.push({ method: spec.method, pattern: pathPattern(platform, spec), body });
  if (platform.webhooks.kind === 'api') {
    const { subscribe, findExisting, unsubscribe } = platform.webhooks;
    const subscribed: { [key: string]: Json } = {};
    if (subscribe.idPath) setPath(subscribed, subscribe.idPath, 'bench_subscription_1');
    if (subscribe.secretPath) setPath(subscribed, subscribe.secretPath, SECRET);
    add(subscribe, subscribed);
    if (findExisting) {
      const none: { [key: string]: Json } = {};
      setPath(none, findExisting.itemsPath, []);
      add(findExisting, none);
    }
    add(unsubscribe, {});
  }
  for (const list of Object.values(platform.lists)) {
    if (!list) continue;
    const empty: { [key: string]: Json } = {};
    setPath(empty, list.itemsPath, []);
    add(list.request, empty);
  }
  return out;
}

/** Intercepts every request to the platform's API origin, counting it. */
function interceptPlatform(platform: PlatformDefinition, calls: string[]): void {
  const table = replies(platform);
  const origin = new URL(baseUrlOf(platform)).origin;
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(origin)
      .persist()
      .intercept(() => true, method)
      .reply(function (path) {
        calls.push(`${method} ${path.split('?')[0]}`);
        const match = table.find((entry) => entry.method === method && entry.pattern.test(path));
        return [200, match?.body ?? {}];
      });
  }
}

interface FieldLike {
  key?: unknown;
  type?: unknown;
}

/** A plausible value for an input field, by its key and type. */
function sampleValue(field: FieldLike): string | number | boolean {
  const key = typeof field.key === 'string' ? field.key : '';
  if (field.type === 'boolean') return true;
  if (field.type === 'number' || field.type === 'integer') return 10;
  if (/email|^affiliate$/.test(key)) return 'ana@example.com';
  if (/currency/.test(key)) return 'USD';
  if (/amount/.test(key)) return '10.00';
  return '1001';
}

type Operation = { inputFields?: unknown; performSubscribe?: unknown; performList?: unknown; type?: unknown };
type Definition = {
  triggers?: Record<string, { operation: Operation }>;
  creates?: Record<string, { operation: Operation }>;
  searches?: Record<string, { operation: Operation }>;
};

function sampleInputs(operation: Operation): Record<string, unknown> {
  const fields = Array.isArray(operation.inputFields) ? (operation.inputFields as FieldLike[]) : [];
  return Object.fromEntries(fields.filter((field) => typeof field.key === 'string').map((field) => [field.key as string, sampleValue(field)]));
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

async function countAll(): Promise<OperationCount[]> {
  const app = loadApp(APP_ENTRY) as Definition;
  const invoke: Invoke = handlerFor(app);
  const counts: OperationCount[] = [];
  const calls: string[] = [];
  nock.disableNetConnect();
  for (const platform of PLATFORMS) interceptPlatform(platform, calls);

  for (const platform of PLATFORMS) {
    const authData = { platform: platform.id, api_key: 'bench_key', public_key: 'bench_public_key', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, `bench_${field.key}`])) };
    const firstEvent = platform.events[0]?.key ?? '';
    const run = async (kind: OperationKind, key: string, method: string, bundle: object): Promise<unknown> => {
      calls.length = 0;
      const count: OperationCount = { platform: platform.id, kind, key, requests: 0, calls: [] };
      let result: unknown;
      try {
        result = (await invoke(method, { authData, ...bundle })).results;
      } catch (error) {
        count.error = messageOf(error);
      }
      count.calls = [...calls];
      count.requests = calls.length;
      counts.push(count);
      return count.error === undefined ? result : undefined;
    };

    await run('connection test', 'authentication', 'authentication.test', {});
    for (const [key, trigger] of Object.entries(app.triggers ?? {})) {
      const operation = trigger.operation;
      const inputData = { ...sampleInputs(operation), event: firstEvent };
      if (operation.type === 'hook' && operation.performSubscribe) {
        const stored = await run('subscribe', key, `triggers.${key}.operation.performSubscribe`, { inputData, targetUrl: TARGET_URL });
        const subscriptions = (stored as { subscriptions?: unknown[] } | undefined)?.subscriptions;
        counts[counts.length - 1].subscriptions = Array.isArray(subscriptions) ? subscriptions.length : undefined;
        if (stored !== undefined) await run('unsubscribe', key, `triggers.${key}.operation.performUnsubscribe`, { inputData, subscribeData: stored });
      }
      if (operation.type === 'hook' && operation.performList) {
        await run('performList', key, `triggers.${key}.operation.performList`, { inputData, meta: { limit: 3 } });
      }
      // A scheduled poll: Zapier's limit -1 means "no limit", i.e. one full vendor page.
      if (operation.type === 'polling') {
        await run('poll', key, `triggers.${key}.operation.perform`, { inputData: {}, meta: { limit: -1 } });
      }
    }
    for (const [key, create] of Object.entries(app.creates ?? {})) {
      await run('action', key, `creates.${key}.operation.perform`, { inputData: sampleInputs(create.operation) });
    }
    for (const [key, search] of Object.entries(app.searches ?? {})) {
      await run('search', key, `searches.${key}.operation.perform`, { inputData: sampleInputs(search.operation) });
    }
  }
  return counts;
}

if (require.main === module) {
  countAll()
    .then(reply)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
