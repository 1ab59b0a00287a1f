/**
 * The files `npm run new-platform` writes for a platform, where each lives and the template it is
 * written from: the app module in platforms/<id>/, everything else in the vendor's workshop
 * (workshops/<id>/). The completeness test (test/completeness.test.ts) does not read this list:
 * it checks what these files say, so a part left as scaffolded is refused whatever its text.
 */

/** The marker templates leave where the vendor's documents must be read: a guide for people (nothing checks for it). */
export const PLACEHOLDER = 'NEW-PLATFORM-TODO';

/** One file (or folder) the scaffold writes. */
export interface PlatformPart {
  /** snake_case name, used in messages. */
  key: string;
  /** What it is, for messages. */
  label: string;
  /** The part's file, relative to the repository root, for a platform id. */
  path(id: string): string;
  /** The template under scaffold/templates/ (absent: the part is a folder the scaffold copies, see `copyFrom`). */
  template?: string;
  /** A folder under scaffold/templates/ whose files (`.txt` dropped) the scaffold copies into the part's folder. */
  copyFrom?: string;
}

/** The workshop folder of a platform: everything about its vendor that is not the app. */
export function workshopOf(id: string): string {
  return `workshops/${id}`;
}

export const PLATFORM_PARTS: readonly PlatformPart[] = [
  { key: 'platform_module', label: 'platform module', path: (id) => `platforms/${id}/index.ts`, template: 'platform.ts.tpl' },
  { key: 'emulator_module', label: 'emulator module', path: (id) => `${workshopOf(id)}/emulator/index.ts`, copyFrom: 'emulator' },
  { key: 'scenario', label: 'playground scenario', path: (id) => `${workshopOf(id)}/scenario.ts`, template: 'scenario.ts.tpl' },
  { key: 'contract_kit', label: 'contract kit', path: (id) => `${workshopOf(id)}/kit.ts`, template: 'kit.ts.tpl' },
  { key: 'property_tests', label: 'property tests', path: (id) => `${workshopOf(id)}/properties.test.ts`, template: 'properties.test.ts.tpl' },
  { key: 'error_table', label: 'error-table row', path: (id) => `${workshopOf(id)}/error-case.ts`, template: 'error-case.ts.tpl' },
  { key: 'fixtures', label: 'fixtures README', path: (id) => `${workshopOf(id)}/fixtures/README.md`, template: 'fixtures-README.md.tpl' },
];

/** A template's text for one platform: `__ID__` → id, `__NAME__` → display name. */
export function renderTemplate(text: string, id: string, name: string): string {
  return text.replaceAll('__ID__', id).replaceAll('__NAME__', name);
}

/** The registry line of a platform (platforms/registry.ts). */
export function registryLine(id: string): string {
  return `  (require('./${id}') as typeof import('./${id}')).${id},`;
}
