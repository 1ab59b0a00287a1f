/**
 * Issue 22 item 14: Zapier may call a REST hook's subscribe twice for one Zap. On Rebus AI every
 * create makes a new webhook, so the first one must be removed, not left receiving deliveries
 * that no subscribeData knows of.
 */
import { appTester, triggerOperation } from '../helpers/app';
import { rebusKit } from '../../workshops/rebus/kit';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/repeat/';
const subscribe = triggerOperation('new_referral').performSubscribe;

function created(id: number) {
  return { success: true, data: { id, events: ['commission.created'], active: true }, message: 'Webhook created successfully' };
}

describe('a repeated subscribe for one Zap', () => {
  it("removes the webhook the earlier subscribe made (Rebus AI), keeping the new one", async () => {
    const scope = rebusKit.api().post('/api/v1/affiliate/webhooks/').reply(201, created(11)).post('/api/v1/affiliate/webhooks/').reply(201, created(12));
    const removed = rebusKit.api().delete('/api/v1/affiliate/webhooks/11/').reply(204);
    const bundle = { authData: rebusKit.authData, inputData: {}, targetUrl: TARGET_URL };
    // One z.cache across both calls (the tester's third argument), as for one Zap on Zapier.
    const first = (await appTester(subscribe, bundle, false)) as { id: string };
    const second = (await appTester(subscribe, bundle, false)) as { id: string };
    expect([first.id, second.id]).toEqual(['11', '12']);
    expect(scope.isDone()).toBe(true);
    expect(removed.isDone()).toBe(true);
  });

  it("leaves another Zap's webhook alone", async () => {
    const scope = rebusKit.api().post('/api/v1/affiliate/webhooks/').reply(201, created(21)).post('/api/v1/affiliate/webhooks/').reply(201, created(22));
    await appTester(subscribe, { authData: rebusKit.authData, inputData: {}, targetUrl: TARGET_URL }, false);
    // nock.disableNetConnect (test/setup.ts): a DELETE here would fail the subscribe.
    await appTester(subscribe, { authData: rebusKit.authData, inputData: {}, targetUrl: `${TARGET_URL}other/` }, false);
    expect(scope.isDone()).toBe(true);
  });
});
