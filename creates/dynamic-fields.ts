/**
 * Input fields as the Zap editor shows them once it knows the connected platform (Zapier's dynamic
 * fields: an `inputFields` entry that is a function of `bundle.authData`). Everything is derived
 * from the platform's data, never from its name:
 * - a field is shown when the platform's request template uses its placeholder (`{{key}}` or
 *   `{{key | filter}}` in the path, query or body);
 * - it is required when the platform needs it (a path placeholder, or listed in `requiredInputs`);
 * - its help text names the platform (`connectedHelp`) and says when the platform wants an email;
 * - where the platform does not offer the action or search, the only thing shown is a notice
 *   (Zapier's `type: 'copy'` field) saying so and what to do instead.
 * An unknown connection (no platform yet) gets the static fields, every platform at once.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { STATUSES, type RecordKind } from '../platforms/records';
import { findPlatform } from '../platforms/registry';
import type { ActionSpec, PlatformDefinition, RequestSpec, SearchKey, SearchSpec, Template, Unsupported } from '../platforms/types';
import type { ActionDefinition, ActionInputField } from './create-factory';

/** An input field as Zapier's editor receives it (the subset of Zapier's field schema this app uses). */
export interface EditorField {
  key: string;
  label?: string;
  helpText: string;
  required?: boolean;
  type?: 'string' | 'boolean' | 'number' | 'copy' | 'password';
  dynamic?: string;
  /** Zapier's search-powered field, `<search key>.<output field>`: the editor offers "find it" beside the dropdown. */
  search?: string;
  list?: boolean;
  choices?: Record<string, string>;
}

/** The affiliate dropdown (creates/inputs.ts): where the platform can search affiliates, Find Affiliate can fill it. */
const AFFILIATE_DROPDOWN = 'affiliate_list.id.label';

/** Zapier's dynamic-field function: computed per connection when the editor loads the step. */
export type FieldsFunction = (z: ZObject, bundle: Bundle) => EditorField[];

/** Key of the notice field; a `copy` field carries no value, so its key is never sent anywhere. */
export const NOTICE_KEY = 'not_available_notice';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|\s*\w+\s*)?\}\}/g;

function namesIn(template: Template | undefined, into: Set<string>): void {
  if (typeof template === 'string') {
    for (const match of template.matchAll(PLACEHOLDER)) into.add(match[1]);
  } else if (Array.isArray(template)) {
    for (const item of template) namesIn(item, into);
  } else if (template !== null && typeof template === 'object') {
    for (const value of Object.values(template)) namesIn(value, into);
  }
}

/**
 * The placeholder names a request template uses, e.g. `{ path: {'referral_id'}, all: {'referral_id', 'note'} }`
 * for `POST /referral/{{referral_id}}/status` with body `{ note: '{{note}}' }`.
 */
export function placeholdersOf(request: RequestSpec): { path: Set<string>; all: Set<string> } {
  const path = new Set<string>();
  namesIn(request.path, path);
  const all = new Set(path);
  namesIn(request.query, all);
  namesIn(request.body, all);
  return { path, all };
}

/** The platform of the editor's connection, or undefined before one is chosen (or for an unknown id). */
export function connectedPlatform(bundle: Pick<Bundle, 'authData'> | undefined): PlatformDefinition | undefined {
  return findPlatform(bundle?.authData?.platform);
}

/**
 * The notice shown instead of the fields, e.g. "Approve Referral is not available for Acme: …".
 * @param reason the platform's own `unsupported` text (which says what to do instead), or undefined
 *   when the platform's data does not mention the operation at all
 */
export function unavailableNotice(platform: PlatformDefinition, label: string, reason: string | undefined): EditorField {
  const text =
    reason === undefined
      ? `${platform.name} does not offer "${label}" through its API, so this step cannot run for this connection. Do it in ${platform.name}'s dashboard instead.`
      : `"${label}" is not available for ${platform.name}: ${reason}`;
  return { key: NOTICE_KEY, type: 'copy', helpText: text };
}

/** The static field without the editor-only data, as Zapier's schema accepts it. */
function plainField(field: ActionInputField): EditorField {
  const { connectedHelp: _connectedHelp, ...plain } = field;
  return plain;
}

/** One field as the platform needs it: required flag, help text naming the platform. */
function connectedField(field: ActionInputField, platform: PlatformDefinition, required: boolean, format: 'email' | undefined, note: string | undefined): EditorField {
  const generic =
    format === 'email'
      ? `${platform.name} identifies the affiliate by email address: pick one, or map an email address from an earlier step.`
      : (field.connectedHelp?.replaceAll('{platform}', platform.name) ?? field.helpText);
  const helpText = note === undefined ? generic : `${generic} ${note}`;
  const findAffiliate = platform.searches?.find_affiliate;
  // The search's result carries the value this platform's actions take: the email where they identify affiliates by it.
  const search =
    field.dynamic === AFFILIATE_DROPDOWN && findAffiliate !== undefined && !isUnsupported(findAffiliate)
      ? { search: `find_affiliate.${platform.affiliateIdentifier ?? 'id'}` }
      : {};
  return { ...plainField(field), required, helpText, ...search };
}

function isUnsupported(spec: ActionSpec | SearchSpec | Unsupported | undefined): spec is Unsupported {
  return spec !== undefined && 'unsupported' in spec;
}

/**
 * The input fields of an action for a platform.
 * @returns the static fields when the platform is unknown; the notice alone when the platform does
 *   not offer the action; else the fields its request uses, in the action's order, with the
 *   platform's required flags and help text
 */
export function actionFieldsFor(action: ActionDefinition, platform: PlatformDefinition | undefined): EditorField[] {
  if (platform === undefined) return action.inputFields.map(plainField);
  const spec = platform.actions[action.key];
  if (spec === undefined || isUnsupported(spec)) return [unavailableNotice(platform, action.label, spec?.unsupported)];
  const { path, all } = placeholdersOf(spec.request);
  const needed = new Set([...path, ...(spec.requiredInputs ?? [])]);
  return action.inputFields
    .filter((field) => all.has(field.key))
    .map((field) => connectedField(field, platform, needed.has(field.key) || field.required === true, spec.inputFormats?.[field.key], spec.inputNotes?.[field.key]));
}

/** Zapier's dynamic `inputFields` entry of an action. */
export function actionInputFields(action: ActionDefinition): FieldsFunction {
  return (_z, bundle) => actionFieldsFor(action, connectedPlatform(bundle));
}

/**
 * What a search adds before its static search field for a platform: the notice when the platform
 * cannot run it, nothing otherwise. The search field itself stays static (Zapier's check D009
 * reads the required search field from the definition).
 */
export function searchNoticeFor(search: { key: SearchKey; label: string }, platform: PlatformDefinition | undefined): EditorField[] {
  if (platform === undefined) return [];
  const spec = platform.searches?.[search.key];
  if (spec === undefined || isUnsupported(spec)) return [unavailableNotice(platform, search.label, spec?.unsupported)];
  return [];
}

/** Zapier's dynamic `inputFields` entry of a search, placed first so its notice is the first thing shown. */
export function searchInputNotice(search: { key: SearchKey; label: string }): FieldsFunction {
  return (_z, bundle) => searchNoticeFor(search, connectedPlatform(bundle));
}

/**
 * Status filter choices with readable labels, e.g. `{ approved: 'Approved', denied: 'Denied' }`:
 * the statuses the platform's status table can report for the kind, or every one but `unknown`
 * when the platform is not known.
 */
export function statusChoices(kind: RecordKind, platform?: PlatformDefinition): Record<string, string> {
  const reported = platform === undefined ? undefined : new Set<string>(Object.values(platform.statuses[kind] ?? {}));
  const statuses = STATUSES[kind].filter((status) => status !== 'unknown' && (reported === undefined || reported.has(status)));
  return Object.fromEntries(statuses.map((status) => [status, status.charAt(0).toUpperCase() + status.slice(1)]));
}
