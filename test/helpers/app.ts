/** The app under test, run through zapier-platform-core's own tester (as Zapier runs it). */
import { createAppTester, tools } from 'zapier-platform-core';
import App from '../../index';

tools.env.inject();

export const app = App;
export const appTester = createAppTester(App);

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
