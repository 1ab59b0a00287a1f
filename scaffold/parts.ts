/**
 * What every registered platform must have besides its module, where each part lives, and the
 * template the scaffold writes it from. The completeness test (test/completeness.test.ts) and
 * `npm run new-platform` read this one list, so a part added here is both asked for and scaffolded.
 */

/** The marker templates leave in every part still to be written; the completeness test looks for it. */
export const PLACEHOLDER = 'NEW-PLATFORM-TODO';

/** One part of a platform's coverage. */
export interface PlatformPart {
  /** snake_case name, used in exemptions and messages. */
  key: string;
  /** What it is, for messages. */
  label: string;
  /** The part's file, relative to the repository root, for a platform id. */
  path(id: string): string;
  /** The template under scaffold/templates/ (absent: the part is a folder the scaffold copies, see `copyFrom`). */
  template?: string;
  /** A folder whose files the scaffold copies into the part's folder (the emulator's own vendor template). */
  copyFrom?: string;
}

export const PLATFORM_PARTS: readonly PlatformPart[] = [
  { key: 'platform_module', label: 'platform module', path: (id) => `platforms/${id}/index.ts`, template: 'platform.ts.tpl' },
  { key: 'emulator_module', label: 'emulator module', path: (id) => `playground/emulator/vendors/${id}/index.ts`, copyFrom: 'playground/emulator/vendor-template' },
  { key: 'contract_kit', label: 'contract kit', path: (id) => `test/platforms/${id}.kit.ts`, template: 'kit.ts.tpl' },
  { key: 'property_tests', label: 'property tests', path: (id) => `test/reliability/properties/${id}.test.ts`, template: 'properties.test.ts.tpl' },
  { key: 'error_table', label: 'error-table row', path: (id) => `test/reliability/error-cases/${id}.ts`, template: 'error-case.ts.tpl' },
  { key: 'scenario', label: 'playground scenario', path: (id) => `platforms/${id}/scenario.ts`, template: 'scenario.ts.tpl' },
  { key: 'fixtures', label: 'fixtures README', path: (id) => `test/fixtures/${id}/README.md`, template: 'fixtures-README.md.tpl' },
];

/** A template's text for one platform: `__ID__` → id, `__NAME__` → display name. */
export function renderTemplate(text: string, id: string, name: string): string {
  return text.replaceAll('__ID__', id).replaceAll('__NAME__', name);
}

/** The registry line of a platform (platforms/registry.ts). */
export function registryLine(id: string): string {
  return `  (require('./${id}') as typeof import('./${id}')).${id},`;
}
