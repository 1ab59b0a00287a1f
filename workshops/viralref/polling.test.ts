/** ViralRef publishes no API, so every polling trigger refuses before any request, naming the dashboard webhook. */
import { rejectionMessage } from '../../test/helpers/errors';
import { POLLING_TRIGGER_SPECS } from '../../fields/polling-triggers';
import { poll } from '../../test/polling/poll';

const authData = { platform: 'viralref', api_key: 'vr_live_key' };

describe('ViralRef polling', () => {
  it.each(POLLING_TRIGGER_SPECS.map((spec) => spec.key))('%s refuses without a request and names the trigger that works', async (key) => {
    const message = await rejectionMessage(poll(key, { authData, inputData: {} }));
    expect(message).toMatch(/^".+ \(Polling\)" cannot check ViralRef: ViralRef offers no API list of (referrals|affiliates|payouts)\. Use "New Event from Dashboard Webhook" instead\.$/);
  });
});
