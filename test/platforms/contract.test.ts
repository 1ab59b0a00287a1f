/**
 * The adapter contract, run over every platform with a webhook API, in the multi-platform app and
 * in that platform's own app (issue 27, where the connection names no platform): subscribe sends
 * the request the vendor documents and keeps what unsubscribe and verification need; every
 * documented payload normalizes to its record; tampered, unsigned and unknown deliveries produce no run.
 */
import { deliveredPayload } from '../helpers/payload';
import { appTester, triggerOperation, runsOf, type Operation, type TestBundle } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { atEventTimeOf, useFixtureClock } from '../helpers/fixture-clock';
import { singlePlatformBuild } from '../single-platform/builds';
import type { RegisteredPlatformId } from '../../platforms/registry';
import type { PlatformKit, StoredSubscription } from './kit';
import { KITS } from './kits';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';

/** One app the contract runs against: its New Platform Event trigger, its runner, and the kit's connection as that app stores it. */
interface AppUnderTest {
  platformEvent: Operation;
  run: (fn: Operation[keyof Operation], bundle: TestBundle) => Promise<unknown>;
  authData: Record<string, string>;
}

function multiPlatform(kit: PlatformKit): AppUnderTest {
  return { platformEvent: triggerOperation('new_platform_event'), run: (fn, bundle) => appTester(fn, bundle, true), authData: kit.authData };
}

/** The platform's own app: its connection has no `platform` (the app fixes it). */
function singlePlatform(kit: PlatformKit): AppUnderTest {
  const build = singlePlatformBuild(kit.id as RegisteredPlatformId);
  const { platform: _platform, ...authData } = kit.authData;
  const trigger = build.definition.triggers.new_platform_event;
  if (!trigger) throw new Error(`${kit.id}'s own app has no new_platform_event trigger`);
  // Core's schema types a perform as a function or a request; this app's are functions (as helpers/app.ts reads them).
  return { platformEvent: trigger.operation as Operation, run: build.run, authData };
}

const APPS: readonly [string, (kit: PlatformKit) => AppUnderTest][] = [
  ['multi-platform app', multiPlatform],
  ['single-platform app', singlePlatform],
];

async function subscribeTo(kit: PlatformKit, app: AppUnderTest, event: string): Promise<StoredSubscription> {
  const scope = kit.api();
  kit.expectSubscribe(scope, event);
  const stored = (await app.run(app.platformEvent.performSubscribe, {
    authData: app.authData,
    inputData: { event },
    targetUrl: TARGET_URL,
  })) as StoredSubscription;
  expect(scope.isDone()).toBe(true);
  return stored;
}

async function perform(app: AppUnderTest, event: string, stored: StoredSubscription, request: ReturnType<typeof hookRequest>) {
  return runsOf<Record<string, unknown>>(app.run(app.platformEvent.perform, {
    authData: app.authData,
    inputData: { event },
    subscribeData: stored,
    ...request,
  }));
}

describe.each(KITS.flatMap((kit) => APPS.map(([name, appOf]) => [kit.id, name, kit, appOf] as const)))('%s: adapter contract (%s)', (_id, _name, kit, appOf) => {
  const app = appOf(kit);
  const subscribe = (event: string) => subscribeTo(kit, app, event);
  // Documented fixtures are dated years ago: deliver them at their own time (older ones are refused as replays).
  useFixtureClock(kit.id);

  it('subscribes with the documented request and unsubscribes what it stored', async () => {
    const stored = await subscribe(kit.deliveries[0].vendorEvent);
    expect(stored.id).not.toBe('');
    const scope = kit.api();
    kit.expectUnsubscribe(scope, stored);
    await app.run(app.platformEvent.performUnsubscribe, {
      authData: app.authData,
      inputData: { event: kit.deliveries[0].vendorEvent },
      subscribeData: stored,
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each(kit.deliveries.map((delivery) => [delivery.vendorEvent, delivery] as const))(
    'normalizes a signed %s delivery, keeping the payload under raw',
    async (vendorEvent, delivery) => {
      const stored = await subscribe(vendorEvent);
      const signed = kit.deliver(vendorEvent, delivery.body, stored);
      atEventTimeOf(kit.id, signed.rawBody);
      const results = await perform(app, vendorEvent, stored, hookRequest(signed.rawBody, signed.headers, signed.query));
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ platform: kit.id, vendor_event: vendorEvent, ...delivery.expected });
      // One JSON text for Zapier's field picker, not a nested object it would flatten (issue 23 item 11).
      expect(typeof results[0].raw).toBe('string');
      expect(deliveredPayload(results[0].raw)).toEqual(JSON.parse(signed.rawBody));
    },
  );

  it(`produces no run for a forged delivery (${kit.forgery === 'token' ? 'a guessed URL token' : kit.forgery === 'header' ? 'a guessed header token' : 'a tampered body'})`, async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribe(delivery.vendorEvent);
    const signed = kit.deliver(delivery.vendorEvent, delivery.body, stored);
    const forged =
      kit.forgery === 'token'
        ? { ...signed, query: Object.fromEntries(Object.entries(signed.query).map(([key, value]) => [key, value === stored.token ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : value])) }
        : kit.forgery === 'header'
          ? { ...signed, headers: Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name, name === kit.forgedHeader ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : value])) }
          : { ...signed, rawBody: signed.rawBody.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)) };
    expect(forged).not.toEqual(signed);
    expect(await perform(app, delivery.vendorEvent, stored, hookRequest(forged.rawBody, forged.headers, forged.query))).toEqual([]);
  });

  it('produces no run for an unsigned delivery', async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribe(delivery.vendorEvent);
    const signed = kit.deliver(delivery.vendorEvent, delivery.body, stored);
    const unsigned = { ...signed.query };
    const request = hookRequest(signed.rawBody, {}, unsigned);
    expect(await perform(app, delivery.vendorEvent, { ...stored, token: undefined }, request)).toEqual([]);
  });

  it('produces no run for an event the platform does not have', async () => {
    const delivery = kit.deliveries[0];
    const stored = await subscribe(delivery.vendorEvent);
    const signed = kit.deliver('no.such-event', delivery.body, stored);
    expect(await perform(app, delivery.vendorEvent, stored, hookRequest(signed.rawBody, signed.headers, signed.query))).toEqual([]);
  });
});

