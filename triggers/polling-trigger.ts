/**
 * The one polling-trigger factory: New Referral / Affiliate / Payout (Polling) and the two status
 * triggers read the connected platform's list API on Zapier's schedule. They need no webhook, no
 * dashboard step and no signature, so they work where the instant triggers cannot be set up.
 *
 * A poll reads a window of the list (polling-pages.ts), decides against what the Zap's previous
 * polls saw, kept in Zapier's cache (polling-state.ts), which records are new (polling-new.ts) or
 * changed status (polling-status.ts), stores what it saw, and returns at most Zapier's 100 items,
 * newest first. How each list is ordered and filtered is the platform's data (`ListSpec.polling`);
 * nothing here names a vendor. docs/polling.md says what this gives on each platform.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import type { NormalizeContext } from '../platforms/normalize';
import { type NormalizedEvent, type RecordKind } from '../platforms/records';
import { NOTICE_KEY, statusChoices } from '../fields/editor-fields';
import { DASHBOARD_TRIGGER_LABEL, dashboardServes, insteadOfPolling, instantServes, pollingRefusal } from '../fields/alternatives';
import { HOOK_TRIGGER_SPECS } from '../fields/hook-triggers';
import { findPlatform, platformOf } from '../platforms/registry';
import type { ListPolling, ListSpec, PlatformDefinition } from '../platforms/types';
import { recordOutputFields, type OutputFieldsEntry } from '../fields/output-fields';
import type { HookTriggerSpec, PollingTriggerSpec } from '../fields/operations';
import { newItemCoverage, statusCoverage } from './polling-coverage';
import { pollNew, pollStatus, sample, type Target } from './polling-run';
import type { ZapOutput } from '../platforms/payload-text';
import { enrichOutputs } from '../receive/enrich';
import { pagesPerPoll } from '../platforms/polling-budget';
import { loadState, saveState, stateKey } from './polling-state';

/** What a list without polling data is taken to be: order unknown, no filters. */
const UNKNOWN_LIST: Omit<ListPolling, 'status'> = { order: 'unknown', source: 'none: the platform states nothing about polling this list' };

/** The normalized events a polled record may report, preferred first; payouts have no status-change event, their paid one is nearest. */
const POLLED_EVENTS: Record<PollingTriggerSpec['watch'], Record<RecordKind, readonly [NormalizedEvent, ...NormalizedEvent[]]>> = {
  created: { referral: ['referral.created'], affiliate: ['affiliate.created'], payout: ['payout.created', 'payout.paid'] },
  status: { referral: ['referral.status_changed'], affiliate: ['affiliate.status_changed'], payout: ['payout.paid'] },
};

const PLURAL: Record<RecordKind, string> = { referral: 'referrals', affiliate: 'affiliates', payout: 'payouts' };

/** The instant trigger this polling one stands in for. */
function instantOf(spec: PollingTriggerSpec): HookTriggerSpec | undefined {
  return HOOK_TRIGGER_SPECS.find((hook) => hook.key === spec.instant);
}

/** Why the trigger cannot check the platform, with what to use instead (fields/alternatives.ts); undefined when it can. */
export function pollingUnservable(platform: PlatformDefinition, spec: PollingTriggerSpec): string | undefined {
  const reason = pollingRefusal(platform, spec);
  return reason === undefined ? undefined : `"${spec.label}" cannot check ${platform.name}: ${reason}. ${insteadOfPolling(platform, instantOf(spec))}`;
}

/** The trigger that sees every change the polls may miss: the instant one where it subscribes, else the dashboard webhook where it serves. */
function seesEveryChange(platform: PlatformDefinition, spec: PollingTriggerSpec): string | undefined {
  const instant = instantOf(spec);
  if (instant === undefined) return undefined;
  if (instantServes(platform, instant)) return instant.label;
  return dashboardServes(platform, instant.events === 'chosen' ? [] : instant.events.preference.flat()) ? DASHBOARD_TRIGGER_LABEL : undefined;
}

/** The list this trigger polls and what is known about it. @throws z.errors.Error when the platform's lists cannot serve it */
function listFor(z: ZObject, platform: PlatformDefinition, spec: PollingTriggerSpec): { list: ListSpec; polling: ListPolling } {
  const list = platform.lists[spec.record];
  const refusal = pollingUnservable(platform, spec);
  if (!list || refusal !== undefined) throw new z.errors.Error(refusal ?? `${platform.name} offers no API list of ${PLURAL[spec.record]}.`, 'PollingNotOffered', 400);
  const hasStatusMap = platform.fields[spec.record]?.status !== undefined;
  const polling = list.polling ?? { ...UNKNOWN_LIST, status: hasStatusMap ? { field: 'status' } : { unavailable: `its ${PLURAL[spec.record]} carry no status` } };
  return { list, polling };
}

/**
 * The context a polled record is normalized with: the first of the trigger's events the platform's
 * catalogue names (a list of paid payments reports `payout.paid`), else the first event, which
 * then also stands as the vendor event's name.
 */
function contextOf(platform: PlatformDefinition, spec: PollingTriggerSpec): NormalizeContext & { kind: RecordKind } {
  const candidates = POLLED_EVENTS[spec.watch][spec.record];
  for (const event of candidates) {
    const named = platform.events.find((item) => item.event === event);
    if (named) return { platform, kind: spec.record, event, vendorEvent: named.key };
  }
  // Never the list's HTTP route: with no vendor event of its own, the record names the normalized one.
  return { platform, kind: spec.record, event: candidates[0], vendorEvent: candidates[0] };
}

/**
 * One poll.
 * @returns newest first, at most Zapier's 100 items (3 while loading samples)
 * @throws z.errors.Error (PollingNotOffered) when the platform's lists cannot serve the trigger,
 *   naming the trigger to use instead; (PollingStateNotStored) when Zapier's cache does not confirm
 *   what the poll saw (nothing runs, the next poll finds it again); the middleware's errors when the vendor refuses
 */
async function poll(z: ZObject, bundle: Bundle, spec: PollingTriggerSpec): Promise<ZapOutput[]> {
  const platform = platformOf(z, bundle);
  const { list, polling } = listFor(z, platform, spec);
  const target: Target = { list, polling, context: contextOf(platform, spec) };
  // What a listed record lacks for the next step (an affiliate's email, a link) is fetched for the
  // records returned only, within the poll's share of the vendor's rate limit (receive/enrich.ts).
  const enrich = { from: 'list', maxLookups: pagesPerPoll(polling.rateLimit) } as const;
  if (bundle.meta?.isLoadingSample) return enrichOutputs(z, platform, await sample(z, bundle, spec, target), bundle.authData, enrich);
  const key = stateKey(spec.key, bundle.meta?.zap?.id);
  const state = await loadState(z, key);
  const now = new Date();
  const { outputs, next } = spec.watch === 'status' ? await pollStatus(z, bundle, target, state, now) : await pollNew(z, target, state, now);
  await saveState(z, key, next);
  return enrichOutputs(z, platform, outputs, bundle.authData, enrich);
}

/** The "Only When the Status Becomes" filter, and a notice of what a check sees on the connected platform. */
function inputFieldsOf(spec: PollingTriggerSpec) {
  // Read from the connection's platform without its field checks: the editor shows what it can before the connection is complete.
  const coverage = (_z: ZObject, bundle: Bundle) => {
    const platform = findPlatform(bundle.authData?.platform);
    if (!platform) return [];
    // Said up front, before the Zap is turned on, instead of failing at every poll.
    const refusal = pollingUnservable(platform, spec);
    if (refusal !== undefined) return [{ key: NOTICE_KEY, type: 'copy' as const, helpText: refusal }];
    const list = platform.lists[spec.record];
    if (!list?.polling || (spec.watch === 'status' && 'unavailable' in list.polling.status)) return [];
    const text =
      spec.watch === 'status' ? statusCoverage(platform, spec.record, list, list.polling, seesEveryChange(platform, spec)) : newItemCoverage(platform, spec.record, list, list.polling);
    return [{ key: 'polling_coverage', label: 'What a Check Sees', type: 'copy' as const, helpText: text }];
  };
  if (spec.watch !== 'status') return [coverage];
  // Only the statuses the connected platform reports: a choice it never reports would never run.
  const status = (_z: ZObject, bundle: Bundle) => [
    {
      key: 'status',
      label: 'Only When the Status Becomes',
      required: false,
      choices: statusChoices(spec.record, findPlatform(bundle.authData?.platform)),
      helpText:
        'Leave empty to run on every status change, or pick a status to run once each time a record changes into it. A record first seen after the Zap\'s first check counts as a change into its first status.',
    },
  ];
  return [coverage, status];
}

function outputFieldsOf(spec: PollingTriggerSpec): OutputFieldsEntry[] {
  // The base fields static, the connected platform's as a dynamic entry (fields/output-fields.ts).
  const fields = recordOutputFields(spec.record);
  if (spec.watch !== 'status') return fields;
  // `id` is new for every change so Zapier runs again; the record's own id stays in `record_id`.
  return fields.flatMap((field) =>
    typeof field !== 'function' && field.key === 'id' ? [{ key: 'id', label: 'ID (Record ID, Status and Time of the Change)' }, { key: 'record_id', label: 'Record ID' }] : [field],
  );
}

/**
 * Builds a Zapier polling trigger from its data.
 * @returns the trigger definition: perform polls the connected platform's list (see `poll`)
 */
export function definePollingTrigger<K extends string>(spec: PollingTriggerSpec<K>) {
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'polling' as const,
      inputFields: inputFieldsOf(spec),
      perform: (z: ZObject, bundle: Bundle) => poll(z, bundle, spec),
      canPaginate: false,
      sample: spec.sample,
      outputFields: outputFieldsOf(spec),
    },
  });
}
