/**
 * The polling triggers' data and pure helpers: Zapier's conventions for labels and descriptions,
 * status samples built the way perform builds outputs, every pollable list described with its
 * source, and the time-window arithmetic.
 */
import { PLATFORMS } from '../../platforms/registry';
import { wantedItems } from '../../triggers/polling-run';
import { pagesPerPoll } from '../../platforms/polling-budget';
import { formatTime, LOOKBACK_SECONDS, oldestFirst, withTimeFilter } from '../../triggers/polling-pages';
import { POLLING_TRIGGER_SPECS, pollingTriggerFor } from '../../fields/polling-triggers';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers/index';
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
      const { operation } = app.triggers[spec.key];
      expect(operation.type).toBe('polling');
      // A dynamic output entry (a function) has no key.
      const outputs = (operation.outputFields ?? []).map((field) => (typeof field === 'function' ? undefined : field.key));
      // Core's type already has only functions here; a static field would show whole in the failure.
      const inputs = (operation.inputFields ?? []).map((field) => (typeof field === 'function' ? 'coverage notice' : field));
      if (spec.watch === 'status') {
        // Both depend on the connection: the notice, then the statuses the platform reports (test/editor/).
        expect(inputs).toEqual(['coverage notice', 'coverage notice']);
        expect(outputs).toContain('record_id');
        // `<record id>:<status>:<time of the change>`, as perform builds it.
        expect(String(operation.sample?.id)).toBe(`${String(operation.sample?.record_id)}:${String(operation.sample?.status)}:2026-03-10T11:45:00.000Z`);
      } else {
        expect(inputs).toEqual(['coverage notice']);
        expect(outputs).not.toContain('record_id');
      }
    }
  });

  it('names the polling trigger for instant keys and normalized events', () => {
    const byId = (id: string) => PLATFORMS.find((platform) => platform.id === id)!;
    expect(pollingTriggerFor(byId('uppromote'), 'referral.approved')).toBe('Referral Status Changed (Polling)');
    expect(pollingTriggerFor(byId('uppromote'), 'affiliate.created')).toBe('New Affiliate (Polling)');
    // UpPromote lists paid payments only; a list of every payout would fire at creation, not payment.
    expect(pollingTriggerFor(byId('uppromote'), 'payout.paid')).toBe('New Payout (Polling)');
    expect(pollingTriggerFor(byId('rebus'), 'payout.paid')).toBeUndefined();
    expect(pollingTriggerFor(byId('uppromote'), undefined)).toBeUndefined();
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

  it.each(lists)('%s sends the end of every window whose start needs one', (_name, list) => {
    for (const filter of [list?.polling?.createdSince, list?.polling?.updatedSince]) {
      if (filter?.param === 'from_date') expect(filter.untilParam).toBe('to_date');
    }
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
    const start = new Date(now.getTime() - LOOKBACK_SECONDS * 1000);
    const since = formatTime(start, 'epoch_ms');
    expect(withTimeFilter(request, { param: 'min_created', format: 'epoch_ms' }, start, now).query).toEqual({ page: 1, min_created: since });
    expect(withTimeFilter(request, { param: 'a', format: 'epoch_ms', untilParam: 'b' }, start, now).query).toEqual({ page: 1, a: since, b: now.getTime() });
    expect(withTimeFilter(request, { param: 'a', format: 'iso', query: { order: 'asc' } }, start, now).query).toEqual({ page: 1, a: '2026-03-09T12:00:00Z', order: 'asc' });
    expect(withTimeFilter(request, undefined, start, now)).toBe(request);
  });

  it('sorts oldest first, stable, undated items first', () => {
    const items = [{ n: 1, t: '2026-01-01' }, { n: 2 }, { n: 3, t: '2026-02-01' }, { n: 4, t: '2026-01-01' }];
    const sorted = oldestFirst(items.map((item) => ({ record: { id: String(item.n), platform: 'x', event: 'other' as const, vendor_event: 'x', raw: {} }, time: item.t })));
    expect(sorted.map((item) => item.record.id)).toEqual(['2', '1', '4', '3']);
  });

  it("spends a tenth of a minute's allowance a poll, between 1 and 10 pages", () => {
    expect(pagesPerPoll({ requests: 120, perSeconds: 60, per: 'shop', source: 'documented' })).toBe(10);
    expect(pagesPerPoll({ requests: 45, perSeconds: 30, per: 'account', source: 'inferred' })).toBe(9);
    expect(pagesPerPoll({ requests: 5, perSeconds: 60, per: 'account', source: 'inferred' })).toBe(1);
    expect(pagesPerPoll(undefined)).toBe(6);
  });
});
