/**
 * Vendor discovery: the server serves exactly the folders under playground/emulator/vendors/, in
 * sorted order, and a folder that is not a valid vendor fails loudly instead of vanishing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VENDORS_DIR, discoverVendors } from '../../playground/emulator/common/discover-vendors';
import { EMULATOR_CREDENTIALS } from '../../playground/emulator/server';

describe('vendor discovery', () => {
  it('registers every vendor folder, sorted, with its credentials', () => {
    const folders = readdirSync(VENDORS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);
    expect(Object.keys(EMULATOR_CREDENTIALS)).toEqual(folders);
    for (const credentials of Object.values(EMULATOR_CREDENTIALS)) expect(Object.keys(credentials).length).toBeGreaterThan(0);
  });

  describe('a broken folder', () => {
    let scratch: string;
    beforeEach(() => {
      scratch = mkdtempSync(join(tmpdir(), 'vendors-'));
    });
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));

    it('refuses an index without a `vendor` export', () => {
      mkdirSync(join(scratch, 'acme'));
      writeFileSync(join(scratch, 'acme', 'index.js'), 'exports.acme = { credentials: {}, create() {} };\n');
      expect(() => discoverVendors(scratch)).toThrow(/vendors\/acme\/index must export `vendor`/);
    });

    it('refuses a folder name that is not a slug', () => {
      mkdirSync(join(scratch, 'Acme Corp'));
      expect(() => discoverVendors(scratch)).toThrow(/not a lower-case slug/);
    });
  });
});
