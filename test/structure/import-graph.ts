/**
 * The repository's import graph and the two rules it must keep (issue 21): no import cycle, and
 * imports that run one way through the layers. The graph is read with TypeScript's own
 * `ts.preProcessFile` (every `import`, `export … from`, `import()` and `require()`), type-only
 * imports included: a loop through types is still two files that cannot be read apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** File → the repository files it imports; paths relative to the root, `/`-separated. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Folders that hold no source of the repository. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', '.git']);

function sourceFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The repository file a relative specifier names (`./x` → `x.ts` or `x/index.ts`; JSON as written), or undefined. */
function resolveSpecifier(root: string, from: string, specifier: string): string | undefined {
  const target = normalize(join(dirname(from), specifier));
  for (const candidate of [`${target}.ts`, join(target, 'index.ts'), target]) {
    const path = join(root, candidate);
    if (existsSync(path) && statSync(path).isFile()) return candidate.split(sep).join('/');
  }
  return undefined;
}

/** Reads every `.ts` file under `root` (packages are not part of the graph: only relative specifiers are followed). */
export function readImportGraph(root: string): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveSpecifier(root, file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every import cycle, one per strongly connected component of two or more files (or a file that
 * imports itself), each listed as the files of the component in order (Tarjan's algorithm).
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.reverse());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The layers of the house, ground first (DESIGN.md section 4, issue 21). */
export type Layer = 'signature-schemes' | 'platforms' | 'receive' | 'fields' | 'zapier' | 'make' | 'tools' | 'playground' | 'workshops' | 'test' | 'data';

/** The layer a file belongs to: its top folder, the root's `.ts` files being the Zapier app's entry. */
export function layerOf(file: string): Layer {
  const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
  if (top === undefined) return file.endsWith('.ts') ? 'zapier' : 'data';
  // app/ assembles the Zapier app's definition (for every platform or one, issue 27).
  if (top === 'triggers' || top === 'creates' || top === 'searches' || top === 'app') return 'zapier';
  if (top === 'live-check' || top === 'bench' || top === 'scaffold' || top === 'zapier-build') return 'tools';
  const layers: readonly Layer[] = ['signature-schemes', 'platforms', 'receive', 'fields', 'make', 'playground', 'workshops', 'test'];
  return layers.find((layer) => layer === top) ?? 'data';
}

/** The layers each layer may import, besides its own and plain data files (package.json, fixtures). */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  'signature-schemes': [],
  platforms: ['signature-schemes'],
  receive: ['platforms', 'signature-schemes'],
  fields: ['platforms', 'signature-schemes'],
  zapier: ['receive', 'fields', 'platforms', 'signature-schemes'],
  make: ['fields', 'platforms', 'signature-schemes'],
  // Tools and the playground run on top of everything (the playground discovers workshops at run time, not by import).
  tools: ['playground', 'zapier', 'make', 'receive', 'fields', 'platforms', 'signature-schemes'],
  playground: ['tools', 'zapier', 'make', 'receive', 'fields', 'platforms', 'signature-schemes'],
  workshops: ['test', 'tools', 'playground', 'zapier', 'make', 'receive', 'fields', 'platforms', 'signature-schemes'],
  test: ['workshops', 'tools', 'playground', 'zapier', 'make', 'receive', 'fields', 'platforms', 'signature-schemes'],
  data: [],
};

/** One import that runs against the layer order. */
export interface Violation {
  from: string;
  to: string;
  /** e.g. `platforms may not import receive`. */
  rule: string;
}

/** Every import from one layer into a layer it may not use. */
export function layerViolations(graph: ImportGraph): Violation[] {
  const violations: Violation[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from);
    for (const to of targets) {
      const theirs = layerOf(to);
      if (theirs === own || theirs === 'data' || MAY_IMPORT[own].includes(theirs)) continue;
      violations.push({ from, to, rule: `${own} may not import ${theirs}` });
    }
  }
  return violations;
}

/** Every file `entry` loads, itself included, following imports transitively. */
export function loadedBy(graph: ImportGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(graph.get(file) ?? []));
  }
  return seen;
}
