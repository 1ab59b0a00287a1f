/**
 * Reading the repository's Markdown the way GitHub renders it, for the docs checks: the files, their
 * prose without code, their links, their headings' anchors and the repository paths they cite.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/** The documentation a user reads: the README and every page under docs/, as root-relative paths. */
export function docFiles(root: string = ROOT): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) return walk(path);
      return name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...(existsSync(join(root, 'docs')) ? walk('docs') : [])];
}

/** The text without fenced code blocks (their content is commands and trees, not claims or links). */
export function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
}

/** The prose: no code blocks, no inline code, no link targets (paths, identifiers and links are checked apart). */
export function prose(markdown: string): string {
  return withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '').replace(/\]\([^)\s]*\)/g, ']');
}

/** GitHub's anchor for a heading text: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every anchor a file's headings get, duplicates numbered as GitHub numbers them (`-1`, `-2`). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of withoutCodeBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The targets of a file's Markdown links (`[text](target)`), outside code. */
export function linkTargets(markdown: string): string[] {
  return [...withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/**
 * Why a link of `file` does not resolve, or undefined when it does. External links (a scheme such
 * as https:) are not followed; a relative file or folder must exist, and an anchor must be one of
 * the target file's heading anchors.
 */
export function brokenLink(root: string, file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [path = '', anchor] = target.split('#');
  const resolved = path === '' ? join(root, file) : join(root, dirname(file), decodeURIComponent(path));
  if (!resolved.startsWith(root)) return `${file}: ${target} leaves the repository`;
  if (!existsSync(resolved)) return `${file}: ${target} names ${relative(root, resolved)}, which does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return `${file}: ${target} has an anchor on a file that is not Markdown`;
  return anchors(readFileSync(resolved, 'utf8')).has(anchor) ? undefined : `${file}: ${target} names no heading of ${relative(root, resolved)}`;
}

/** The inline code spans of a file, outside code blocks (where repository paths are cited). */
export function codeSpans(markdown: string): string[] {
  return [...withoutCodeBlocks(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
}
