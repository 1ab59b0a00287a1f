/**
 * The benchmark's pieces work (not its timings: `npm run bench` prints figures, it is not a test):
 * the minimal reference app passes a delivery through core's handler, every platform's benchmark
 * delivery is one our app accepts, and request counts above one need a vendor reason.
 */
import { app } from '../helpers/app';
import { comparisonLines, DEFINITION_NODE_BOUND } from '../../bench/comparison';
import { MINIMAL_METHOD, OUR_METHOD, type DeliveryTiming } from '../../bench/delivery-worker';
import { handlerFor, loadApp } from '../../bench/handler';
import { MINIMAL_APP_ENTRY } from '../../bench/paths';
import type { OperationCount } from '../../bench/requests-worker';
import { summarizeRequests } from '../../bench/requests-summary';
import { largestDeliveries } from '../../bench/signed-deliveries';

const { deliveries } = largestDeliveries();

describe('bench pieces', () => {
  it('the minimal app passes a delivery through core handler untouched', async () => {
    const invoke = handlerFor(loadApp(MINIMAL_APP_ENTRY));
    const delivery = deliveries[0];
    const { results } = await invoke(MINIMAL_METHOD, delivery.bundle(Date.now()));
    expect(results).toEqual([JSON.parse(delivery.rawBody)]);
  });

  // Remote schemes call the vendor per delivery; the bench answers that call itself.
  it.each(deliveries.filter((delivery) => delivery.scheme !== 'remote').map((delivery) => [delivery.fixture, delivery] as const))(
    'our app accepts the signed benchmark delivery %s',
    async (_fixture, delivery) => {
      const { results } = await handlerFor(app)(OUR_METHOD, delivery.bundle(Date.now()));
      expect(results).toEqual([expect.objectContaining({ platform: delivery.platform, vendor_event: delivery.vendorEvent })]);
    },
  );

  it('accepts a second request only where the vendor forces it', () => {
    const count = (platform: string, calls: string[]): OperationCount => ({ platform, kind: 'subscribe', key: 'new_referral', requests: calls.length, calls, subscriptions: 1 });
    const rows = summarizeRequests([
      count('uppromote', ['GET /api/v2/webhook-subscriptions', 'POST /api/v2/webhook-subscriptions']),
      count('rebus', ['POST /api/v1/affiliate/webhooks/', 'GET /api/v1/affiliate/webhooks/']),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ platform: 'uppromote', maxRequests: 2, met: true, reason: expect.stringMatching(/one webhook per event/) }),
      expect.objectContaining({ platform: 'rebus', maxRequests: 2, met: false, reason: expect.stringMatching(/^unexplained/) }),
    ]);
  });
});

describe('the per-delivery comparison under the table', () => {
  const row = (platform: string, scheme: string, oursMs: number, problem?: string): DeliveryTiming => ({
    platform,
    fixture: `${platform}.json`,
    vendorEvent: 'x',
    bodyBytes: 100,
    scheme,
    problem,
    oursMs,
    minimalMs: 0.2,
    oursPassThroughMs: 0.8,
    floorMs: 0.005,
  });

  it('compares locally verified deliveries only, and says whether the definition is within its bound', () => {
    const lines = comparisonLines({ ours: DEFINITION_NODE_BOUND + 1, minimal: 18 }, [row('a', 'hmac', 1), row('b', 'remote', 9), row('c', 'hmac', 7, 'no record')]);
    expect(lines.join('\n')).toContain('1,151 nodes (bound 1,150: NOT met)');
    expect(lines.join('\n')).toContain('median over 1 platforms verified locally: ours 1000 µs, minimal app 200 µs, ratio 5.00');
    expect(lines.join('\n')).toContain('80% of ours');
  });
});
