/**
 * The house keeps its shape (issue 21): no import cycle anywhere, and imports that run one way,
 * signature-schemes ← platforms ← receive, fields ← triggers/creates/searches ← index.ts, the Make
 * generator on platforms and fields, tools and the playground on top. Each rule is also run on a
 * small made-up graph, so the test is shown able to fail.
 */
import { join } from 'node:path';
import { findCycles, layerOf, layerViolations, loadedBy, readImportGraph, type ImportGraph } from './import-graph';

const ROOT = join(__dirname, '..', '..');
const graph = readImportGraph(ROOT);

/** A made-up graph from `from -> to` pairs. */
function graphOf(...edges: [string, string][]): ImportGraph {
  const built = new Map<string, string[]>();
  for (const [from, to] of edges) {
    built.set(from, [...(built.get(from) ?? []), to]);
    if (!built.has(to)) built.set(to, []);
  }
  return built;
}

describe('the repository', () => {
  it('reads the app, its layers and the tools', () => {
    for (const file of ['index.ts', 'signature-schemes/index.ts', 'receive/index.ts', 'fields/operations.ts', 'make/generate/app.ts']) {
      expect(graph.has(file)).toBe(true);
    }
    expect([...loadedBy(graph, 'index.ts')]).toEqual(expect.arrayContaining(['app/build-app.ts', 'authentication.ts', 'fields/actions/index.ts']));
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('imports only down the layers', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('loads no tool, playground, workshop or test file from the app entry', () => {
    const loaded = [...loadedBy(graph, 'index.ts')];
    expect(loaded.filter((file) => ['tools', 'playground', 'workshops', 'test'].includes(layerOf(file)))).toEqual([]);
  });
});

describe('the rules on made-up graphs', () => {
  it('finds a cycle of three files and a file importing itself, not a chain', () => {
    const cycles = findCycles(graphOf(['a.ts', 'b.ts'], ['b.ts', 'c.ts'], ['c.ts', 'a.ts'], ['d.ts', 'd.ts'], ['e.ts', 'a.ts']));
    expect(cycles.map((cycle) => [...cycle].sort())).toEqual(expect.arrayContaining([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]));
    expect(cycles).toHaveLength(2);
    expect(findCycles(graphOf(['a.ts', 'b.ts'], ['b.ts', 'c.ts']))).toEqual([]);
  });

  it.each([
    ['signature-schemes/hmac.ts', 'platforms/types.ts', 'signature-schemes may not import platforms'],
    ['platforms/webhooks.ts', 'receive/index.ts', 'platforms may not import receive'],
    ['platforms/acme/index.ts', 'fields/samples.ts', 'platforms may not import fields'],
    ['platforms/acme/scenario.ts', 'playground/scenario.ts', 'platforms may not import playground'],
    ['receive/index.ts', 'triggers/dedupe.ts', 'receive may not import zapier'],
    ['fields/editor-fields.ts', 'creates/create-factory.ts', 'fields may not import zapier'],
    ['triggers/hook-trigger.ts', 'live-check/schemes.ts', 'zapier may not import tools'],
    ['index.ts', 'playground/flow.ts', 'zapier may not import playground'],
    ['make/generate/triggers.ts', 'triggers/hook-trigger.ts', 'make may not import zapier'],
    ['creates/create-factory.ts', 'make/generate/app.ts', 'zapier may not import make'],
    ['bench/run.ts', 'test/helpers/app.ts', 'tools may not import test'],
  ])('refuses %s -> %s', (from, to, rule) => {
    expect(layerViolations(graphOf([from, to]))).toEqual([{ from, to, rule }]);
  });

  it('accepts imports down the layers and plain data', () => {
    const down = graphOf(
      ['index.ts', 'triggers/hook-trigger.ts'],
      ['triggers/hook-trigger.ts', 'receive/index.ts'],
      ['triggers/hook-trigger.ts', 'fields/output-fields.ts'],
      ['receive/index.ts', 'platforms/types.ts'],
      ['fields/output-fields.ts', 'platforms/records.ts'],
      ['platforms/types.ts', 'signature-schemes/types.ts'],
      ['make/generate/app.ts', 'fields/actions/index.ts'],
      ['live-check/cli.ts', 'playground/receiver.ts'],
      ['authentication.ts', 'package.json'],
    );
    expect(layerViolations(down)).toEqual([]);
  });

  it('follows the app entry transitively', () => {
    const loaded = loadedBy(graphOf(['index.ts', 'triggers/a.ts'], ['triggers/a.ts', 'platforms/b.ts'], ['bench/c.ts', 'index.ts']), 'index.ts');
    expect([...loaded].sort()).toEqual(['index.ts', 'platforms/b.ts', 'triggers/a.ts']);
  });
});
