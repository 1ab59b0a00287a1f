/**
 * Every registered platform has every part of its coverage (scaffold/parts.ts: emulator module,
 * contract kit, property tests, error-table row, playground scenario, fixtures), written rather
 * than scaffolded, or an exemption with its reason (test/coverage-exemptions.ts).
 */
import { join } from 'node:path';
import { PLATFORMS } from '../platforms/registry';
import { PLATFORM_PARTS } from '../scaffold/parts';
import { COVERAGE_EXEMPTIONS } from './coverage-exemptions';
import { missingParts } from './helpers/completeness';

const ROOT = join(__dirname, '..');

describe('every registered platform is covered', () => {
  it.each(PLATFORMS.map((platform) => [platform.id] as const))('%s has every part, or an exemption with its reason', (id) => {
    expect(missingParts(ROOT, id, COVERAGE_EXEMPTIONS[id])).toEqual([]);
  });

  it('exempts only registered platforms and known parts', () => {
    const ids = new Set<string>(PLATFORMS.map((platform) => platform.id));
    const keys = new Set(PLATFORM_PARTS.map((part) => part.key));
    const stray = Object.entries(COVERAGE_EXEMPTIONS).flatMap(([id, parts]) =>
      Object.keys(parts).filter((key) => !ids.has(id) || !keys.has(key)).map((key) => `${id}.${key}`),
    );
    expect(stray).toEqual([]);
  });
});

describe('the completeness check itself', () => {
  it('names every part of a platform that has none', () => {
    const missing = missingParts(ROOT, 'nosuchplatform');
    expect(missing).toHaveLength(PLATFORM_PARTS.length);
    expect(missing[0]).toBe('platform module: missing (platforms/nosuchplatform/index.ts)');
  });

  it('refuses an exemption without a reason', () => {
    expect(missingParts(ROOT, 'nosuchplatform', { contract_kit: ' ' })).toContain('contract kit: exempt without a reason');
  });
});
