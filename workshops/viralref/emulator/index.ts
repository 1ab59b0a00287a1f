/**
 * The ViralRef emulator (platforms README §2): a webhook SENDER only. Nothing about ViralRef's
 * API is public (base URL, auth header, endpoints all [UNK]), so it mounts no routes; its API key
 * exists only for the app's connection screen.
 *
 * - dashboard: "Create Webhook" (URL + event types → signing secret) [DOC];
 * - fire: a constructed example (data.ts) in a constructed envelope, signed and retried
 *   (webhooks.ts); overrides are merged into `data`, not into the envelope.
 */
import type { VendorModule } from '../../../playground/emulator/common/vendor-module';
import { VIRALREF_EVENTS, viralRefExample } from './data';
import { ViralRefWebhooks } from './webhooks';
import { webhookFiring } from '../../../playground/emulator/common/firing';

/** [DOC] keys are created in Settings → Developers and shown once; the format is [UNK], this one is ours. */
export const VIRALREF_API_KEY = 'vr_emu_5e2b8d1f6a9c4037b4e1d8f2a6c90b3e';

/** ViralRef for the emulator registry: credentials `{ api_key }` and fresh dashboard webhooks per emulator. */
export const vendor: VendorModule<{ api_key: string }> = {
  credentials: { api_key: VIRALREF_API_KEY },
  create({ now, log }) {
    const hooks = new ViralRefWebhooks(log, now);
    return {
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('ViralRef', VIRALREF_EVENTS, hooks, (event, overrides) => ({ ...viralRefExample(event, now()), ...overrides })),
    };
  },
};
