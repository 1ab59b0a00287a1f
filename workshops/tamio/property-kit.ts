/**
 * Tamio verifies its deliveries through its own API, so the properties run against the emulator's
 * Tamio over loopback: its verify-signature endpoint is the vendor's side, and every body (JSON or
 * not) reaches it exactly as sent.
 */
import { EMULATOR_ENV } from '../../platforms/api';
import { startEmulator, type Emulator } from '../../playground/emulator/server';
import { signTamio, SIGNATURE_HEADER as TAMIO_SIGNATURE_HEADER } from './emulator';
import affiliateApproved from './fixtures/affiliate-approved.json';
import affiliateDeclined from './fixtures/affiliate-declined.json';
import affiliateRemoved from './fixtures/affiliate-removed.json';
import programCreated from './fixtures/affiliate-program-created.json';
import type { DashboardKit } from '../../test/reliability/dashboard-properties';

let emulator: Emulator | undefined;
let secret = '';

export const tamioPropertyKit: DashboardKit = {
  id: 'tamio',
  authData: { platform: 'tamio', api_key: 'replaced in setUp' },
  secret: () => secret,
  sign: (rawBody) => ({ [TAMIO_SIGNATURE_HEADER]: `t=${Math.floor(Date.now() / 1000)},s=${signTamio(secret, Math.floor(Date.now() / 1000), rawBody)}` }),
  async setUp() {
    emulator = await startEmulator();
    process.env[EMULATOR_ENV] = emulator.url;
    this.authData.api_key = emulator.credentials.tamio.api_key;
    secret = emulator.registerDashboardEndpoint('tamio', 'https://hooks.zapier.com/hooks/standard/9/tamio-property/', []).secret;
  },
  async tearDown() {
    delete process.env[EMULATOR_ENV];
    await emulator?.close();
  },
  deliveries: [
    { vendorEvent: 'affiliate-approved', body: affiliateApproved, expected: { event: 'affiliate.approved', status: 'active' } },
    { vendorEvent: 'affiliate-declined', body: affiliateDeclined, expected: { event: 'affiliate.denied', status: 'denied' } },
    { vendorEvent: 'affiliate-removed', body: affiliateRemoved, expected: { event: 'affiliate.removed', status: 'removed' } },
    { vendorEvent: 'affiliate-program-created', body: programCreated, expected: { event: 'other', id: '68ea0c41-a7ed-4169-b0dc-72f0f0eb404b' } },
  ],
};
