/**
 * Worker (own process) for figure 6: what one platform's own app (issue 27, app/build-app.ts
 * `buildApp({ platform })`) costs per delivery beside the multi-platform app, through core's
 * handler, and its definition size. Each platform's largest delivery goes to the app's instant
 * trigger for it: New Platform Event, or the dashboard webhook where the platform has only that
 * (with the subscription's signing secret as its input), the same method in both apps.
 * Usage: `single-platform-worker.js` (started by runWorker).
 */
import { buildApp } from '../app/build-app';
import type { RegisteredPlatformId } from '../platforms/registry';
import { countNodes } from './definition-size';
import { OUR_METHOD, answerVendorRequests, timeOne } from './delivery-worker';
import { handlerFor } from './handler';
import { largestDeliveries, type DeliveryBundle } from './signed-deliveries';
import { median } from './stats';
import { reply } from './worker';

/** Timed calls per app and platform, after WARM_UP untimed ones. */
const SAMPLES = 400;
const WARM_UP = 100;

const DASHBOARD_METHOD = 'triggers.dashboard_webhook.operation.perform';

/** One platform's figures: both apps' definition nodes and median per-delivery time, ms. */
export interface SinglePlatformFigures {
  platform: string;
  method: string;
  multiNodes: number;
  singleNodes: number;
  multiMs: number;
  singleMs: number;
  /** Why the single-platform app produced no record for the delivery, when it did not. */
  problem?: string;
}

/** The delivery as the dashboard webhook takes it: the secret is the trigger's input, not a subscription's. */
function forDashboard(bundle: DeliveryBundle): DeliveryBundle {
  const subscription = bundle.subscribeData.subscriptions[0];
  const secret = subscription?.secret ?? subscription?.issuedSecret;
  return { ...bundle, inputData: { ...bundle.inputData, ...(secret === undefined ? {} : { signing_secret: secret }) } };
}

async function measure(): Promise<SinglePlatformFigures[]> {
  const { deliveries } = largestDeliveries();
  answerVendorRequests(deliveries);
  const multiApp = buildApp();
  const multi = handlerFor(multiApp);
  const figures: SinglePlatformFigures[] = [];
  for (const delivery of deliveries) {
    const singleApp = buildApp({ platform: delivery.platform as RegisteredPlatformId });
    const single = handlerFor(singleApp);
    const instant = singleApp.triggers.new_platform_event !== undefined;
    const method = instant ? OUR_METHOD : DASHBOARD_METHOD;
    const bundle = (now: number) => (instant ? delivery.bundle(now) : forDashboard(delivery.bundle(now)));
    const first = await single(method, bundle(Date.now()));
    const problem = Array.isArray(first.results) && first.results.length === 1 ? undefined : 'the single-platform app returned no record for it';
    for (let i = 0; i < WARM_UP; i += 1) {
      await timeOne(multi, method, bundle(Date.now()));
      await timeOne(single, method, bundle(Date.now()));
    }
    const samples = { multi: [] as number[], single: [] as number[] };
    // Interleaved, so drift hits both alike.
    for (let i = 0; i < SAMPLES; i += 1) {
      samples.multi.push(await timeOne(multi, method, bundle(Date.now())));
      samples.single.push(await timeOne(single, method, bundle(Date.now())));
    }
    figures.push({
      platform: delivery.platform,
      method,
      multiNodes: countNodes(multiApp),
      singleNodes: countNodes(singleApp),
      multiMs: median(samples.multi),
      singleMs: median(samples.single),
      problem,
    });
  }
  return figures;
}

if (require.main === module) {
  measure()
    .then(reply)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
