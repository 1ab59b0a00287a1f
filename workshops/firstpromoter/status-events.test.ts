/**
 * FirstPromoter's status events (issue 25 items 1-3): names documented only since 2026-06-01 that
 * an account may refuse. A refusal at subscribe falls back to the object's `*.updated` event with no
 * error, and such a subscription runs the Zap only for updates whose `changes` holds the status the
 * refused event names. `commission.updated` with a status change is a referral status change.
 */
import nock from 'nock';
import { appTester, runsOf, triggerOperation } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { useFixtureClock } from '../../test/helpers/fixture-clock';
import { firstpromoter } from '../../platforms/firstpromoter';
import { fallbackSubscription } from '../../platforms/event-fallback';
import commissionUpdated from './fixtures/commission.updated.json';
import payoutCompleted from './fixtures/payout.completed.json';
import { FP_TOKEN_HEADER, firstpromoterKit } from './kit';

const authData = firstpromoterKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const REFUSAL = { message: 'Validation failed: Event types contains unknown event types: commission.approved', code: 'invalid_params' };

type Stored = { id: string; platform: string; subscriptions: { events: string[]; id?: string; secret?: string; standIns?: Record<string, string[]> }[] };

/** Expects a refused create, then a create with exactly `fallback`; returns what the second create sent. */
function refuseThenAccept(fallback: string[]): { sent: () => string[]; scope: nock.Scope } {
  let sent: string[] = [];
  const scope = firstpromoterKit
    .api()
    .post('/api/v2/company/webhooks')
    .reply(422, REFUSAL)
    .post('/api/v2/company/webhooks', (body: { event_types?: string[] }) => {
      sent = body.event_types ?? [];
      return JSON.stringify(sent) === JSON.stringify(fallback);
    })
    .reply(201, { id: 77, event_types: fallback });
  return { sent: () => sent, scope };
}

/** A delivery of `body` (with its event renamed and its `changes` replaced) to a trigger. */
function deliver(trigger: string, stored: Stored, body: Record<string, unknown>, inputData: Record<string, unknown> = {}) {
  const raw = JSON.stringify(body);
  const token = stored.subscriptions[0].secret ?? '';
  return runsOf<Record<string, unknown>>(
    appTester(triggerOperation(trigger).perform, { authData, inputData, subscribeData: stored, ...hookRequest(raw, { [FP_TOKEN_HEADER]: token }, {}) }, true),
  );
}

afterEach(() => nock.cleanAll());

describe('an account that refuses the status event names', () => {
  useFixtureClock('firstpromoter');

  it('turns Referral Status Changed on through commission.updated, remembering what it stands in for', async () => {
    const { scope } = refuseThenAccept(['commission.updated']);
    const stored = (await appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as Stored;
    expect(scope.isDone()).toBe(true);
    expect(stored.subscriptions[0]).toMatchObject({ events: ['commission.updated'], id: '77', standIns: { 'commission.updated': ['commission.approved', 'commission.denied'] } });
  });

  it('runs the Zap for an update that changed the status to one a refused event names, as that event', async () => {
    const { scope } = refuseThenAccept(['commission.updated']);
    const stored = (await appTester(triggerOperation('referral_status_changed').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as Stored;
    expect(scope.isDone()).toBe(true);
    expect(await deliver('referral_status_changed', stored, commissionUpdated)).toEqual([
      expect.objectContaining({ id: '13533003', event: 'referral.approved', vendor_event: 'commission.updated', status: 'approved', previous_status: 'pending' }),
    ]);
  });

  it('runs no Zap for an update without a status change, nor for a status no refused event names', async () => {
    const stored: Stored = {
      id: '77',
      platform: 'firstpromoter',
      subscriptions: [{ events: ['commission.updated'], id: '77', secret: 'ab'.repeat(32), standIns: { 'commission.updated': ['commission.approved', 'commission.denied'] } }],
    };
    const unchanged = { ...commissionUpdated, event_id: 'aa0c1d2e-0000-4000-8000-000000000001', changes: { amount: [300, 400] } };
    expect(await deliver('referral_status_changed', stored, unchanged)).toEqual([]);
    const toPending = {
      ...commissionUpdated,
      event_id: 'aa0c1d2e-0000-4000-8000-000000000002',
      changes: { status: ['approved', 'pending'] },
      data: { ...commissionUpdated.data, status: 'pending' },
    };
    expect(await deliver('referral_status_changed', stored, toPending)).toEqual([]);
  });

  it('turns Payout Paid on through payout.updated and runs it for a completed payout only', async () => {
    const { scope } = refuseThenAccept(['payout.updated']);
    const stored = (await appTester(triggerOperation('payout_paid').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as Stored;
    expect(scope.isDone()).toBe(true);
    const completed = { ...payoutCompleted, event_type: 'payout.updated' };
    expect(await deliver('payout_paid', stored, completed)).toEqual([expect.objectContaining({ id: '7001', event: 'payout.paid', status: 'paid' })]);
    const processing = {
      ...completed,
      event_id: 'aa0c1d2e-0000-4000-8000-000000000003',
      changes: { status: ['pending', 'processing'] },
      data: { ...completed.data, status: 'processing' },
    };
    expect(await deliver('payout_paid', stored, processing)).toEqual([]);
  });

  it('keeps the status event where the account accepts it (no fallback, no stand-in)', async () => {
    const scope = firstpromoterKit.api().post('/api/v2/company/webhooks').reply(201, { id: 78 });
    const stored = (await appTester(triggerOperation('payout_paid').performSubscribe, { authData, targetUrl: TARGET_URL, inputData: {} })) as Stored;
    expect(scope.isDone()).toBe(true);
    expect(stored.subscriptions[0].events).toEqual(['payout.completed']);
    expect(stored.subscriptions[0].standIns).toBeUndefined();
  });
});

describe('the catalogue', () => {
  const keys = firstpromoter.events.map((event) => event.key);

  it('no longer offers the events FirstPromoter removed, and offers their replacements', () => {
    for (const removed of ['promoter.profile.updated', 'payout.commissions.created', 'payout.commissions.updated', 'payout.commissions.deleted']) expect(keys).not.toContain(removed);
    expect(keys).toEqual(expect.arrayContaining(['payout.commissions.added', 'payout.commissions.removed']));
  });

  it('replaces each refused name once, and lets an update the Zap asked for itself run unfiltered', () => {
    expect(fallbackSubscription(firstpromoter, ['commission.approved', 'commission.denied', 'commission.created'])).toEqual({
      events: ['commission.updated', 'commission.created'],
      standIns: { 'commission.updated': ['commission.approved', 'commission.denied'] },
    });
    expect(fallbackSubscription(firstpromoter, ['commission.updated', 'commission.approved'])).toEqual({ events: ['commission.updated'], standIns: {} });
    expect(fallbackSubscription(firstpromoter, ['commission.created'])).toBeUndefined();
  });

  it('gives every status event a fallback the catalogue has, one that reads a change', () => {
    const withFallback = firstpromoter.events.filter((event) => event.fallback !== undefined);
    expect(withFallback.map((event) => event.key)).toEqual(expect.arrayContaining(['commission.approved', 'promoter_campaign.accepted', 'payout.completed']));
    for (const event of withFallback) {
      expect(firstpromoter.events.find((candidate) => candidate.key === event.fallback?.event)?.changed).toBeDefined();
    }
  });
});
