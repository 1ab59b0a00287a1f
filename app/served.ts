/**
 * Which operations one platform serves, read from its data: what a single-platform app keeps. An
 * operation is served when its platform can run it (never only refuse it), so the app shows no
 * "this platform does not offer …" notice; the hidden dropdown lists kept are those its
 * search-powered fields name.
 */
import { ACTION_SPECS } from '../fields/actions';
import { fixedPlatformActionFields } from '../fields/editor-fields';
import { HOOK_TRIGGER_SPECS } from '../fields/hook-triggers/index';
import { unservableReason } from '../fields/hook-trigger-fields';
import { POLLING_TRIGGER_SPECS } from '../fields/polling-triggers';
import { SEARCH_SPECS } from '../fields/searches';
import type { PollingTriggerSpec } from '../fields/operations';
import type { PlatformDefinition } from '../platforms/types';
import { DASHBOARD_WEBHOOK } from '../triggers/dashboard_webhook';

/** The keys of the operations a platform serves, by kind. */
export interface ServedKeys {
  triggers: Set<string>;
  creates: Set<string>;
  searches: Set<string>;
}

/** True when the platform's list of the record can be polled the way the trigger watches it (as triggers/polling-trigger.ts refuses otherwise). */
export function pollable(platform: PlatformDefinition, spec: PollingTriggerSpec): boolean {
  const list = platform.lists[spec.record];
  if (list === undefined) return false;
  if (spec.watch === 'created') return true;
  const status = list.polling?.status;
  return status === undefined ? platform.fields[spec.record]?.status !== undefined : !('unavailable' in status);
}

function offered<T>(spec: T | { unsupported: string } | undefined): spec is T {
  return spec !== undefined && !(typeof spec === 'object' && spec !== null && 'unsupported' in spec);
}

/**
 * True when a field's dropdown stays a hidden trigger in a single-platform app: a search-powered
 * field (Zapier's `search`, "find it" beside the dropdown) pairs with a `dynamic` dropdown; every
 * other dropdown is the field's own perform-based choices there (app/single-platform.ts).
 */
export function keepsHiddenList(field: { dynamic?: string; search?: string }): boolean {
  return field.dynamic !== undefined && field.search !== undefined;
}

/** The hidden dropdown triggers that `fields` keep in a single-platform app (`dynamic: '<trigger>.id.label'`). */
function hiddenListsOf(fields: readonly { dynamic?: string; search?: string }[]): string[] {
  return fields.filter(keepsHiddenList).map((field) => (field.dynamic ?? '').split('.')[0]);
}

/**
 * The operations `platform` serves:
 * - REST-hook triggers where it has a webhook API and sends an event for them; the dashboard
 *   webhook only where it has none (Zapier takes no static webhook in a public app where REST hooks exist, check D017);
 * - polling triggers on the lists it offers (with a status, for the status triggers) where no
 *   REST-hook trigger serves the same records;
 * - actions and searches its data implements (not `unsupported`);
 * - the hidden dropdown lists its search-powered fields name (keepsHiddenList; every other
 *   dropdown is its field's own).
 */
export function servedKeys(platform: PlatformDefinition): ServedKeys {
  const hooks = platform.webhooks.kind === 'api' ? HOOK_TRIGGER_SPECS.filter((spec) => unservableReason(spec, platform) === undefined) : [];
  const chosen = hooks.some((spec) => spec.events === 'chosen') && platform.events.length > 0;
  const instant = new Set<string>(hooks.map((spec) => spec.key));
  // A polling trigger fills a gap: in a vendor's own app the REST hook is the trigger where it
  // serves (Zapier asks for instant triggers where the API has them), the poll only where it does not.
  const polls = POLLING_TRIGGER_SPECS.filter((spec) => pollable(platform, spec) && !instant.has(spec.instant));
  const actions = ACTION_SPECS.filter((spec) => offered(platform.actions[spec.key]));
  const searches = SEARCH_SPECS.filter((spec) => offered(platform.searches?.[spec.key]));
  const dropdowns = new Set([...actions.flatMap((action) => hiddenListsOf(fixedPlatformActionFields(action, platform))), ...searches.flatMap((search) => hiddenListsOf(search.inputFields))]);
  return {
    triggers: new Set([
      ...hooks.filter((spec) => spec.events !== 'chosen' || chosen).map((spec) => spec.key),
      ...polls.map((spec) => spec.key),
      ...(platform.webhooks.kind === 'dashboard' ? [DASHBOARD_WEBHOOK] : []),
      ...dropdowns,
    ]),
    creates: new Set(actions.map((spec) => spec.key)),
    searches: new Set(searches.map((spec) => spec.key)),
  };
}
