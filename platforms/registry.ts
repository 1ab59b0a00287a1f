/**
 * The platforms Affiliate Hub supports: one line each, and the only list of them. The platform id
 * type, the connection's platform dropdown and every per-platform list of the app, its tests, the
 * playground, the bench and the Make generator derive from `PLATFORMS`. Adding a platform is one
 * folder under platforms/ and one line here (`npm run new-platform` writes both).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { PlatformDefinition } from './types';

/*
 * One line per platform, each the whole registration: the module's definition, typed from the
 * module itself (so a misnamed export fails to compile), in the order the connection lists them.
 */
export const PLATFORMS = [
  (require('./uppromote') as typeof import('./uppromote')).uppromote,
  (require('./partnerstack') as typeof import('./partnerstack')).partnerstack,
  (require('./rebus') as typeof import('./rebus')).rebus,
  (require('./tamio') as typeof import('./tamio')).tamio,
  (require('./viralref') as typeof import('./viralref')).viralref,
  (require('./firstpromoter') as typeof import('./firstpromoter')).firstpromoter,
  (require('./tolt') as typeof import('./tolt')).tolt,
  (require('./rewardful') as typeof import('./rewardful')).rewardful,
  (require('./dub') as typeof import('./dub')).dub,
  (require('./tapfiliate') as typeof import('./tapfiliate')).tapfiliate,
  (require('./refersion') as typeof import('./refersion')).refersion,
] as const satisfies readonly PlatformDefinition[];

/** The id of a registered platform, e.g. `uppromote`. */
export type RegisteredPlatformId = (typeof PLATFORMS)[number]['id'];

/** The definition for an id, or undefined when none is registered. */
export function findPlatform(id: unknown): PlatformDefinition | undefined {
  return PLATFORMS.find((platform) => platform.id === id);
}

/** The connection fields a platform needs that the connection lacks. */
export function missingConnectionFields(platform: PlatformDefinition, authData: Record<string, unknown>): string[] {
  return (platform.connection.extraFields ?? [])
    .filter((field) => typeof authData[field.key] !== 'string' || String(authData[field.key]).trim() === '')
    .map((field) => field.label);
}

/**
 * The platform of the bundle's connection, with the fields it needs present.
 * @throws Error (user-facing) when the connection names no supported platform, or lacks a field
 *   the platform needs (named, so the user is not told the API key was wrong)
 */
export function platformOf(z: ZObject, bundle: Pick<Bundle, 'authData'>): PlatformDefinition {
  const platform = findPlatform(bundle.authData.platform);
  if (!platform) {
    throw new z.errors.Error(
      `This connection names no supported platform ("${String(bundle.authData.platform)}"). Reconnect and choose one.`,
      'UnknownPlatform',
      400,
    );
  }
  const missing = missingConnectionFields(platform, bundle.authData);
  if (missing.length > 0) {
    throw new z.errors.Error(
      `${platform.name} needs its ${missing.join(' and ')} as well as the ${platform.connection.apiKeyName ?? 'API key'}: reconnect and fill in ${missing.join(' and ')} (${platform.connection.keyLocation}).`,
      'MissingConnectionField',
      400,
    );
  }
  return platform;
}
