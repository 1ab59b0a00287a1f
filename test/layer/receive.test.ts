/**
 * The receive pipeline's repeat handling and refusals, through the triggers' perform as Zapier
 * calls it, over a cache RPC that respects scope, ttl and `nx` like Zapier's (core's test mock
 * ignores all three). Repeats are keyed per Zap and on what identifies an event; a marker is
 * written only for a run that will reach Zapier; a refusal is [] plus a logged reason, never the body.
 */
import type { ZObject } from 'zapier-platform-core';
import { appTester, triggerOperation } from '../helpers/app';
import { signedHookRequest } from '../helpers/deliveries';
import { rejectionMessage } from '../helpers/errors';
import { fakeCacheRpc, type FakeCacheRpc } from '../helpers/fake-cache-rpc';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { DEDUPE_TTL_SECONDS } from '../../receive/dedupe';
import affiliateApproved from '../../workshops/tamio/fixtures/affiliate-approved.json';
import conversionCreated from '../../workshops/viralref/fixtures/conversion.created.json';
import { expectVerify, tamioApi, tamioAuth, tamioDelivery } from '../../workshops/tamio/kit';
import { useFixtureClock } from '../helpers/fixture-clock';

function platform(id: string): PlatformDefinition {
  const found = findPlatform(id);
  if (!found) throw new Error(`no platform ${id}`);
  return found;
}

type Perform = (z: ZObject, bundle: unknown) => unknown;

/** Runs `perform` with z.cache over `store` and z.console.log collected into `lines`. */
function run(perform: unknown, store: FakeCacheRpc, bundle: Record<string, unknown>, lines: string[] = []): Promise<unknown[]> {
  const wrapped = (z: ZObject, given: unknown) => {
    z.cache = store.cache;
    z.console.log = (...parts: unknown[]) => {
      lines.push(parts.map(String).join(' '));
    };
    return (perform as Perform)(z, given);
  };
  return appTester(wrapped, bundle) as Promise<unknown[]>;
}

describe('UpPromote status changes (bare diffs: no event id, no time)', () => {
  const upPromote = platform('uppromote');
  const operation = triggerOperation('affiliate_status_changed');
  const SECRET = 'whsec_status_changed';
  const subscribeData = { id: 'sub-1', platform: 'uppromote', subscriptions: [{ events: ['affiliate.status-changed'], id: 'sub-1', secret: SECRET }] };
  const deactivated = JSON.stringify({ affiliate_id: 2029238, previous_status: 'active', current_status: 'inactive' });
  const reactivated = JSON.stringify({ affiliate_id: 2029238, previous_status: 'inactive', current_status: 'active' });
  const deliver = (store: FakeCacheRpc, body: string) =>
    run(operation.perform, store, {
      authData: { platform: 'uppromote', api_key: 'key_status' },
      subscribeData,
      meta: { zap: { id: '77' } },
      ...signedHookRequest(upPromote, body, SECRET, { ah_event: 'affiliate.status-changed' }),
    });

  it('runs deactivated → reactivated → deactivated, though the second deactivation is byte-identical', async () => {
    const store = fakeCacheRpc();
    expect(await deliver(store, deactivated)).toHaveLength(1);
    store.advance(upPromote.delivery.retryWindowSeconds ?? 0);
    expect(await deliver(store, reactivated)).toHaveLength(1);
    expect(await deliver(store, deactivated)).toMatchObject([{ event: 'affiliate.status_changed', status: 'inactive', previous_status: 'active' }]);
  });

  it("takes an identical body within the platform's retry window for a retry", async () => {
    const store = fakeCacheRpc();
    expect(await deliver(store, deactivated)).toHaveLength(1);
    store.advance(60);
    expect(await deliver(store, deactivated)).toEqual([]);
  });

  it('marks with one nx set, scoped to the connection, lasting the retry window (no separate read)', async () => {
    const store = fakeCacheRpc();
    await deliver(store, deactivated);
    expect(store.methods).toEqual(['zcache_set']);
    expect(store.sets).toEqual([expect.objectContaining({ ttl: upPromote.delivery.retryWindowSeconds, scope: ['auth'], nx: true })]);
  });
});

describe('Tamio dashboard webhooks (event ids)', () => {
  const dashboard = triggerOperation('dashboard_webhook');
  const deliver = (store: FakeCacheRpc, zap: string, lines: string[] = []) => {
    const scope = expectVerify(tamioApi());
    const { request } = tamioDelivery(affiliateApproved);
    return run(dashboard.perform, store, { authData: tamioAuth, inputData: {}, meta: { zap: { id: zap } }, ...request }, lines).finally(() => {
      expect(scope.isDone()).toBe(true);
    });
  };

  it('runs each of two Zaps on one connection without a signing secret, and each only once', async () => {
    const store = fakeCacheRpc();
    expect(await deliver(store, 'zap-a')).toHaveLength(1);
    expect(await deliver(store, 'zap-b')).toHaveLength(1);
    const lines: string[] = [];
    expect(await deliver(store, 'zap-a', lines)).toEqual([]);
    expect(lines).toEqual(['Affiliate Hub ignored a repeated Tamio delivery of affiliate-approved.']);
    expect(store.sets.map((set) => set.ttl)).toEqual([DEDUPE_TTL_SECONDS, DEDUPE_TTL_SECONDS, DEDUPE_TTL_SECONDS]);
  });
});

describe('Tamio dashboard webhooks whose verify call verifies nothing', () => {
  const dashboard = triggerOperation('dashboard_webhook');

  // A 429 is retried later instead (test/security/tamio-verify.test.ts).
  it.each([401, 422])('answers HTTP %i: no run, the reason shown once as a halted run (not an error), then only logged', async (status) => {
    const scope = tamioApi().post('/v2/webhook-endpoints/verify-signature').times(3).reply(status, { status, valid: false });
    const { request } = tamioDelivery(affiliateApproved);
    const store = fakeCacheRpc();
    const lines: string[] = [];
    const bundle = { authData: tamioAuth, inputData: {}, meta: { zap: { id: 'zap-t' } }, ...request };
    const first = run(dashboard.perform, store, bundle, lines);
    await expect(first).rejects.toMatchObject({ name: 'HaltedError' });
    const shown = await rejectionMessage(run(dashboard.perform, fakeCacheRpc(), bundle));
    expect(shown).toMatch(new RegExp(`^Affiliate Hub refused a delivery from Tamio \\(dashboard webhook\\): signature check failed: verification_unavailable \\(Tamio answered HTTP ${status} `));
    expect(shown).not.toContain('john@example.com');
    expect(await run(dashboard.perform, store, bundle, lines)).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^Affiliate Hub ignored a delivery from Tamio \\(dashboard webhook\\): signature check failed: verification_unavailable \\(Tamio answered HTTP ${status} `));
    expect(lines.join('\n')).not.toContain('john@example.com');
    // Only the report marker: nothing that could be taken for a delivered event.
    // The second refusal finds the report marker by reading it, and sets nothing.
    expect(store.sets).toEqual([expect.objectContaining({ key: expect.stringMatching(/^refusal:/), ttl: 3600, scope: ['auth'], nx: true })]);
    expect(store.size()).toBe(1);
  });
});

describe('ViralRef dashboard webhooks: refusals and outputs Zapier cannot carry', () => {
  useFixtureClock('viralref');
  const viralRef = platform('viralref');
  const dashboard = triggerOperation('dashboard_webhook');
  const SECRET = 'whsec_viralref_receive';
  const authData = { platform: 'viralref', api_key: 'vr_key_receive' };

  it('throws before writing any marker when the verified output cannot be serialized, so the retry runs', async () => {
    const depth = 8000;
    const nested = `${'{"n":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const body = JSON.stringify(conversionCreated).replace(/}$/, `,"extra":${nested}}`);
    const store = fakeCacheRpc();
    // The parsed copy is left out: core's tester walks the bundle recursively, and the receiver reads only the raw body.
    const request = { ...signedHookRequest(viralRef, body, SECRET), cleanedRequest: {} };
    const message = await rejectionMessage(run(dashboard.perform, store, { authData, inputData: { signing_secret: SECRET }, ...request }));
    expect(message).toMatch(/^Affiliate Hub could not pass on a delivery from ViralRef \(conversion\.created\): its payload is nested too deeply/);
    expect(message).not.toContain('mia@example.com');
    expect(store.size()).toBe(0);
  });

  it('refuses a forged delivery: the reason shown once (halted, no body), then [] and only logged; no delivery marker', async () => {
    const body = JSON.stringify(conversionCreated);
    const store = fakeCacheRpc();
    const lines: string[] = [];
    const forged = signedHookRequest(viralRef, body, 'not-the-secret');
    const bundle = { authData, inputData: { signing_secret: SECRET }, ...forged };
    const shown = await rejectionMessage(run(dashboard.perform, store, bundle, lines));
    expect(shown).toMatch(/^Affiliate Hub refused a delivery from ViralRef \(dashboard webhook\): signature check failed: signature_mismatch \(tried /);
    expect(shown).not.toContain('mia@example.com');
    expect(await run(dashboard.perform, store, bundle, lines)).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Affiliate Hub ignored a delivery from ViralRef \(dashboard webhook\): signature check failed: signature_mismatch \(tried HMAC-SHA256/);
    expect(lines.join('\n')).not.toContain('mia@example.com');
    // The second refusal finds the report marker by reading it, and sets nothing.
    expect(store.sets).toEqual([expect.objectContaining({ key: expect.stringMatching(/^refusal:/), ttl: 3600, scope: ['auth'], nx: true })]);
    expect(store.size()).toBe(1);
  });
});
