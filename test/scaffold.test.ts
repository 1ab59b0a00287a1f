/**
 * `npm run new-platform` on a copy of the repository's registry and templates: it writes every
 * part of scaffold/parts.ts and the registry line, nothing else, and refuses what it cannot do.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER, PLATFORM_PARTS } from '../scaffold/parts';
import { ScaffoldError, scaffoldPlatform } from '../scaffold/new-platform';
import { missingParts } from './helpers/completeness';

const ROOT = join(__dirname, '..');
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'scaffold-'));
  for (const path of ['platforms/registry.ts', 'scaffold/templates', 'playground/emulator/vendor-template']) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
});

afterEach(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-platform', () => {
  it('writes every part and one registry line', () => {
    const before = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    const written = scaffoldPlatform(copy, 'acme', 'Acme');
    for (const part of PLATFORM_PARTS) expect(written).toContain(part.path('acme'));
    const after = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual(["  (require('./acme') as typeof import('./acme')).acme,"]);
    const module = readFileSync(join(copy, 'platforms/acme/index.ts'), 'utf8');
    expect(module).toContain("id: 'acme'");
    expect(module).toContain("name: 'Acme'");
    expect(module).not.toMatch(/__ID__|__NAME__/);
  });

  it('leaves parts the completeness check names as placeholders', () => {
    scaffoldPlatform(copy, 'acme', 'Acme');
    const placeholders = PLATFORM_PARTS.filter((part) => readFileSync(join(copy, part.path('acme')), 'utf8').includes(PLACEHOLDER));
    expect(placeholders.map((part) => part.key)).toEqual(PLATFORM_PARTS.map((part) => part.key));
    expect(missingParts(copy, 'acme')).toHaveLength(PLATFORM_PARTS.length);
  });

  it.each([
    ['a malformed id', 'Acme-2', 'Acme', /lower-case letters and digits/],
    ['no display name', 'acme', ' ', /display name/],
    ['a registered id', 'uppromote', 'UpPromote', /registered already/],
  ])('refuses %s and writes nothing', (_case, id, name, message) => {
    const before = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    expect(() => scaffoldPlatform(copy, id, name)).toThrow(ScaffoldError);
    expect(() => scaffoldPlatform(copy, id, name)).toThrow(message);
    expect(readFileSync(join(copy, 'platforms/registry.ts'), 'utf8')).toBe(before);
  });
});
