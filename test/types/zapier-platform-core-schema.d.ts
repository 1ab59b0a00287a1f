/**
 * zapier-platform-core's own schema tools, which `zapier-platform validate` runs locally: compile
 * the app (functions become references) and validate it against zapier-platform-schema.
 */
declare module 'zapier-platform-core/src/tools/schema' {
  export function prepareApp(app: unknown): unknown;
  export function validateApp(compiledApp: unknown): { stack: string }[];
}
