/**
 * Issue 22 item 14: UpPromote's bodies name no event, so each subscription's URL carries
 * `ah_event`; the signature covers the body, not the URL. Under one secret shared by every
 * subscription of a shop, a captured delivery could be re-sent with another `ah_event` and run as
 * that event. The URL's `ah_route` token (an HMAC of the Zap's URL and the event with the
 * connection's key) binds the route to its subscription.
 */
import { routeToken } from '../../platforms/event-route';
import { appTester, runsOf, triggerOperation } from '../helpers/app';
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { upPromoteKit } from '../../workshops/uppromote/kit';
import referralNew from '../../workshops/uppromote/fixtures/referral.new.json';

const SHOP_SECRET = 'shop-wide-secret-1f2e3d4c';
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/routes/';
const API_KEY = String(upPromoteKit.authData.api_key);
const body = JSON.stringify(referralNew);
const signature = { 'X-UpPromote-Signature': hmacHex(SHOP_SECRET, body) };

const routeOf = (event: string) => routeToken(API_KEY, TARGET_URL, event);
const targetOf = (event: string) => `${TARGET_URL}?ah_event=${event}&ah_route=${routeOf(event)}`;

/** A Zap with one subscription per event, every one holding the same shop-wide secret. */
const subscribeData = {
  id: 'referral.new+referral.approved',
  platform: 'uppromote',
  subscriptions: ['referral.new', 'referral.approved'].map((event) => ({ events: [event], secret: SHOP_SECRET, target: targetOf(event) })),
};

function deliver(query: Record<string, string>, data: unknown = subscribeData) {
  return runsOf<Record<string, unknown>>(
    appTester(triggerOperation('new_platform_event').perform, { authData: upPromoteKit.authData, inputData: {}, subscribeData: data, ...hookRequest(body, signature, query) }),
  );
}

describe('UpPromote routes under a shop-wide secret', () => {
  it('runs a delivery on the route it was registered for', async () => {
    expect(await deliver({ ah_event: 'referral.new', ah_route: routeOf('referral.new') })).toEqual([expect.objectContaining({ vendor_event: 'referral.new' })]);
  });

  it('refuses the same delivery re-sent with another ah_event, whatever route token it carries', async () => {
    expect(await deliver({ ah_event: 'referral.approved', ah_route: routeOf('referral.new') })).toEqual([]);
    expect(await deliver({ ah_event: 'referral.approved' })).toEqual([]);
    expect(await deliver({ ah_event: 'referral.approved', ah_route: 'f'.repeat(32) })).toEqual([]);
  });

  it('subscribes with the route token in the URL it registers', async () => {
    let registered = '';
    const scope = upPromoteKit.api().get('/api/v2/webhook-subscriptions').query(true).reply(200, { data: [] });
    scope
      .post('/api/v2/webhook-subscriptions', (sent: { target_url?: string }) => {
        registered = sent.target_url ?? '';
        return true;
      })
      .reply(200, { status: 200, data: { secret_key: SHOP_SECRET } });
    const stored = (await appTester(triggerOperation('new_referral').performSubscribe, { authData: upPromoteKit.authData, inputData: {}, targetUrl: TARGET_URL })) as typeof subscribeData;
    expect(registered).toBe(targetOf('referral.new'));
    expect(stored.subscriptions[0]).toMatchObject({ target: targetOf('referral.new'), secret: SHOP_SECRET });
  });

  it('still binds routes by secret for subscriptions made before route tokens', async () => {
    const legacy = {
      ...subscribeData,
      subscriptions: [
        { events: ['referral.new'], secret: 'secret-of-new', target: `${TARGET_URL}?ah_event=referral.new` },
        { events: ['referral.approved'], secret: 'secret-of-approved', target: `${TARGET_URL}?ah_event=referral.approved` },
      ],
    };
    const signedForNew = hookRequest(body, { 'X-UpPromote-Signature': hmacHex('secret-of-new', body) }, { ah_event: 'referral.approved' });
    const runs = await runsOf(appTester(triggerOperation('new_platform_event').perform, { authData: upPromoteKit.authData, inputData: {}, subscribeData: legacy, ...signedForNew }));
    expect(runs).toEqual([]);
  });
});
