/**
 * A strict fake Make API behind `@makehq/sdk`: the SDK's own `handleRequest` (its one transport hook)
 * is overridden, so no request leaves the process. The fake keeps apps and their components in
 * memory, answers the way Make's `/api/v2/sdk/apps` endpoints do (names Make assigns to connections
 * and webhooks, 404 for an unknown app) and refuses (400) what Make's API refuses, as Make's VS Code
 * extension (integromat/vscode-apps-sdk) works around it: a connection or webhook without `type`; a
 * module without `name`, `typeId`, `label` or `moduleInitMode`; a universal module without `subtype`;
 * an action whose `crud` is not one of create/read/update/delete; an instant trigger without a
 * webhook of this app; a reference to a connection or webhook the app does not have (`null` clears
 * one); a field the endpoint does not take; groups naming a module that does not exist; a code
 * section that is not JSON(C). Every exchange is recorded for fixtures.
 */
import { Make } from '@makehq/sdk';
import { parse, type ParseError } from 'jsonc-parser';

/** One recorded exchange. Section bodies (whole code files) are recorded as "<code file>", so fixtures do not churn with platform data; tests compare sections with the files directly. */
export interface Exchange {
  method: string;
  path: string;
  body?: unknown;
  status: number;
}

interface Item {
  name: string;
  label: string;
  [key: string]: unknown;
}

/** Make's state for one app. */
export interface FakeApp {
  app: Record<string, unknown>;
  connections: Item[];
  webhooks: Item[];
  rpcs: Item[];
  modules: Item[];
  sections: Map<string, string>;
}

export class FakeMakeServer {
  readonly apps = new Map<string, FakeApp>();
  readonly exchanges: Exchange[] = [];

  /** A pre-existing app, for update tests. */
  seed(name: string, state: Partial<Omit<FakeApp, 'app' | 'sections'>>): FakeApp {
    const app: FakeApp = { app: { name, label: name, version: 1 }, connections: [], webhooks: [], rpcs: [], modules: [], sections: new Map(), ...state };
    this.apps.set(name, app);
    return app;
  }

  handle(method: string, url: URL, rawBody: string | undefined, contentType: string | undefined): { status: number; body: unknown } {
    const path = url.pathname.replace(/^\/api\/v2/, '');
    const json = rawBody !== undefined && contentType === 'application/json' ? (JSON.parse(rawBody) as Record<string, unknown>) : undefined;
    let reply: { status: number; body: unknown };
    if (contentType === 'application/jsonc' && rawBody !== undefined && !isJsonc(rawBody)) reply = { status: 400, body: { message: 'section is not JSON' } };
    else reply = this.route(method, path.split('/').filter(Boolean), json, rawBody);
    this.exchanges.push({ method, path, ...(json !== undefined ? { body: json } : rawBody !== undefined ? { body: '<code file>' } : {}), status: reply.status });
    return reply;
  }

  /** Why Make would refuse this module body, or undefined. */
  private moduleProblem(app: FakeApp, body: Record<string, unknown>, creating: boolean): string | undefined {
    const allowed = new Set(['name', 'typeId', 'label', 'description', 'moduleInitMode', 'subtype', 'crud', 'connection', 'altConnection', 'webhook']);
    const extra = Object.keys(body).find((key) => !allowed.has(key));
    if (extra) return `unknown field ${extra}`;
    const merged = creating ? body : { ...app.modules.find((item) => item.name === body.name), ...body };
    if (creating && (!/^[A-Za-z0-9]+$/.test(String(body.name)) || typeof body.label !== 'string' || typeof body.typeId !== 'number' || body.moduleInitMode === undefined)) return 'name, label, typeId and moduleInitMode are required';
    if (creating && body.typeId === 12 && !['Universal', 'UniversalGraphQL'].includes(String(body.subtype))) return 'subtype is required for a universal module';
    if (merged.typeId === 4 && !['create', 'read', 'update', 'delete'].includes(String(merged.crud))) return 'crud is required for an action';
    if (merged.typeId === 10 && !app.webhooks.some((item) => item.name === merged.webhook)) return 'an instant trigger needs a webhook of this app';
    return this.referenceProblem(app, body);
  }

  private referenceProblem(app: FakeApp, body: Record<string, unknown>): string | undefined {
    for (const key of ['connection', 'altConnection'] as const) {
      if (body[key] !== undefined && body[key] !== null && !app.connections.some((item) => item.name === body[key])) return `${key} ${String(body[key])} is no connection of this app`;
    }
    if (body.webhook !== undefined && body.webhook !== null && !app.webhooks.some((item) => item.name === body.webhook)) return `webhook ${String(body.webhook)} is no webhook of this app`;
    return undefined;
  }

  private appOf(name: string): FakeApp {
    const app = this.apps.get(name);
    if (!app) throw new Error(`fake Make: no app ${name}`);
    return app;
  }

  private owner(kind: 'connections' | 'webhooks', name: string): FakeApp {
    for (const app of this.apps.values()) if (app[kind].some((item) => item.name === name)) return app;
    throw new Error(`fake Make: no ${kind} ${name}`);
  }

  private route(method: string, parts: string[], json: Record<string, unknown> | undefined, raw: string | undefined): { status: number; body: unknown } {
    const ok = (body: unknown = {}) => ({ status: 200, body });
    const [sdk, apps, a, b, c, d, e] = parts;
    if (sdk !== 'sdk' || apps !== 'apps') return { status: 404, body: { message: 'Not found' } };
    // /sdk/apps/connections/:name[/:section] and /sdk/apps/webhooks/:name[/:section]
    if (a === 'connections' || a === 'webhooks') {
      const app = this.owner(a, b);
      const item = app[a].find((entry) => entry.name === b) as Item;
      if (method === 'PATCH') {
        const allowed = a === 'connections' ? ['label'] : ['label', 'connection'];
        const extra = Object.keys(json ?? {}).find((key) => !allowed.includes(key));
        const problem = extra ? `unknown field ${extra}` : this.referenceProblem(app, json ?? {});
        if (problem) return { status: 400, body: { message: problem } };
        return ok({ [a === 'connections' ? 'appConnection' : 'appWebhook']: Object.assign(item, json) });
      }
      if (method === 'PUT' && c) return app.sections.set(`${a}/${b}/${c}`, raw ?? ''), ok();
    }
    if (method === 'POST' && a === undefined) {
      const name = String(json?.name);
      this.seed(name, {});
      Object.assign(this.appOf(name).app, json);
      return ok({ app: this.appOf(name).app });
    }
    // /sdk/apps/:app/connections | /sdk/apps/:app/webhooks
    if (b === 'connections' || b === 'webhooks') {
      const app = this.appOf(a);
      const list = app[b];
      if (method === 'GET') return ok({ [b === 'connections' ? 'appConnections' : 'appWebhooks']: list });
      const types = b === 'connections' ? ['basic', 'oauth', 'oauth-refresh', 'oauth-resowncre', 'oauth-clicre'] : ['web', 'web-shared'];
      if (!types.includes(String(json?.type)) || typeof json?.label !== 'string') return { status: 400, body: { message: `${b}: type and label are required` } };
      const name = list.length === 0 && b === 'connections' ? a : `${a}${b === 'connections' ? list.length + 1 : `-hook${list.length + 1}`}`;
      const item: Item = { name, label: String(json?.label), type: String(json?.type) };
      list.push(item);
      // Make answers a webhook create without its name (as the SDK's type says); deploy lists again.
      return ok(b === 'connections' ? { appConnection: item } : { appWebhook: { label: item.label, type: item.type } });
    }
    const app = this.apps.get(a);
    if (!app) return { status: 404, body: { message: `App ${a} not found`, code: 'IM404' } };
    if (c === undefined) {
      if (method === 'GET') return ok({ app: app.app });
      if (method === 'PATCH') return ok({ app: Object.assign(app.app, json) });
    }
    if (c === 'groups' && method === 'PUT') {
      const groups = parseJsonc(raw ?? '') as { modules?: string[] }[];
      const missing = groups.flatMap((group) => group.modules ?? []).find((module) => !app.modules.some((item) => item.name === module));
      if (missing) return { status: 400, body: { message: `groups name module ${missing}, which does not exist` } };
    }
    if (['base', 'groups', 'readme', 'common'].includes(c) && method === 'PUT') {
      app.sections.set(c, raw ?? '');
      return ok({ changed: true });
    }
    if (c === 'rpcs' || c === 'modules') {
      const key = c === 'rpcs' ? 'appRpc' : 'appModule';
      const list = app[c];
      if (d === undefined && method === 'GET') return ok({ [c === 'rpcs' ? 'appRpcs' : 'appModules']: list });
      if (d === undefined && method === 'POST') {
        const problem = c === 'modules' ? this.moduleProblem(app, json ?? {}, true) : this.referenceProblem(app, json ?? {});
        if (problem) return { status: 400, body: { message: problem } };
        if (list.some((entry) => entry.name === json?.name)) return { status: 400, body: { message: `${String(json?.name)} exists already` } };
        const item: Item = { ...(json ?? {}), name: String(json?.name), label: String(json?.label) };
        list.push(item);
        return ok({ [key]: item });
      }
      const item = list.find((entry) => entry.name === d);
      if (!item) return { status: 404, body: { message: `${d} not found` } };
      if (method === 'PATCH') {
        const problem = c === 'modules' ? this.moduleProblem(app, { ...(json ?? {}), name: d }, false) : this.referenceProblem(app, json ?? {});
        if (problem) return { status: 400, body: { message: problem } };
        const update = { ...(json ?? {}) };
        delete update.name;
        return ok({ [key]: Object.assign(item, update) });
      }
      if (method === 'PUT' && e) return app.sections.set(`${c}/${d}/${e}`, raw ?? ''), ok();
    }
    return { status: 400, body: { message: `fake Make has no route for ${method} /${parts.join('/')}` } };
  }
}

function parseJsonc(text: string): unknown {
  return parse(text, [], { allowTrailingComma: true });
}

function isJsonc(text: string): boolean {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true });
  return errors.length === 0;
}

/** An SDK client whose transport is the fake server. */
export class FakeTransportMake extends Make {
  constructor(readonly server: FakeMakeServer) {
    super('00000000-0000-0000-0000-000000000000', 'eu1.make.com');
  }

  protected override async handleRequest(url: string, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const reply = this.server.handle(init?.method ?? 'GET', new URL(url), body, headers.get('content-type') ?? undefined);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  }
}
