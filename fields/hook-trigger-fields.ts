/**
 * What the editor shows on an instant trigger (triggers/hook-trigger.ts builds the trigger): a
 * notice where the connected platform cannot serve it, the event dropdown of New Platform Event,
 * and the status filter with the statuses the platform can report.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { PlatformDefinition } from '../platforms/types';
import { NOTICE_KEY, connectedPlatform, statusChoices, type EditorField } from './editor-fields';
import { describeOffer, selectVendorEvents } from './event-selection';
import type { HookTriggerSpec } from './operations';
import { insteadOfInstant } from './alternatives';
import { refusalNotice } from './refusal-notice';

/** Key of the hidden trigger that lists the connected platform's vendor events (dropdown). */
export const PLATFORM_EVENT_LIST = 'platform_event_list';

/** Why the trigger cannot serve the platform, with what to use instead (fields/alternatives.ts); undefined when it can. */
export function unservableReason(spec: HookTriggerSpec, platform: PlatformDefinition): string | undefined {
  if (platform.webhooks.kind === 'dashboard') {
    return `${platform.name} registers webhooks only in its dashboard, so "${spec.label}" cannot set one up. ${insteadOfInstant(platform, spec)}`;
  }
  if (spec.events !== 'chosen' && selectVendorEvents(platform, spec.events, undefined).length === 0) {
    return `${platform.name} sends no event for "${spec.label}" (it offers: ${describeOffer(platform)}). ${insteadOfInstant(platform, spec)}`;
  }
  return undefined;
}

/**
 * The trigger's input fields: for a connection whose platform cannot serve the trigger, a notice
 * first (what to use instead); the event dropdown (New Platform Event); the status filter with the
 * statuses the connected platform can report, labelled.
 * @returns Zapier's `inputFields`: static fields and functions of the connection (`bundle.authData`)
 */
export function hookTriggerInputFields(spec: HookTriggerSpec) {
  const notice = refusalNotice(async (_z: ZObject, bundle: Bundle): Promise<EditorField[]> => {
    const platform = connectedPlatform(bundle);
    const reason = platform === undefined ? undefined : unservableReason(spec, platform);
    return reason === undefined ? [] : [{ key: NOTICE_KEY, type: 'copy', helpText: reason }];
  });
  const fields: (EditorField | typeof notice)[] = [notice];
  if (spec.events === 'chosen') {
    fields.push({
      key: 'event',
      label: 'Event',
      required: true,
      dynamic: `${PLATFORM_EVENT_LIST}.id.label`,
      helpText: 'The event to listen to. The list shows every event your connected platform sends.',
    });
  }
  const record = spec.record;
  if (spec.statusFilter && record) {
    fields.push(async (_z: ZObject, bundle: Bundle): Promise<EditorField[]> => {
      return [
        {
          key: 'status',
          label: 'Only When the Status Becomes',
          required: false,
          choices: statusChoices(record, connectedPlatform(bundle)),
          helpText: 'Leave empty to run on every status change, or pick a status to run only when a change lands on it.',
        },
      ];
    });
  }
  return fields;
}
