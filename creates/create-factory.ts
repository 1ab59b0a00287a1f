/**
 * The one create factory: every action of the app is this factory applied to its data (key,
 * labels, static input fields). The connected platform's `actions` data says which request does
 * it, or why the platform cannot; no action names a vendor.
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { callPlatform, type ApiResponse } from '../platforms/api';
import { vendorMessage } from '../platforms/middleware';
import { credentialSecrets, redact } from '../platforms/redact';
import { normalizeRecord } from '../platforms/normalize';
import { getPath, isJsonObject } from '../platforms/paths';
import { recordKindOf, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { renderObject, renderPath } from '../platforms/template';
import type { ActionKey, ActionOutcome, ActionSpec, PlatformDefinition } from '../platforms/types';
import { recordOutputFields } from '../triggers/output-fields';
import { actionInputFields } from './dynamic-fields';

/** A static input field of an action (Zapier's shape, restricted to what the actions use). */
export interface ActionInputField {
  key: string;
  label: string;
  helpText: string;
  required?: boolean;
  type?: 'string' | 'boolean' | 'number';
  dynamic?: string;
  /** Zapier's `list: true`: the user maps or picks several values, sent as an array. */
  list?: boolean;
  /**
   * Help text for the Zap editor once the platform is known: `{platform}` becomes its name. The
   * plain `helpText` (every platform at once) is kept for the Make app and unknown connections.
   */
  connectedHelp?: string;
}

/** The data that defines one action. */
export interface ActionDefinition {
  key: ActionKey;
  noun: string;
  /** Title Case. */
  label: string;
  description: string;
  /** The record kind the action returns. */
  record: RecordKind;
  inputFields: ActionInputField[];
  sample: NormalizedOutput;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function actionSpecOf(z: ZObject, platform: PlatformDefinition, action: ActionDefinition): ActionSpec {
  const spec = platform.actions[action.key];
  if (spec === undefined) {
    throw new z.errors.Error(`${platform.name} does not offer "${action.label}" through its API, so Affiliate Hub cannot do it there.`);
  }
  if ('unsupported' in spec) throw new z.errors.Error(`${action.label} is not available for ${platform.name}: ${spec.unsupported}`);
  return spec;
}

function labelOf(action: ActionDefinition, key: string): string {
  return action.inputFields.find((field) => field.key === key)?.label ?? key;
}

function checkInputs(z: ZObject, platform: PlatformDefinition, spec: ActionSpec, action: ActionDefinition, bundle: Bundle): void {
  for (const key of spec.requiredInputs ?? []) {
    const value = bundle.inputData[key];
    if (value === undefined || value === null || String(value).trim() === '') {
      throw new z.errors.Error(`${platform.name} needs "${labelOf(action, key)}" for ${action.label}: fill it in or map it from an earlier step.`, 'InvalidInput', 400);
    }
  }
  for (const [key, format] of Object.entries(spec.inputFormats ?? {})) {
    const value = bundle.inputData[key];
    if (format === 'email' && !(typeof value === 'string' && EMAIL.test(value.trim()))) {
      const label = labelOf(action, key);
      throw new z.errors.Error(
        `${platform.name} identifies this by email address: "${label}" must be an email, not "${String(value ?? '')}".`,
        'InvalidInput',
        400,
      );
    }
  }
}

/** Answers that mean "no such endpoint" for an action whose endpoint no vendor document confirms. */
const NOT_OFFERED_STATUSES: readonly number[] = [404, 405];

/**
 * The error for a 404 / 405 on an action whose endpoint rests on a third party (`unconfirmed`):
 * the user learns that their platform's API does not offer the action, not that an ID was not found.
 */
function notOfferedError(z: ZObject, platform: PlatformDefinition, spec: ActionSpec, action: ActionDefinition, bundle: Bundle, response: ApiResponse): Error {
  const secrets = credentialSecrets(bundle.authData, platform);
  const message = vendorMessage(platform, response, secrets);
  // The call already succeeded in rendering this path, so rendering it again cannot throw.
  const call = redact(`${spec.request.method} ${renderPath(spec.request.path, bundle.inputData)}`, secrets);
  return new z.errors.Error(
    `${platform.name} does not offer "${action.label}" through your ${platform.name} API: it answered ${call} with HTTP ${response.status} ` +
      `("${message}"), and ${spec.unconfirmed}. Do this step in ${platform.name}'s dashboard instead; ` +
      `if ${platform.name} confirms your API offers it, check the ID you mapped.`,
    'NotOffered',
    response.status,
  );
}

/** A vendor's per-item error as text: a string, or an object's `message` / `error`, else its JSON. */
function itemErrorText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (isJsonObject(item)) {
    const message = item.message ?? item.error;
    if (typeof message === 'string') return message;
  }
  return JSON.stringify(item) ?? String(item);
}

/**
 * Refuses an answer whose job (`ActionSpec.outcome`) is not known to be done: still queued or
 * running, failed, or done with failed items.
 * @throws z.errors.Error naming the platform, the job's id and state, and the vendor's item errors (redacted)
 */
function checkOutcome(z: ZObject, platform: PlatformDefinition, outcome: ActionOutcome, action: ActionDefinition, bundle: Bundle, response: ApiResponse): void {
  const state = getPath(response.data, outcome.statusPath);
  const failed = outcome.failedCountPath === undefined ? 0 : Number(getPath(response.data, outcome.failedCountPath) ?? 0);
  const done = typeof state === 'string' && outcome.done.includes(state);
  if (done && !(failed > 0)) return;
  const secrets = credentialSecrets(bundle.authData, platform);
  const id = outcome.idPath === undefined ? undefined : getPath(response.data, outcome.idPath);
  const job = typeof id === 'string' || typeof id === 'number' ? ` (job ${String(id)})` : '';
  const errors = outcome.errorsPath === undefined ? undefined : getPath(response.data, outcome.errorsPath);
  const detail = Array.isArray(errors) && errors.length > 0 ? `: "${redact(errors.map(itemErrorText).join('; '), secrets).slice(0, 300)}"` : '';
  const what = typeof state === 'string' ? `"${state.slice(0, 40)}"` : 'no state';
  const message = done
    ? `${platform.name} processed "${action.label}"${job} but reports ${failed} item(s) failed${detail}. Nothing was changed; check the ID and the item in ${platform.name}.`
    : `${platform.name} accepted "${action.label}"${job} but reports it as ${what}, not done${detail}. It is not known to have happened: check in ${platform.name} before running it again.`;
  throw new z.errors.Error(message, 'NotDone', 502);
}

/**
 * Runs an action on the connected platform.
 * @returns the normalized record of what changed: the vendor's response where it returns the
 *   object, over what is known from the inputs where it does not
 * @throws z.errors.Error naming the platform when it does not offer the action (also when an
 *   `unconfirmed` endpoint answers 404 / 405), when an input has the wrong form, or (through the
 *   middleware) when the vendor refuses
 */
async function performAction(z: ZObject, bundle: Bundle, action: ActionDefinition): Promise<NormalizedOutput> {
  const platform = platformOf(z, bundle);
  const spec = actionSpecOf(z, platform, action);
  checkInputs(z, platform, spec, action, bundle);
  // `confirm`: an error envelope or an HTML page with HTTP 200 must not read as the action done.
  const notOffered = spec.unconfirmed === undefined ? [] : NOT_OFFERED_STATUSES;
  const response = await callPlatform(z, platform, spec.request, bundle.inputData, { confirm: true, acceptStatuses: notOffered });
  if (notOffered.includes(response.status)) throw notOfferedError(z, platform, spec, action, bundle, response);
  if (spec.outcome) checkOutcome(z, platform, spec.outcome, action, bundle, response);
  const found = spec.result.resultPath === undefined ? undefined : getPath(response.data, spec.result.resultPath);
  // A vendor that answers a single create with a one-item array (`data: [{…}]`) means that item.
  const returned = Array.isArray(found) && found.length === 1 ? found[0] : found;
  const object = isJsonObject(returned) ? returned : {};
  const raw = isJsonObject(returned) ? returned : isJsonObject(response.data) ? response.data : {};
  const kind = recordKindOf(spec.result.event);
  // The vendor event this change corresponds to: the one for exactly this change, else the vendor's
  // status-change event of the record kind, else (no vendor event at all) the normalized event.
  const vendorEvent =
    platform.events.find((event) => event.event === spec.result.event)?.key ??
    platform.events.find((event) => event.event === `${kind}.status_changed`)?.key ??
    spec.result.event;
  const normalized = normalizeRecord({ platform, kind, event: spec.result.event, vendorEvent }, object, raw);
  const fromResponse = Object.fromEntries(Object.entries(normalized).filter(([, value]) => value !== '' && value !== undefined));
  const assumed = spec.result.assume ? renderObject(spec.result.assume, bundle.inputData) : {};
  return { ...normalized, ...assumed, ...fromResponse } as NormalizedOutput;
}

/** The record fields an action knows from its inputs on a platform (`result.assume`), beyond what the vendor returns. */
function assumedKeys(platform: PlatformDefinition, action: ActionDefinition): string[] {
  const spec = platform.actions[action.key];
  return spec === undefined || 'unsupported' in spec ? [] : Object.keys(spec.result.assume ?? {});
}

/** Builds a Zapier create from its data (core's `defineCreate`, so its shape is checked against Zapier's schema). */
export function defineAction(action: ActionDefinition) {
  return defineCreate({
    key: action.key,
    noun: action.noun,
    display: { label: action.label, description: action.description },
    operation: {
      inputFields: [actionInputFields(action)],
      perform: (z: ZObject, bundle: Bundle) => performAction(z, bundle, action),
      sample: action.sample,
      outputFields: recordOutputFields(action.record, (platform) => assumedKeys(platform, action)),
    },
  });
}
