/**
 * Calls an app the way Zapier's Lambda does: zapier-platform-core's `createAppHandler` (the
 * handler `zapierwrapper.js` exports) with an `execute` event. Offline: no `token` (so logs are not
 * shipped and RPC is never called), no `appRawOverride` (the definition is the app's own), and
 * core's in-memory `zcacheTestObj` standing in for the `z.cache` RPC (the dedupe marker).
 */
/** The app definition object a CommonJS app exports (its shape is core's business here). */
export type AppDefinition = object;

/** core 19 exports `createAppHandler` (= create-lambda-handler) but its typings do not declare it. */
interface CoreHandlerApi {
  createAppHandler(app: AppDefinition): (event: object) => Promise<HandlerResult>;
}
const core = require('zapier-platform-core') as CoreHandlerApi;

/** What the handler resolves with. */
export interface HandlerResult {
  results: unknown;
}

/** Invokes one method of an app, e.g. `triggers.new_referral.operation.perform`. */
export type Invoke = (method: string, bundle: object) => Promise<HandlerResult>;

/**
 * A handler for an app, as Zapier builds it once per Lambda container.
 * @param app the loaded definition (core's CommonJS route requires the same object from the app path)
 */
export function handlerFor(app: AppDefinition): Invoke {
  const handler = core.createAppHandler(app);
  return (method, bundle) =>
    handler({
      command: 'execute',
      method,
      bundle,
      // A fresh cache per call: every delivery is a first delivery, so the full path runs.
      zcacheTestObj: {},
    });
}

/** Loads a built CommonJS app the way core's handler does (`require(appPath)`). */
export function loadApp(entry: string): AppDefinition {
  return require(entry) as AppDefinition;
}
