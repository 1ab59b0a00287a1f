/**
 * Vendor discovery: the server serves exactly the vendors whose workshop has an emulator
 * (workshops/<id>/emulator/), in sorted order, and a folder that is not a valid vendor fails loudly
 * instead of vanishing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverVendors, emulatorFolders } from '../../playground/emulator/common/discover-vendors';
import { EMULATOR_CREDENTIALS } from '../../playground/emulator/server';
import { PLATFORMS } from '../../platforms/registry';

describe('vendor discovery', () => {
  it('serves every registered platform, sorted, with its credentials', () => {
    expect(Object.keys(EMULATOR_CREDENTIALS)).toEqual(PLATFORMS.map((platform) => platform.id).sort());
    expect(Object.keys(EMULATOR_CREDENTIALS)).toEqual([...emulatorFolders().keys()]);
    for (const credentials of Object.values(EMULATOR_CREDENTIALS)) expect(Object.keys(credentials).length).toBeGreaterThan(0);
  });

  describe('in a scratch tree', () => {
    let scratch: string;
    beforeEach(() => {
      scratch = mkdtempSync(join(tmpdir(), 'workshops-'));
    });
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));

    const vendorIndex = (folder: string, text: string): void => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'index.js'), text);
    };

    it('finds the workshops with an emulator, sorted, and skips the others and hidden scratch folders', () => {
      mkdirSync(join(scratch, 'notes'), { recursive: true });
      mkdirSync(join(scratch, '.scratch', 'emulator'), { recursive: true });
      vendorIndex(join(scratch, 'beta', 'emulator'), 'exports.vendor = { credentials: { api_key: "beta" }, create() {} };\n');
      vendorIndex(join(scratch, 'alpha', 'emulator'), 'exports.vendor = { credentials: { api_key: "alpha" }, create() {} };\n');
      const folders = emulatorFolders(scratch);
      expect([...folders.keys()]).toEqual(['alpha', 'beta']);
      expect(discoverVendors(folders).get('beta')?.credentials).toEqual({ api_key: 'beta' });
    });

    it('refuses an index without a `vendor` export', () => {
      vendorIndex(join(scratch, 'acme', 'emulator'), 'exports.acme = { credentials: {}, create() {} };\n');
      expect(() => discoverVendors(emulatorFolders(scratch))).toThrow(/acme emulator's index must export `vendor`/);
    });

    it('refuses a workshop name that is not a slug', () => {
      mkdirSync(join(scratch, 'Acme Corp'));
      expect(() => emulatorFolders(scratch)).toThrow(/not a lower-case slug/);
    });
  });
});
