/**
 * The adapter contract, run over every platform with a webhook API: subscribe sends the request
 * the vendor documents and keeps what unsubscribe and verification need; every documented payload
 * normalizes to its record; tampered, unsigned and unknown deliveries produce no run.
 */
import { appTester, triggerOperation, runsOf } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import type { PlatformKit, StoredSubscription } from './kit';
import { KITS } from './kits';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';

const platformEvent = triggerOperation('new_platform_event');

async function subscribeTo(kit: PlatformKit, event: string): Promise<StoredSubscription> {
  const scope = kit.api();
  kit.expectSubscribe(scope, event);
  const stored = (await appTester(platformEvent.performSubscribe, {
    authData: kit.authData,
    inputData: { event },
    targetUrl: TARGET_URL,
  })) as StoredSubscription;
  expect(scope.isDone()).toBe(true);
  return stored;
}

async function perform(kit: PlatformKit, event: string, stored: StoredSubscription, request: ReturnType<typeof hookRequest>) {
  return runsOf<Record<string, unknown>>(appTester(platformEvent.perform, {
    authData: kit.authData,
    inputData: { event },
    subscribeData: stored,
    ...request,
  }, true));
}

describe.each(KITS.map((kit) => [kit.id, kit] as const))('%s: adapter contract', (_id, kit) => {
  it('subscribes with the documented request and unsubscribes what it stored', async () => {
    const stored = await subscribeTo(kit, kit.deliveries[0].vendorEvent);
    expect(stored.id).not.toBe('');
    const scope = kit.api();
    kit.expectUnsubscribe(scope, stored);
    await appTester(triggerOperation('new_platform_event').performUnsubscribe, {
      authData: kit.authData,
      inputData: { event: kit.deliveries[0].vendorEvent },
      subscribeData: stored,
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each(kit.deliveries.map((delivery) => [delivery.vendorEvent, delivery] as const))(
    'normalizes a signed %s delivery, keeping the payload under raw',
    async (vendorEvent, delivery) => {
      const stored = await subscribeTo(kit, vendorEvent);
      const signed = kit.deliver(vendorEvent, delivery.body, stored);
      const results = await perform(kit, vendorEvent, stored, hookRequest(signed.rawBody, signed.headers, signed.query));
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ platform: kit.id, vendor_event: vendorEvent, ...delivery.expected });
      expect(results[0].raw).toEqual(JSON.parse(signed.rawBody));
    },
  );

  it(`produces no run for a forged delivery (${kit.forgery === 'token' ? 'a guessed URL token' : kit.forgery === 'header' ? 'a guessed header token' : 'a tampered body'})`, async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribeTo(kit, delivery.vendorEvent);
    const signed = kit.deliver(delivery.vendorEvent, delivery.body, stored);
    const forged =
      kit.forgery === 'token'
        ? { ...signed, query: Object.fromEntries(Object.entries(signed.query).map(([key, value]) => [key, value === stored.token ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : value])) }
        : kit.forgery === 'header'
          ? { ...signed, headers: Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name, name === kit.forgedHeader ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : value])) }
          : { ...signed, rawBody: signed.rawBody.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)) };
    expect(forged).not.toEqual(signed);
    expect(await perform(kit, delivery.vendorEvent, stored, hookRequest(forged.rawBody, forged.headers, forged.query))).toEqual([]);
  });

  it('produces no run for an unsigned delivery', async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribeTo(kit, delivery.vendorEvent);
    const signed = kit.deliver(delivery.vendorEvent, delivery.body, stored);
    const unsigned = { ...signed.query };
    const request = hookRequest(signed.rawBody, {}, unsigned);
    expect(await perform(kit, delivery.vendorEvent, { ...stored, token: undefined }, request)).toEqual([]);
  });

  it('produces no run for an event the platform does not have', async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribeTo(kit, delivery.vendorEvent);
    const signed = kit.deliver('no.such-event', delivery.body, stored);
    expect(await perform(kit, delivery.vendorEvent, stored, hookRequest(signed.rawBody, signed.headers, signed.query))).toEqual([]);
  });
});

