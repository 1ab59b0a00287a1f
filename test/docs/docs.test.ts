/**
 * The docs stay true (issue 21, item 9): every relative link and anchor resolves; no platform count
 * or list disagrees with the registry (README, docs/ and package.json's description); every
 * registered platform has its page and its README rows, which agree with its data; every cited
 * repository path exists. The checks themselves are shown to catch the stale claims they guard
 * against.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { PLATFORMS } from '../../platforms/registry';
import { missingFileNames, missingPaths, staleCounts, staleLists, type PlatformFacts } from './claims';
import { ROOT, brokenLink, codeSpans, docFiles, linkTargets, prose } from './markdown';
import { capabilityRowFindings, connectRowFindings, pageFindings } from './platform-rows';

const FACTS: PlatformFacts[] = PLATFORMS.map((platform) => ({ id: platform.id, name: platform.name, webhooks: platform.webhooks.kind }));
const IDS = PLATFORMS.map((platform) => platform.id);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const FILES = docFiles();
const README = read('README.md');
/** The app's actions, every one of which each platform declares (offered, or unsupported with its reason). */
const ACTION_COUNT = new Set(PLATFORMS.flatMap((platform) => Object.keys(platform.actions))).size;

/** Top-level names a cited path may start with: what the repository has and what the agreed layout names. */
const TOP_LEVEL = new Set([
  ...readdirSync(ROOT).filter((name) => !name.startsWith('.') && !['node_modules', 'dist', 'build', 'coverage', 'make-app'].includes(name)),
  ...['signature-schemes', 'platforms', 'receive', 'fields', 'triggers', 'creates', 'searches', 'make', 'workshops', 'playground', 'live-check', 'bench', 'scaffold', 'docs', 'test'],
]);

/** Every Markdown file name in the repository (what prose may cite by name). */
function markdownNames(dir: string = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return ['node_modules', '.git', 'dist', 'build'].includes(entry.name) ? [] : markdownNames(join(dir, entry.name));
    return entry.name.endsWith('.md') ? [entry.name] : [];
  });
}

describe('the README and docs/', () => {
  it('keep the README a few minutes long (at most 250 lines)', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('have every relative link resolve, anchors included', () => {
    const broken = FILES.flatMap((file) => linkTargets(read(file)).flatMap((target) => brokenLink(ROOT, file, target) ?? []));
    expect(broken).toEqual([]);
  });

  it('name no platform count or list that disagrees with the registry, nor does package.json', () => {
    const texts: [string, string][] = [...FILES.map((file): [string, string] => [file, prose(read(file))]), ['package.json description', packageJson.description]];
    const stale = texts.flatMap(([where, text]) => [...staleCounts(text, FACTS), ...staleLists(text, FACTS)].map((finding) => `${where}: ${finding}`));
    expect(stale).toEqual([]);
  });

  it('cite only repository paths and files that exist', () => {
    const names = new Set(markdownNames());
    const missing = FILES.flatMap((file) =>
      [...missingPaths(ROOT, codeSpans(read(file)), TOP_LEVEL, IDS), ...missingFileNames(prose(read(file)), names)].map((finding) => `${file}: ${finding}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('every registered platform is documented', () => {
  it('has exactly one page per registered platform under docs/platforms/', () => {
    const pages = readdirSync(join(ROOT, 'docs/platforms')).filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual([...IDS].sort());
  });

  it.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('%s: its page agrees with its data (key location, dashboard directions, events)', (id, platform) => {
    expect(pageFindings(read(`docs/platforms/${id}.md`), platform)).toEqual([]);
  });

  it.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('%s: its README rows agree with its data', (_id, platform) => {
    expect([...connectRowFindings(README, platform), ...capabilityRowFindings(README, platform, ACTION_COUNT)]).toEqual([]);
  });

  it('names every platform in the README introduction and in package.json, in the registry order', () => {
    const list = `${FACTS.slice(0, -1).map((platform) => platform.name).join(', ')} and ${FACTS.at(-1)?.name}`;
    expect(README.slice(0, README.indexOf('\n## '))).toContain(list);
    expect(packageJson.description).toContain(FACTS.map((platform) => platform.name).join(', '));
  });
});

describe('the checks catch what they guard against', () => {
  const facts: PlatformFacts[] = [
    { id: 'a', name: 'Alpha', webhooks: 'api' },
    { id: 'b', name: 'Beta AI', webhooks: 'api' },
    { id: 'c', name: 'Gamma', webhooks: 'dashboard' },
    { id: 'd', name: 'Delta', webhooks: 'dashboard' },
    { id: 'e', name: 'Epsilon', webhooks: 'dashboard' },
  ];

  it('a stale count, of all platforms or of the dashboard ones', () => {
    expect(staleCounts('Our modules (factories, four platforms) cost 15 ms.', facts)).toHaveLength(1);
    expect(staleCounts('The two dashboard platforms differ.', facts)).toHaveLength(1);
    expect(staleCounts('All five platforms and the three dashboard-only platforms.', facts)).toEqual([]);
  });

  it('a list of most platforms that leaves some out, and a stale dashboard or REST-hook list', () => {
    expect(staleLists('for platforms (Alpha, Beta AI, Gamma, Delta): instant triggers', facts)).toHaveLength(1);
    expect(staleLists('- **Dashboard platforms (Gamma, Delta)**: paste the URL', facts)).toHaveLength(1);
    expect(staleLists('Gamma and Delta register webhooks only in their dashboards.', facts)).toHaveLength(1);
    expect(staleLists('REST hooks (Alpha, Gamma)', facts)).toHaveLength(1);
    expect(staleLists('Triggers are REST hooks: turning a Zap on registers a webhook.', facts)).toHaveLength(1);
    expect(staleLists('Gamma, Delta and Epsilon register webhooks only in their dashboards; Alpha signs nothing.', facts)).toEqual([]);
  });

  it('a cited path or file the repository lacks', () => {
    expect(missingPaths(ROOT, ['platforms/<id>/nothing-here.ts', 'platforms/registry.ts', '/v2/partners', 'make-app/x/'], TOP_LEVEL, IDS)).toEqual(['`platforms/<id>/nothing-here.ts` does not exist']);
    expect(missingFileNames('Normalized records (DESIGN.md §2) and the README.md', new Set(['README.md']))).toEqual(['DESIGN.md is not a file of the repository']);
  });

  it('a link to a missing file or anchor', () => {
    expect(brokenLink(ROOT, 'README.md', 'docs/no-such-page.md')).toMatch(/does not exist/);
    expect(brokenLink(ROOT, 'README.md', '#no-such-heading')).toMatch(/names no heading/);
    expect(brokenLink(ROOT, 'README.md', '#quick-start')).toBeUndefined();
  });
});
