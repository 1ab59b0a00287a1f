/**
 * Every registered platform is complete by what its files say (test/helpers/completeness.ts):
 * events mapped, field maps filled, an emulator serving its API and webhooks, polling data, a
 * playground scenario, contract kit and error-table row where they apply, its own tests, fixtures,
 * docs page and README row. An exemption needs its reason (test/coverage-exemptions.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryLog } from '../playground/emulator/common/delivery-log';
import { discoverVendors } from '../playground/emulator/common/discover-vendors';
import { PLATFORMS } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { COVERAGE_EXEMPTIONS } from './coverage-exemptions';
import { COVERAGE_CHECKS, missingParts, type PlatformUnderCheck } from './helpers/completeness';

const ROOT = join(__dirname, '..');
const VENDORS = discoverVendors();

function subjectOf(platform: PlatformDefinition): PlatformUnderCheck {
  return {
    root: ROOT,
    platform,
    emulator: VENDORS.get(platform.id)?.create({ now: Date.now, log: new DeliveryLog() }),
    load: (path) => (existsSync(join(ROOT, `${path}.ts`)) ? (require(join(ROOT, path)) as Record<string, unknown>) : undefined),
  };
}

describe('every registered platform is complete', () => {
  it.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('%s has everything, or an exemption with its reason', (id, platform) => {
    expect(missingParts(subjectOf(platform), COVERAGE_EXEMPTIONS[id])).toEqual([]);
  });

  it('exempts only from checks that fail without the exemption', () => {
    const needless = Object.entries(COVERAGE_EXEMPTIONS).flatMap(([id, checks]) => {
      const platform = PLATFORMS.find((candidate) => candidate.id === id);
      if (!platform) return [];
      const failing = new Set(missingParts(subjectOf(platform)).map((line) => line.split(':')[0]));
      return Object.keys(checks).filter((key) => !failing.has(COVERAGE_CHECKS.find((check) => check.key === key)?.label ?? key)).map((key) => `${id}.${key}`);
    });
    expect(needless).toEqual([]);
  });

  it('exempts only registered platforms and known checks', () => {
    const ids = new Set<string>(PLATFORMS.map((platform) => platform.id));
    const keys = new Set(COVERAGE_CHECKS.map((check) => check.key));
    const stray = Object.entries(COVERAGE_EXEMPTIONS).flatMap(([id, checks]) =>
      Object.keys(checks).filter((key) => !ids.has(id) || !keys.has(key)).map((key) => `${id}.${key}`),
    );
    expect(stray).toEqual([]);
  });
});

describe('the completeness check itself', () => {
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'completeness-'));
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  /** A registered platform's definition with its contents emptied, in a tree that holds nothing of it. */
  function emptied(base: PlatformDefinition, changes: Partial<PlatformDefinition>): PlatformUnderCheck {
    return { root: empty, platform: { ...base, ...changes }, emulator: undefined, load: () => undefined };
  }

  it('fails every check of a platform that has nothing', () => {
    const [base] = PLATFORMS.filter((platform) => platform.webhooks.kind === 'api');
    if (!base) throw new Error('no REST-hook platform is registered');
    const missing = missingParts(emptied(base, { events: [], fields: {}, lists: {} }));
    // Without an emulator there are no emulator events to disagree with (the next tests cover that check).
    const applicable = COVERAGE_CHECKS.filter((check) => check.key !== 'emulator_events').map((check) => check.label);
    expect(new Set(missing.map((line) => line.split(':')[0]))).toEqual(new Set(applicable));
  });

  it('asks for field maps of the kinds a platform serves, filled', () => {
    const uppromote = PLATFORMS.find((platform) => platform.id === 'uppromote');
    if (!uppromote) throw new Error('uppromote is not registered');
    const problems = COVERAGE_CHECKS.find((check) => check.key === 'field_maps')?.problems(emptied(uppromote, { fields: { referral: { id: 'id' } } })) ?? [];
    expect(problems).toEqual(expect.arrayContaining(['the referral field map fills only id', expect.stringMatching(/^no affiliate field map/)]));
  });

  it('names an emulator event the catalogue lacks', () => {
    const [base] = PLATFORMS;
    if (!base) throw new Error('no platform is registered');
    const emulator = { events: ['made.up'], fire: async () => [], subscriptions: () => [], routes: async () => undefined, dashboard: { register: () => ({ secret: 's' }) } };
    const problems = COVERAGE_CHECKS.find((check) => check.key === 'emulator_events')?.problems({ ...emptied(base, {}), emulator }) ?? [];
    expect(problems).toEqual(['the emulator sends made.up, which the event catalogue lacks']);
  });

  it('refuses an exemption without a reason', () => {
    const [base] = PLATFORMS;
    if (!base) throw new Error('no platform is registered');
    expect(missingParts(emptied(base, {}), { fixtures: ' ' })).toContain('fixtures: exempt without a reason');
  });
});
