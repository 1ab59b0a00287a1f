/**
 * The connection screen as Zapier shows it: fields derived from the registry, help text that stays
 * short whatever the number of platforms, and a missing platform-specific field named as such.
 */
import { PLATFORMS } from '../platforms/registry';
import { appTester, connection } from './helpers/app';
import { rejectionMessage } from './helpers/errors';

type AuthField = { key: string; label: string; required?: boolean; helpText?: string; choices?: Record<string, string> };
const fields: AuthField[] = connection.fields;

/** Zapier's limit on a field's help text (zapier-platform-schema). */
const ZAPIER_HELP_LIMIT = 1000;

describe('connection fields', () => {
  it('offers every registered platform, by name', () => {
    expect(fields.find((field) => field.key === 'platform')?.choices).toEqual(Object.fromEntries(PLATFORMS.map((platform) => [platform.id, platform.name])));
  });

  it('keeps every help text well under Zapier\'s limit and free of per-platform lists', () => {
    for (const field of fields) {
      expect((field.helpText ?? '').length).toBeLessThan(ZAPIER_HELP_LIMIT / 2);
    }
    const apiKeyHelp = fields.find((field) => field.key === 'api_key')?.helpText ?? '';
    for (const platform of PLATFORMS) expect(apiKeyHelp).not.toContain(platform.name);
  });

  it('shows each platform-specific field once, labelled with the platforms that need it', () => {
    for (const platform of PLATFORMS) {
      for (const extra of platform.connection.extraFields ?? []) {
        const shown = fields.filter((field) => field.key === extra.key);
        expect(shown).toHaveLength(1);
        expect(shown[0].label).toContain(platform.name);
        expect(shown[0].required).toBe(false);
      }
    }
  });
});

describe('a platform-specific field left empty', () => {
  const needing = PLATFORMS.filter((platform) => (platform.connection.extraFields ?? []).length > 0);

  it.each(needing.map((platform) => [platform.name, platform] as const))('%s: the test names the field, not the API key', async (_name, platform) => {
    const [extra] = platform.connection.extraFields ?? [];
    const message = await rejectionMessage(appTester(connection.test, { authData: { platform: platform.id, api_key: 'key_present', [extra.key]: '' } }));
    expect(message).toContain(extra.label);
    expect(message).not.toMatch(/did not accept the API key/);
  });
});
