/**
 * Worker (own process, nock patches http) for figure 4: how many HTTP requests each subscribe,
 * unsubscribe, performList, action and search makes on each platform. Every vendor request is
 * intercepted and counted (a polling trigger's poll too: one request, unless Zapier asks for more
 * than the vendor's page holds); replies are recorded-style bodies shaped from the platform's own data
 * (ids and secrets where subscribe reads them, empty lists elsewhere), enough for each operation
 * to run to its end. Each operation gets the inputs the editor shows for the platform
 * (bench/operation-inputs.ts). Usage: `requests-worker.js`.
 */
import nock from 'nock';
import { baseUrlOf } from '../platforms/api';
import { PLATFORMS } from '../platforms/registry';
import type { PlatformDefinition, RequestSpec } from '../platforms/types';
import { handlerFor, loadApp, type AppDefinition, type Invoke } from './handler';
import { inputsFor } from './operation-inputs';
import { OPERATION_KINDS, type OperationKind } from './operation-kinds';
import { APP_ENTRY } from './paths';
import { reply } from './worker';

export type { OperationKind };
const TRIGGER_KINDS: readonly OperationKind[] = ['subscribe', 'unsubscribe', 'performList', 'poll'];

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

/** One canned reply: for requests with this method and path, and whose body carries these fixed values. */
interface Reply {
  method: string;
  pattern: RegExp;
  /** The spec's body values that are no template (e.g. Rewardful's `state: 'disabled'`): they tell apart two actions on one path. */
  literals: string[];
  body: Json;
  /** For an action whose answer lists the ids it changed (`ActionSpec.changedIds`): that list's path, echoing every value sent. */
  echoInto?: string;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every scalar of a sent JSON body, as text: the ids an answer's changed-ids list echoes. */
function sentValues(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(sentValues);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(sentValues);
  return typeof value === 'string' || typeof value === 'number' ? [value] : [];
}

/** The fixed string values of a request body template. */
function literalsOf(template: unknown): string[] {
  if (typeof template === 'string') return template.includes('{{') || template === '' ? [] : [template];
  if (Array.isArray(template)) return template.flatMap(literalsOf);
  if (typeof template === 'object' && template !== null) return Object.values(template).flatMap(literalsOf);
  return [];
}

/** The reply each of the platform's request specs gets, most specific first. */
function replies(platform: PlatformDefinition): Reply[] {
  const out: Reply[] = [];
  const add = (spec: RequestSpec, body: { [key: string]: Json }) => out.push({ method: spec.method, pattern: pathPattern(platform, spec), literals: literalsOf(spec.body), body });
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
  // An action answered by a job (`outcome`) reports it done, as the vendor does once the change is made.
  for (const spec of Object.values(platform.actions)) {
    if (!spec || !('request' in spec)) continue;
    const done: { [key: string]: Json } = {};
    if (spec.outcome) {
      setPath(done, spec.outcome.statusPath, spec.outcome.done[0]);
      // The one item the action named was taken and changed.
      for (const path of spec.outcome.countPaths ?? []) setPath(done, path, 1);
    }
    add(spec.request, done);
    // The vendor lists the id it changed (`changedIds`): the reply echoes what was sent there.
    if (spec.changedIds) out[out.length - 1].echoInto = spec.changedIds.path;
  }
  for (const list of Object.values(platform.lists)) {
    if (!list) continue;
    const empty: { [key: string]: Json } = {};
    setPath(empty, list.itemsPath, []);
    add(list.request, empty);
  }
  return out.sort((a, b) => b.literals.length - a.literals.length);
}

/** Intercepts every request to the platform's API origin, counting it. */
function interceptPlatform(platform: PlatformDefinition, calls: string[]): void {
  const table = replies(platform);
  const origin = new URL(baseUrlOf(platform)).origin;
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(origin)
      .persist()
      .intercept(() => true, method)
      .reply(function (path, requestBody) {
        calls.push(`${method} ${path.split('?')[0]}`);
        const sent = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody ?? '');
        const match = table.find((entry) => entry.method === method && entry.pattern.test(path) && entry.literals.every((literal) => sent.includes(literal)));
        if (match?.echoInto !== undefined) {
          const echoed = structuredClone(match.body) as { [key: string]: Json };
          setPath(echoed, match.echoInto, sentValues(typeof requestBody === 'string' ? safeJson(requestBody) : requestBody));
          return [200, echoed];
        }
        return [200, match?.body ?? {}];
      });
  }
}

type Operation = { performSubscribe?: unknown; performList?: unknown; type?: unknown };
type Definition = {
  triggers?: Record<string, { operation: Operation }>;
  creates?: Record<string, { operation: Operation }>;
  searches?: Record<string, { operation: Operation }>;
};

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

/**
 * Runs every operation of `app` on every registered platform, each vendor request intercepted.
 * @param app the definition, as core's handler loads it (the built index.js, or the sources under jest)
 * @param kinds the kinds of operation to run (all by default)
 * @returns one count per operation run, in run order
 */
export async function countRequests(app: AppDefinition, kinds: readonly OperationKind[] = OPERATION_KINDS): Promise<OperationCount[]> {
  const definition = app as Definition;
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

    if (kinds.includes('connection test')) await run('connection test', 'authentication', 'authentication.test', {});
    const triggers = TRIGGER_KINDS.some((kind) => kinds.includes(kind)) ? Object.entries(definition.triggers ?? {}) : [];
    for (const [key, trigger] of triggers) {
      const operation = trigger.operation;
      // The event dropdown lists the platform's own events: its first one.
      const inputData = { ...(await inputsFor(invoke, `triggers.${key}.operation`, authData, platform)), event: firstEvent };
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
    for (const key of kinds.includes('action') ? Object.keys(definition.creates ?? {}) : []) {
      await run('action', key, `creates.${key}.operation.perform`, { inputData: await inputsFor(invoke, `creates.${key}.operation`, authData, platform) });
    }
    for (const key of kinds.includes('search') ? Object.keys(definition.searches ?? {}) : []) {
      await run('search', key, `searches.${key}.operation.perform`, { inputData: await inputsFor(invoke, `searches.${key}.operation`, authData, platform) });
    }
  }
  return counts;
}

if (require.main === module) {
  countRequests(loadApp(APP_ENTRY))
    .then(reply)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
