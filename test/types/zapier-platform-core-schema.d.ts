/**
 * zapier-platform-core's own schema tools, which `zapier-platform validate` runs locally: compile
 * the app (functions become references) and validate it against zapier-platform-schema.
 */
declare module 'zapier-platform-core/src/tools/schema' {
  export function prepareApp(app: unknown): unknown;
  /** The definition as Zapier reads it: resources expanded, linked operations given their resource's sample and output fields (a deep copy, not frozen). */
  export function compileApp<T>(app: T): T;
  export function validateApp(compiledApp: unknown): { stack: string }[];
}
