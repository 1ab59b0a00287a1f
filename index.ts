/**
 * Affiliate Hub: the Zapier app definition, for every platform (the Platform is chosen in the
 * connection). app/build-app.ts assembles it; `buildApp({ platform })` there builds the app of
 * one platform (`npm run zapier:build -- --platform <id>`).
 */
import { buildApp } from './app/build-app';

export default buildApp();
