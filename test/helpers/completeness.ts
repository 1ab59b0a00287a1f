/** The completeness check of scaffold/parts.ts, shared by the completeness and scaffold tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLACEHOLDER, PLATFORM_PARTS } from '../../scaffold/parts';

/**
 * What platform `id` still lacks in the repository at `root`, one line per part, e.g.
 * `contract kit: missing (test/platforms/acme.kit.ts)`; [] when it has everything.
 * @param exemptions part key → reason, for this platform (an empty reason does not count)
 */
export function missingParts(root: string, id: string, exemptions: Readonly<Record<string, string>> = {}): string[] {
  return PLATFORM_PARTS.flatMap((part) => {
    const reason = exemptions[part.key];
    if (reason !== undefined) return reason.trim() === '' ? [`${part.label}: exempt without a reason`] : [];
    const file = join(root, part.path(id));
    if (!existsSync(file)) return [`${part.label}: missing (${part.path(id)})`];
    return readFileSync(file, 'utf8').includes(PLACEHOLDER) ? [`${part.label}: still a placeholder (${part.path(id)})`] : [];
  });
}
