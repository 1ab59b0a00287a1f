/**
 * Each single-platform app's definition (issue 27), for all eight platforms on every `npm test`:
 * Zapier's schema, the publishing checks as the editor resolves them, no Platform field, only
 * served operations under the multi-platform keys with the same output keys, the vendor's words,
 * no "does not offer" notice, and no operation heavier than its multi-platform twin.
 * `zapier-platform build` and `validate` of each build folder run in CI (.ci/run).
 */
import { compileApp, prepareApp, validateApp } from 'zapier-platform-core/src/tools/schema';
import { countNodes } from '../../bench/definition-size';
import { NODE_SHARE_TARGET } from '../../bench/single-platform';
import { isRefusalNotice } from '../../fields/refusal-notice';
import { app } from '../helpers/app';
import { ACCEPTED, CHECKS, m002DescriptionsFor, type AppDefinition, type Finding } from '../publishing/checks';
import { resolvedDefinition } from '../publishing/resolved';
import { findPlatform, PLATFORMS } from '../../platforms/registry';
import { SINGLE_PLATFORM_BUILDS, type SinglePlatformBuild } from './builds';

const MULTI_NODES = countNodes(app);
const KINDS = ['triggers', 'creates', 'searches'] as const;

/** Findings the single-platform app does not accept (D017 only on a dashboard-only platform, as ACCEPTED says). */
function unaccepted(findings: Finding[], dashboardOnly: boolean): string[] {
  return findings.map((finding) => `${finding.rule} ${finding.where}`).filter((place) => !(dashboardOnly && ACCEPTED[place] !== undefined));
}

type Resolved = AppDefinition & Record<(typeof KINDS)[number], Record<string, { operation: { inputFields?: unknown; outputFields?: unknown } }>>;

function keysOf(fields: unknown): string[] {
  return (Array.isArray(fields) ? (fields as { key?: string }[]) : []).map((field) => field.key ?? '').sort();
}

describe.each(SINGLE_PLATFORM_BUILDS.map((build) => [build.id, build] as const))('%s single-platform app', (id, build: SinglePlatformBuild) => {
  const platform = findPlatform(id)!;
  const definition = build.definition;
  let resolved: Resolved;
  let multiResolved: Resolved;
  beforeAll(async () => {
    // As Zapier reads it: core's compileApp gives each operation linked to a resource the resource's sample and output fields.
    resolved = (await resolvedDefinition(id, compileApp(definition), build.run)) as Resolved;
    multiResolved = (await resolvedDefinition(id)) as Resolved;
  });

  it("passes zapier-platform-schema's validation", () => {
    expect(validateApp(prepareApp(definition)).map((error) => error.stack)).toEqual([]);
  });

  // Issue 27: at most 40% of the multi-platform definition's nodes (`npm run bench`, figure 6, prints each share).
  it(`is at most ${NODE_SHARE_TARGET * 100}% of the multi-platform definition's nodes, no operation heavier than its twin`, () => {
    for (const kind of KINDS) {
      for (const [key, item] of Object.entries(definition[kind])) {
        const twin = (app[kind] as Record<string, unknown>)[key];
        expect([key, countNodes(item) <= countNodes(twin)]).toEqual([key, true]);
      }
    }
    expect(countNodes(definition) / MULTI_NODES).toBeLessThanOrEqual(NODE_SHARE_TARGET);
  });

  // app/single-platform.ts leaves the refusal notices out: sound only while each says nothing for a step the app keeps.
  it("leaves out only refusal notices that say nothing on this platform's steps", async () => {
    for (const kind of KINDS) {
      for (const key of Object.keys(definition[kind])) {
        const inputs = (app[kind] as Record<string, { operation: { inputFields?: unknown[] } }>)[key].operation.inputFields ?? [];
        for (const notice of inputs.filter(isRefusalNotice)) {
          expect([key, await build.run(notice, { authData: { platform: id, api_key: 'key' }, inputData: {} })]).toEqual([key, []]);
        }
      }
    }
  });

  it('keeps one sample of an id per record kind, in its resources, and no label, description or sample on its hidden dropdown lists', () => {
    const resources = Object.entries(definition.resources) as [string, { sample?: object; outputFields?: unknown[] }][];
    for (const [key, resource] of resources) expect([key, Object.keys(resource.sample ?? {}), resource.outputFields?.length]).toEqual([key, ['id'], 1]);
    for (const kind of KINDS) {
      for (const [key, item] of Object.entries(definition[kind]) as [string, { display: { hidden?: boolean }; operation: { sample?: object; resource?: string } }][]) {
        if (item.display.hidden === true) expect([key, item.display, item.operation.sample]).toEqual([key, { hidden: true }, undefined]);
        else if (item.operation.resource !== undefined) expect([key, item.operation.sample, definition.resources[item.operation.resource]]).toEqual([key, undefined, expect.anything()]);
        else expect([key, Object.keys(item.operation.sample ?? {})]).toEqual([key, ['id']]);
      }
    }
  });

  // M002 keeps vendor names out of the multi-platform app's descriptions; the vendor's own app may name itself, never another.
  const otherNames = PLATFORMS.filter((other) => other.id !== id).map((other) => other.name);
  it.each(Object.keys(CHECKS))('%s finds nothing (as the editor resolves it)', (rule) => {
    const check = rule === 'M002' ? m002DescriptionsFor(otherNames) : CHECKS[rule];
    expect(unaccepted(check(resolved), platform.webhooks.kind === 'dashboard')).toEqual([]);
  });

  // A vendor publishes this app as its own: it names no other vendor, and its own name where the multi-platform app says "your platform".
  it('names no other platform, and this one where the multi-platform app says "your platform"', () => {
    const texts: [string, string][] = (resolved.authentication?.fields ?? []).map((field) => [`connection ${field.key}`, `${field.label} ${field.helpText ?? ''}`]);
    for (const kind of KINDS) {
      for (const [key, item] of Object.entries(resolved[kind]) as [string, { display: { label?: string; description?: string; directions?: string }; operation: { inputFields?: unknown; outputFields?: unknown } }][]) {
        texts.push([key, `${item.display.label ?? ''} ${item.display.description ?? ''} ${item.display.directions ?? ''}`]);
        for (const field of [item.operation.inputFields, item.operation.outputFields].flatMap((list) => (Array.isArray(list) ? (list as { key: string; label?: string; helpText?: string }[]) : []))) {
          // The `platform` output field says which platform a record is from: its label is the one place the word belongs.
          if (field.key !== 'platform') texts.push([`${key} ${field.key}`, `${field.label ?? ''} ${field.helpText ?? ''}`]);
        }
      }
    }
    expect(texts.length).toBeGreaterThan(20);
    for (const [where, text] of texts) expect([where, otherNames.filter((name) => text.includes(name)), /\bplatforms?\b/i.test(text)]).toEqual([where, [], false]);
  });

  it("connects without a Platform field, with the platform's key fields, all required", () => {
    const fields = definition.authentication?.fields ?? [];
    expect(fields.map((field) => field.key)).not.toContain('platform');
    const required = fields.filter((field) => field.required).map((field) => field.key);
    expect(required).toEqual(['api_key', ...(platform.connection.extraFields ?? []).map((field) => field.key)]);
    expect(fields.find((field) => field.key === 'api_key')?.helpText).toContain(platform.connection.keyHelpUrl);
  });

  it('offers operations under the multi-platform keys, each with the same output keys', () => {
    for (const kind of KINDS) {
      for (const key of Object.keys(definition[kind])) {
        expect(Object.keys(app[kind])).toContain(key);
        expect(keysOf(resolved[kind][key].operation.outputFields)).toEqual(keysOf(multiResolved[kind][key].operation.outputFields));
      }
    }
  });

  it('shows no notice that the platform cannot do a step', () => {
    for (const kind of KINDS) {
      for (const [key, item] of Object.entries(resolved[kind])) {
        const notices = (Array.isArray(item.operation.inputFields) ? (item.operation.inputFields as { type?: string; helpText?: string }[]) : []).filter(
          (field) => field.type === 'copy' && /does not offer|not available|cannot (set|run|see)|instead/i.test(field.helpText ?? ''),
        );
        expect([key, notices]).toEqual([key, []]);
      }
    }
  });

  it('keeps the static-webhook trigger only where the platform has no webhook API', () => {
    const statics = Object.values(definition.triggers).filter((trigger) => trigger?.operation.type === 'hook' && !('performSubscribe' in trigger.operation));
    expect(statics.length).toBe(platform.webhooks.kind === 'dashboard' ? 1 : 0);
  });

  it("names its records in the platform's words where the multi-platform app uses its own", () => {
    const renamed = Object.entries(platform.terms ?? {}).filter(([kind, term]) => term.toLowerCase() !== kind);
    for (const kind of KINDS) {
      // A hidden dropdown list has no label (nothing a user reads): app/single-platform.ts leaves it out.
      for (const [key, item] of Object.entries(definition[kind]).filter(([, item]) => item?.display.hidden !== true)) {
        const multiLabel = (app[kind] as Record<string, { display: { label?: string } }>)[key].display.label ?? '';
        for (const [record, term] of renamed) {
          const word = new RegExp(`\\b${record}s?\\b`, 'i');
          if (word.test(multiLabel)) expect([key, item?.display.label]).toEqual([key, expect.stringContaining(term)]);
          expect([key, word.test(item?.display.label ?? '')]).toEqual([key, false]);
        }
      }
    }
  });

  it("labels the connection like the vendor's own (\"<Vendor>: <account>\")", async () => {
    const label = await build.run(definition.authentication?.connectionLabel, { inputData: { platform: id, platform_name: platform.name, account: 'Northwind' } });
    expect(label).toBe(`${platform.name}: Northwind`);
  });
});
