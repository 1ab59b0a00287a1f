/**
 * Issue 26 items 7, 8, 10, 11 and 12 on every module of every generated app, read from the files in
 * memory: each interface lists exactly what the module's output mapping fills; each sample shows an
 * event the module produces and no field it never fills; status filters offer only statuses the
 * platform reports; Make's conventions (email inputs, IDs in URLs checked by Make, static trigger
 * parameters, an epoch) hold; the get-by-id modules read the vendor's answer.
 */
import { z as zod } from 'zod';
import { generateApp, type GeneratedApp } from '../../make/generate/app';
import { PATH_ID_PATTERN } from '../../make/generate/actions';
import { examplePath } from '../../make/generate/universal';
import { PLATFORMS } from '../../platforms/registry';
import { statusChoices } from '../../fields/editor-fields';
import { jsonAs } from '../helpers/json-as';
import { evaluateTemplate } from './iml-evaluator';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A component's entry in `makecomapp.json` (other keys kept, unread). */
const metaSchema = zod.looseObject({ label: zod.string(), moduleType: zod.string().optional(), webhook: zod.string().optional(), codeFiles: zod.record(zod.string(), zod.string()) });
type Meta = zod.infer<typeof metaSchema>;

/** `makecomapp.json`, as far as these tests read it: its modules and webhooks by id. */
const manifestSchema = zod.looseObject({
  components: zod.looseObject({ module: zod.record(zod.string(), metaSchema), webhook: zod.record(zod.string(), metaSchema) }),
});

const apps = PLATFORMS.map((platform) => [platform, generateApp(platform)] as const);

function json(app: GeneratedApp, path: string | undefined): Json | undefined {
  return path === undefined ? undefined : (app.files.get(path) as Json | undefined);
}

function components(app: GeneratedApp, type: 'module' | 'webhook'): Record<string, Meta> {
  return jsonAs(manifestSchema, app.files.get('makecomapp.json'), `${app.platform}'s makecomapp.json`).components[type];
}

/** The output mappings a module can emit: its request's output and a skipped request's default, else (instant triggers) its webhook's output. */
function outputsOf(app: GeneratedApp, meta: Meta): JsonObject[] {
  const communication = json(app, meta.codeFiles.communication) as JsonObject;
  const response = communication.response as JsonObject | undefined;
  const condition = communication.condition as JsonObject | undefined;
  const own = [response?.output, condition?.default].filter((item): item is JsonObject => typeof item === 'object' && item !== null && !Array.isArray(item));
  if (own.length > 0 || meta.moduleType !== 'instant_trigger') return own;
  const webhook = components(app, 'webhook')[String(meta.webhook)];
  return [(json(app, webhook.codeFiles.communication) as JsonObject).output as JsonObject];
}

/** The event names an output's `event` can take: a literal, or the quoted values of its IML (a switch over vendor events). */
function eventsOf(app: GeneratedApp, meta: Meta, output: JsonObject): string[] {
  const event = String(output.event);
  if (event === '{{payload.event}}') {
    const webhook = components(app, 'webhook')[String(meta.webhook)];
    return eventsOf(app, meta, (json(app, webhook.codeFiles.communication) as JsonObject).output as JsonObject);
  }
  return event.startsWith('{{') ? [...event.matchAll(/'([a-z_]+\.[a-z_]+|other)'/g)].map((match) => match[1]) : [event];
}

const modules = apps.flatMap(([platform, app]) => Object.entries(components(app, 'module')).map(([name, meta]) => [`${platform.id} ${name}`, app, meta, name] as const));

describe('output interfaces and samples (item 10)', () => {
  it.each(modules)('%s declares exactly the fields its output fills', (_, app, meta) => {
    const filled = new Set(outputsOf(app, meta).flatMap((output) => Object.keys(output)));
    const declared = (json(app, meta.codeFiles.interface) as JsonObject[]).map((field) => String(field.name));
    expect(declared.sort()).toEqual([...filled].sort());
  });

  it.each(modules.filter(([, app, meta]) => json(app, meta.codeFiles.samples) !== undefined && meta.moduleType !== 'universal'))(
    '%s: its sample shows only filled fields and an event it produces',
    (_, app, meta) => {
      const sample = json(app, meta.codeFiles.samples) as JsonObject;
      const outputs = outputsOf(app, meta);
      const filled = new Set(outputs.flatMap((output) => Object.keys(output)));
      expect(Object.keys(sample).filter((key) => !filled.has(key))).toEqual([]);
      expect(outputs.flatMap((output) => eventsOf(app, meta, output))).toContain(sample.event);
      // Internal keys are no vendor's event names.
      expect(String(sample.vendor_event)).not.toMatch(/^(approve|deny|create|mark|find)_|^list$/);
    },
  );
});

describe('status filters (item 8)', () => {
  it.each(apps.map(([platform, app]) => [platform.id, platform, app] as const))('%s offers only statuses its status table reports', (_, platform, app) => {
    for (const [name, meta] of Object.entries(components(app, 'webhook'))) {
      const status = (json(app, meta.codeFiles.params) as JsonObject[]).find((param) => param.name === 'status');
      if (!status) continue;
      const kind = name.startsWith('watchReferral') ? 'referral' : 'affiliate';
      const offered = (status.options as JsonObject[]).map((option) => option.value);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.sort()).toEqual(Object.keys(statusChoices(kind, platform)).sort());
      const reported: string[] = Object.values(platform.statuses[kind] ?? {});
      expect(offered.every((value) => reported.includes(String(value)))).toBe(true);
    }
  });

  it('FirstPromoter and Rewardful no longer offer statuses they never report', () => {
    const offered = (id: string) => {
      const app = apps.find(([platform]) => platform.id === id)?.[1] as GeneratedApp;
      const params = json(app, components(app, 'webhook').watchReferralStatusChangesWebhook.codeFiles.params) as JsonObject[];
      return (params.find((param) => param.name === 'status')?.options as JsonObject[]).map((option) => option.value);
    };
    expect(offered('firstpromoter')).toEqual(['pending', 'approved', 'denied']);
    expect(offered('rewardful')).not.toContain('refunded');
    expect(offered('rewardful')).not.toContain('fraud');
  });
});

describe("Make's conventions (items 7, 12)", () => {
  const params = modules.flatMap(([where, app, meta]) => [...((json(app, meta.codeFiles.mappableParams) as JsonObject[] | undefined) ?? []), ...((json(app, meta.codeFiles.staticParams) as JsonObject[] | undefined) ?? [])].map((param) => [where, param, app, meta] as const));

  it('every email input is typed email', () => {
    const emails = params.filter(([, param]) => param.name === 'email' || String(param.name).endsWith('_email'));
    expect(emails.length).toBeGreaterThan(5);
    expect(emails.filter(([, param]) => param.type !== 'email').map(([where, param]) => `${where} ${String(param.name)}`)).toEqual([]);
  });

  it('every input placed in a URL path is checked by Make, refusing dot segments and slashes', () => {
    const pattern = new RegExp(PATH_ID_PATTERN);
    expect(['..', '.', '1/2', '1?a', '%2e%2e', 'a b'].filter((id) => pattern.test(id))).toEqual([]);
    expect(['123', 'part_8fKq', 'a1b2-c3', 'x.y'].every((id) => pattern.test(id))).toBe(true);
    const inPath = params.filter(([, param, app, meta]) => {
      const url = String((json(app, meta.codeFiles.communication) as JsonObject).url ?? '');
      return meta.moduleType !== 'universal' && url.includes(`{{parameters.${String(param.name)}}}`);
    });
    expect(inPath.length).toBeGreaterThan(5);
    expect(inPath.filter(([, param]) => !(param.validate as JsonObject | undefined)?.pattern).map(([where, param]) => `${where} ${String(param.name)}`)).toEqual([]);
  });

  it('polling triggers take their limit as a static parameter and offer "Choose where to start"', () => {
    const polling = modules.filter(([, , meta]) => meta.moduleType === 'trigger');
    expect(polling.length).toBeGreaterThan(5);
    for (const [where, app, meta] of polling) {
      expect([where, (json(app, meta.codeFiles.staticParams) as JsonObject[]).map((param) => param.name)]).toEqual([where, ['limit']]);
      expect(meta.codeFiles.mappableParams).toBeUndefined();
      const epoch = json(app, meta.codeFiles.epoch) as JsonObject;
      expect(epoch).toMatchObject({ response: { limit: expect.any(Number), output: { label: expect.any(String), date: expect.any(String) } } });
      expect(JSON.stringify(json(app, meta.codeFiles.communication))).not.toMatch(/parseNumber\(toString\(item\.(created_at|joined_at)/);
    }
  });

  it('the universal module names a path the platform serves', () => {
    for (const [platform, app] of apps) {
      const url = (json(app, components(app, 'module').makeApiCall.codeFiles.mappableParams) as JsonObject[]).find((param) => param.name === 'url');
      const path = examplePath(platform);
      expect(String(url?.help)).toContain(`\`${path}\``);
      // ViralRef publishes no API: then only the base path.
      const served = ['/', platform.connectionTest?.path, ...Object.values(platform.lists).map((list) => list?.request.path)];
      expect(served).toContain(path);
    }
  });

  it('Make texts use Make words: no Zapier operation labels or "… trigger" names', () => {
    for (const [platform, app] of apps) {
      const text = [...app.files.values()].map((content) => (typeof content === 'string' ? content : JSON.stringify(content))).join('\n');
      expect([platform.id, text.match(/\b(Find|Create|Approve|Deny) (Affiliate|Referral)\b|New (Referral|Affiliate|Payout) trigger|Dashboard Webhook trigger|An exact match comes first/g)]).toEqual([platform.id, null]);
    }
  });
});

describe('get-by-id modules (item 11, peer gaps)', () => {
  const app = (id: string) => apps.find(([platform]) => platform.id === id)?.[1] as GeneratedApp;

  it.each(apps.map(([platform, built]) => [platform.id, platform, built] as const))('%s has a Get module per documented get', (_, platform, built) => {
    const gets = Object.keys(platform.gets ?? {}).map((kind) => `get${kind.charAt(0).toUpperCase()}${kind.slice(1)}`).sort();
    expect(Object.keys(components(built, 'module')).filter((name) => /^get[A-Z]/.test(name)).sort()).toEqual(gets);
  });

  it('FirstPromoter affiliates and Tolt partners can be fetched again', () => {
    expect(json(app('firstpromoter'), components(app('firstpromoter'), 'module').getAffiliate.codeFiles.communication)).toMatchObject({ url: '/company/promoters/{{parameters.id}}', method: 'GET' });
    expect(json(app('tolt'), components(app('tolt'), 'module').getAffiliate.codeFiles.communication)).toMatchObject({ url: '/partners/{{parameters.id}}', method: 'GET' });
    expect(json(app('tolt'), 'modules/watchNewAffiliates/watchNewAffiliates.communication.iml.json')).toMatchObject({ url: '/partners/{{payload.id}}' });
  });

  it("FirstPromoter's list-shaped get fails on an unknown ID and reads the one item otherwise", () => {
    const communication = json(app('firstpromoter'), components(app('firstpromoter'), 'module').getReferral.codeFiles.communication) as JsonObject;
    expect(communication).toMatchObject({ url: '/company/commissions', qs: { 'ids[]': '{{parameters.id}}' } });
    const response = communication.response as JsonObject;
    const valid = (body: Json) => evaluateTemplate((response.valid as JsonObject).condition, { body, parameters: { id: '7' } });
    expect([valid([]), valid([{ id: 7, status: 'approved' }])]).toEqual([false, true]);
    const record = evaluateTemplate(response.output, { body: [{ id: 7, status: 'approved', event_id: 'ord-1' }], parameters: { id: '7' } }) as JsonObject;
    expect(record).toMatchObject({ id: 7, event: 'other', vendor_event: 'GET /company/commissions', status: 'approved', order_id: 'ord-1' });
  });
});
