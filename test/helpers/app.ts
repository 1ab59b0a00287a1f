/** The app under test, run through zapier-platform-core's own tester (as Zapier runs it). */
import { createAppTester, tools } from 'zapier-platform-core';
import App from '../../index';

tools.env.inject();

export const app = App;

const tester = createAppTester(App);

/**
 * zapier-platform-core's tester, starting each call with an empty z.cache by default: tests send
 * the same documented payload many times, which the app would otherwise take for vendor retries.
 * Tests of that deduplication pass `false` to keep the cache between calls.
 */
export const appTester = ((fn: Parameters<typeof tester>[0], bundle?: Parameters<typeof tester>[1], clearZcacheBeforeUse = true) =>
  tester(fn as never, bundle, clearZcacheBeforeUse)) as typeof tester;

/** A trigger's or create's operation, typed loosely for calling through the tester. */
type Operation = { perform: unknown; performSubscribe?: unknown; performUnsubscribe?: unknown; performList?: unknown };

export function triggerOperation(key: string): Operation {
  const trigger = App.triggers?.[key];
  if (!trigger) throw new Error(`no trigger ${key}`);
  return trigger.operation as Operation;
}

export function createOperation(key: string): Operation {
  const create = App.creates?.[key];
  if (!create) throw new Error(`no create ${key}`);
  return create.operation as Operation;
}
