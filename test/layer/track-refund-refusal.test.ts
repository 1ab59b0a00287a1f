/**
 * Track Refund is offered only where the vendor documents a refund call (FirstPromoter, Tolt:
 * their workshops test the calls); on every other platform the step refuses before any request,
 * naming the platform, as the other actions do (creates/create-factory.ts).
 */
import { appTester, createOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { PLATFORMS } from '../../platforms/registry';

const OFFERING = new Set(
  PLATFORMS.filter((platform) => {
    const spec = platform.actions.track_refund;
    return spec !== undefined && !('unsupported' in spec);
  }).map((platform) => platform.id),
);

it('is offered by the platforms that document a refund call', () => {
  expect([...OFFERING].sort()).toEqual(['firstpromoter', 'tolt']);
});

describe.each(PLATFORMS.filter((platform) => !OFFERING.has(platform.id)).map((platform) => [platform.name, platform] as const))('Track Refund on %s', (name, platform) => {
  it('refuses naming the platform, without calling it', async () => {
    // A complete connection (every field the platform asks for), so the refusal is the action's.
    const authData = { platform: platform.id, api_key: 'key_0123456789', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, 'value_0123456789'])) };
    const inputData = { sale_id: 'order_1', customer_email: 'buyer@example.com', refund_id: 'rf_1', refund_amount: '10' };
    const message = await rejectionMessage(appTester(createOperation('track_refund').perform, { authData, inputData }) as Promise<unknown>);
    expect(message).toContain(name);
    expect(message).toContain('Track Refund');
  });
});
