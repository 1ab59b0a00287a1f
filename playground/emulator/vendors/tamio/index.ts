/**
 * The Tamio emulator (platforms README §5), mounted under `/tamio` so that the documented base URL
 * `https://api.tamio.com/v2` is `${emulator.url}/tamio/v2`.
 *
 * - routes: Bearer-key auth with per-resource permissions (http.ts), affiliates / payouts /
 *   programs (api.ts), verify-signature (webhooks.ts), over a seeded store (data.ts);
 * - dashboard: webhook endpoints are created in Tamio's dashboard only [DOC]; `register` stands in
 *   for that and returns the endpoint's signing secret;
 * - fire: each event's documented example where one exists, else one constructed from the
 *   documented shapes, taken from the store so its ids resolve; overrides are merged into the
 *   event's object (`data.affiliate` / `data.affiliate_program`), not into the envelope;
 * - controls: `POST /_emulator/tamio/outage` `{"verify": <status>|null}` makes verify-signature
 *   answer that status (emulator only, to test the app's handling of a failing verifier).
 */
import { seeded } from '../../common/seed';
import type { VendorModule } from '../../common/vendor-module';
import { PROGRAM_CREATED_EXAMPLE, PROGRAM_UPDATED_EXAMPLE, TAMIO_IDS, type TamioState, affiliateEventView, seedState } from './data';
import { apiRoutes } from './api';
import { ALL_PERMISSIONS, type TamioKeys, type TamioPermission, guard } from './http';
import { TAMIO_EVENTS, type TamioEvent, type TamioOutage, TamioWebhooks, verifyRoute } from './webhooks';
import { webhookFiring } from '../../common/firing';

/** A full secret key (all permissions). Tamio's key format is [UNK]; this one is ours. */
export const TAMIO_API_KEY = 'tamio_sk_emu_4c8e1f7a2b9d4e60a3f5c7b1d2e8f904';

/** A secret key restricted per resource [DOC scheme]: everything except `affiliates.view`. */
export const TAMIO_RESTRICTED_KEY = 'tamio_sk_emu_restricted_0b6d3a9e5f2c4871';

function affiliateEvent(state: TamioState, id: string, approved: boolean | null): Record<string, unknown> {
  return { ...affiliateEventView(state, seeded(state.affiliates, id, 'Tamio affiliate')), approved };
}

/** A deep copy of a documented object as a plain record. */
function plain(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(structuredClone(value)));
}

/** `data` of each event before overrides, split into its object key and the rest (`changes`). */
function example(state: TamioState, event: TamioEvent): { key: 'affiliate' | 'affiliate_program'; object: Record<string, unknown>; rest?: Record<string, unknown> } {
  switch (event) {
    // Constructed: the signup payload is [UNK]; same affiliate object as the documented events, still undecided.
    case 'affiliate-signup':
      return { key: 'affiliate', object: affiliateEvent(state, TAMIO_IDS.amara, null) };
    // The documented affiliate-approved example's affiliate (seeded verbatim).
    case 'affiliate-approved':
      return { key: 'affiliate', object: affiliateEvent(state, TAMIO_IDS.john, true) };
    // [DOC] same object as approved, `approved: false`.
    case 'affiliate-declined':
      return { key: 'affiliate', object: affiliateEvent(state, TAMIO_IDS.sofia, false) };
    // [DOC] just `{affiliate: {id}}`.
    case 'affiliate-removed':
      return { key: 'affiliate', object: { id: TAMIO_IDS.sofia } };
    // Verbatim documented examples (seeds/004).
    case 'affiliate-program-created':
      return { key: 'affiliate_program', object: plain(PROGRAM_CREATED_EXAMPLE) };
    case 'affiliate-program-updated':
      return { key: 'affiliate_program', object: plain(PROGRAM_UPDATED_EXAMPLE.affiliate_program), rest: { changes: [...PROGRAM_UPDATED_EXAMPLE.changes] } };
    case 'affiliate-program-removed':
      return { key: 'affiliate_program', object: { id: PROGRAM_CREATED_EXAMPLE.id } };
  }
}

function outageStatus(body: unknown): number | null | undefined {
  const value = typeof body === 'object' && body !== null && 'verify' in body ? body.verify : undefined;
  if (value === null) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599 ? value : undefined;
}

/** Tamio for the emulator registry: credentials `{ api_key, restricted_api_key }` and a fresh seeded account per emulator. */
export const vendor: VendorModule<{ api_key: string; restricted_api_key: string }> = {
  credentials: { api_key: TAMIO_API_KEY, restricted_api_key: TAMIO_RESTRICTED_KEY },
  create({ now, log }) {
    const state = seedState();
    const hooks = new TamioWebhooks(log, now);
    const outage: TamioOutage = { verify: null };
    const keys: TamioKeys = new Map<string, ReadonlySet<TamioPermission>>([
      [TAMIO_API_KEY, new Set(ALL_PERMISSIONS)],
      [TAMIO_RESTRICTED_KEY, new Set(ALL_PERMISSIONS.filter((permission) => permission !== 'affiliates.view'))],
    ]);
    return {
      routes: async (server) => {
        guard(server, keys);
        apiRoutes(server, { state, hooks, keys, log });
        verifyRoute(server, hooks, outage);
      },
      controls: async (server) => {
        server.post('/outage', async (request, reply) => {
          const verify = outageStatus(request.body);
          if (verify === undefined) return reply.code(400).send({ message: 'Body must be {"verify": <HTTP status 400-599> | null}.' });
          outage.verify = verify;
          return { verify };
        });
      },
      dashboard: { register: (url, events) => hooks.register(url, events) },
      ...webhookFiring('Tamio', TAMIO_EVENTS, hooks, (event, overrides) => {
        const { key, object, rest } = example(state, event);
        return { [key]: { ...object, ...overrides }, ...rest };
      }),
    };
  },
};
