/**
 * The single-platform apps under test (issue 27): one per registered platform, each its
 * definition (`buildApp({ platform })`, as build/<id>/index.js exports it) and a runner of its
 * functions through zapier-platform-core's tester, as Zapier runs them.
 */
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import { BUILDABLE_PLATFORMS, buildApp, type SinglePlatformApp } from '../../app/build-app';
import type { RegisteredPlatformId } from '../../platforms/registry';

/**
 * Runs one of a definition's functions as the tester calls it. It takes any entry of the
 * definition (a field list's entry, a connection label) and refuses one that is not a function,
 * so a test reads the definition as core types it and learns at run time what it holds.
 */
type Run = (fn: unknown, bundle: Record<string, unknown>) => Promise<unknown>;

/** A single-platform app and how to run its functions. */
export interface SinglePlatformBuild {
  id: RegisteredPlatformId;
  definition: SinglePlatformApp;
  run: Run;
}

/** The build of one platform. */
export function singlePlatformBuild(id: RegisteredPlatformId): SinglePlatformBuild {
  const definition = buildApp({ platform: id }) as SinglePlatformApp;
  const tester = createAppTester(definition as Parameters<typeof createAppTester>[0]);
  const run: Run = (fn, bundle) => {
    if (typeof fn !== 'function') throw new Error(`not a function of the definition: ${String(fn)}`);
    return tester(fn as (z: ZObject, bundle: Bundle) => unknown, bundle as Parameters<typeof tester>[1], true);
  };
  return { id, definition, run };
}

/** Every platform's build, in registry order. */
export const SINGLE_PLATFORM_BUILDS: readonly SinglePlatformBuild[] = BUILDABLE_PLATFORMS.map(singlePlatformBuild);
