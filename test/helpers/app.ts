/** The app under test, run through zapier-platform-core's own tester (as Zapier runs it). */
import { createAppTester, tools, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index';

tools.env.inject();

export const app = App;

const tester = createAppTester(App);

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

function operationOf(kind: string, key: string, found: { operation: object } | undefined): Operation {
  if (!found) throw new Error(`no ${kind} ${key}`);
  return found.operation as Operation;
}

export function triggerOperation(key: string): Operation {
  return operationOf('trigger', key, App.triggers?.[key]);
}

export function createOperation(key: string): Operation {
  return operationOf('create', key, App.creates?.[key]);
}

export function searchOperation(key: string): Operation {
  return operationOf('search', key, App.searches?.[key]);
}

/** The connection's test and label functions. */
export const connection = App.authentication as unknown as { test: OperationFunction; connectionLabel: OperationFunction };

/**
 * The runs a hook trigger's perform produced: its records, or none when it halted. A refusal the
 * user must see (platforms/receive.ts) throws `HaltedError` once per Zap and reason an hour: no
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
