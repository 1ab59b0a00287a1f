/**
 * Figure 0: the size of an app definition as zapier-platform-core's `prepareApp` walks it on every
 * invocation (twice: deep copy, rewrite, deep freeze). Its per-delivery cost grows with this count,
 * so it is printed beside the per-delivery figure. A node is every object, array, function and
 * scalar value reachable from the definition (each occurrence once per path, as a deep copy visits it).
 */

/** Nodes under `value`, counting `value` itself; functions are leaves (core copies them by reference). */
export function countNodes(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.reduce((sum: number, child: unknown) => sum + countNodes(child), 1);
}

/** Node counts of two loaded definitions, for the bench table. */
export interface DefinitionSize {
  ours: number;
  minimal: number;
}

/** @param ours our loaded definition; @param minimal the reference app's */
export function measureDefinitionSize(ours: object, minimal: object): DefinitionSize {
  return { ours: countNodes(ours), minimal: countNodes(minimal) };
}
