/**
 * __NAME__'s delivery properties. NEW-PLATFORM-TODO: a REST-hook platform calls
 * `describeWebhookProperties(kit)` from ../webhook-properties; a dashboard-webhook platform calls
 * `describeDashboardProperties({…})` from ../dashboard-properties with its documented payloads.
 */
import { kit } from '../../platforms/__ID__.kit';

describe('__NAME__ delivery properties', () => {
  it('are written', () => {
    expect(kit.deliveries.length).toBeGreaterThan(0);
  });
});
