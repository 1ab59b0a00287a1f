/**
 * `npm run new-platform` in temporary copies of the repository, never in the work tree: it writes
 * every part of scaffold/parts.ts and the registry line, nothing else, and refuses what it cannot
 * do; in a full copy the result type-checks (as `npm run typecheck`), its playground run passes
 * (as `npm start -- --platform <id>`: the app module and the emulator make the same guess), and
 * the completeness check still refuses it, however its placeholder text is reworded.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PLACEHOLDER, PLATFORM_PARTS, workshopOf } from '../scaffold/parts';
import { ScaffoldError, scaffoldPlatform } from '../scaffold/new-platform';
import { missingParts, type PlatformUnderCheck } from './helpers/completeness';

const ROOT = join(__dirname, '..');
/** An id and name no example in the README or docs uses, so following them never breaks this test. */
const ID = 'scaffoldprobe';
const NAME = 'Scaffold Probe Partners';
/** Not copied: installed or generated, or hidden scratch space. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'make-app']);

function copyOf(paths: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'scaffold-'));
  for (const path of paths) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true, filter: (source) => !basename(source).startsWith('.') && !SKIPPED.has(basename(source)) });
  }
  return copy;
}

describe('npm run new-platform', () => {
  let copy: string;
  beforeEach(() => {
    copy = copyOf(['platforms/registry.ts', 'scaffold/templates']);
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('writes every part and one registry line', () => {
    const before = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    const written = scaffoldPlatform(copy, ID, NAME);
    for (const part of PLATFORM_PARTS) expect(written).toContain(part.path(ID));
    expect(written).toContain(`${workshopOf(ID)}/emulator/seed.json`);
    const after = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual([`  (require('./${ID}') as typeof import('./${ID}')).${ID},`]);
    const module = readFileSync(join(copy, `platforms/${ID}/index.ts`), 'utf8');
    expect(module).toContain(`id: '${ID}'`);
    expect(module).toContain(`name: '${NAME}'`);
    for (const path of written) expect(readFileSync(join(copy, path), 'utf8')).not.toMatch(/__ID__|__NAME__/);
  });

  it('points at nothing outside the repository: no shared/ folder', () => {
    for (const path of scaffoldPlatform(copy, ID, NAME)) expect(`${path}: ${readFileSync(join(copy, path), 'utf8')}`).not.toMatch(/\bshared\//);
  });

  it.each([
    ['a malformed id', 'Acme-2', 'Acme', /lower-case letters and digits/],
    ['no display name', ID, ' ', /display name/],
    ['a name that would break a string literal', ID, "O'Brien", /cannot hold quotes/],
    ['a registered id', 'uppromote', 'UpPromote', /registered already/],
  ])('refuses %s and writes nothing', (_case, id, name, message) => {
    const before = readFileSync(join(copy, 'platforms/registry.ts'), 'utf8');
    expect(() => scaffoldPlatform(copy, id, name)).toThrow(ScaffoldError);
    expect(() => scaffoldPlatform(copy, id, name)).toThrow(message);
    expect(readFileSync(join(copy, 'platforms/registry.ts'), 'utf8')).toBe(before);
    expect(existsSync(join(copy, 'workshops'))).toBe(false);
  });

  it('uses an id no README or docs example uses', () => {
    const pages = [join(ROOT, 'README.md'), ...markdownUnder(join(ROOT, 'docs'))];
    const examples = pages.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/new-platform -- (\S+)/g)].map((match) => match[1]));
    expect(examples).not.toContain(ID);
  });
});

function markdownUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownUnder(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : [],
  );
}

describe('a freshly scaffolded platform, in a full copy of the repository', () => {
  // One type-check with emit of the whole copy (the cost of `npm run typecheck`) and one playground run.
  jest.setTimeout(180_000);
  let copy: string;
  let written: string[];
  let typecheck: { status: number | null; output: string };

  beforeAll(() => {
    const entries = readdirSync(ROOT).filter((name) => !name.startsWith('.') && !SKIPPED.has(name));
    copy = copyOf(entries);
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    written = scaffoldPlatform(copy, ID, NAME);
    // `npm run typecheck`'s configuration, emitting, so the playground can run from the same pass.
    writeFileSync(join(copy, 'tsconfig.scaffold-check.json'), JSON.stringify({ extends: './tsconfig.test.json', compilerOptions: { noEmit: false, outDir: 'dist' } }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.scaffold-check.json'], { cwd: copy, encoding: 'utf8' });
    typecheck = { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('type-checks', () => {
    // First what the scaffold wrote or changed (the registry line), then everything, as `npm run typecheck` does.
    const ours = typecheck.output.split('\n').filter((line) => written.some((path) => line.startsWith(path)));
    expect(ours).toEqual([]);
    expect(typecheck.output).toBe('');
    expect(typecheck.status).toBe(0);
  });

  it('passes its own playground run: npm start -- --platform <id>', () => {
    const run = spawnSync(process.execPath, [join(copy, 'dist', 'playground', 'run.js'), '--platform', ID], { cwd: copy, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`== ${NAME}`);
    expect(run.stdout).toMatch(new RegExp(`${NAME} sends affiliate\\.created`));
    expect(run.stdout).toMatch(/Forged delivery .* produces no run/);
    expect(run.stdout).toMatch(/All \d+ steps passed/);
    expect(run.stdout).not.toContain('== UpPromote');
    expect(run.status).toBe(0);
  });

  it('names a header the HTTP grammar accepts, the one its emulator signs in', () => {
    const module = require(join(copy, 'dist', 'platforms', ID)) as Record<string, { signature: { header?: string } }>;
    const header = module[ID]?.signature.header ?? '';
    expect(header).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
    expect(readFileSync(join(copy, workshopOf(ID), 'emulator', 'index.ts'), 'utf8')).toContain(`'${header}'`);
  });

  /** The completeness check on the copy, read from its compiled modules (the scaffolded tests and kit are compiled too). */
  function check(): string[] {
    let problems: string[] = [];
    jest.isolateModules(() => {
      const dist = join(copy, 'dist');
      const platform = (require(join(dist, 'platforms', ID)) as Record<string, PlatformUnderCheck['platform']>)[ID];
      const { DeliveryLog } = require(join(dist, 'playground', 'emulator', 'common', 'delivery-log')) as typeof import('../playground/emulator/common/delivery-log');
      const { vendor } = require(join(dist, workshopOf(ID), 'emulator')) as { vendor: import('../playground/emulator/common/vendor-module').VendorModule };
      if (!platform) throw new Error(`the copy's dist has no ${ID} module`);
      problems = missingParts({
        root: copy,
        platform,
        emulator: vendor.create({ now: Date.now, log: new DeliveryLog() }),
        load: (path) => (existsSync(join(dist, `${path}.js`)) ? (require(join(dist, path)) as Record<string, unknown>) : undefined),
      });
    });
    return problems;
  }

  it('fails the completeness check on its contents, not on a marker', () => {
    const before = check();
    expect(before).toEqual(
      expect.arrayContaining([
        'polling data: the platform has an API but no list the polling triggers can read',
        `error-table row: its action approve_affiliate is not one the platform offers`,
        `the vendor's own tests: no tests of its deliveries and actions (workshops/${ID}/platform.test.ts)`,
        `fixtures: no vendor payload (workshops/${ID}/fixtures/*.json)`,
        `fixtures: the fixtures README lists no payload with its source (workshops/${ID}/fixtures/README.md)`,
        `docs: no page naming ${NAME} (docs/platforms/${ID}.md)`,
        `docs: no README table row names ${NAME}`,
      ]),
    );
    // Rename the marker everywhere the scaffold wrote (sources and their compiled copies): nothing passes that did not.
    const renamed = [...written, ...written.filter((path) => path.endsWith('.ts')).map((path) => join('dist', path.replace(/\.ts$/, '.js')))];
    for (const path of renamed.filter((file) => existsSync(join(copy, file)))) {
      writeFileSync(join(copy, path), readFileSync(join(copy, path), 'utf8').replaceAll(PLACEHOLDER, 'Written from the vendor documents'));
    }
    expect(readFileSync(join(copy, `platforms/${ID}/index.ts`), 'utf8')).not.toContain(PLACEHOLDER);
    expect(check()).toEqual(before);
  });
});
