/**
 * The whole app definition: Zapier's schema (the same check `zapier-platform validate` runs
 * locally), the field conventions the Zap editor depends on, and samples that cannot drift from
 * what perform returns.
 */
import { prepareApp, validateApp } from 'zapier-platform-core/src/tools/schema';
import { app } from './helpers/app';
import { normalizeRecord } from '../platforms/normalize';
import { recordKindOf } from '../platforms/records';
import { getPath } from '../platforms/paths';
import { rebus } from '../platforms/rebus';
import type { PlatformDefinition } from '../platforms/types';
import { uppromote } from '../platforms/uppromote';
import rebusPayoutCreated from './fixtures/rebus/payout.created.json';
import referralNew from './fixtures/uppromote/referral.new.json';
import referralApproved from './fixtures/uppromote/referral.approved.json';
import affiliateNew from './fixtures/uppromote/affiliate.new.json';
import affiliateStatusChanged from './fixtures/uppromote/affiliate.status-changed.json';
import paymentPaid from './fixtures/uppromote/payment.paid.json';
import { AFFILIATE_SAMPLE, PAYOUT_SAMPLE, REFERRAL_SAMPLE, withoutPlaceholders } from '../triggers/samples';

type Display = { label: string; description: string; hidden?: boolean };
type Operation = { inputFields?: { key: string; label?: string; helpText?: string }[] };
type Definition = { key: string; display: Display; operation: Operation };

const triggers = Object.values(app.triggers ?? {}) as unknown as Definition[];
const creates = Object.values(app.creates ?? {}) as unknown as Definition[];
describe('app definition', () => {
  it("passes zapier-platform-schema's validation", () => {
    expect(validateApp(prepareApp(app)).map((error) => error.stack)).toEqual([]);
  });

  it.each([...triggers, ...creates].map((item) => [item.key, item] as const))('%s gives every input a label and help text', (_key, item) => {
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
    expect(sample).toEqual(normalized);
  });
});
