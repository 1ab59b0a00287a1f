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
import { PLATFORMS, findPlatform } from '../platforms/registry';
import type { ActionSpec, PlatformDefinition, RequestSpec, SearchKey, SearchSpec, Template, Unsupported } from '../platforms/types';
import type { ActionDefinition, ActionInputField } from './operations';
import { refusalNotice } from './refusal-notice';

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

/** The affiliate dropdown (inputs.ts): where the platform can search affiliates, Find Affiliate can fill it. */
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
  const { connectedHelp: _connectedHelp, whenOptional: _whenOptional, ...plain } = field;
  return plain;
}

/**
 * Whether the platform has items for a dropdown (`<hidden trigger>.id.label`, triggers/choice-lists.ts):
 * its records list, or its vendor list of programs, groups or applicants (the affiliates otherwise).
 */
export function dropdownHasItems(platform: PlatformDefinition, dynamic: string): boolean {
  switch (dynamic.split('.')[0]) {
    case 'referral_list':
      return platform.lists.referral !== undefined;
    case 'affiliate_list':
      return platform.lists.affiliate !== undefined;
    case 'payout_list':
      return platform.lists.payout !== undefined;
    case 'applicant_list':
      return platform.choices?.applicant !== undefined || platform.lists.affiliate !== undefined;
    case 'program_list':
      return platform.choices?.program !== undefined;
    case 'group_list':
      return platform.choices?.group !== undefined;
    default:
      return true;
  }
}

/** One field as the platform needs it: required flag, help text naming the platform, a dropdown only where it can list something. */
function connectedField(
  field: ActionInputField,
  platform: PlatformDefinition,
  required: boolean,
  format: 'email' | 'integer' | undefined,
  note: string | undefined,
  choices?: Readonly<Record<string, string>>,
): EditorField {
  const generic =
    format === 'email'
      ? `${platform.name} identifies the affiliate by email address: pick one, or map an email address from an earlier step.`
      : `${field.connectedHelp?.replaceAll('{platform}', platform.name) ?? field.helpText}${format === 'integer' ? ` ${platform.name} identifies it by a numeric ID.` : ''}`;
  // "Leave empty for …" only where leaving it empty works.
  const optional = !required && field.whenOptional !== undefined ? ` ${field.whenOptional.replaceAll('{platform}', platform.name)}` : '';
  // An empty dropdown would leave the user nothing to pick: the field is then typed or mapped.
  const listed = field.dynamic === undefined || dropdownHasItems(platform, field.dynamic);
  const typed = listed ? '' : ` ${platform.name} offers no list to pick from: type the ID or map it from an earlier step.`;
  const helpText = note === undefined ? `${generic}${optional}${typed}` : `${generic}${optional}${typed} ${note}`;
  const findAffiliate = platform.searches?.find_affiliate;
  // The search's result carries the value this platform's actions take: the email where they identify affiliates by it.
  const search =
    field.dynamic === AFFILIATE_DROPDOWN && findAffiliate !== undefined && !isUnsupported(findAffiliate)
      ? { search: `find_affiliate.${platform.affiliateIdentifier ?? 'id'}` }
      : {};
  const { dynamic: _dynamic, ...undropped } = plainField(field);
  // The platform's own values of the input (`ActionSpec.inputChoices`), as a dropdown.
  const choice = choices === undefined ? {} : { choices: { ...choices } };
  return listed ? { ...plainField(field), required, helpText, ...search, ...choice } : { ...undropped, required, helpText, ...choice };
}

function isUnsupported(spec: ActionSpec | SearchSpec | Unsupported | undefined): spec is Unsupported {
  return spec !== undefined && 'unsupported' in spec;
}

/** The inputs a platform's request for an action uses, and those it needs. */
function usedInputs(spec: ActionSpec, field: ActionInputField): { used: boolean; required: boolean } {
  const { path, all } = placeholdersOf(spec.request);
  return { used: all.has(field.key), required: path.has(field.key) || (spec.requiredInputs ?? []).includes(field.key) || field.required === true };
}

/**
 * The fields of an action that every platform offering it uses and requires, e.g. Approve
 * Referral's Referral: static in the definition (Zapier's check D022 asks actions for static input
 * fields), with the generic help; what a platform says about them beyond it comes as a note.
 */
export function sharedActionFields(action: ActionDefinition): ActionInputField[] {
  const specs = PLATFORMS.map((platform) => platform.actions[action.key]).filter((spec): spec is ActionSpec => spec !== undefined && !isUnsupported(spec));
  return specs.length === 0 ? [] : action.inputFields.filter((field) => specs.every((spec) => usedInputs(spec, field).used && usedInputs(spec, field).required));
}

/** A shared field's platform-specific help (an email it identifies by, a note), as a notice after the static fields. */
function sharedFieldNote(field: ActionInputField, platform: PlatformDefinition, spec: ActionSpec): EditorField[] {
  const format = spec.inputFormats?.[field.key];
  const what = format === 'email' ? `${platform.name} identifies it by email address.` : format === 'integer' ? `${platform.name} identifies it by a numeric ID.` : undefined;
  // The static dropdown cannot be dropped for one platform: where it lists nothing, the note says to type or map the value.
  const typed = field.dynamic !== undefined && !dropdownHasItems(platform, field.dynamic) ? `${platform.name} offers no list to pick from: type the ID or map it from an earlier step.` : undefined;
  const parts = [what, typed, spec.inputNotes?.[field.key]].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? [] : [{ key: `${field.key}_on_platform`, type: 'copy', helpText: `**${field.label}** on ${platform.name}: ${parts.join(' ')}` }];
}

/**
 * Every input field of an action on one fixed platform (a single-platform app, app/single-platform.ts):
 * the fields its request uses, in the action's order, each with that platform's help and required
 * flag, a shared field as any other (its platform note in its own help, no separate notice, no
 * dropdown the platform cannot fill).
 * @returns no field where the platform does not offer the action
 */
export function fixedPlatformActionFields(action: ActionDefinition, platform: PlatformDefinition): EditorField[] {
  const spec = platform.actions[action.key];
  if (spec === undefined || isUnsupported(spec)) return [];
  const shared = new Set(sharedActionFields(action).map((field) => field.key));
  return action.inputFields.flatMap((field) => {
    const { used, required } = usedInputs(spec, field);
    return used ? [connectedField(field, platform, required || shared.has(field.key), spec.inputFormats?.[field.key], spec.inputNotes?.[field.key], spec.inputChoices?.[field.key])] : [];
  });
}

/**
 * The dynamic input fields of an action for a platform (the shared ones are static, `sharedActionFields`).
 * @returns the other fields when the platform is unknown; the notice alone when the platform does
 *   not offer the action; else notes on the shared fields and the other fields its request uses,
 *   in the action's order, with the platform's required flags and help text
 */
export function actionFieldsFor(action: ActionDefinition, platform: PlatformDefinition | undefined): EditorField[] {
  const shared = new Set(sharedActionFields(action).map((field) => field.key));
  if (platform === undefined) return action.inputFields.filter((field) => !shared.has(field.key)).map(plainField);
  const spec = platform.actions[action.key];
  if (spec === undefined || isUnsupported(spec)) return [unavailableNotice(platform, action.label, spec?.unsupported)];
  return action.inputFields.flatMap((field) => {
    if (shared.has(field.key)) return sharedFieldNote(field, platform, spec);
    const { used, required } = usedInputs(spec, field);
    return used ? [connectedField(field, platform, required, spec.inputFormats?.[field.key], spec.inputNotes?.[field.key], spec.inputChoices?.[field.key])] : [];
  });
}

/**
 * Zapier's `inputFields` of an action: where the connected platform does not offer it, its notice
 * first; the shared fields, static; then the connected platform's own, as a dynamic entry.
 */
export function actionInputFields(action: ActionDefinition): (EditorField | FieldsFunction)[] {
  const offered = (platform: PlatformDefinition | undefined) => platform === undefined || !isUnsupported(platform.actions[action.key] ?? { unsupported: '' });
  const notice: FieldsFunction = refusalNotice((_z, bundle) => {
    const platform = connectedPlatform(bundle);
    return offered(platform) ? [] : actionFieldsFor(action, platform);
  });
  const dynamic: FieldsFunction = (_z, bundle) => {
    const platform = connectedPlatform(bundle);
    return offered(platform) ? actionFieldsFor(action, platform) : [];
  };
  return [notice, ...sharedActionFields(action).map((field) => ({ ...plainField(field), required: true })), dynamic];
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
  return refusalNotice((_z, bundle) => searchNoticeFor(search, connectedPlatform(bundle)));
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
