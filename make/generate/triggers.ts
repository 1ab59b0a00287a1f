/**
 * The Make instant triggers, one per Zapier hook trigger. What a trigger listens to (its
 * normalized events, record kind, status filter), its description and sample are read from the
 * trigger's own spec (fields/hook-triggers/), its Make module name and "Watch …" label included
 * (`make`). test/make/build.test.ts checks that every Zapier hook trigger has a Make module or a
 * reason in COVERED_ON_MAKE, so a new trigger cannot be forgotten.
 */
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { HookTriggerSpec } from '../../fields/operations';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers/index';
import type { TriggerEvents } from '../../fields/event-selection';

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

/**
 * Zapier hook triggers with no Make module of their own, and why. On Make every instant trigger of
 * a dashboard-only platform already is a webhook the user registers by hand (make/generate/webhooks.ts).
 */
export const COVERED_ON_MAKE: Readonly<Record<string, string>> = {
  dashboard_webhook: 'every instant trigger of a dashboard-only platform is a hand-registered webhook on Make',
};

/** The Make trigger of a hook trigger's spec (its `make` naming, the rest as Zapier's). */
export function makeTriggerOf(spec: HookTriggerSpec): MakeTrigger {
  return {
    zapierKey: spec.key,
    ...spec.make,
    description: spec.description,
    record: spec.record,
    events: spec.events,
    statusFilter: spec.statusFilter,
    sample: spec.sample,
  };
}

export const MAKE_TRIGGERS: readonly MakeTrigger[] = HOOK_TRIGGER_SPECS.map(makeTriggerOf);
