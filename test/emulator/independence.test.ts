/**
 * The emulator is an independent reading of the vendors' documents (DESIGN.md §4): every vendor's
 * emulator (workshops/<id>/emulator/) and the emulator's common code import nothing from the app,
 * only their own folder, playground/emulator/common/, Node's built-ins and fastify. A wrong path,
 * field or signature rule in platforms/ then fails against the emulator instead of being mirrored.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { emulatorFolders } from '../../playground/emulator/common/discover-vendors';

const ROOT = join(__dirname, '..', '..');
const COMMON = join(ROOT, 'playground', 'emulator', 'common');
/** Packages an emulator may use besides Node's built-ins. */
const PACKAGES = new Set(['fastify']);
/** `from '…'`, `import '…'`, `require('…')` and `import('…')`. */
const SPECIFIER = /(?:\bfrom\s+|^\s*import\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1/gm;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The specifiers of `file` that leave its allowed places, as `file: specifier`. */
function strayImports(file: string, allowed: readonly string[]): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .map((match) => match[2] ?? '')
    .filter((specifier) => {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        return !allowed.some((folder) => target === folder || target.startsWith(folder + sep));
      }
      return !specifier.startsWith('node:') && !PACKAGES.has(specifier);
    })
    .map((specifier) => `${relative(ROOT, file)}: ${specifier}`);
}

describe('the emulator imports nothing from the app', () => {
  const folders = [...emulatorFolders()];

  it('finds emulators to check', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)('%s: only its own folder, the common code, node: and fastify', (_id, folder) => {
    expect(sources(folder).flatMap((file) => strayImports(file, [folder, COMMON]))).toEqual([]);
  });

  it('the server and its common code: only the emulator folder, node: and fastify', () => {
    const emulator = dirname(COMMON);
    const files = [join(emulator, 'server.ts'), ...sources(COMMON)];
    expect(files.flatMap((file) => strayImports(file, [emulator]))).toEqual([]);
  });

  it('names an import of the app as stray (the check can fail)', () => {
    const vendor = join(ROOT, 'workshops', 'viralref', 'emulator');
    const scenario = join(ROOT, 'workshops', 'viralref', 'scenario.ts');
    // The scenario sits beside the emulator and imports the playground: from the emulator's view it strays.
    expect(strayImports(scenario, [vendor, COMMON])).toEqual(['workshops/viralref/scenario.ts: ../../playground/scenario']);
  });
});
