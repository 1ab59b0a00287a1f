/**
 * The tests run on the repository's own settings, never on the developer's shell: the app reads
 * AFFILIATE_HUB_EMULATOR_URL (platforms/api.ts) and the live check reads AFFILIATE_HUB_API_KEY and
 * friends, so a variable exported for `npm run emulator` or a real live check would otherwise point
 * every nock-matched request at another host or another key (issue 21, item 11).
 */

/** The prefix of every variable the app and its tools read. */
export const USER_ENV_PREFIX = 'AFFILIATE_HUB_';

/**
 * Removes every `AFFILIATE_HUB_*` variable from `env` (in place); the tests that need one set it
 * themselves, for their own run only.
 * @returns the names removed (never their values: they may be credentials)
 */
export function clearUserEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = Object.keys(env).filter((name) => name.startsWith(USER_ENV_PREFIX));
  for (const name of names) delete env[name];
  return names;
}
