/**
 * The developer's own AFFILIATE_HUB_* variables never reach a test (issue 21, item 11): with
 * AFFILIATE_HUB_EMULATOR_URL exported, as the README suggests for the emulator, every platform
 * call would go to the emulator instead of the vendor host the tests intercept.
 */
import { EMULATOR_ENV, baseUrlOf } from '../platforms/api';
import { PLATFORMS } from '../platforms/registry';
import { clearUserEnvironment } from './user-environment';

describe("the developer's environment", () => {
  it('is cleared before the tests run: every platform calls its vendor host', () => {
    expect(Object.keys(process.env).filter((name) => name.startsWith('AFFILIATE_HUB_'))).toEqual([]);
    for (const platform of PLATFORMS) expect(baseUrlOf(platform)).toBe(platform.baseUrl);
  });

  it('loses every AFFILIATE_HUB_ variable and keeps the others', () => {
    const env: NodeJS.ProcessEnv = { [EMULATOR_ENV]: 'http://127.0.0.1:4010', AFFILIATE_HUB_API_KEY: 'k', PATH: '/usr/bin', NOT_AFFILIATE_HUB_X: 'y' };
    expect(clearUserEnvironment(env).sort()).toEqual(['AFFILIATE_HUB_API_KEY', EMULATOR_ENV]);
    expect(env).toEqual({ PATH: '/usr/bin', NOT_AFFILIATE_HUB_X: 'y' });
  });
});
