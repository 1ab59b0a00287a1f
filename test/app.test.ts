/**
 * The whole app definition: Zapier's schema (the same check `zapier-platform validate` runs
 * locally), the field conventions the Zap editor depends on, and samples that cannot drift from
 * what perform returns.
 */
import type { Create, Trigger } from 'zapier-platform-core';
import { prepareApp, validateApp } from 'zapier-platform-core/src/tools/schema';
import { app } from './helpers/app';
import { normalizeRecord } from '../platforms/normalize';
import { recordKindOf } from '../platforms/records';
import { getPath } from '../platforms/paths';
import { rebus } from '../platforms/rebus';
import type { PlatformDefinition } from '../platforms/types';
import { uppromote } from '../platforms/uppromote';
import rebusPayoutCreated from '../workshops/rebus/fixtures/payout.created.json';
import referralNew from '../workshops/uppromote/fixtures/referral.new.json';
import referralApproved from '../workshops/uppromote/fixtures/referral.approved.json';
import affiliateNew from '../workshops/uppromote/fixtures/affiliate.new.json';
import affiliateStatusChanged from '../workshops/uppromote/fixtures/affiliate.status-changed.json';
import paymentPaid from '../workshops/uppromote/fixtures/payment.paid.json';
import { AFFILIATE_SAMPLE, PAYOUT_SAMPLE, REFERRAL_SAMPLE, withoutPlaceholders } from '../fields/samples';

const operations: (Trigger | Create)[] = [...Object.values(app.triggers), ...Object.values(app.creates)];
describe('app definition', () => {
  it("passes zapier-platform-schema's validation", () => {
    expect(validateApp(prepareApp(app)).map((error) => error.stack)).toEqual([]);
  });

  it.each(operations.map((item) => [item.key, item] as const))('%s gives every input a label and help text', (_key, item) => {
    // Dynamic entries (functions of the connection) are resolved and checked per platform in test/editor/.
    for (const field of (item.operation.inputFields ?? []).filter((field) => typeof field !== 'function')) {
      expect(field.label).toBeTruthy();
      expect(field.helpText).toBeTruthy();
    }
  });
});

describe('samples are what perform returns for the documented payloads', () => {
  it.each<[string, unknown, PlatformDefinition, string, Record<string, unknown>]>([
    ['New Referral', REFERRAL_SAMPLE.created, uppromote, 'referral.new', referralNew],
    ['Referral Status Changed', REFERRAL_SAMPLE.approved, uppromote, 'referral.approved', referralApproved],
    ['New Affiliate', AFFILIATE_SAMPLE.created, uppromote, 'affiliate.new', affiliateNew],
    ['Affiliate Status Changed', AFFILIATE_SAMPLE.statusChanged, uppromote, 'affiliate.status-changed', affiliateStatusChanged],
    ['New Payout', PAYOUT_SAMPLE.created, rebus, 'payout.created', withoutPlaceholders(rebusPayoutCreated)],
    ['Payout Paid', PAYOUT_SAMPLE.paid, uppromote, 'payment.paid', paymentPaid],
  ])('%s', (_name, sample, platform, vendorEventKey, fixture) => {
    const vendorEvent = platform.events.find((event) => event.key === vendorEventKey);
    if (!vendorEvent?.event) throw new Error(`no mapped event ${vendorEventKey}`);
    const normalized = normalizeRecord(
      { platform, kind: recordKindOf(vendorEvent.event), event: vendorEvent.event, vendorEvent: vendorEvent.key, overrides: vendorEvent.fields },
      getPath(fixture, vendorEvent.objectPath ?? ''),
      fixture,
    );
    // The fixed samples keep no copy of the vendor payload (`raw`): it would be copied and frozen with the definition on every call (issue 23 item 15).
    // A sample keeps only the keys every platform fills (test/editor/samples.test.ts), each with perform's value.
    const sampleKeys = Object.keys(sample as Record<string, unknown>);
    expect(sampleKeys).not.toContain('raw');
    expect(sample).toEqual(Object.fromEntries(Object.entries(normalized).filter(([key]) => sampleKeys.includes(key))));
  });
});
