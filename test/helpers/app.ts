/**
 * The app under test, run through zapier-platform-core's own tester (as Zapier runs it): the
 * multi-platform app, or with `AFFILIATE_HUB_BUILD=<platform id>` that platform's own app (issue
 * 27; .ci/run runs each workshop's tests so). A single-platform app runs the operations it has;
 * those it leaves out (what the platform does not serve) are the multi-platform app's refusals,
 * tested there.
 */
import { createAppTester, tools, type Bundle, type ZObject } from 'zapier-platform-core';
import authentication from '../../authentication';
import App from '../../index';
import { buildApp } from '../../app/build-app';
import type { RegisteredPlatformId } from '../../platforms/registry';

tools.env.inject();

export const app = App;

/** The single-platform build under test, when AFFILIATE_HUB_BUILD names one. */
const build = process.env.AFFILIATE_HUB_BUILD ? buildApp({ platform: process.env.AFFILIATE_HUB_BUILD as RegisteredPlatformId }) : undefined;

const tester = createAppTester((build ?? App) as typeof App);

/** One of an operation's functions, as the tester calls it. */
export type OperationFunction = (z: ZObject, bundle: Bundle) => unknown;

/** What a test may put in a bundle: any part of Zapier's bundle, loosely typed (tests build odd bundles on purpose). */
export type TestBundle = { [K in keyof Bundle]?: unknown } & Record<string, unknown>;

/**
 * zapier-platform-core's tester, starting each call with an empty z.cache by default: tests send
 * the same documented payload many times, which the app would otherwise take for vendor retries.
 * Tests of that deduplication pass `false` to keep the cache between calls.
 */
export function appTester(fn: OperationFunction | undefined, bundle: TestBundle = {}, clearZcacheBeforeUse = true): Promise<unknown> {
  if (fn === undefined) throw new Error('the operation has no such function');
  return tester(fn, bundle as Parameters<typeof tester>[1], clearZcacheBeforeUse);
}

/** A trigger's, create's or search's operation functions, as the tester calls them. */
export interface Operation {
  perform: OperationFunction;
  performSubscribe?: OperationFunction;
  performUnsubscribe?: OperationFunction;
  performList?: OperationFunction;
}

/** One kind of the app's operations, looked up by any key (tests name operations from data and from typos). */
type ByKey = Readonly<Record<string, { operation: object } | undefined>>;

function operationOf(kind: string, key: string, definitions: ByKey, built?: ByKey): Operation {
  const found = built?.[key] ?? definitions[key];
  if (!found) throw new Error(`no ${kind} ${key}`);
  // Core's schema types a perform as a function or a request; every operation of this app has functions.
  return found.operation as Operation;
}

export function triggerOperation(key: string): Operation {
  return operationOf('trigger', key, App.triggers, build?.triggers);
}

export function createOperation(key: string): Operation {
  return operationOf('create', key, App.creates, build?.creates);
}

export function searchOperation(key: string): Operation {
  return operationOf('search', key, App.searches, build?.searches);
}

/** The connection's test and label functions, typed as authentication.ts defines them. */
export const connection = (build?.authentication ?? authentication) as typeof authentication;

/**
 * The runs a hook trigger's perform produced: its records, or none when it halted. A refusal the
 * user must see (receive/index.ts) throws `HaltedError` once per Zap and reason an hour: no
 * run, and nothing Zapier counts toward pausing the Zap.
 */
export async function runsOf<T = unknown>(pending: Promise<unknown>): Promise<T[]> {
  try {
    return (await pending) as T[];
  } catch (error) {
    if (error instanceof Error && error.name === 'HaltedError') return [];
    throw error;
  }
}
