/**
 * `npm run new-platform -- <id> "<Display Name>"`: scaffolds a platform. Writes every part of
 * scaffold/parts.ts from its template (new files only) and adds the platform's line to
 * platforms/registry.ts; nothing else changes. The result type-checks and its playground run
 * (`npm start -- --platform <id>`) passes: the app module and the emulator start from the same
 * guess. The completeness test (test/completeness.test.ts) then lists what the vendor's documents
 * must still supply. Exits 1 with a message for a malformed id, an id already registered or a file
 * that exists (and then writes nothing).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PLATFORM_PARTS, registryLine, renderTemplate } from './parts';

/** Where the registry's list ends: new lines go just before it. */
export const LIST_END = '] as const satisfies readonly PlatformDefinition[];';
/** Platform ids are also TypeScript identifiers and folder names. */
const ID = /^[a-z][a-z0-9]*$/;

/** A scaffold that cannot be made; its message says why. Nothing was written. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/**
 * Scaffolds platform `id` in the repository at `root`.
 * @returns the files written and changed, relative to `root`, registry last
 * @throws ScaffoldError before writing anything, when the id or name is malformed, the id is
 *   registered, or a part's file exists
 */
export function scaffoldPlatform(root: string, id: string, name: string): string[] {
  if (!ID.test(id)) throw new ScaffoldError(`the id must be lower-case letters and digits, starting with a letter (got "${id}").`);
  if (name.trim() === '') throw new ScaffoldError('give the platform\'s display name, e.g. npm run new-platform -- acme "Acme".');
  // The name is written into TypeScript string literals and comments as it is.
  if (/['"`\\]|[\u0000-\u001f]|\*\//.test(name)) throw new ScaffoldError(`the display name cannot hold quotes, backslashes, "*/" or control characters (got "${name}").`);
  const registryFile = join(root, 'platforms', 'registry.ts');
  const registry = readFileSync(registryFile, 'utf8');
  if (registry.includes(`require('./${id}')`)) throw new ScaffoldError(`${id} is registered already.`);
  if (!registry.includes(LIST_END)) throw new ScaffoldError(`platforms/registry.ts no longer ends its list with "${LIST_END}".`);

  const files = new Map<string, string>();
  for (const part of PLATFORM_PARTS) {
    if (part.template) {
      files.set(part.path(id), readFileSync(join(root, 'scaffold', 'templates', part.template), 'utf8'));
    } else if (part.copyFrom) {
      const folder = join(root, 'scaffold', 'templates', part.copyFrom);
      for (const file of readdirSync(folder)) files.set(join(dirname(part.path(id)), file.replace(/\.txt$/, '')), readFileSync(join(folder, file), 'utf8'));
    }
  }
  const clashes = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (clashes.length > 0) throw new ScaffoldError(`these exist already: ${clashes.join(', ')}.`);

  for (const [path, template] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), renderTemplate(template, id, name));
  }
  writeFileSync(registryFile, registry.replace(LIST_END, `${registryLine(id)}\n${LIST_END}`));
  return [...files.keys(), 'platforms/registry.ts'];
}

function main(argv: readonly string[]): void {
  const [id = '', name = ''] = argv;
  try {
    // This file runs from dist/scaffold/; the repository is two levels up.
    const written = scaffoldPlatform(resolve(__dirname, '..', '..'), id, name);
    console.log(`Scaffolded ${name} (${id}):\n${written.map((path) => `  ${path}`).join('\n')}`);
    console.log(`Next: \`npm start -- --platform ${id}\` runs it against its emulator; replace every NEW-PLATFORM-TODO from the vendor's documents; \`npx jest test/completeness.test.ts\` lists what is left.`);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new-platform: ${error.message}\nusage: npm run new-platform -- <id> "<Display Name>"`);
    process.exitCode = 1;
  }
}

if (require.main === module) main(process.argv.slice(2));
