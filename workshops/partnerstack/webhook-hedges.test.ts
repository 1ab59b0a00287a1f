/**
 * Issue 13 items 10 and 11 (PartnerStack): the webhook-create body's URL field is `target` or
 * `target_url` (sources disagree), retried once on a 400/422 naming the field and remembered per
 * connection; deliveries without an `event` field are routed by the URL's `ah_event`, then by the
 * single event the subscription covers.
 */
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { appTester, runsOf, triggerOperation } from '../../test/helpers/app';
import { hookRequest } from '../../test/helpers/deliveries';
import { rejectionMessage } from '../../test/helpers/errors';
import { fakeCacheRpc, type FakeCacheRpc } from '../../test/helpers/fake-cache-rpc';
import { PARTNERSTACK_BASIC, PARTNERSTACK_ORIGIN, partnerStackKit } from './kit';

const authData = partnerStackKit.authData;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/13/10/';
const newReferral = triggerOperation('new_referral');
const api = () => nock(PARTNERSTACK_ORIGIN, { reqheaders: { authorization: PARTNERSTACK_BASIC } });

type Perform = (z: ZObject, bundle: unknown) => unknown;

/** Runs an operation with `store` behind z.cache, so what one call remembers the next one reads. */
function withStore(perform: unknown, store: FakeCacheRpc, bundle: Record<string, unknown>): Promise<unknown> {
  const wrapped = (z: ZObject, given: unknown) => {
    z.cache = store.cache;
    return (perform as Perform)(z, given);
  };
  return appTester(wrapped, bundle);
}

/** The body a create request carries, with our token's URL. */
interface CreateBody {
  target?: string;
  target_url?: string;
  events?: string[];
}

describe('PartnerStack webhook create: target or target_url', () => {
  const subscribe = (store: FakeCacheRpc) => withStore(newReferral.performSubscribe, store, { authData, targetUrl: TARGET_URL });

  it('retries once with target_url when PartnerStack names the field, and uses it first next time', async () => {
    const store = fakeCacheRpc();
    const sent: CreateBody[] = [];
    const scope = api()
      .post('/api/v2/webhooks', (body: CreateBody) => sent.push(body) > 0 && body.target !== undefined && body.target_url === undefined)
      .reply(422, { message: 'target_url: field required', status: 422 })
      .post('/api/v2/webhooks', (body: CreateBody) => sent.push(body) > 0 && body.target_url !== undefined && body.target === undefined)
      .reply(200, { data: { key: 'whk_first' }, message: 'Webhook created', status: 200 });
    const stored = (await subscribe(store)) as { id: string; token: string };
    expect(scope.isDone()).toBe(true);
    expect(stored.id).toBe('whk_first');
    expect(sent.map((body) => Object.keys(body))).toEqual([
      ['target', 'events'],
      ['target_url', 'events'],
    ]);
    expect(new URL(sent[1].target_url ?? '').searchParams.get('ah_token')).toBe(stored.token);

    const again = api()
      .post('/api/v2/webhooks', (body: CreateBody) => body.target_url !== undefined && body.target === undefined)
      .reply(200, { data: { key: 'whk_second' }, status: 200 });
    expect(((await subscribe(store)) as { id: string }).id).toBe('whk_second');
    expect(again.isDone()).toBe(true);
    expect(store.sets.filter((set) => set.key.startsWith('webhook-field:'))).toEqual([expect.objectContaining({ scope: ['auth'] })]);
  });

  it('does not retry a refusal that does not name the field', async () => {
    const scope = api().post('/api/v2/webhooks').reply(400, { message: 'events: unknown event type', status: 400 });
    const message = await rejectionMessage(subscribe(fakeCacheRpc()));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^PartnerStack refused to create the webhook \(HTTP 400: "events: unknown event type"\), tried with the URL field named "target"\. Nothing was registered/);
  });

  it('says what was tried and the vendor message, redacted, when every name is refused', async () => {
    let token = '';
    const scope = api()
      .post('/api/v2/webhooks', (body: CreateBody) => {
        token = new URL(body.target ?? '').searchParams.get('ah_token') ?? '';
        return body.target !== undefined;
      })
      .reply(422, (_uri, body) => ({ message: `target is invalid: ${(body as CreateBody).target}`, status: 422 }))
      .post('/api/v2/webhooks', (body: CreateBody) => body.target_url !== undefined)
      .reply(422, (_uri, body) => ({ message: `target_url is invalid: ${(body as CreateBody).target_url}`, status: 422 }));
    const message = await rejectionMessage(subscribe(fakeCacheRpc()));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^PartnerStack refused to create the webhook \(HTTP 422: "target_url is invalid: https:\/\/hooks\.zapier\.com\/hooks\/standard\/13\/10\/\?ah_token=\[redacted\]&ah_event=transaction\.created&ah_route=\[redacted\]"\), tried with the URL field named "target", then "target_url"\. Nothing was registered, so the Zap was not turned on\./);
    expect(token).not.toBe('');
    expect(message).not.toContain(token);
  });
});

describe('PartnerStack deliveries without an event field', () => {
  const TOKEN = 'tok_hedges_partnerstack_0123456789';
  const transaction = { key: 'tran_51', amount: 4900, currency: 'USD', customer_key: 'cus_1', partnership_key: 'part_1', created_at: 1707403201441 };
  const deliver = (query: Record<string, string>, events: string[]) =>
    runsOf<Record<string, unknown>>(
      appTester(
        newReferral.perform,
        {
          authData,
          subscribeData: { id: 'whk_1', platform: 'partnerstack', subscriptions: [{ events, id: 'whk_1' }], token: TOKEN },
          ...hookRequest(JSON.stringify(transaction), {}, query),
        },
        true,
      ),
    );

  it("routes by the URL's ah_event", async () => {
    const runs = await deliver({ ah_token: TOKEN, ah_event: 'transaction.created' }, ['transaction.created', 'reward.created']);
    expect(runs).toEqual([expect.objectContaining({ platform: 'partnerstack', vendor_event: 'transaction.created', id: 'tran_51' })]);
  });

  it('falls back to the single event the subscription covers', async () => {
    const runs = await deliver({ ah_token: TOKEN }, ['transaction.created']);
    expect(runs).toEqual([expect.objectContaining({ vendor_event: 'transaction.created', id: 'tran_51' })]);
  });

  it('still needs the URL token', async () => {
    expect(await deliver({ ah_token: 'guessed', ah_event: 'transaction.created' }, ['transaction.created'])).toEqual([]);
  });

  it('adds ah_event to the target URL of a one-event webhook', async () => {
    const sent: CreateBody[] = [];
    const scope = api()
      .post('/api/v2/webhooks', (body: CreateBody) => sent.push(body) > 0)
      .reply(200, { data: { key: 'whk_9' }, status: 200 });
    await appTester(triggerOperation('new_platform_event').performSubscribe, { authData, inputData: { event: 'transaction.created' }, targetUrl: TARGET_URL });
    expect(scope.isDone()).toBe(true);
    expect(new URL(sent[0].target ?? '').searchParams.get('ah_event')).toBe('transaction.created');
  });
});
