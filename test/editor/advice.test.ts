/**
 * Advice that is right (issue 23 item 4): every "Use … instead" the editor shows, for every
 * platform and every trigger, names steps that exist, work on that platform (their own fields show
 * no refusal for it) and do the same job (the same record at the same moment). And every polling
 * trigger that cannot check a platform says so up front, in its fields (item 5).
 */
import { NOTICE_KEY, type EditorField } from '../../fields/editor-fields';
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { pollingRefusal } from '../../fields/alternatives';
import { POLLING_TRIGGER_SPECS } from '../../fields/polling-triggers';
import { app, appTester, triggerOperation } from '../helpers/app';

/**
 * The triggers the editor lists, typed as the app defines them. The hidden dropdown sources are
 * left out by key as well as by `display.hidden`: core types their (absent) input-field functions
 * as taking only undefined input data, which the tester's bundle is not.
 */
const { referral_list, affiliate_list, applicant_list, payout_list, program_list, group_list, platform_event_list, ...editorTriggers } = app.triggers;
// The dashboard webhook's display declares no `hidden`.
const TRIGGERS = Object.values(editorTriggers).filter((trigger) => !('hidden' in trigger.display && trigger.display.hidden));
type TriggerItem = (typeof TRIGGERS)[number];

/** The job each trigger does, as a user would say it (the test's own table, not the app's): record and moment. */
const JOB: Record<string, string> = {
  new_referral: 'referral created',
  new_referral_polling: 'referral created',
  referral_status_changed: 'referral status',
  referral_status_polling: 'referral status',
  new_affiliate: 'affiliate created',
  new_affiliate_polling: 'affiliate created',
  affiliate_status_changed: 'affiliate status',
  affiliate_status_polling: 'affiliate status',
  new_payout: 'payout created',
  new_payout_polling: 'payout created',
  payout_paid: 'payout paid',
};

/** The normalized events a job is delivered as, for the dashboard webhook (which passes any event on). */
const JOB_EVENTS: Record<string, readonly string[]> = {
  'referral created': ['referral.created'],
  'referral status': ['referral.status_changed', 'referral.approved', 'referral.denied'],
  'affiliate created': ['affiliate.created'],
  'affiliate status': ['affiliate.status_changed', 'affiliate.approved', 'affiliate.denied', 'affiliate.deactivated', 'affiliate.removed'],
  'payout created': ['payout.created'],
  'payout paid': ['payout.paid'],
};

/** A trigger's notice for a connection of the platform, if any. */
async function noticeOf(trigger: TriggerItem, platform: PlatformDefinition): Promise<string | undefined> {
  for (const entry of trigger.operation.inputFields ?? []) {
    if (typeof entry !== 'function') continue;
    const fields = (await appTester(entry, { authData: { platform: platform.id, api_key: 'key' }, inputData: {} })) as EditorField[];
    const notice = fields.find((field) => field.key === NOTICE_KEY);
    if (notice !== undefined) return notice.helpText;
  }
  return undefined;
}

/** The labels a notice names in its "Use … instead." sentence. */
function namedSteps(text: string): string[] {
  const sentence = /Use ((?:"[^"]+"(?: or )?)+) instead\./.exec(text)?.[1] ?? '';
  return [...sentence.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
}

/** The job a named step does on the platform: New Payout (Polling) fires at payment where the platform lists paid payouts only. */
function jobOn(platform: PlatformDefinition, key: string): string | undefined {
  if (key === 'new_payout_polling' && platform.lists.payout?.onlyStatus === 'paid') return 'payout paid';
  return JOB[key];
}

const CASES = PLATFORMS.flatMap((platform) => TRIGGERS.filter((trigger) => JOB[trigger.key] !== undefined).map((trigger) => [`${platform.name} ${trigger.key}`, platform, trigger] as const));

describe('"use … instead" names a step that works there and does the same job', () => {
  it.each(CASES)('%s', async (_name, platform, trigger) => {
    const notice = await noticeOf(trigger, platform);
    if (notice === undefined) return;
    const job = JOB[trigger.key];
    for (const label of namedSteps(notice)) {
      const named = TRIGGERS.find((item) => item.display.label === label);
      expect(named).toBeDefined();
      if (named!.key === 'dashboard_webhook') {
        // The dashboard webhook works where deliveries name their event (or the user names the one a
        // URL receives) and the platform sends one of the job's.
        const chosenPerUrl = platform.webhooks.kind === 'dashboard' && platform.webhooks.eventChosenPerUrl !== undefined;
        expect(platform.delivery.eventPath ?? platform.delivery.eventHeader ?? (chosenPerUrl || undefined)).toBeDefined();
        expect(platform.events.some((event) => event.event !== undefined && JOB_EVENTS[job].includes(event.event))).toBe(true);
      } else {
        expect(await noticeOf(named!, platform)).toBeUndefined();
        expect(jobOn(platform, named!.key)).toBe(job);
      }
    }
    // Without a step to name, the notice says so instead of naming one that does not work.
    if (namedSteps(notice).length === 0) expect(notice).toMatch(/No other trigger of this app does this on/);
  });

  it('the issue\'s cases: Tamio\'s referral triggers and Tolt\'s and ViralRef\'s payout triggers name no dashboard webhook, Rebus AI\'s Payout Paid no New Payout (Polling)', async () => {
    const trigger = (key: string) => TRIGGERS.find((item) => item.key === key)!;
    const on = (id: string) => PLATFORMS.find((platform) => platform.id === id)!;
    expect(await noticeOf(trigger('new_referral'), on('tamio'))).not.toMatch(/Dashboard Webhook/);
    for (const id of ['tolt', 'viralref']) expect(namedSteps((await noticeOf(trigger('payout_paid'), on(id))) ?? '')).not.toContain('New Event from Dashboard Webhook');
    // The refusal at the test step says the same: the error's message is core's JSON ({message, code, status}).
    const refused = await appTester(triggerOperation('payout_paid').performList, { authData: { platform: 'tamio', api_key: 'key' }, inputData: {} }).catch(
      (error: Error) => (JSON.parse(error.message) as { message: string }).message,
    );
    expect(refused).toContain('Tamio registers webhooks only in its dashboard');
    expect(namedSteps(String(refused))).not.toContain('New Payout (Polling)');
  });
});

describe('polling triggers say up front when they cannot check a platform', () => {
  it.each(PLATFORMS.flatMap((platform) => POLLING_TRIGGER_SPECS.map((spec) => [`${platform.name} ${spec.key}`, platform, spec] as const)))('%s', async (_name, platform, spec) => {
    const notice = await noticeOf(TRIGGERS.find((item) => item.key === spec.key)!, platform);
    const reason = pollingRefusal(platform, spec);
    if (reason === undefined) expect(notice).toBeUndefined();
    else {
      expect(notice).toContain(reason);
      expect(notice).toContain(platform.name);
    }
  });
});
