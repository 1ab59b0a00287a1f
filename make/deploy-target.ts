/**
 * Which Make app a deploy writes to, and its app-level metadata and icon.
 *
 * Make appends a random suffix to the name of a new app unless the account may create apps without
 * one (Make's VS Code extension, integromat/vscode-apps-sdk, asks `/users/me` for that permission;
 * public app names look like `hedy-p0dkfb`). So the name is read from Make's answer to the creation,
 * never assumed, and an app is looked for before one is created: first the recorded name, then, in
 * the account's app list, the one app with our label whose name is ours with or without a suffix.
 * Make's suffix format is inferred from public app names, not documented: any `-<letters/digits>`
 * tail is accepted, and more than one candidate is refused rather than guessed.
 */
import type { Make, MakeError } from '@makehq/sdk';
import { createHash } from 'node:crypto';
import type { AppIdentity } from './generate/app';

/** Version of the Make app we write (Make apps start at 1; a new major version is a new app version). */
export const APP_VERSION = 1;

/** A MakeError with HTTP status 404 (Make's answer for an unknown app or component). */
export function isNotFound(error: unknown): error is MakeError {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as MakeError).statusCode === 404;
}

/** MD5 (hex) of a body, the checksum Make's `/checksum` endpoint reports per section (the extension compares the same). */
export function md5(body: string | Uint8Array): string {
  return createHash('md5').update(body).digest('hex');
}

/** Whether `name` is the name we asked for, as Make may have suffixed it. */
export function isOurAppName(asked: string, name: string): boolean {
  return name === asked || (name.startsWith(`${asked}-`) && /^[0-9a-z]+$/.test(name.slice(asked.length + 1)));
}

/** The app a deploy writes to. */
export interface Target {
  /** Make's name of the app. */
  name: string;
  /** True when this deploy created it. */
  created: boolean;
  /** The app as Make answered a `get` during the search, when it did. */
  current?: Record<string, unknown>;
}

/**
 * Finds the app of `identity` on Make, or creates it.
 * @param recorded the name a previous deploy recorded, if any (a 404 on it means the app was deleted: it is then looked for and created anew)
 * @param onCreated called with Make's name as soon as Make creates the app, so a failure later leaves no unrecorded app
 * @throws Error when Make lists several candidate apps, or answers a creation without a name; MakeError when Make refuses a call
 */
export async function resolveTarget(make: Make, identity: AppIdentity, recorded: string | undefined, onCreated: (name: string) => void): Promise<Target> {
  if (recorded) {
    try {
      const current = await make.sdk.apps.get(recorded, APP_VERSION);
      return { name: recorded, created: false, current };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const listed = await make.sdk.apps.list();
  const candidates = listed.filter((app) => isOurAppName(identity.name, app.name) && app.label === identity.label && (app.version ?? APP_VERSION) === APP_VERSION);
  if (candidates.length > 1) {
    throw new Error(`Make has ${candidates.length} apps that could be "${identity.label}" (${candidates.map((app) => app.name).join(', ')}); delete the extra ones on Make, or record the right name in make-app/deploy-record.json.`);
  }
  if (candidates.length === 1) return { name: candidates[0].name, created: false };
  const made = await make.sdk.apps.create({ name: identity.name, label: identity.label, description: identity.description, theme: identity.theme, language: 'en', private: true, audience: 'global' });
  if (typeof made?.name !== 'string' || !isOurAppName(identity.name, made.name)) {
    throw new Error(`Make created the app "${identity.label}" but answered with no name of ours (${String(made?.name)}); find it among your apps on Make and record its name in make-app/deploy-record.json.`);
  }
  onCreated(made.name);
  return { name: made.name, created: true };
}

/** Sets label, description and theme where Make holds others (a created app has ours already). */
export async function updateAppMetadata(make: Make, target: Target, identity: AppIdentity): Promise<boolean> {
  if (target.created) return false;
  const current: Record<string, unknown> = target.current ?? (await make.sdk.apps.get(target.name, APP_VERSION));
  const wanted = { label: identity.label, description: identity.description, theme: identity.theme };
  if (Object.entries(wanted).every(([key, value]) => current[key] === value)) return false;
  await make.sdk.apps.update(target.name, APP_VERSION, wanted);
  return true;
}

/**
 * Uploads the icon (`PUT /sdk/apps/{name}/{version}/icon`, `image/png`, as the extension's "Get/change
 * icon" does) when the app is new or the icon differs from the one last uploaded.
 * @returns the icon's MD5, to record
 */
export async function uploadIcon(make: Make, target: Target, icon: Uint8Array, lastMd5: string | undefined): Promise<{ md5: string; uploaded: boolean }> {
  const sum = md5(icon);
  if (!target.created && sum === lastMd5) return { md5: sum, uploaded: false };
  await make.sdk.apps.setIcon(target.name, APP_VERSION, icon);
  return { md5: sum, uploaded: true };
}
