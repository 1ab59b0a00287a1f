/**
 * The app definition, for every platform or for one: `buildApp()` is the multi-platform app that
 * index.ts exports (Platform chosen in the connection), `buildApp({ platform })` the app of one
 * platform (issue 27, app/single-platform.ts) that `npm run zapier:build -- --platform <id>`
 * writes to build/<id>/.
 */
import { defineApp, version as platformVersion } from 'zapier-platform-core';
import packageJson from '../package.json';
import authentication from '../authentication';
import { addCredentials, explainErrors } from '../platforms/middleware';
import { findPlatform, PLATFORMS, type RegisteredPlatformId } from '../platforms/registry';
import { fixedFunction } from './fixed-platform';
import { byKey, CREATES, SEARCH_OR_CREATES, SEARCHES, TRIGGERS } from './operations';
import { servedKeys, servedOf, singleConnection } from './single-platform';
import { linkRecordResources } from './record-resources';
import { vendorText } from './terms';

/** The multi-platform app, with every operation under its literal key. */
function multiPlatformApp() {
  return defineApp({
    version: packageJson.version,
    platformVersion,
    authentication,
    beforeRequest: [addCredentials],
    afterResponse: [explainErrors],
    triggers: byKey(TRIGGERS),
    creates: byKey(CREATES),
    searches: byKey(SEARCHES),
    searchOrCreates: byKey(SEARCH_OR_CREATES),
  });
}

/** The multi-platform app's definition type: its operations keyed by their literal keys. */
export type MultiPlatformApp = ReturnType<typeof multiPlatformApp>;

/** A single-platform app's definition: the multi-platform app's shape, with only some of its operations. */
export type SinglePlatformApp = Omit<MultiPlatformApp, 'triggers' | 'creates' | 'searches' | 'searchOrCreates'> & {
  /** One per record kind its operations share a sample and output fields for (app/record-resources.ts). */
  resources: Record<string, object>;
  triggers: Partial<MultiPlatformApp['triggers']>;
  creates: Partial<MultiPlatformApp['creates']>;
  searches: Partial<MultiPlatformApp['searches']>;
  searchOrCreates: Partial<MultiPlatformApp['searchOrCreates']>;
};

/** Which app to build: every platform (no `platform`), or one registered platform. */
export interface BuildOptions {
  platform?: RegisteredPlatformId;
}

/** The ids a single-platform app can be built for, in registry order. */
export const BUILDABLE_PLATFORMS: readonly RegisteredPlatformId[] = PLATFORMS.map((platform) => platform.id);

/**
 * Builds the app definition.
 * @returns the multi-platform app without `platform`; else that platform's app
 * @throws Error naming the registered ids when `platform` is not one of them
 */
export function buildApp(): MultiPlatformApp;
export function buildApp(options: BuildOptions): MultiPlatformApp | SinglePlatformApp;
export function buildApp(options: BuildOptions = {}): MultiPlatformApp | SinglePlatformApp {
  const multi = multiPlatformApp();
  if (options.platform === undefined) return multi;
  const platform = findPlatform(options.platform);
  if (platform === undefined) throw new Error(`No platform "${String(options.platform)}": choose one of ${BUILDABLE_PLATFORMS.join(', ')}.`);
  const served = servedKeys(platform);
  const creates = servedOf(multi.creates, served.creates, platform, 'creates');
  const searches = servedOf(multi.searches, served.searches, platform, 'searches');
  const pairs = Object.values(multi.searchOrCreates ?? {}).filter((pair) => searches[pair.search] !== undefined && creates[pair.create] !== undefined);
  const words = (text: string | undefined) => vendorText(text ?? '', platform);
  const triggers = servedOf(multi.triggers, served.triggers, platform, 'triggers');
  const resources = linkRecordResources({ triggers, creates, searches }, platform);
  return {
    ...multi,
    authentication: singleConnection(platform),
    beforeRequest: [fixedFunction(addCredentials, platform, 2)],
    afterResponse: [fixedFunction(explainErrors, platform, 2)],
    resources,
    triggers,
    creates,
    searches,
    searchOrCreates: Object.fromEntries(pairs.map((pair) => [pair.key, { ...pair, display: { ...pair.display, label: words(pair.display.label), description: words(pair.display.description) } }])),
  } as SinglePlatformApp;
}
