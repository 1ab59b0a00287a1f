/**
 * The claims about platforms and files that docs make and that go stale when the registry or the
 * layout changes: platform counts ("five platforms"), platform lists ("Tamio, ViralRef register
 * webhooks only in their dashboards"), and repository paths cited in code spans or by file name.
 * Each function returns one finding per stale claim ([] when all hold).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The registry as the claims see it: every platform's display name and how it takes webhooks. */
export interface PlatformFacts {
  name: string;
  id: string;
  webhooks: 'api' | 'dashboard';
}

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * "<number> [dashboard(-only) | REST-hook] platforms|vendors" whose number is not the registry's
 * count of that kind, e.g. "five platforms" with eight registered.
 */
export function staleCounts(text: string, platforms: readonly PlatformFacts[]): string[] {
  const pattern = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:(dashboard(?:-only)?|REST-hook)\s+)?(?:platforms|vendors)\b/gi;
  return [...text.matchAll(pattern)].flatMap((match) => {
    const said = NUMBERS[match[1]!.toLowerCase()] ?? Number(match[1]);
    const kind = match[2]?.toLowerCase();
    const counted = kind === undefined ? platforms : platforms.filter((platform) => platform.webhooks === (kind.startsWith('dashboard') ? 'dashboard' : 'api'));
    return said === counted.length ? [] : [`"${match[0]}": the registry has ${counted.length}`];
  });
}

/** Runs of two or more platform names joined as a list ("A, B and C"), with where each starts. */
function nameRuns(text: string, names: readonly string[]): { names: string[]; index: number; end: number }[] {
  const name = names
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const run = new RegExp(`\\b(?:${name})(?:(?:, and |, or |, | and | or | · | / )(?:${name}))+\\b`, 'g');
  return [...text.matchAll(run)].map((match) => ({
    names: [...match[0].matchAll(new RegExp(name, 'g'))].map((item) => item[0]),
    index: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/**
 * Platform lists that disagree with the registry: a list naming more than half the platforms that
 * leaves some out (it reads as "all of them"); a list introduced as dashboard platforms, or said to
 * register webhooks only in their dashboards, that is not exactly the dashboard-only set; a list
 * introduced as REST-hook platforms that is not exactly the rest; and "triggers are REST hooks"
 * while some platform has none.
 */
export function staleLists(text: string, platforms: readonly PlatformFacts[]): string[] {
  const all = platforms.map((platform) => platform.name);
  const dashboard = platforms.filter((platform) => platform.webhooks === 'dashboard').map((platform) => platform.name);
  const api = platforms.filter((platform) => platform.webhooks === 'api').map((platform) => platform.name);
  const findings = nameRuns(text, all).flatMap((run) => {
    const before = text.slice(Math.max(0, run.index - 40), run.index);
    const after = text.slice(run.end, run.end + 60);
    const list = run.names.join(', ');
    if (/dashboard/i.test(before) || /only in (?:their|its) dashboards?/i.test(after)) {
      return sameSet(run.names, dashboard) ? [] : [`"${list}" is said to be the dashboard platforms, which are ${dashboard.join(', ')}`];
    }
    if (/REST[- ]hook/i.test(before)) return sameSet(run.names, api) ? [] : [`"${list}" is said to be the REST-hook platforms, which are ${api.join(', ')}`];
    if (run.names.length > all.length / 2 && !sameSet(run.names, all)) return [`"${list}" lists most platforms but not ${all.filter((item) => !run.names.includes(item)).join(', ')}`];
    return [];
  });
  if (dashboard.length > 0 && /\btriggers are REST hooks\b/i.test(text)) findings.push(`"Triggers are REST hooks", but ${dashboard.join(', ')} register webhooks only in their dashboards`);
  return findings;
}

/**
 * Repository paths cited in code spans that do not exist. A span is a path when it has a slash
 * and its first segment is one of `topLevel` (so API paths like `/v2/partners`, generated folders
 * like `make-app/` and folders beside the repository like `../shared/` are not taken for one).
 * `<id>` or `<platform>` stands for any registered id (one must exist); `*` for any one name.
 */
export function missingPaths(root: string, spans: readonly string[], topLevel: ReadonlySet<string>, ids: readonly string[]): string[] {
  return spans.flatMap((span) => {
    if (!/^[\w.<>*-]+(?:\/[\w.<>*-]*)+$/.test(span) || !topLevel.has(span.split('/')[0]!)) return [];
    const candidates = /<(?:id|platform)>/.test(span) ? ids.map((id) => span.replace(/<(?:id|platform)>/g, id)) : [span];
    return candidates.some((candidate) => pathExists(root, candidate)) ? [] : [`\`${span}\` does not exist`];
  });
}

/** Whether a root-relative path exists, `*` matching any one entry. */
function pathExists(root: string, path: string): boolean {
  const [head, ...rest] = path.split('/').filter((part) => part !== '');
  if (head === undefined) return true;
  const names = head === '*' ? (existsSync(root) ? readdirSync(root) : []) : [head];
  return names.some((name) => existsSync(join(root, name)) && (rest.length === 0 || pathExists(join(root, name), rest.join('/'))));
}

/** Markdown file names said in prose (e.g. "DESIGN.md §2") that no file of the repository has. */
export function missingFileNames(text: string, knownNames: ReadonlySet<string>): string[] {
  return [...text.matchAll(/\b([\w-]+\.md)\b/g)].map((match) => match[1]!).filter((name) => !knownNames.has(name)).map((name) => `${name} is not a file of the repository`);
}
