/**
 * The test step is a promise (issue 23 item 1, Zapier's check T006): for every platform with a
 * webhook API and every instant record trigger it serves (each status filter choice included),
 * every field the test step fills — performList over a list item that carries every field the
 * platform's field map reads — is filled by a signed live delivery of the events the trigger
 * subscribes, run through `perform` the way Zapier calls it. A field the webhook cannot carry must
 * be left out of the test step (the event's `delivers`) or fetched: the vendor's API answers every
 * get and look-up with a full item, in both steps, so what the app fetches counts as filled.
 */
import nock from 'nock';
import { statusChoices } from '../../fields/editor-fields';
import { selectVendorEvents } from '../../fields/event-selection';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers';
import { findPlatform } from '../../platforms/registry';
import type { RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { appTester, runsOf, triggerOperation } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { useFixtureClock } from '../helpers/fixture-clock';
import { fullAnswer } from '../helpers/full-list-item';
import type { PlatformKit, StoredSubscription } from '../platforms/kit';
import { KITS } from '../platforms/kits';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';

/** Keys that say what a record is rather than what the vendor sent: the same in both by construction. */
const FACTS = new Set(['id', 'platform', 'event', 'vendor_event', 'raw', 'previous_status']);

function filledKeys(record: Record<string, unknown>): string[] {
  return Object.entries(record)
    .filter(([key, value]) => !FACTS.has(key) && value !== undefined && value !== null && value !== '')
    .map(([key]) => key);
}

async function subscribed(kit: PlatformKit, event: string): Promise<StoredSubscription> {
  const scope = kit.api();
  kit.expectSubscribe(scope, event);
  const stored = (await appTester(triggerOperation('new_platform_event').performSubscribe, { authData: kit.authData, inputData: { event }, targetUrl: TARGET_URL })) as StoredSubscription;
  nock.cleanAll();
  return stored;
}

/** The fields a signed live delivery of `vendorEvent` fills through the trigger's perform, or undefined when the kit has no such delivery. */
async function liveKeys(kit: PlatformKit, trigger: string, vendorEvent: string): Promise<Set<string> | undefined> {
  const delivery = kit.deliveries.find((item) => item.vendorEvent === vendorEvent);
  if (delivery === undefined) return undefined;
  const stored = await subscribed(kit, vendorEvent);
  const signed = kit.deliver(vendorEvent, delivery.body, stored);
  const kind = findPlatform(kit.id)!.events.find((event) => event.key === vendorEvent)?.event?.split('.')[0] as RecordKind | undefined;
  if (kind !== undefined) answerFully(findPlatform(kit.id)!, kind);
  // No status filter here: the filter decides whether a delivery runs, not which fields it fills.
  const runs = await runsOf<Record<string, unknown>>(
    appTester(triggerOperation(trigger).perform, { authData: kit.authData, inputData: {}, subscribeData: stored, ...hookRequest(signed.rawBody, signed.headers, signed.query) }),
  );
  nock.cleanAll();
  if (runs.length === 0) throw new Error(`${kit.id}: a signed ${vendorEvent} delivery produced no run of ${trigger}`);
  return new Set(runs.flatMap(filledKeys));
}

/** The vendor's API for both steps: gets and look-ups answer with full items, so what the app fetches counts as filled (item 1: "or fetched"). */
function answerFully(platform: PlatformDefinition, kind: RecordKind, status?: string): void {
  nock(new URL(platform.baseUrl).origin)
    .persist()
    .get(/.*/)
    .reply(200, (uri) => fullAnswer(platform, kind, uri.split('?')[0], status));
  const list = platform.lists[kind];
  if (list !== undefined && list.request.method !== 'GET') {
    nock(new URL(platform.baseUrl).origin).persist().intercept(/.*/, list.request.method).reply(200, () => fullAnswer(platform, kind, '', status));
  }
}

/** The fields the test step fills when the platform's list holds one full item of each status the filter accepts. */
async function testStepKeys(kit: PlatformKit, platform: PlatformDefinition, trigger: string, kind: RecordKind, status: string | undefined): Promise<Set<string>> {
  const list = platform.lists[kind];
  if (list === undefined) return new Set();
  answerFully(platform, kind, status);
  try {
    const records = (await appTester(triggerOperation(trigger).performList, { authData: kit.authData, inputData: status ? { status } : {}, meta: { limit: 10 } })) as Record<string, unknown>[];
    return new Set(records.flatMap(filledKeys));
  } finally {
    nock.cleanAll();
  }
}

const RECORD_TRIGGERS = HOOK_TRIGGER_SPECS.filter((spec) => spec.events !== 'chosen' && spec.record !== undefined);

/** The trigger × status-filter cases of one platform whose filter subscribes to an event the kit has a delivery of. */
function casesOf(kit: PlatformKit) {
  const platform = findPlatform(kit.id)!;
  return RECORD_TRIGGERS.flatMap((spec) => {
    if (spec.events === 'chosen' || spec.record === undefined) return [];
    const events = spec.events;
    const filters = spec.statusFilter ? [undefined, ...Object.keys(statusChoices(spec.record, platform))] : [undefined];
    // A filter whose events the kit has no documented delivery of has nothing to compare (FirstPromoter's blocked campaign).
    const delivered = (status: string | undefined) => selectVendorEvents(platform, events, status).some((event) => kit.deliveries.some((item) => item.vendorEvent === event.key));
    // Filters that subscribe the same events compare the same deliveries: one case each (the suite stays quick).
    const seen = new Set<string>();
    const distinct = (status: string | undefined) => {
      const key = selectVendorEvents(platform, events, status).map((event) => event.key).join(',');
      return seen.has(key) ? false : (seen.add(key), true);
    };
    return filters
      .filter(delivered)
      .filter(distinct)
      .map((status) => [`${spec.key}${status ? ` (${status})` : ''}`, platform, spec, status] as const);
  });
}

describe.each(KITS.map((kit) => [kit.id, kit] as const))('%s: test step = live run', (id, kit) => {
  useFixtureClock(id);
  afterEach(() => nock.cleanAll());

  it.each(casesOf(kit))('%s: every field the test step fills is filled live', async (_name, platform, spec, status) => {
    if (spec.events === 'chosen' || spec.record === undefined) throw new Error('record triggers only');
    const events = selectVendorEvents(platform, spec.events, status);
    const shown = await testStepKeys(kit, platform, spec.key, spec.record, status);
    const lacking: string[] = [];
    let delivered = 0;
    for (const event of events) {
      const live = await liveKeys(kit, spec.key, event.key);
      if (live === undefined) continue;
      delivered += 1;
      for (const key of shown) if (!live.has(key)) lacking.push(`${event.key} lacks ${key}`);
    }
    expect(delivered).toBeGreaterThan(0);
    expect(lacking).toEqual([]);
  });
});
