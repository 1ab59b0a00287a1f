/**
 * Which operations one platform serves, read from its data: what a single-platform app keeps. An
 * operation is served when its platform can run it (never only refuse it), so the app shows no
 * "this platform does not offer …" notice; the dropdown lists kept are those its fields name.
 */
import { ACTION_SPECS } from '../fields/actions';
import { actionFieldsFor } from '../fields/editor-fields';
import { HOOK_TRIGGER_SPECS } from '../fields/hook-triggers/index';
import { PLATFORM_EVENT_LIST, unservableReason } from '../fields/hook-trigger-fields';
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

/** The hidden dropdown triggers a field names (`dynamic: '<trigger>.id.label'`). */
function dropdownsOf(fields: readonly { dynamic?: string }[]): string[] {
  return fields.flatMap((field) => (field.dynamic === undefined ? [] : [field.dynamic.split('.')[0]]));
}

/**
 * The hidden dropdown triggers that the static input fields of `operations` name (the fields a
 * definition carries besides its dynamic ones), so a kept field's dropdown is kept too (Zapier's check D005).
 */
export function dropdownsNamedBy(operations: readonly { operation?: { inputFields?: unknown } }[]): string[] {
  return operations.flatMap((item) =>
    dropdownsOf((Array.isArray(item.operation?.inputFields) ? item.operation.inputFields : []).filter((field): field is { dynamic?: string } => typeof field === 'object' && field !== null)),
  );
}

/**
 * The operations `platform` serves:
 * - REST-hook triggers where it has a webhook API and sends an event for them; the dashboard
 *   webhook only where it has none (Zapier takes no static webhook in a public app where REST hooks exist, check D017);
 * - polling triggers on the lists it offers (with a status, for the status triggers) where no
 *   REST-hook trigger serves the same records;
 * - actions and searches its data implements (not `unsupported`);
 * - the dropdown lists those name.
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
  const dropdowns = new Set([
    ...actions.flatMap((action) => dropdownsOf(actionFieldsFor(action, platform))),
    ...searches.flatMap((search) => dropdownsOf(search.inputFields)),
    ...(chosen ? [PLATFORM_EVENT_LIST] : []),
  ]);
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
