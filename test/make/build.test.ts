/**
 * The Make app generator over every registered platform: each app passes Make's published schemas
 * (when ../shared/make-schemas is present) and our own reference checks, and the checks themselves
 * catch the mistakes they exist for.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../index';
import { PLATFORMS } from '../../platforms/registry';
import { buildAll } from '../../make/build';
import { statusSwitch } from '../../make/generate/fields';
import { pathExpression, translateTemplate } from '../../make/generate/iml';
import { COVERED_ON_MAKE, MAKE_TRIGGERS } from '../../make/generate/triggers';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers/index';
import { DEFAULT_SCHEMAS_DIR, imlRootNames, loadSchemas, validateApp } from '../../make/validate';

const out = mkdtempSync(join(tmpdir(), 'make-app-'));
const report = buildAll(out);
const schemas = loadSchemas(DEFAULT_SCHEMAS_DIR);

describe('npm run make:build', () => {
  it('builds one app per registered platform', () => {
    expect(report.apps.map((item) => item.platform)).toEqual(PLATFORMS.map((platform) => platform.id));
  });

  // Without ../shared/make-schemas the reference checks still run; the schema part says why it did not.
  beforeAll(() => {
    if (typeof schemas === 'string') process.stderr.write(`Make schema validation not run: ${schemas}\n`);
  });

  describe.each(report.apps.map((item) => [item.platform, item] as const))('%s', (_, built) => {
    it('passes the schemas and the reference checks', () => {
      expect(built.validation.errors).toEqual([]);
      if (typeof schemas !== 'string') expect(built.validation.schema.checked).toBeGreaterThan(10);
    });

    it('has nothing the generator could not translate', () => {
      expect(built.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    });

    it('has the connection, the universal module and instant triggers', () => {
      const manifest = JSON.parse(readFileSync(join(built.dir, 'makecomapp.json'), 'utf8')) as { components: Record<string, Record<string, { moduleType?: string }>> };
      expect(Object.keys(manifest.components.connection)).toEqual([built.platform]);
      expect(manifest.components.module.makeApiCall?.moduleType).toBe('universal');
      expect(Object.values(manifest.components.module).some((module) => module.moduleType === 'instant_trigger')).toBe(true);
    });
  });
});

describe('Make triggers are read from the Zapier hook trigger specs', () => {
  const hooks = Object.values(app.triggers ?? {}).filter((trigger) => (trigger.operation as { type?: string }).type === 'hook');

  it.each(hooks.map((trigger) => [trigger.key]))('%s has a Make instant trigger', (key) => {
    const covered = Object.hasOwn(COVERED_ON_MAKE, key);
    expect(covered || MAKE_TRIGGERS.some((trigger) => trigger.zapierKey === key)).toBe(true);
  });

  it.each(hooks.filter((trigger) => !Object.hasOwn(COVERED_ON_MAKE, trigger.key)).map((trigger) => [trigger.key, trigger] as const))(
    '%s is listed in HOOK_TRIGGER_SPECS with the spec its Zapier trigger was built from',
    (key, trigger) => {
      const spec = HOOK_TRIGGER_SPECS.find((item) => item.key === key);
      expect(spec).toBeDefined();
      expect(trigger.display.label).toBe(spec?.label);
      expect(trigger.operation.sample).toBe(spec?.sample);
    },
  );

  it('takes events, record kind, status filter and sample from the spec itself, not a copy', () => {
    for (const trigger of MAKE_TRIGGERS) {
      const spec = HOOK_TRIGGER_SPECS.find((item) => item.key === trigger.zapierKey);
      expect(trigger.events).toBe(spec?.events);
      expect(trigger.sample).toBe(spec?.sample);
      expect([trigger.record, trigger.statusFilter, trigger.description]).toEqual([spec?.record, spec?.statusFilter, spec?.description]);
    }
  });

  it.each(MAKE_TRIGGERS.filter((trigger) => trigger.events !== 'chosen').map((trigger) => [trigger.name, trigger] as const))(
    '%s emits the record kind of its Zapier sample',
    (_, trigger) => {
      const events = trigger.events === 'chosen' ? [] : trigger.events.preference.flat();
      expect(events.every((event) => event.startsWith(`${trigger.record}.`))).toBe(true);
      expect(String(trigger.sample.event)).toMatch(new RegExp(`^${trigger.record}\\.`));
    },
  );
});

describe('IML translation', () => {
  const report = jest.fn();

  it('reads indices 1-based through get(), names directly', () => {
    expect(pathExpression('item', 'affiliate.email')).toBe('item.affiliate.email');
    expect(pathExpression('item', 'coupons.0.code')).toBe("get(item, 'coupons.1.code')");
    expect(pathExpression('body', '')).toBe('body');
  });

  it('keeps a whole placeholder typed and inlines the others', () => {
    const resolve = (name: string) => (name === 'limit' ? { literal: 25 } : { iml: `parameters.${name}` });
    expect(translateTemplate('{{limit}}', resolve, report)).toBe(25);
    expect(translateTemplate('/referral/{{referral_id}}/status', resolve, report)).toBe('/referral/{{parameters.referral_id}}/status');
    expect(translateTemplate('{{sale_amount | cents}}', resolve, report)).toBe("{{round(parseNumber(parameters.sale_amount, '.') * 100)}}");
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a placeholder with no value in the context', () => {
    const errors = jest.fn();
    translateTemplate('{{subscription_id}}', () => undefined, errors);
    expect(errors).toHaveBeenCalledWith('error', expect.stringContaining('subscription_id'));
  });

  it('turns a status table into switch() with unknown for the rest', () => {
    const [platform] = PLATFORMS;
    const iml = statusSwitch(platform, 'referral', 'item.status');
    expect(iml).toMatch(/^if\(toString\(item\.status\) == '', null, switch\(lower\(toString\(item\.status\)\), '.+', 'unknown'\)\)$/);
  });

  it('finds the root names an expression reads', () => {
    expect(imlRootNames("ifempty(item.a, 'x.y') + parameters.b")).toEqual(['item', 'parameters']);
  });
});

describe('own checks catch what the schemas miss', () => {
  const source = report.apps[0].dir;

  function broken(edit: (dir: string) => void): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'make-broken-'));
    cpSync(source, dir, { recursive: true });
    edit(dir);
    return validateApp(dir, 'schemas not used here').errors;
  }

  function editJson(dir: string, path: string, change: (value: Record<string, unknown>) => void): void {
    const value = JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;
    change(value);
    writeFileSync(join(dir, path), JSON.stringify(value));
  }

  it('a file named in makecomapp.json that is missing', () => {
    expect(broken((dir) => editJson(dir, 'makecomapp.json', (manifest) => {
      ((manifest.generalCodeFiles as Record<string, string>).base = 'general/nowhere.iml.json');
    }))).toEqual([expect.stringContaining('general/nowhere.iml.json: named by general base but missing')]);
  });

  it('a POST without body, a Zapier placeholder left over, unbalanced braces', () => {
    const path = 'modules/makeApiCall/makeApiCall.communication.iml.json';
    const errors = broken((dir) => writeFileSync(join(dir, path), JSON.stringify({ url: '/x/{{referral_id}}', method: 'POST', qs: { a: '{{parameters.a' } })));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('POST request without a body'),
        expect.stringContaining('IML reads "referral_id"'),
        expect.stringContaining('unbalanced IML braces'),
      ]),
    );
  });

  it('connection inside a webhook communication, an unknown rpc:// and a bad module name', () => {
    const errors = broken((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as { components: Record<string, Record<string, { codeFiles: Record<string, string> }>> };
      const [webhook] = Object.values(manifest.components.webhook);
      writeFileSync(join(dir, webhook.codeFiles.communication), JSON.stringify({ output: { key: '{{connection.api_key}}' } }));
      writeFileSync(join(dir, manifest.components.module.makeApiCall.codeFiles.mappableParams), JSON.stringify([{ name: 'x', type: 'select', options: 'rpc://nowhere' }]));
      manifest.components.module['make-api-call'] = manifest.components.module.makeApiCall;
      writeFileSync(join(dir, 'makecomapp.json'), JSON.stringify(manifest));
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('webhook communication reads connection'),
        expect.stringContaining('rpc://nowhere names no RPC'),
        expect.stringContaining('module make-api-call: name must be letters and digits only'),
      ]),
    );
  });

  it('payload read outside an instant trigger module', () => {
    const errors = broken((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as { components: Record<string, Record<string, { codeFiles: Record<string, string> }>> };
      writeFileSync(join(dir, manifest.components.module.makeApiCall.codeFiles.communication), JSON.stringify({ url: '/x/{{payload.id}}', method: 'GET' }));
    });
    expect(errors).toEqual([expect.stringContaining('IML reads "payload", which Make provides only in an instant trigger')]);
  });

  it('skips the schema part with a clear message when the folder is absent', () => {
    const result = loadSchemas(join(tmpdir(), 'no-such-make-schemas'));
    expect(result).toEqual(expect.stringContaining('schema validation skipped'));
    expect(existsSync(source)).toBe(true);
  });
});

describe('Make review conventions in every generated app', () => {
  type Meta = { label: string; description?: string; moduleType?: string; codeFiles: Record<string, string> };
  const apps = report.apps.map((built) => {
    const manifest = JSON.parse(readFileSync(join(built.dir, 'makecomapp.json'), 'utf8')) as { components: Record<string, Record<string, Meta>> };
    const json = (path: string): unknown => JSON.parse(readFileSync(join(built.dir, path), 'utf8'));
    return { built, manifest, json };
  });

  it.each(apps.map((item) => [item.built.platform, item] as const))('%s: module, parameter and option labels are sentence case', (_, { manifest, json }) => {
    const titleCase = /^[A-Z][a-z]+ [A-Z][a-z]/;
    for (const [id, meta] of Object.entries(manifest.components.module)) {
      expect([id, meta.label]).toEqual([id, expect.not.stringMatching(titleCase)]);
      for (const code of ['mappableParams', 'staticParams', 'interface'] as const) {
        const path = meta.codeFiles[code];
        if (!path) continue;
        const labels = JSON.stringify(json(path)).match(/"label":"[^"]*"/g) ?? [];
        expect(labels.filter((label) => titleCase.test(label.slice(9)))).toEqual([]);
      }
    }
    for (const meta of Object.values(manifest.components.webhook)) {
      const params = JSON.stringify(json(meta.codeFiles.params));
      expect(params).not.toMatch(/"label":"[a-z]/);
    }
  });

  it.each(apps.map((item) => [item.built.platform, item] as const))('%s: no Zapier wording and no emptyarray', (_, { built }) => {
    const all = [...walk(built.dir)].map((path) => readFileSync(path, 'utf8')).join('\n');
    expect(all).not.toMatch(/\bZaps?\b/);
    expect(all).not.toContain('Signing Secret');
    expect(all).not.toContain('emptyarray');
  });

  it.each(apps.map((item) => [item.built.platform, item] as const))('%s: the universal module is Make\'s standard "Make an API call"', (_, { manifest, json }) => {
    const universal = manifest.components.module.makeApiCall;
    expect(universal).toMatchObject({ label: 'Make an API call', description: 'Performs an arbitrary authorized API call.' });
    const params = json(universal.codeFiles.mappableParams) as { name: string; type: string }[];
    expect(params.map((param) => param.name)).toEqual(['url', 'method', 'headers', 'qs', 'body']);
    expect(json(universal.codeFiles.communication)).toMatchObject({ qs: { '{{...}}': expect.stringContaining('parameters.qs') }, headers: { '{{...}}': expect.stringContaining('parameters.headers') } });
  });

  it.each(apps.map((item) => [item.built.platform, item] as const))('%s: searches take a limit and page where the list has pages', (_, { manifest, json }) => {
    for (const meta of Object.values(manifest.components.module).filter((module) => module.moduleType === 'search')) {
      const params = json(meta.codeFiles.mappableParams) as { name: string }[];
      expect(params.map((param) => param.name)).toContain('limit');
      const communication = json(meta.codeFiles.communication) as { qs?: Record<string, unknown>; pagination?: { qs: Record<string, string> }; response: { limit?: string } };
      expect(communication.response.limit).toBe('{{parameters.limit}}');
      if (communication.qs && 'page' in communication.qs) expect(communication.pagination?.qs.page).toBe('{{pagination.page}}');
    }
  });

  it.each(apps.map((item) => [item.built.platform, item] as const))('%s: attach saves what detach reads', (_, { manifest, json }) => {
    for (const meta of Object.values(manifest.components.webhook)) {
      if (!meta.codeFiles.attach) continue;
      const attach = [json(meta.codeFiles.attach)].flat() as { response: { data: Record<string, unknown> } }[];
      const saved = new Set(attach.flatMap((request) => Object.keys(request.response.data)));
      const detach = JSON.stringify(json(meta.codeFiles.detach));
      const read = [...detach.matchAll(/webhook\.(\w+)/g)].map((match) => match[1]);
      expect(read.length).toBeGreaterThan(0);
      expect(read.filter((key) => !saved.has(key))).toEqual([]);
    }
  });

  it('UpPromote detach deletes only a subscription that targets this webhook', () => {
    const { manifest, json } = apps.find((item) => item.built.platform === 'uppromote')!;
    const detach = json(manifest.components.webhook.watchNewReferralsWebhook.codeFiles.detach) as Record<string, unknown>[];
    expect(detach[0]).toMatchObject({ method: 'GET', url: '/webhook-subscriptions', response: { temp: { ours: expect.stringContaining('webhook.target1') } } });
    expect(detach[1]).toMatchObject({ method: 'DELETE', condition: '{{temp.ours}}' });
  });

  it('status options carry labels', () => {
    const { manifest, json } = apps.find((item) => item.built.platform === 'uppromote')!;
    const params = json(manifest.components.webhook.watchReferralStatusChangesWebhook.codeFiles.params) as { name: string; options?: { label: string; value: string }[] }[];
    expect(params.find((param) => param.name === 'status')?.options).toContainEqual({ label: 'Approved', value: 'approved' });
  });

  it('the ViralRef connection says it cannot check the key; the others call the vendor', () => {
    for (const { built, manifest, json } of apps) {
      const connection = manifest.components.connection[built.platform];
      const communication = json(connection.codeFiles.communication) as { condition?: boolean; url: string };
      const params = JSON.stringify(json(connection.codeFiles.params));
      if (built.platform === 'viralref') {
        expect(communication.condition).toBe(false);
        expect(params).toContain('cannot check this key');
      } else {
        expect(communication.condition).toBeUndefined();
        // A platform whose connection picks its base URL (Tolt: test/make/connection-base-url.test.ts) starts with that choice.
        expect(communication.url).toMatch(/^(https:\/\/|\{\{ifempty\(parameters\.base_url, 'https:\/\/)/);
      }
    }
  });

  it('webhooks read deliveries in the documented form: condition and output over body', () => {
    const { manifest, json } = apps.find((item) => item.built.platform === 'uppromote')!;
    const communication = json(manifest.components.webhook.watchNewReferralsWebhook.codeFiles.communication) as Record<string, unknown>;
    expect(Object.keys(communication).sort()).toEqual(['condition', 'output']);
  });

  it('make:build fails without the schemas when they are required (CI), and only warns otherwise', () => {
    const missing = join(tmpdir(), 'no-such-make-schemas');
    expect(buildAll(mkdtempSync(join(tmpdir(), 'make-ci-')), missing, 'eu1.make.com', true)).toMatchObject({ ok: false, schemasRequired: true });
    expect(buildAll(mkdtempSync(join(tmpdir(), 'make-local-')), missing, 'eu1.make.com', false)).toMatchObject({ ok: true, schemaSkipped: expect.stringContaining('skipped') });
  });
});

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
