/**
 * Dynamic input fields that only ever refuse: they show "this platform does not offer …" when the
 * connected platform cannot run the step, and nothing when it can. A single-platform app keeps
 * only the steps its platform runs (app/served.ts), so there they always return nothing and it
 * leaves them out (app/single-platform.ts), keeping its definition small (issue 27).
 */

const REFUSALS = new WeakSet<object>();

/** Marks `fn` as a refusal notice (returns `fn`, unchanged). */
export function refusalNotice<F extends (...args: never[]) => unknown>(fn: F): F {
  REFUSALS.add(fn);
  return fn;
}

/** True for a function marked by `refusalNotice`. */
export function isRefusalNotice(value: unknown): boolean {
  return typeof value === 'function' && REFUSALS.has(value);
}
