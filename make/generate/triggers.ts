/**
 * The Make instant triggers, one per Zapier hook trigger. What a trigger listens to (its
 * normalized events, record kind, status filter), its description and sample are read from the
 * trigger's own spec (triggers/hook-trigger-specs.ts); only Make's naming ("Watch …", module
 * names) is written here. test/make/build.test.ts checks that every Zapier hook trigger has a
 * Make name or a reason in COVERED_ON_MAKE, so a new trigger cannot be forgotten.
 */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { HookTriggerSpec } from '../../triggers/hook-trigger';
import { HOOK_TRIGGER_SPECS } from '../../triggers/hook-trigger-specs';
import type { TriggerEvents } from '../../triggers/event-selection';

/** One Make instant trigger: its module name and label, and what it listens to. */
export interface MakeTrigger {
  /** The Zapier trigger key it mirrors. */
  zapierKey: string;
  /** Make module name (letters and digits). */
  name: string;
  /** "Watch …" in sentence case, Make's wording for instant triggers. */
  label: string;
  description: string;
  record?: RecordKind;
  events: TriggerEvents | 'chosen';
  statusFilter?: boolean;
  sample: NormalizedOutput;
}

/** Make's name and label per Zapier hook trigger key, e.g. `new_referral` → `watchNewReferrals`, "Watch new referrals". */
export const MAKE_NAMES: Readonly<Record<string, { name: string; label: string }>> = {
  new_referral: { name: 'watchNewReferrals', label: 'Watch new referrals' },
  referral_status_changed: { name: 'watchReferralStatusChanges', label: 'Watch referral status changes' },
  new_affiliate: { name: 'watchNewAffiliates', label: 'Watch new affiliates' },
  affiliate_status_changed: { name: 'watchAffiliateStatusChanges', label: 'Watch affiliate status changes' },
  new_payout: { name: 'watchNewPayouts', label: 'Watch new payouts' },
  payout_paid: { name: 'watchPaidPayouts', label: 'Watch paid payouts' },
  new_platform_event: { name: 'watchPlatformEvents', label: 'Watch platform events' },
};

/**
 * Zapier hook triggers with no Make module of their own, and why. On Make every instant trigger of
 * a dashboard-only platform already is a webhook the user registers by hand (make/generate/webhooks.ts).
 */
export const COVERED_ON_MAKE: Readonly<Record<string, string>> = {
  dashboard_webhook: 'every instant trigger of a dashboard-only platform is a hand-registered webhook on Make',
};

/** The Make trigger of a spec, or undefined when MAKE_NAMES has no entry for it (the test names it). */
export function makeTriggerOf(spec: HookTriggerSpec): MakeTrigger | undefined {
  const naming = MAKE_NAMES[spec.key];
  if (!naming) return undefined;
  return {
    zapierKey: spec.key,
    ...naming,
    description: spec.description,
    record: spec.record,
    events: spec.events,
    statusFilter: spec.statusFilter,
    sample: spec.sample,
  };
}

export const MAKE_TRIGGERS: readonly MakeTrigger[] = HOOK_TRIGGER_SPECS.flatMap((spec) => makeTriggerOf(spec) ?? []);
