/**
 * A strict fake of Make's custom-app API (`/api/v2/sdk/apps`) behind `@makehq/sdk`: the SDK's one
 * transport hook, `handleRequest`, is overridden, so no request leaves the process. It keeps apps
 * and their components in memory and answers as Make does according to Make's VS Code extension
 * (integromat/vscode-apps-sdk, which reads these answers) and @makehq/sdk's types:
 *
 * - A new app's name gets a random suffix (`<asked>-<6 letters/digits>`, as on accounts without the
 *   "Can create Apps without ID suffix" permission; public apps are named like `hedy-p0dkfb`), and
 *   the creation answers `{ app }` with that name. Any route naming an unknown app, connection,
 *   webhook, module or RPC answers 404.
 * - Connections and webhooks get names Make chooses and answers in `appConnection.name` /
 *   `appWebhook.name` (the extension reads them there). The naming scheme itself (`<app>`, `<app>2`
 *   for connections, `<app>-hook<n>` for webhooks) is this fake's: Make's is not documented.
 * - Refused (400), as the extension works around: a connection or webhook without `type`; a module
 *   without `name`, `typeId`, `label` or `moduleInitMode`; a universal module without `subtype`; an
 *   action whose `crud` is not create/read/update/delete; an instant trigger without a webhook of
 *   this app; a reference to a connection or webhook the app does not have (`null` clears one); a
 *   field the endpoint does not take; groups naming a module that does not exist; a code section that
 *   is not JSON(C) or not sent as `application/jsonc`; an icon that is not a 512 × 512 PNG.
 * - `GET …/checksum` reports an MD5 per stored section (`<section>_jsonc` for code sections,
 *   `content` for the readme, `common`) and per metadata column, the shape the extension reads.
 * Every exchange is recorded for fixtures.
 */
import { Make } from '@makehq/sdk';
import { parse, type ParseError } from 'jsonc-parser';
import { createHash } from 'node:crypto';

/** One recorded exchange. Section bodies (whole code files) are recorded as "<code file>", the icon as "<png>", so fixtures do not churn with platform data. */
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
  /** `base`, `groups`, `content`, `common`, `icon`, or `<kind>/<name>/<section>` → body. */
  sections: Map<string, string>;
}

type Reply = { status: number; body: unknown };

const APP_NAME = /^[a-z][0-9a-z-]+[0-9a-z]$/;
const APP_FIELDS = ['name', 'label', 'description', 'theme', 'language', 'private', 'audience', 'countries', 'version'];
const MODULE_FIELDS = ['name', 'typeId', 'label', 'description', 'moduleInitMode', 'subtype', 'crud', 'connection', 'altConnection', 'webhook'];
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const refuse = (message: string): Reply => ({ status: 400, body: { message } });
const notFound = (what: string): Reply => ({ status: 404, body: { message: `${what} not found`, code: 'IM404' } });

export class FakeMakeServer {
  readonly apps = new Map<string, FakeApp>();
  readonly exchanges: Exchange[] = [];
  private created = 0;

  /** @param suffixNames false for an account with Make's "Can create Apps without ID suffix" permission */
  constructor(private readonly suffixNames = true) {}

  /** A pre-existing app (exactly `name`), for update tests. */
  seed(name: string, state: Partial<Omit<FakeApp, 'app' | 'sections'>> & { app?: Record<string, unknown> } = {}): FakeApp {
    const app: FakeApp = { connections: [], webhooks: [], rpcs: [], modules: [], sections: new Map(), ...state, app: { name, label: name, version: 1, ...state.app } };
    this.apps.set(name, app);
    return app;
  }

  handle(method: string, url: URL, rawBody: string | Uint8Array | undefined, contentType: string | undefined): Reply {
    const path = url.pathname.replace(/^\/api\/v2/, '');
    const text = typeof rawBody === 'string' ? rawBody : undefined;
    const json = text !== undefined && contentType === 'application/json' ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const reply = this.route(method, path.split('/').filter(Boolean), { json, text, bytes: rawBody instanceof Uint8Array ? rawBody : undefined, contentType });
    const body = json ?? (rawBody instanceof Uint8Array ? '<png>' : text !== undefined ? '<code file>' : undefined);
    this.exchanges.push({ method, path, ...(body !== undefined ? { body } : {}), status: reply.status });
    return reply;
  }

  private route(method: string, parts: string[], request: Request): Reply {
    const [sdk, apps, a, b, c, d, e] = parts;
    if (sdk !== 'sdk' || apps !== 'apps') return notFound('Route');
    if (a === undefined) return method === 'POST' ? this.createApp(request.json ?? {}) : { status: 200, body: { apps: [...this.apps.values()].map((app) => app.app) } };
    if (a === 'connections' || a === 'webhooks') return this.sharedComponent(method, a, b, c, request);
    const app = this.apps.get(a);
    if (!app) return notFound(`App ${a}`);
    if (b === 'connections' || b === 'webhooks') return this.createShared(method, app, b, request.json ?? {});
    if (c === undefined) {
      if (method === 'GET') return { status: 200, body: { app: app.app } };
      const extra = Object.keys(request.json ?? {}).find((key) => !APP_FIELDS.includes(key) || key === 'name');
      return extra ? refuse(`unknown field ${extra}`) : { status: 200, body: { app: Object.assign(app.app, request.json) } };
    }
    if (c === 'checksum' && method === 'GET') return { status: 200, body: checksums(app) };
    if (c === 'rpcs' || c === 'modules') return this.versioned(method, app, c, d, e, request);
    if (method === 'PUT') return this.appSection(app, c, request);
    return refuse(`fake Make has no route for ${method} /${parts.join('/')}`);
  }

  private createApp(body: Record<string, unknown>): Reply {
    const extra = Object.keys(body).find((key) => !APP_FIELDS.includes(key));
    if (extra) return refuse(`unknown field ${extra}`);
    if (!APP_NAME.test(String(body.name)) || typeof body.label !== 'string' || !/^#[0-9a-f]{6}$/i.test(String(body.theme))) return refuse('name (^[a-z][0-9a-z-]+[0-9a-z]$), label and theme (#rrggbb) are required');
    this.created += 1;
    const suffix = createHash('sha256').update(`${String(body.name)} ${this.created}`).digest('hex').slice(0, 6);
    const name = this.suffixNames ? `${String(body.name)}-${suffix}` : String(body.name);
    if (this.apps.has(name)) return refuse(`App ${name} exists already`);
    const app = this.seed(name, { app: { ...body, name, version: 1, public: false, approved: false } });
    return { status: 200, body: { app: app.app } };
  }

  private appSection(app: FakeApp, section: string, request: Request): Reply {
    const { text, bytes, contentType } = request;
    if (section === 'icon') {
      if (contentType !== 'image/png' || !bytes || !isPng512(bytes)) return refuse('the icon must be a 512 × 512 PNG sent as image/png');
      app.sections.set('icon', Buffer.from(bytes).toString('base64'));
      return { status: 200, body: { changed: true } };
    }
    const wanted: Record<string, string> = { base: 'application/jsonc', groups: 'application/jsonc', readme: 'text/markdown', common: 'application/json' };
    if (!(section in wanted) || text === undefined) return refuse(`fake Make has no app section ${section}`);
    if (contentType !== wanted[section]) return refuse(`${section} must be sent as ${wanted[section]}`);
    if (contentType === 'application/jsonc' && !isJsonc(text)) return refuse('section is not JSON');
    if (section === 'groups') {
      const groups = parse(text, [], { allowTrailingComma: true }) as { modules?: string[] }[];
      const missing = groups.flatMap((group) => group.modules ?? []).find((module) => !app.modules.some((item) => item.name === module));
      if (missing) return refuse(`groups name module ${missing}, which does not exist`);
    }
    app.sections.set(section === 'readme' ? 'content' : section, text);
    return { status: 200, body: { changed: true } };
  }

  private createShared(method: string, app: FakeApp, kind: 'connections' | 'webhooks', body: Record<string, unknown>): Reply {
    const list = app[kind];
    const wrapper = kind === 'connections' ? 'appConnection' : 'appWebhook';
    if (method === 'GET') return { status: 200, body: { [kind === 'connections' ? 'appConnections' : 'appWebhooks']: list } };
    const types = kind === 'connections' ? ['basic', 'oauth', 'oauth-refresh', 'oauth-resowncre', 'oauth-clicre'] : ['web', 'web-shared'];
    if (!types.includes(String(body.type)) || typeof body.label !== 'string') return refuse(`${kind}: type and label are required`);
    const appName = String(app.app.name);
    const name = kind === 'connections' ? (list.length === 0 ? appName : `${appName}${list.length + 1}`) : `${appName}-hook${list.length + 1}`;
    const item: Item = { name, label: body.label, type: String(body.type), ...(kind === 'webhooks' ? { connection: null } : {}) };
    list.push(item);
    return { status: 200, body: { [wrapper]: item } };
  }

  private sharedComponent(method: string, kind: 'connections' | 'webhooks', name: string, section: string | undefined, request: Request): Reply {
    const app = [...this.apps.values()].find((candidate) => candidate[kind].some((item) => item.name === name));
    const item = app?.[kind].find((entry) => entry.name === name);
    if (!app || !item) return notFound(`${kind === 'connections' ? 'Connection' : 'Webhook'} ${name}`);
    if (method === 'PATCH' && section === undefined) {
      const allowed = kind === 'connections' ? ['label'] : ['label', 'connection', 'altConnection'];
      const extra = Object.keys(request.json ?? {}).find((key) => !allowed.includes(key));
      const problem = extra ? `unknown field ${extra}` : referenceProblem(app, request.json ?? {});
      return problem ? refuse(problem) : { status: 200, body: { [kind === 'connections' ? 'appConnection' : 'appWebhook']: Object.assign(item, request.json) } };
    }
    if (method === 'PUT' && section) return codeSection(app, `${kind}/${name}/${section}`, request);
    return refuse(`fake Make has no route for ${method} ${kind}/${name}`);
  }

  private versioned(method: string, app: FakeApp, kind: 'rpcs' | 'modules', name: string | undefined, section: string | undefined, request: Request): Reply {
    const list = app[kind];
    const wrapper = kind === 'rpcs' ? 'appRpc' : 'appModule';
    const body = request.json ?? {};
    if (name === undefined && method === 'GET') return { status: 200, body: { [kind === 'rpcs' ? 'appRpcs' : 'appModules']: list } };
    if (name === undefined && method === 'POST') {
      const problem = kind === 'modules' ? moduleProblem(app, body, true) : referenceProblem(app, body);
      if (problem) return refuse(problem);
      if (list.some((entry) => entry.name === body.name)) return refuse(`${String(body.name)} exists already`);
      const item: Item = { ...body, name: String(body.name), label: String(body.label) };
      list.push(item);
      return { status: 200, body: { [wrapper]: item } };
    }
    const item = list.find((entry) => entry.name === name);
    if (!item || name === undefined) return notFound(`${kind === 'rpcs' ? 'RPC' : 'Module'} ${String(name)}`);
    if (method === 'PATCH' && section === undefined) {
      const problem = kind === 'modules' ? moduleProblem(app, { ...item, ...body }, false, Object.keys(body)) : referenceProblem(app, body);
      return problem ? refuse(problem) : { status: 200, body: { [wrapper]: Object.assign(item, body) } };
    }
    if (method === 'PUT' && section) return codeSection(app, `${kind}/${name}/${section}`, request);
    return refuse(`fake Make has no route for ${method} ${kind}/${name}`);
  }
}

interface Request {
  json?: Record<string, unknown>;
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
}

function codeSection(app: FakeApp, key: string, { text, contentType }: Request): Reply {
  if (text === undefined || contentType !== 'application/jsonc' || !isJsonc(text)) return refuse('a code section is JSON(C) sent as application/jsonc');
  app.sections.set(key, text);
  return { status: 200, body: {} };
}

function referenceProblem(app: FakeApp, body: Record<string, unknown>): string | undefined {
  for (const key of ['connection', 'altConnection'] as const) {
    if (body[key] !== undefined && body[key] !== null && !app.connections.some((item) => item.name === body[key])) return `${key} ${String(body[key])} is no connection of this app`;
  }
  if (body.webhook !== undefined && body.webhook !== null && !app.webhooks.some((item) => item.name === body.webhook)) return `webhook ${String(body.webhook)} is no webhook of this app`;
  return undefined;
}

/** Why Make would refuse this module (the created body, or the stored module merged with the update), or undefined. */
function moduleProblem(app: FakeApp, merged: Record<string, unknown>, creating: boolean, sent: string[] = Object.keys(merged)): string | undefined {
  const extra = sent.find((key) => !MODULE_FIELDS.includes(key) || (!creating && ['name', 'moduleInitMode', 'subtype'].includes(key)));
  if (extra) return `unknown field ${extra}`;
  if (creating && (!/^[A-Za-z0-9]+$/.test(String(merged.name)) || typeof merged.label !== 'string' || typeof merged.typeId !== 'number' || merged.moduleInitMode === undefined)) return 'name, label, typeId and moduleInitMode are required';
  if (creating && merged.typeId === 12 && !['Universal', 'UniversalGraphQL'].includes(String(merged.subtype))) return 'subtype is required for a universal module';
  if (merged.typeId === 4 && !['create', 'read', 'update', 'delete'].includes(String(merged.crud))) return 'crud is required for an action';
  if (merged.typeId === 10 && !app.webhooks.some((item) => item.name === merged.webhook)) return 'an instant trigger needs a webhook of this app';
  return referenceProblem(app, merged);
}

/** Make's `/checksum` answer for an app: MD5 per column and per stored section. */
function checksums(app: FakeApp): Record<string, { name: string; checksum: Record<string, string | null> }[]> {
  const sectionsOf = (prefix: string) => Object.fromEntries([...app.sections].filter(([key]) => key.startsWith(prefix)).map(([key, body]) => [`${key.slice(prefix.length)}_jsonc`, md5(body)]));
  const columns = (item: Item) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'name').map(([key, value]) => [key, value === null || value === undefined ? null : md5(String(value))]));
  const general = Object.fromEntries(['base', 'groups'].flatMap((key) => (app.sections.has(key) ? [[`${key}_jsonc`, md5(app.sections.get(key) ?? '')]] : [])));
  for (const key of ['content', 'common']) if (app.sections.has(key)) general[key] = md5(app.sections.get(key) ?? '');
  const of = (kind: 'connections' | 'webhooks' | 'rpcs' | 'modules') => app[kind].map((item) => ({ name: item.name, checksum: { ...columns(item), ...sectionsOf(`${kind}/${item.name}/`) } }));
  return { app: [{ name: String(app.app.name), checksum: general }], accounts: of('connections'), hooks: of('webhooks'), rpcs: of('rpcs'), modules: of('modules'), functions: [], endpoints: [] };
}

function isJsonc(text: string): boolean {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true });
  return errors.length === 0;
}

function isPng512(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes);
  return view.length > 24 && view.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) && view.toString('ascii', 12, 16) === 'IHDR' && view.readUInt32BE(16) === 512 && view.readUInt32BE(20) === 512;
}

/** An SDK client whose transport is the fake server. */
export class FakeTransportMake extends Make {
  constructor(readonly server: FakeMakeServer) {
    super('00000000-0000-0000-0000-000000000000', 'eu1.make.com');
  }

  protected override async handleRequest(url: string, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' || init?.body instanceof Uint8Array ? init.body : undefined;
    const reply = this.server.handle(init?.method ?? 'GET', new URL(url), body, headers.get('content-type') ?? undefined);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  }
}
