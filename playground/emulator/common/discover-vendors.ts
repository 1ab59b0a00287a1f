/**
 * Finds the emulated vendors: every folder under `playground/emulator/vendors/`, in sorted order,
 * whose `index` module exports a {@link VendorModule} named `vendor`. Adding a vendor is adding a
 * folder; there is no list to edit.
 *
 * `require` of `<folder>/index` resolves `index.ts` under ts-jest and `index.js` in the compiled
 * `dist/`, so the same code serves tests and `npm run emulator`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorModule } from './vendor-module';

/** Where the vendor folders live, next to this `common/` folder. */
export const VENDORS_DIR = join(__dirname, '..', 'vendors');

/** Lower-case slugs only, so a folder name is safe in a URL prefix (`/<id>`). */
const VENDOR_ID = /^[a-z][a-z0-9-]*$/;

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
 * Every vendor folder's module, keyed by folder name, in sorted order. Throws when a folder name
 * is not a slug or its `index` does not export a valid `vendor`: a half-added vendor must fail
 * loudly rather than vanish from the emulator.
 */
export function discoverVendors(directory: string = VENDORS_DIR): ReadonlyMap<string, VendorModule> {
  const ids = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return new Map(
    ids.map((id): [string, VendorModule] => {
      if (!VENDOR_ID.test(id)) throw new Error(`Vendor folder "${id}" is not a lower-case slug.`);
      // A dynamic require is the point: the folder list is only known at run time.
      const loaded: unknown = require(join(directory, id, 'index'));
      const module = typeof loaded === 'object' && loaded !== null && 'vendor' in loaded ? loaded.vendor : undefined;
      if (!isVendorModule(module)) throw new Error(`vendors/${id}/index must export \`vendor\`, a VendorModule ({ credentials, create }).`);
      return [id, module];
    }),
  );
}
