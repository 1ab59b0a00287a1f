/**
 * Runs the app's operations through zapier-platform-core exactly as Zapier does (createAppTester,
 * as playground/flow.ts), with one observer added in front of the app's afterResponse: it keeps
 * every vendor answer (method, URL, status, body text) so the checks can read the paths the
 * platform data assumes. The app's own middleware still runs unchanged after it.
 */
import { createAppTester, type AfterResponseMiddleware, type App as ZapierApp, type Create, type HttpResponse, type Search, type Trigger, type ZObject } from 'zapier-platform-core';
import App from '../index';
import { callPlatform, type ApiResponse } from '../platforms/api';
import type { PlatformDefinition, RequestSpec } from '../platforms/types';
import type { Scope } from '../platforms/template';

/** The hidden trigger this runner adds to its copy of the app for a request no operation makes alone (the webhook look-up). */
const REQUEST_TRIGGER = 'live_check_request';

/** One request the app made and the vendor's answer. */
export interface Exchange {
  method: string;
  /** Full URL including the query. */
  url: string;
  status: number;
  /** The body as received (text). */
  content: string;
}

type Perform = Parameters<ReturnType<typeof createAppTester>>[0];
type Operation = Record<string, unknown>;

/** The app's operation kinds the live check calls. */
export type OperationKind = 'triggers' | 'creates' | 'searches';

/** Runs app operations for one connection and records what the vendor answered. */
export class AppRunner {
  /** Every exchange so far, in order. */
  readonly exchanges: Exchange[] = [];
  private readonly tester: ReturnType<typeof createAppTester>;
  /** The app with the runner's own trigger added, operations looked up by any key. */
  private readonly app: ZapierApp<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;
  private pending?: (z: ZObject) => Promise<unknown>;

  /** @param authData the connection as Zapier would hold it (`platform`, `api_key`, extra fields) */
  constructor(private readonly authData: Record<string, string>) {
    const observe: AfterResponseMiddleware = (response: HttpResponse) => {
      this.exchanges.push({
        method: String(response.request.method ?? 'GET').toUpperCase(),
        url: String(response.request.url ?? ''),
        status: response.status,
        content: typeof response.content === 'string' ? response.content : '',
      });
      return response;
    };
    const own = App.afterResponse === undefined ? [] : Array.isArray(App.afterResponse) ? App.afterResponse : [App.afterResponse];
    // A request no operation of the app makes on its own (the webhook look-up, which subscribe
    // makes first) still goes through the app's callPlatform and middleware, as a hidden trigger.
    const request = {
      key: REQUEST_TRIGGER,
      noun: 'Request',
      display: { label: 'Live Check Request', description: 'Triggers when the live check sends one platform request.', hidden: true },
      operation: {
        perform: async (z: ZObject) => {
          const pending = this.pending;
          if (!pending) throw new Error('No request is pending.');
          // A trigger's result is an array of objects with an id (core checks it).
          return [{ id: REQUEST_TRIGGER, value: await pending(z) }];
        },
      },
    };
    this.app = { ...App, afterResponse: [observe, ...own], triggers: { ...App.triggers, [REQUEST_TRIGGER]: request } };
    this.tester = createAppTester(this.app);
  }

  /** True when the app has the operation method, e.g. `('triggers', 'new_referral', 'performList')`. */
  has(kind: OperationKind, key: string, method: string): boolean {
    return typeof this.operation(kind, key)?.[method] === 'function';
  }

  /**
   * Runs one operation method with a bundle built from `bundle` plus the connection.
   * @returns what the operation returned, and the exchanges it made
   * @throws whatever the operation throws (the app's user-facing errors)
   */
  async run(kind: OperationKind, key: string, method: string, bundle: Record<string, unknown> = {}): Promise<{ result: unknown; exchanges: Exchange[] }> {
    const fn = this.operation(kind, key)?.[method];
    if (typeof fn !== 'function') throw new Error(`The app has no ${kind} "${key}" ${method}.`);
    const start = this.exchanges.length;
    const result = await this.tester(fn as Perform, { authData: this.authData, inputData: {}, ...bundle });
    return { result, exchanges: this.exchanges.slice(start) };
  }

  /** Runs the connection test. */
  async connectionTest(): Promise<{ result: unknown; exchanges: Exchange[] }> {
    const start = this.exchanges.length;
    const result = await this.tester((App.authentication as { test: Perform }).test, { authData: this.authData });
    return { result, exchanges: this.exchanges.slice(start) };
  }

  /**
   * Sends one platform request through the app's callPlatform and middleware (credentials, error
   * mapping), for a request no operation makes on its own.
   * @throws the app's user-facing errors for a refusal
   */
  async request(platform: PlatformDefinition, spec: RequestSpec, scope: Scope): Promise<{ result: ApiResponse; exchanges: Exchange[] }> {
    const { result, exchanges } = await this.withZ((z) => callPlatform(z, platform, spec, scope, { confirm: true }));
    return { result, exchanges };
  }

  /**
   * Runs `fn` with the z object core gives an operation of the app (its middleware, logging and
   * cache), as a hidden trigger's perform.
   */
  async withZ<T>(fn: (z: ZObject) => Promise<T>): Promise<{ result: T; exchanges: Exchange[] }> {
    this.pending = fn;
    try {
      const { result, exchanges } = await this.run('triggers', REQUEST_TRIGGER, 'perform');
      return { result: (result as { value: T }[])[0].value, exchanges };
    } finally {
      this.pending = undefined;
    }
  }

  private operation(kind: OperationKind, key: string): Operation | undefined {
    const definitions: Readonly<Record<string, { operation: object } | undefined>> = this.app[kind];
    return definitions[key]?.operation as Operation | undefined;
  }
}
