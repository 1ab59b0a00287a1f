/**
 * Worker (own process) for figures 2 and 5: per-delivery cost through core's handler, ours beside
 * the minimal app in the same process; and heap used after load and after 10,000 deliveries.
 * Usage: `delivery-worker.js time` or `node --expose-gc delivery-worker.js memory <ours|minimal>`.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { baseUrlOf } from '../platforms/api';
import { findPlatform } from '../platforms/registry';
import { candidateSchemes } from '../signature-schemes';
import { handlerFor, loadApp, type AppDefinition, type Invoke } from './handler';
import { APP_ENTRY, MINIMAL_APP_ENTRY } from './paths';
import { largestDeliveries, type PlatformDelivery } from './signed-deliveries';
import { elapsedMs, median } from './stats';
import { reply } from './worker';

/** The trigger every platform's delivery goes through: it accepts any vendor event of the platform. */
export const OUR_METHOD = 'triggers.new_platform_event.operation.perform';
export const MINIMAL_METHOD = 'triggers.event.operation.perform';

/** Timed calls per app and platform, after WARM_UP untimed ones (JIT, lazy requires). */
const SAMPLES = 600;
const WARM_UP = 150;

/** Deliveries for the memory figure, after MEMORY_WARM_UP. */
export const MEMORY_DELIVERIES = 10_000;
const MEMORY_WARM_UP = 1000;

export interface DeliveryTiming {
  platform: string;
  fixture: string;
  vendorEvent: string;
  bodyBytes: number;
  scheme: string;
  /** Why our app produced no record for it, when it did not. */
  problem?: string;
  /** Median per call, ms. */
  oursMs: number;
  minimalMs: number;
  /** Our app's definition with new_platform_event's perform replaced by the minimal app's pass-through, ms. */
  oursPassThroughMs: number;
  /** HMAC-SHA256 plus JSON.parse of the same body, ms. */
  floorMs: number;
}

export interface HeapFigures {
  app: string;
  /** heapUsed after gc, bytes. */
  afterLoad: number;
  afterWarmUp: number;
  afterDeliveries: number;
  deliveries: number;
}

/**
 * Answers, with persisted nock interceptors, every request a delivery makes besides core's own:
 * the remote scheme's verify call (valid) and the look-ups `receive/enrich.ts` makes for fields a
 * delivery lacks (an empty object, so each costs one answered request and fills nothing). Every
 * other connection is refused, so the bench never reaches a vendor host, whose DNS failure would
 * otherwise be timed and kept (sockets, errors) as if it were our cost.
 */
export function answerVendorRequests(deliveries: readonly PlatformDelivery[]): void {
  nock.disableNetConnect();
  for (const delivery of deliveries) {
    const platform = findPlatform(delivery.platform);
    if (!platform) continue;
    const base = new URL(baseUrlOf(platform));
    const remote = candidateSchemes(platform.signature).find((scheme) => scheme.type === 'remote');
    if (remote?.type === 'remote') {
      nock(base.origin).persist().intercept(`${base.pathname}${remote.request.path}`, remote.request.method).reply(200, { status: 200, valid: true });
    }
    nock(base.origin).persist().get(() => true).reply(200, {});
  }
}

/** Our definition with the pass-through perform: isolates what core's handler costs for our definition's size. */
function withPassThrough(app: AppDefinition): AppDefinition {
  const definition = app as { triggers: Record<string, { operation: object }> };
  const trigger = definition.triggers.new_platform_event;
  const perform = (_z: unknown, bundle: { cleanedRequest: unknown }) => [bundle.cleanedRequest];
  return {
    ...definition,
    triggers: { ...definition.triggers, new_platform_event: { ...trigger, operation: { ...trigger.operation, perform } } },
  };
}

/**
 * Lets the event loop turn, as it does between Lambda invocations (the runtime polls for the next
 * event over HTTP). Without it, back-to-back calls made of microtasks only keep each call's Domain
 * and logger alive (about 3 KB a call, in core's handler, for either app) until the loop turns.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolveTurn) => setImmediate(resolveTurn));
}

/** One call through the handler, ms, then a turn of the event loop (as between Lambda invocations). */
export async function timeOne(invoke: Invoke, method: string, bundle: object): Promise<number> {
  const start = process.hrtime.bigint();
  await invoke(method, bundle);
  const ms = elapsedMs(start);
  await nextTurn();
  return ms;
}

/** HMAC-SHA256 + JSON.parse of the body, the floor any verified delivery pays, ms per delivery. */
function floorMs(rawBody: string): number {
  const batch = 200;
  const perBatch: number[] = [];
  for (let round = 0; round < 60; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i += 1) {
      createHmac('sha256', 'whsec_bench').update(rawBody, 'utf8').digest();
      JSON.parse(rawBody);
    }
    perBatch.push(elapsedMs(start) / batch);
  }
  return median(perBatch.slice(10));
}

async function timeDeliveries(): Promise<{ timings: DeliveryTiming[]; missing: { platform: string; reason: string }[] }> {
  const { deliveries, missing } = largestDeliveries();
  answerVendorRequests(deliveries);
  const ours = loadApp(APP_ENTRY);
  const apps = { ours: handlerFor(ours), minimal: handlerFor(loadApp(MINIMAL_APP_ENTRY)), passThrough: handlerFor(withPassThrough(ours)) };
  const timings: DeliveryTiming[] = [];
  for (const delivery of deliveries) {
    const first = await apps.ours(OUR_METHOD, delivery.bundle(Date.now()));
    const problem = Array.isArray(first.results) && first.results.length === 1 ? undefined : 'our perform returned no record for it';
    for (let i = 0; i < WARM_UP; i += 1) {
      await timeOne(apps.ours, OUR_METHOD, delivery.bundle(Date.now()));
      await timeOne(apps.minimal, MINIMAL_METHOD, delivery.bundle(Date.now()));
      await timeOne(apps.passThrough, OUR_METHOD, delivery.bundle(Date.now()));
    }
    const samples = { ours: [] as number[], minimal: [] as number[], passThrough: [] as number[] };
    // Interleaved, so drift (thermal, GC pressure) hits all three alike.
    for (let i = 0; i < SAMPLES; i += 1) {
      samples.ours.push(await timeOne(apps.ours, OUR_METHOD, delivery.bundle(Date.now())));
      samples.minimal.push(await timeOne(apps.minimal, MINIMAL_METHOD, delivery.bundle(Date.now())));
      samples.passThrough.push(await timeOne(apps.passThrough, OUR_METHOD, delivery.bundle(Date.now())));
    }
    timings.push({
      platform: delivery.platform,
      fixture: delivery.fixture,
      vendorEvent: delivery.vendorEvent,
      bodyBytes: delivery.bodyBytes,
      scheme: delivery.scheme,
      problem,
      oursMs: median(samples.ours),
      minimalMs: median(samples.minimal),
      oursPassThroughMs: median(samples.passThrough),
      floorMs: floorMs(delivery.rawBody),
    });
  }
  return { timings, missing };
}

function heapUsedAfterGc(): number {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run the memory worker with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function measureHeap(which: string): Promise<HeapFigures> {
  const { deliveries } = largestDeliveries();
  answerVendorRequests(deliveries);
  const minimal = which === 'minimal';
  const invoke = handlerFor(loadApp(minimal ? MINIMAL_APP_ENTRY : APP_ENTRY));
  const method = minimal ? MINIMAL_METHOD : OUR_METHOD;
  const run = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      await invoke(method, deliveries[i % deliveries.length].bundle(Date.now()));
      await nextTurn();
    }
  };
  const afterLoad = heapUsedAfterGc();
  await run(MEMORY_WARM_UP);
  const afterWarmUp = heapUsedAfterGc();
  await run(MEMORY_DELIVERIES);
  return { app: which, afterLoad, afterWarmUp, afterDeliveries: heapUsedAfterGc(), deliveries: MEMORY_DELIVERIES };
}

async function main(): Promise<void> {
  const [mode, which = 'ours'] = process.argv.slice(2);
  if (mode === 'memory') reply(await measureHeap(which));
  else reply(await timeDeliveries());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
