/**
 * The completeness check (test/completeness.test.ts): what a registered platform must hold, read
 * from the contents of its app module and its workshop (workshops/<id>/), never from a marker in
 * the text. An empty platform fails it however its files are worded; the scaffold test proves it
 * on a freshly scaffolded platform.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformDefinition } from '../../platforms/types';
import type { VendorInstance } from '../../playground/emulator/common/vendor-module';

/** What the check reads of one platform. */
export interface PlatformUnderCheck {
  /** The repository (or a copy of it), for files read as text: fixtures, tests, README, docs. */
  root: string;
  platform: PlatformDefinition;
  /** A fresh instance of the platform's emulator, undefined when it has none. */
  emulator: VendorInstance | undefined;
  /**
   * Loads a module of the workshop by its path relative to `root` without extension (e.g.
   * `workshops/acme/kit`); undefined when the file does not exist.
   */
  load(path: string): Record<string, unknown> | undefined;
}

/** One thing a platform must have: its key (for exemptions) and what is wrong, [] when nothing. */
export interface CoverageCheck {
  key: string;
  label: string;
  problems(subject: PlatformUnderCheck): string[];
}

const RECORD_KINDS = ['referral', 'affiliate', 'payout'] as const;
type Kind = (typeof RECORD_KINDS)[number];

function workshop(subject: PlatformUnderCheck, file = ''): string {
  return join('workshops', subject.platform.id, file);
}

function text(subject: PlatformUnderCheck, path: string): string | undefined {
  const file = join(subject.root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The record kinds the platform's events, lists and gets produce: each needs a field map. */
function kindsServed(platform: PlatformDefinition): Set<Kind> {
  const kinds = new Set<Kind>();
  for (const event of platform.events) {
    const kind = event.record ?? RECORD_KINDS.find((candidate) => event.event?.startsWith(`${candidate}.`));
    if (kind) kinds.add(kind);
  }
  for (const kind of RECORD_KINDS) if (platform.lists[kind] || platform.gets?.[kind]) kinds.add(kind);
  return kinds;
}

/** Whether the platform has an API the app calls (ViralRef publishes none). */
function hasApi(platform: PlatformDefinition): boolean {
  return platform.connectionTest !== null;
}

/** Calls `it(`, `test(` or their `.each` at least once: a file of tests, not an empty one. */
function declaresTests(source: string): boolean {
  return /\b(it|test)(\.each)?\s*\(/.test(source);
}

export const COVERAGE_CHECKS: readonly CoverageCheck[] = [
  {
    key: 'events',
    label: 'event catalogue',
    problems: ({ platform }) => {
      if (platform.events.length === 0) return ['the platform lists no vendor event'];
      return platform.events.some((event) => event.event) ? [] : ['no vendor event maps to a normalized event'];
    },
  },
  {
    key: 'field_maps',
    label: 'field maps',
    problems: ({ platform }) =>
      [...kindsServed(platform)].flatMap((kind) => {
        const map = platform.fields[kind] as Record<string, unknown> | undefined;
        if (!map) return [`no ${kind} field map, though its events or lists give ${kind} records`];
        const filled = Object.entries(map).filter(([, path]) => path !== '' && path !== undefined);
        if (!map.id) return [`the ${kind} field map has no id`];
        return filled.length < 3 ? [`the ${kind} field map fills only ${filled.map(([field]) => field).join(', ')}`] : [];
      }),
  },
  {
    key: 'emulator',
    label: 'emulator',
    problems: ({ platform, emulator }) => {
      if (!emulator) return [`no emulator (${join('workshops', platform.id, 'emulator')}/)`];
      return [
        ...(emulator.events.length === 0 ? ['the emulator sends no event'] : []),
        ...(hasApi(platform) && !emulator.routes ? ['the platform calls an API the emulator does not serve'] : []),
        ...(platform.webhooks.kind === 'dashboard' && !emulator.dashboard ? ['webhooks are made in the dashboard, but the emulator has no dashboard endpoints'] : []),
        ...(platform.webhooks.kind === 'api' && emulator.dashboard ? ['webhooks are registered through the API, but the emulator expects them made in a dashboard'] : []),
      ];
    },
  },
  {
    // The emulator is a second reading of the vendor's documents: an event it sends that the app
    // does not know is a disagreement between the two readings.
    key: 'emulator_events',
    label: 'emulator events',
    problems: ({ platform, emulator }) => {
      const known = new Set([...platform.events.map((event) => event.key), ...Object.keys(platform.delivery.eventAliases ?? {})]);
      return (emulator?.events ?? []).filter((event) => !known.has(event)).map((event) => `the emulator sends ${event}, which the event catalogue lacks`);
    },
  },
  {
    key: 'polling',
    label: 'polling data',
    problems: ({ platform }) => {
      if (!hasApi(platform)) return [];
      const polled = RECORD_KINDS.filter((kind) => platform.lists[kind]?.polling);
      return polled.length > 0 ? [] : ['the platform has an API but no list the polling triggers can read'];
    },
  },
  {
    key: 'scenario',
    label: 'playground scenario',
    problems: (subject) => {
      const path = workshop(subject, 'scenario.ts');
      const scenario = subject.load(path.replace(/\.ts$/, ''))?.scenario as { vendor?: string; zaps?: unknown[]; polls?: unknown[]; events?: unknown[] } | undefined;
      if (!scenario) return [`missing, or exports no \`scenario\` (${path})`];
      const { platform } = subject;
      return [
        ...(scenario.vendor === platform.id ? [] : [`its vendor is "${String(scenario.vendor)}"`]),
        ...((scenario.zaps ?? []).length > 0 ? [] : ['it turns on no Zap']),
        ...(scenario.events && scenario.events.length === 0 ? ['it sends no event'] : []),
        ...(RECORD_KINDS.some((kind) => platform.lists[kind]?.polling) && (scenario.polls ?? []).length === 0 ? ['it runs none of the polling triggers the platform serves'] : []),
      ];
    },
  },
  {
    key: 'contract_kit',
    label: 'contract kit',
    problems: (subject) => {
      if (subject.platform.webhooks.kind !== 'api') return [];
      const path = workshop(subject, 'kit.ts');
      const kit = subject.load(path.replace(/\.ts$/, ''))?.kit as { deliveries?: { vendorEvent: string }[] } | undefined;
      if (!kit) return [`missing, or exports no \`kit\` (${path})`];
      const known = new Set(subject.platform.events.map((event) => event.key));
      const deliveries = kit.deliveries ?? [];
      return [
        ...(deliveries.length > 0 ? [] : ['it has no documented delivery']),
        ...deliveries.filter((delivery) => !known.has(delivery.vendorEvent)).map((delivery) => `its delivery ${delivery.vendorEvent} is not in the event catalogue`),
      ];
    },
  },
  {
    key: 'error_table',
    label: 'error-table row',
    problems: (subject) => {
      if (!hasApi(subject.platform)) return [];
      const path = workshop(subject, 'error-case.ts');
      const errorCase = subject.load(path.replace(/\.ts$/, ''))?.errorCase as { action?: string; authData?: Record<string, string> } | undefined;
      if (!errorCase) return [`missing, or exports no \`errorCase\` (${path})`];
      const action = subject.platform.actions[errorCase.action as keyof PlatformDefinition['actions']];
      return [
        ...(action && !('unsupported' in action) ? [] : [`its action ${String(errorCase.action)} is not one the platform offers`]),
        ...(errorCase.authData?.platform === subject.platform.id ? [] : ['its connection is not for this platform']),
      ];
    },
  },
  {
    key: 'vendor_tests',
    label: "the vendor's own tests",
    problems: (subject) => {
      const folder = join(subject.root, workshop(subject));
      const tests = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.test.ts')) : [];
      const properties = tests.filter((file) => file.startsWith('properties'));
      const propertySources = properties.map((file) => readFileSync(join(folder, file), 'utf8'));
      const platformTest = text(subject, workshop(subject, 'platform.test.ts'));
      return [
        ...(propertySources.some((source) => /\bdescribe(Webhook|Dashboard)Properties\s*\(/.test(source)) ? [] : [`no property tests (${workshop(subject, 'properties.test.ts')} calling describeWebhookProperties or describeDashboardProperties)`]),
        ...(platformTest !== undefined && declaresTests(platformTest) ? [] : [`no tests of its deliveries and actions (${workshop(subject, 'platform.test.ts')})`]),
      ];
    },
  },
  {
    key: 'fixtures',
    label: 'fixtures',
    problems: (subject) => {
      const folder = join(subject.root, workshop(subject, 'fixtures'));
      const payloads = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.json')) : [];
      const readme = text(subject, workshop(subject, 'fixtures/README.md')) ?? '';
      // A table row beyond the header and its rule: a payload listed with its source.
      const rows = readme.split('\n').filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line));
      return [
        ...(payloads.length > 0 ? [] : [`no vendor payload (${workshop(subject, 'fixtures')}/*.json)`]),
        ...(rows.length > 1 ? [] : [`the fixtures README lists no payload with its source (${workshop(subject, 'fixtures/README.md')})`]),
      ];
    },
  },
  {
    key: 'docs',
    label: 'docs',
    problems: (subject) => {
      const { id, name } = subject.platform;
      const page = text(subject, `docs/platforms/${id}.md`);
      const readme = text(subject, 'README.md') ?? '';
      const named = (line: string) => line.includes(name) || line.includes(`docs/platforms/${id}.md`);
      return [
        ...(page?.includes(name) ? [] : [`no page naming ${name} (docs/platforms/${id}.md)`]),
        ...(readme.split('\n').some((line) => line.startsWith('|') && named(line)) ? [] : [`no README table row names ${name}`]),
      ];
    },
  },
];

/**
 * What platform `subject` still lacks, one line per problem prefixed by its check's label, e.g.
 * `fixtures: no vendor payload (workshops/acme/fixtures/*.json)`; [] when it has everything.
 * @param exemptions check key → reason, for this platform (an empty reason does not count)
 */
export function missingParts(subject: PlatformUnderCheck, exemptions: Readonly<Record<string, string>> = {}): string[] {
  return COVERAGE_CHECKS.flatMap((check) => {
    const reason = exemptions[check.key];
    if (reason !== undefined) return reason.trim() === '' ? [`${check.label}: exempt without a reason`] : [];
    return check.problems(subject).map((problem) => `${check.label}: ${problem}`);
  });
}
