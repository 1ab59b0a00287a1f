/**
 * The polling triggers' data and pure helpers: Zapier's conventions for labels and descriptions,
 * status samples built the way perform builds outputs, every pollable list described with its
 * source, and the time-window arithmetic.
 */
import { PLATFORMS } from '../../platforms/registry';
import { formatTime, LOOKBACK_SECONDS, newestFirst, wantedItems, withTimeFilter } from '../../triggers/polling-trigger';
import { POLLING_TRIGGER_SPECS, pollingAlternativeTo, pollingTriggerFor } from '../../triggers/polling-trigger-specs';
import { HOOK_TRIGGER_SPECS } from '../../triggers/hook-trigger-specs';
import { app } from '../helpers/app';

describe('polling trigger specs', () => {
  it.each(POLLING_TRIGGER_SPECS.map((spec) => [spec.key, spec] as const))('%s follows Zapier conventions and names no vendor', (_key, spec) => {
    expect(spec.key).toMatch(/^[a-z_]+_polling$/);
    expect(spec.label).toMatch(/ \(Polling\)$/);
    expect(spec.description).toMatch(/^Triggers when /);
    expect(spec.description.length).toBeLessThan(140);
    for (const platform of PLATFORMS) expect(spec.description).not.toContain(platform.name);
    const instant = HOOK_TRIGGER_SPECS.find((hook) => hook.key === spec.instant);
    expect(instant?.label).toBe(spec.instantLabel);
    expect(instant?.record).toBe(spec.record);
  });

  it('registers every spec as a polling trigger, status triggers with the filter and record_id', () => {
    for (const spec of POLLING_TRIGGER_SPECS) {
      const trigger = app.triggers?.[spec.key] as { operation: { type: string; inputFields: { key: string }[]; outputFields: { key: string }[]; sample: Record<string, unknown> } };
      expect(trigger.operation.type).toBe('polling');
      const outputs = trigger.operation.outputFields.map((field) => field.key);
      const inputs = trigger.operation.inputFields.map((field) => field.key);
      if (spec.watch === 'status') {
        expect(inputs).toEqual(['status']);
        expect(outputs).toContain('record_id');
        expect(trigger.operation.sample.id).toBe(`${String(trigger.operation.sample.record_id)}:${String(trigger.operation.sample.status)}`);
      } else {
        expect(inputs).toEqual([]);
        expect(outputs).not.toContain('record_id');
      }
    }
  });

  it('names the polling trigger for instant keys and normalized events', () => {
    expect(pollingAlternativeTo('new_referral')).toBe('New Referral (Polling)');
    expect(pollingAlternativeTo('payout_paid')).toBe('New Payout (Polling)');
    expect(pollingAlternativeTo('new_platform_event')).toBeUndefined();
    expect(pollingTriggerFor('referral.approved')).toBe('Referral Status Changed (Polling)');
    expect(pollingTriggerFor('affiliate.created')).toBe('New Affiliate (Polling)');
    expect(pollingTriggerFor('payout.paid')).toBe('New Payout (Polling)');
    expect(pollingTriggerFor(undefined)).toBeUndefined();
  });
});

describe('platform list data for polling', () => {
  const lists = PLATFORMS.flatMap((platform) => Object.entries(platform.lists).map(([kind, list]) => [`${platform.id} ${kind}`, list] as const));

  it.each(lists)('%s says how it polls, tagged documented or inferred', (_name, list) => {
    expect(list?.polling).toBeDefined();
    expect(list?.polling?.source).toMatch(/documented|inferred/);
    const status = list?.polling?.status;
    expect(status && ('field' in status ? status.field : status.unavailable)).toBeTruthy();
  });
});

describe('polling helpers', () => {
  const now = new Date('2026-03-10T12:00:00.250Z');

  it('counts what Zapier asks for: its limit, 3 for samples, none for -1', () => {
    expect(wantedItems({ limit: 7 })).toBe(7);
    expect(wantedItems({ isLoadingSample: true })).toBe(3);
    expect(wantedItems({ limit: -1 })).toBeUndefined();
    expect(wantedItems(undefined)).toBeUndefined();
  });

  it('writes times in each filter format', () => {
    expect(formatTime(now, 'iso')).toBe('2026-03-10T12:00:00Z');
    expect(formatTime(now, 'date')).toBe('2026-03-10');
    expect(formatTime(now, 'epoch_ms')).toBe(now.getTime());
    expect(formatTime(now, 'epoch_s')).toBe(Math.floor(now.getTime() / 1000));
  });

  it('adds the window to the query, with its end where the vendor needs one', () => {
    const request = { method: 'GET' as const, path: '/x', query: { page: 1 }, source: 'test' };
    const since = formatTime(new Date(now.getTime() - LOOKBACK_SECONDS * 1000), 'epoch_ms');
    expect(withTimeFilter(request, { param: 'min_created', format: 'epoch_ms' }, now).query).toEqual({ page: 1, min_created: since });
    expect(withTimeFilter(request, { param: 'a', format: 'epoch_ms', untilParam: 'b' }, now).query).toEqual({ page: 1, a: since, b: now.getTime() });
    expect(withTimeFilter(request, undefined, now)).toBe(request);
  });

  it('sorts newest first, stable, undated items last', () => {
    const items = [{ n: 1, t: '2026-01-01' }, { n: 2 }, { n: 3, t: '2026-02-01' }, { n: 4, t: '2026-01-01' }];
    expect(newestFirst(items, (item) => item.t).map((item) => item.n)).toEqual([3, 1, 4, 2]);
  });
});
