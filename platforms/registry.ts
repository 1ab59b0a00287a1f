/**
 * The platforms Affiliate Hub supports: one line each. Adding a platform is one folder under
 * platforms/ and one line here; no trigger, action or search changes.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { CATALOGUE } from './catalogue';
import type { PlatformDefinition, PlatformId } from './types';
import { uppromote } from './uppromote';
import { partnerstack } from './partnerstack';
import { rebus } from './rebus';
import { tamio } from './tamio';
import { viralref } from './viralref';

export const PLATFORMS: readonly PlatformDefinition[] = [
  uppromote,
  partnerstack,
  rebus,
  tamio,
  viralref,
];

/** The definition for an id, or undefined when none is registered. */
export function findPlatform(id: unknown): PlatformDefinition | undefined {
  return PLATFORMS.find((platform) => platform.id === id);
}

/**
 * The platform of the bundle's connection.
 * @throws Error (user-facing) when the connection names no supported platform
 */
export function platformOf(z: ZObject, bundle: Pick<Bundle, 'authData'>): PlatformDefinition {
  const platform = findPlatform(bundle.authData.platform);
  if (platform) return platform;
  const id = bundle.authData.platform;
  const planned = Object.hasOwn(CATALOGUE, id) ? CATALOGUE[id as PlatformId] : undefined;
  throw new z.errors.Error(
    planned
      ? `${planned.name} is not available in this version of Affiliate Hub yet.`
      : `This connection names no supported platform ("${String(bundle.authData.platform)}"). Reconnect and choose one.`,
  );
}
