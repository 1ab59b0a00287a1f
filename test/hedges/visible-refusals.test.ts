/**
 * Issue 13 item 15: a delivery refused because it could not be verified or understood reaches the
 * user as a halted run with its reason (HaltedError: not counted toward pausing the Zap), once per
 * Zap and reason an hour so forgeries cannot flood the Zap history; URL-check pings and events the
 * trigger does not listen to stay silent.
 */
import type { ZObject } from 'zapier-platform-core';
import { appTester, triggerOperation } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { fakeCacheRpc, type FakeCacheRpc } from '../helpers/fake-cache-rpc';
import { useFixtureClock } from '../helpers/fixture-clock';
import { REFUSAL_REPORT_SECONDS } from '../../receive';
import conversionCreated from '../../workshops/viralref/fixtures/conversion.created.json';

const dashboard = triggerOperation('dashboard_webhook');
const SECRET = 'whsec_visible_refusals';
const authData = { platform: 'viralref', api_key: 'vr_key_visible' };
type Perform = (z: ZObject, bundle: unknown) => unknown;

/** Runs the dashboard trigger for one Zap with `store` behind z.cache; log lines go to `lines`. */
function deliver(store: FakeCacheRpc, rawBody: string, headers: Record<string, string>, lines: string[] = [], zap = 'zap-1'): Promise<unknown> {
  const wrapped = (z: ZObject, given: unknown) => {
    z.cache = store.cache;
    z.console.log = (...parts: unknown[]) => {
      lines.push(parts.map(String).join(' '));
    };
    return (dashboard.perform as Perform)(z, given);
  };
  return appTester(wrapped, { authData, inputData: { signing_secret: SECRET }, meta: { zap: { id: zap } }, ...hookRequest(rawBody, headers) });
}

const body = JSON.stringify(conversionCreated);

describe('refusals the user sees', () => {
  useFixtureClock('viralref');
  it('reports a forged delivery once per Zap and reason an hour as a halted run, then only logs it', async () => {
    const store = fakeCacheRpc();
    const lines: string[] = [];
    const forged = { 'X-ViralRef-Signature': hmacHex('forger', body) };
    const first = deliver(store, body, forged, lines);
    await expect(first).rejects.toMatchObject({ name: 'HaltedError' });
    await expect(deliver(store, body, forged, lines)).resolves.toEqual([]);
    // Another Zap on the connection is told too.
    await expect(deliver(store, body, forged, lines, 'zap-2')).rejects.toMatchObject({ name: 'HaltedError' });
    store.advance(REFUSAL_REPORT_SECONDS + 1);
    await expect(deliver(store, body, forged, lines)).rejects.toMatchObject({ name: 'HaltedError' });
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.includes('signature check failed: signature_mismatch'))).toBe(true);
  });

  it('names the reason and never the body or the secret, in the whole message (no "What happened" appended)', async () => {
    const message = await deliver(fakeCacheRpc(), body, { 'X-ViralRef-Signature': hmacHex('forger', body) }).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).not.toContain('What happened');
    expect(message).toMatch(/^Affiliate Hub refused a delivery from ViralRef \(dashboard webhook\): signature check failed: signature_mismatch \(tried .*Standard Webhooks: missing_signature/);
    expect(message).not.toContain('mia@example.com');
    expect(message).not.toContain(SECRET);
  });

  it('reports a verified delivery it cannot understand (an unknown event), without quoting the name the sender chose', async () => {
    const unknown = JSON.stringify({ ...conversionCreated, event: 'conversion.teleported' });
    const refused = deliver(fakeCacheRpc(), unknown, { 'X-ViralRef-Signature': hmacHex(SECRET, unknown) });
    await expect(refused).rejects.toThrow(/: the payload names an event ViralRef's catalogue does not list\./);
    await expect(refused).rejects.not.toThrow(/teleported/);
  });

  it('stays silent for a URL-check ping and for events the trigger does not listen to', async () => {
    const store = fakeCacheRpc();
    await expect(deliver(store, '', {})).resolves.toEqual([]);
    const wrapped = (z: ZObject, given: unknown) => {
      z.cache = store.cache;
      return (dashboard.perform as Perform)(z, given);
    };
    const filtered = await appTester(wrapped, {
      authData,
      inputData: { signing_secret: SECRET, events: ['payout.paid'] },
      ...hookRequest(body, { 'X-ViralRef-Signature': hmacHex(SECRET, body) }),
    });
    expect(filtered).toEqual([]);
    expect(store.sets.filter((set) => set.key.startsWith('refusal:'))).toEqual([]);
  });
});
