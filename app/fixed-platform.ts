/**
 * A definition whose connection names no platform, run as if it did: every function of a
 * single-platform app (perform, subscribe, dynamic fields, connection test and label, middleware)
 * receives a bundle whose `authData.platform` is the app's platform, so the generic layer, which
 * reads the platform from the connection (platforms/registry.ts `platformOf`), runs unchanged.
 * The dynamic fields it returns are in the platform's words (app/terms.ts `vendorField`).
 */
import type { PlatformDefinition } from '../platforms/types';
import { vendorField } from './terms';

// Zapier's functions take different parameters (operations, middleware): `never[]` parameters are
// the type every such function is assignable to.
type AnyFunction = (...args: never[]) => unknown;

/** What the wrapped functions need of the platform: its id, name and words. */
export type FixedPlatform = Pick<PlatformDefinition, 'id' | 'name' | 'terms'>;

/** The bundle with the platform set in its connection data (a copy: Zapier's bundle is not changed). */
function withPlatform(bundle: unknown, id: string): unknown {
  if (bundle === null || typeof bundle !== 'object') return bundle;
  const authData = (bundle as { authData?: Record<string, unknown> }).authData ?? {};
  return { ...bundle, authData: { ...authData, platform: id } };
}

/**
 * The function called with the platform in the bundle at `bundleAt` (1 for `(z, bundle)`, 2 for
 * middleware's `(request, z, bundle)`); `reworded` for dynamic fields, whose returned fields get the platform's words.
 */
export function fixedFunction<F extends AnyFunction>(fn: F, fixed: FixedPlatform, bundleAt: number, reworded = false): F {
  const wrapped = async (...args: unknown[]) => {
    const copy = [...args];
    copy[bundleAt] = withPlatform(copy[bundleAt], fixed.id);
    const result = await fn(...(copy as never[]));
    return reworded && Array.isArray(result) ? result.map((field) => vendorField(field, fixed)) : result;
  };
  return wrapped as unknown as F;
}

/** Keys whose arrays hold dynamic field functions (their results are fields, reworded). */
const FIELD_LISTS = new Set(['inputFields', 'outputFields']);

/**
 * A copy of `value` (an operation, the authentication) in which every function takes `(z, bundle)`
 * and gets the fixed platform. Plain data is copied as it is.
 */
export function fixPlatformIn<T>(value: T, fixed: FixedPlatform, inFieldList = false): T {
  if (typeof value === 'function') return fixedFunction(value as AnyFunction, fixed, 1, inFieldList) as T;
  if (Array.isArray(value)) return value.map((item) => fixPlatformIn(item, fixed, inFieldList)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fixPlatformIn(child, fixed, FIELD_LISTS.has(key))])) as T;
}
