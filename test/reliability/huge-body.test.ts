/**
 * A body at Zapier's 10 MB limit is refused without throwing and without a run, for every
 * REST-hook platform. (Kept apart from the property tests: one such body per platform is enough,
 * and it would inflate their process's memory.)
 */
import { appTester, triggerOperation, runsOf } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import type { StoredSubscription } from '../platforms/kit';
import { KITS } from '../platforms/kits';

const TEN_MB = 10 * 1024 * 1024;

it.each(KITS.map((kit) => [kit.id, kit] as const))('%s: a 10 MB body produces no run and no error', async (_id, kit) => {
  const delivery = kit.deliveries[0];
  const scope = kit.api();
  kit.expectSubscribe(scope, delivery.vendorEvent);
  const operation = triggerOperation('new_platform_event');
  const bundle = { authData: kit.authData, inputData: { event: delivery.vendorEvent } };
  const stored = (await appTester(operation.performSubscribe, { ...bundle, targetUrl: 'https://hooks.zapier.com/hooks/standard/9/huge/' })) as StoredSubscription;
  const signed = kit.deliver(delivery.vendorEvent, delivery.body, stored);
  const huge = `{"padding":"${'x'.repeat(TEN_MB - 20)}"}`;
  const results = await runsOf(appTester(operation.perform, { ...bundle, subscribeData: stored, ...hookRequest(huge, signed.headers, signed.query) }, true));
  expect(results).toEqual([]);
});
