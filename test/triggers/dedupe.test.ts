/**
 * Repeat keys: what identifies an event decides how long a body is remembered, and every Zap has
 * its own markers (Zapier's Zap id, else the hook URL, else the trigger's own endpoint record).
 */
import type { Bundle } from 'zapier-platform-core';
import { zapIdentity } from '../../receive/bundle';
import { DEDUPE_TTL_SECONDS, DEFAULT_RETRY_WINDOW_SECONDS, markerFor, type DeliveryIdentity } from '../../receive/dedupe';

const base: DeliveryIdentity = { platform: 'uppromote', listener: 'zap:1', timed: false, rawBody: '{"affiliate_id":1,"current_status":"inactive"}' };

describe('markerFor', () => {
  it('remembers an event id, or a body carrying its time, for a day', () => {
    expect(markerFor({ ...base, deliveryId: 'evt_1' }).ttl).toBe(DEDUPE_TTL_SECONDS);
    expect(markerFor({ ...base, timed: true }).ttl).toBe(DEDUPE_TTL_SECONDS);
  });

  it("remembers an anonymous body only for the platform's retry window (default when it states none)", () => {
    expect(markerFor({ ...base, retryWindowSeconds: 300 }).ttl).toBe(300);
    expect(markerFor(base).ttl).toBe(DEFAULT_RETRY_WINDOW_SECONDS);
    expect(DEFAULT_RETRY_WINDOW_SECONDS).toBeLessThan(DEDUPE_TTL_SECONDS);
  });

  it('keys on the event id when there is one, else on the body, always per Zap and platform', () => {
    const byId = markerFor({ ...base, deliveryId: 'evt_1' }).key;
    expect(markerFor({ ...base, deliveryId: 'evt_1', rawBody: 'other bytes' }).key).toBe(byId);
    expect(markerFor({ ...base, deliveryId: 'evt_2' }).key).not.toBe(byId);
    expect(markerFor(base).key).not.toBe(markerFor({ ...base, rawBody: `${base.rawBody} ` }).key);
    expect(markerFor(base).key).not.toBe(markerFor({ ...base, listener: 'zap:2' }).key);
    expect(markerFor(base).key).not.toBe(markerFor({ ...base, platform: 'viralref' }).key);
    expect(markerFor(base).key).not.toContain(base.rawBody);
  });
});

describe('zapIdentity', () => {
  /** A run's meta as core types it, without a Zap: what a hook's perform may get. */
  const meta: Bundle['meta'] = {
    isBulkRead: false,
    isFillingDynamicDropdown: false,
    isLoadingSample: false,
    isPopulatingDedupe: false,
    isTestingAuth: false,
    limit: -1,
    page: 0,
    timezone: null,
    inputFields: {},
  };
  /** A complete bundle; each case sets only what zapIdentity reads. */
  const bundle = (changes: Partial<Bundle>): Bundle => ({ authData: {}, inputData: {}, inputDataRaw: {}, meta, ...changes });

  it("prefers Zapier's Zap id, then the hook's target URL, then the trigger's own record", () => {
    const zap = { id: '42', user: { timezone: 'UTC' } };
    expect(zapIdentity(bundle({ meta: { ...meta, zap }, targetUrl: 'https://hooks.zapier.com/h/1/' }), 'fallback')).toBe('zap:42');
    expect(zapIdentity(bundle({ targetUrl: 'https://hooks.zapier.com/h/1/' }), 'fallback')).toBe('url:https://hooks.zapier.com/h/1/');
    expect(zapIdentity(bundle({}), 'dashboard:secret')).toBe('dashboard:secret');
  });
});
