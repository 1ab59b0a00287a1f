/**
 * Turning a Zap off removes only its own webhook (issue 12, finding 8): UpPromote allows one
 * subscription per event and deletes by event alone, so the event's current subscription is
 * looked up first and deleted only while its target is the URL this Zap registered.
 */
import nock from 'nock';
import { appTester, triggerOperation } from '../helpers/app';
import { upPromoteKit, upPromoteSecret } from '../../workshops/uppromote/kit';
import { routeToken } from '../../platforms/event-route';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const OWN_TARGET = `${TARGET_URL}?ah_event=referral.new`;
const newReferral = triggerOperation('new_referral');
const stored = {
  id: 'referral.new',
  platform: 'uppromote',
  subscriptions: [{ events: ['referral.new'], secret: upPromoteSecret('referral.new'), target: OWN_TARGET }],
};

/** The look-up unsubscribe makes, answering that `target` now holds the event. */
function lookUp(scope: nock.Scope, target: unknown): nock.Scope {
  return scope
    .get('/api/v2/webhook-subscriptions')
    .query({ page: '1', per_page: '10', event: 'referral.new' })
    .reply(200, { status: 200, message: 'success', data: [{ event: 'referral.new', target_url: target, secret_key: 'theirs' }] });
}

const unsubscribe = (subscribeData: unknown) => appTester(newReferral.performUnsubscribe, { authData: upPromoteKit.authData, subscribeData });

describe('UpPromote unsubscribe', () => {
  it("leaves another tool's webhook for the event in place", async () => {
    const scope = lookUp(upPromoteKit.api(), 'https://other-tool.example.com/hook');
    const deletion = upPromoteKit.api().delete('/api/v2/webhook-subscriptions').reply(200, { status: 200, message: 'success' });
    await unsubscribe(stored);
    expect(scope.isDone()).toBe(true);
    expect(deletion.isDone()).toBe(false);
  });

  it('deletes the webhook while it still goes to this Zap', async () => {
    const scope = lookUp(upPromoteKit.api(), OWN_TARGET).delete('/api/v2/webhook-subscriptions', { event: 'referral.new' }).reply(200, { status: 200, message: 'success' });
    await unsubscribe(stored);
    expect(scope.isDone()).toBe(true);
  });

  it('deletes nothing when the event has no subscription any more', async () => {
    const scope = upPromoteKit.api().get('/api/v2/webhook-subscriptions').query(true).reply(200, { status: 200, message: 'success', data: [] });
    const deletion = upPromoteKit.api().delete('/api/v2/webhook-subscriptions').reply(200, { status: 200, message: 'success' });
    await unsubscribe(stored);
    expect(scope.isDone()).toBe(true);
    expect(deletion.isDone()).toBe(false);
  });

  it('deletes nothing for subscribeData that does not say which target it registered', async () => {
    const scope = lookUp(upPromoteKit.api(), OWN_TARGET);
    const deletion = upPromoteKit.api().delete('/api/v2/webhook-subscriptions').reply(200, { status: 200, message: 'success' });
    await unsubscribe({ ...stored, subscriptions: [{ events: ['referral.new'], secret: 's' }] });
    expect(scope.isDone()).toBe(true);
    expect(deletion.isDone()).toBe(false);
  });

  it('subscribe stores the target it registered', async () => {
    const scope = upPromoteKit.api();
    upPromoteKit.expectSubscribe(scope, 'referral.new');
    const data = await appTester(newReferral.performSubscribe, { authData: upPromoteKit.authData, targetUrl: TARGET_URL });
    expect(scope.isDone()).toBe(true);
    // With the route token that binds `ah_event` to this Zap's subscription (issue 22 item 14).
    const route = routeToken(String(upPromoteKit.authData.api_key), TARGET_URL, 'referral.new');
    expect(data).toMatchObject({ subscriptions: [{ events: ['referral.new'], target: `${OWN_TARGET}&ah_route=${route}` }] });
  });
});
