/**
 * The production dependencies of a build folder: the repository's installed packages that the
 * app needs (`npm ls --omit=dev`), hard-linked into build/<id>/node_modules (copied where the file
 * system refuses links). Zapier's CLI zips what the app requires from the folder's own
 * node_modules, and its `includeInBuild` patterns (.zapierapprc) only see files inside the folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Links (or copies) every file under `from` to the same place under `to`. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The installed production packages of the repository at `root`, as absolute paths. */
export function productionPackages(root: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .filter((line) => line !== '' && line !== root && line.startsWith(join(root, 'node_modules')));
}

/**
 * Replaces `folder`/node_modules with the production packages of the repository at `root`.
 * @throws Error when npm cannot list them (no `npm ci` yet)
 */
export function linkDependencies(root: string, folder: string): void {
  const target = join(folder, 'node_modules');
  rmSync(target, { recursive: true, force: true });
  for (const path of productionPackages(root)) {
    const into = join(folder, relative(root, path));
    // A nested package came with its parent's folder.
    if (!existsSync(into)) linkTree(path, into);
  }
}
