/**
 * Runs one of the app's operations through zapier-platform-core's own Lambda handler
 * (create-lambda-handler.js), the path Zapier runs: the app middlewares that contextify an error
 * ("What happened:" and the bundle), the logger that scrubs and ships every log line, the cache
 * RPC. The error it rejects with is the error Zapier receives, message and all; every line the
 * logger would ship (console lines, HTTP logs, the "Unhandled error" line) is captured through
 * core's `customLogger` hook, which receives exactly what it writes to the log stream.
 *
 * The cache: with `cache`, z.cache answers through a fake of Zapier's cache RPC (nocked at an
 * RPC address of the test's own, as core calls it over HTTP), so a test can make it answer
 * null, false or true; without it, core's own in-memory test cache.
 */
import nock from 'nock';
import App from '../../index';
import type { FakeCacheRpc } from '../helpers/fake-cache-rpc';

// Core's handler factory is not in its public typings; this is its shape (src/tools/create-lambda-handler.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createLambdaHandler = require('zapier-platform-core/src/tools/create-lambda-handler') as (app: unknown) => (event: Record<string, unknown>) => Promise<{ results: unknown }>;

/** Core's handler per app definition (the multi-platform app unless a test passes another). */
const handlers = new WeakMap<object, ReturnType<typeof createLambdaHandler>>();

function handlerOf(app: object): ReturnType<typeof createLambdaHandler> {
  const known = handlers.get(app);
  if (known) return known;
  const created = createLambdaHandler(app);
  handlers.set(app, created);
  return created;
}

/** Where the fake cache RPC answers (never a real host: nock takes every call). */
const RPC_BASE = 'https://rpc.affiliate-hub.test';

/** Numbers each run's RPC path, so a run never reaches an earlier run's store. */
let runs = 0;

/** One line as core's logger would ship it (its `message` and scrubbed `data`). */
export interface ShippedLog {
  message: string;
  data: Record<string, unknown>;
}

/** What one run through core produced. */
export interface CoreRun {
  results?: unknown;
  /** The error as core hands it to Zapier. */
  error?: Error & { name: string };
  logs: ShippedLog[];
  /** Every log line (message and data) as one text, for scanning. */
  logText: string;
}

/**
 * Runs `method` (e.g. `triggers.new_referral.operation.perform`) with `bundle`.
 * @param cache the fake cache RPC answering z.cache, if any
 * @param app the definition to run (a single-platform app's); the multi-platform app by default
 */
export async function runThroughCore(method: string, bundle: Record<string, unknown>, cache?: FakeCacheRpc, app: object = App): Promise<CoreRun> {
  const logs: ShippedLog[] = [];
  const event: Record<string, unknown> = {
    command: 'execute',
    method,
    bundle,
    customLogger: (message: string, data: Record<string, unknown>) => logs.push({ message, data }),
  };
  let scope: nock.Scope | undefined;
  const deployKey = process.env.ZAPIER_DEPLOY_KEY;
  if (cache) {
    // Core's RPC client needs a credential to send; this one reaches only the nocked address.
    process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
    runs += 1;
    const path = `/rpc/${runs}`;
    event.rpc_base = `${RPC_BASE}${path}`;
    scope = nock(RPC_BASE)
      .persist()
      .post(path)
      .reply(200, async (_uri, body) => {
        // Core sends it without a content type, so nock hands over the text.
        const call = (typeof body === 'string' ? JSON.parse(body) : body) as { id: string; method: string; params: unknown[] };
        const { id, method: rpcMethod, params } = call;
        return { id, result: await cache.rpc(rpcMethod, ...params) };
      });
  } else {
    event.zcacheTestObj = {};
  }
  try {
    const { results } = await handlerOf(app)(event);
    return { results, logs, logText: JSON.stringify(logs) };
  } catch (error) {
    return { error: error as CoreRun['error'], logs, logText: JSON.stringify(logs) };
  } finally {
    // Stops answering (its path is never called again either).
    scope?.persist(false);
    if (deployKey === undefined) delete process.env.ZAPIER_DEPLOY_KEY;
    else process.env.ZAPIER_DEPLOY_KEY = deployKey;
  }
}
