/**
 * Finds the emulated vendors: every workshop folder `workshops/<id>/` holding an `emulator/`
 * folder, in sorted order, whose `index` module exports a {@link VendorModule} named `vendor`.
 * Adding a vendor is adding its workshop; there is no list to edit.
 *
 * `require` of `<folder>/index` resolves `index.ts` under ts-jest and `index.js` in the compiled
 * `dist/`, so the same code serves tests and `npm run emulator`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorModule } from './vendor-module';

/** The vendors' workshops (`workshops/<id>/emulator/`), from this `playground/emulator/common/` folder. */
export const WORKSHOPS_DIR = join(__dirname, '..', '..', '..', 'workshops');

/** Lower-case slugs only, so a folder name is safe in a URL prefix (`/<id>`). */
const VENDOR_ID = /^[a-z][a-z0-9-]*$/;

function subfolders(directory: string): string[] {
  if (!existsSync(directory)) return [];
  // Hidden folders are scratch space (tests render templates there), never a vendor.
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
}

/**
 * Every vendor's emulator folder (`<workshops>/<id>/emulator/`), keyed by vendor id, sorted; a
 * workshop without an emulator folder is left out (the completeness test asks for one).
 * @throws Error when a workshop's folder name is not a lower-case slug
 */
export function emulatorFolders(workshops: string = WORKSHOPS_DIR): ReadonlyMap<string, string> {
  const folders = new Map<string, string>();
  for (const id of subfolders(workshops).sort()) {
    if (!VENDOR_ID.test(id)) throw new Error(`Workshop folder "${id}" is not a lower-case slug.`);
    if (existsSync(join(workshops, id, 'emulator'))) folders.set(id, join(workshops, id, 'emulator'));
  }
  return folders;
}

function isVendorModule(value: unknown): value is VendorModule {
  if (typeof value !== 'object' || value === null) return false;
  const { credentials, create } = value as { credentials?: unknown; create?: unknown };
  return (
    typeof create === 'function' &&
    typeof credentials === 'object' &&
    credentials !== null &&
    Object.values(credentials).every((entry) => typeof entry === 'string')
  );
}

/**
 * Every vendor's module, keyed by vendor id, in sorted order. Throws when an emulator folder's
 * `index` does not export a valid `vendor`: a half-added vendor must fail loudly rather than
 * vanish from the emulator.
 * @param folders vendor id → emulator folder (default: {@link emulatorFolders})
 */
export function discoverVendors(folders: ReadonlyMap<string, string> = emulatorFolders()): ReadonlyMap<string, VendorModule> {
  return new Map(
    [...folders].map(([id, folder]): [string, VendorModule] => {
      // A dynamic require is the point: the folder list is only known at run time.
      const loaded: unknown = require(join(folder, 'index'));
      const module = typeof loaded === 'object' && loaded !== null && 'vendor' in loaded ? loaded.vendor : undefined;
      if (!isVendorModule(module)) throw new Error(`The ${id} emulator's index must export \`vendor\`, a VendorModule ({ credentials, create }).`);
      return [id, module];
    }),
  );
}
