/**
 * The notice the Zap editor shows beside a polling trigger: what a check sees on the connected
 * platform, its cost against the vendor's rate limit, what no poll can see and which trigger does.
 */
import { appTester, app, type OperationFunction } from '../helpers/app';

type Field = { key: string; type?: string; helpText?: string };

async function notice(trigger: string, platform: string): Promise<Field[]> {
  const fields = ((app.triggers as Record<string, unknown> | undefined)?.[trigger] as { operation: { inputFields: (Field | OperationFunction)[] } }).operation.inputFields;
  const dynamic = fields.find((field): field is OperationFunction => typeof field === 'function');
  return (await appTester(dynamic, { authData: { platform } })) as Field[];
}

describe('polling coverage notice', () => {
  it("states UpPromote's window, its share of the shop's rate limit, the undone-change blind spot and the instant trigger", async () => {
    const [field] = await notice('referral_status_polling', 'uppromote');
    expect(field).toMatchObject({ key: 'polling_coverage', type: 'copy' });
    expect(field.helpText).toContain('the newest 1,000 referrals created in the last 90 days');
    expect(field.helpText).toContain('10 requests at most (UpPromote: 120 requests per 60 s per shop, shared with every other call)');
    expect(field.helpText).toContain('a change made and undone between two checks is not seen; the "Referral Status Changed" trigger sees every change');
    expect(field.helpText).toContain('runs once, in the status it is first seen in');
  });

  it('states that Tolt is read forward by update time, whatever the age, and points to the dashboard webhook', async () => {
    const [field] = await notice('affiliate_status_polling', 'tolt');
    expect(field.helpText).toContain("reads Tolt's affiliates in the order they were last updated, from where the previous check stopped");
    expect(field.helpText).toContain('"New Event from Dashboard Webhook" trigger');
  });

  it('shows no coverage notice where the status trigger is refused (the refusal instead) or before a platform is chosen', async () => {
    expect(await notice('referral_status_polling', 'partnerstack')).toEqual([
      expect.objectContaining({ key: 'not_available_notice', type: 'copy', helpText: expect.stringMatching(/^"Referral Status Changed \(Polling\)" cannot check PartnerStack/) }),
    ]);
    expect(await notice('referral_status_polling', '')).toEqual([]);
    expect((await notice('new_referral_polling', 'rewardful'))[0].helpText).toContain('9 requests at most (Rewardful: 45 requests per 30 s per account)');
  });
});
