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
import { withPayloadText, type ZapOutput } from '../platforms/payload-text';
import { getPath, isJsonObject } from '../platforms/paths';
import { recordKindOf, type NormalizedOutput } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { exactInteger, renderObject, renderPath } from '../platforms/template';
import type { ActionKey, ActionOutcome, ActionSpec, PlatformDefinition } from '../platforms/types';
import { recordOutputFields } from '../fields/output-fields';
import { actionInputFields, placeholdersOf } from '../fields/editor-fields';
import type { ActionDefinition } from '../fields/operations';
import { withGeneratedInputs } from './generated-inputs';

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
    // An id is refused, never rounded or dropped: 1e3, 0x1F or 12.0 are not the id the user meant.
    const present = value !== undefined && value !== null && String(value).trim() !== '';
    if (format === 'integer' && present && exactInteger(value) === undefined) {
      throw new z.errors.Error(
        `${platform.name} identifies this by a numeric ID: "${labelOf(action, key)}" must be a whole number written with digits only (such as 12345), with no sign, decimals, exponent or letters.`,
        'InvalidInput',
        400,
      );
    }
  }
}

/** Answers that mean "no such endpoint" for an action whose endpoint no vendor document confirms. */
const NOT_OFFERED_STATUSES: readonly number[] = [404, 405];

/**
 * The error for a 404 / 405 on an action whose endpoint rests on a third party (`unconfirmed`): a
 * 404 on a path naming an id says first that no record has that id on the account (the likelier
 * cause), then that the API may not offer the action; a 405, that the API does not offer it.
 */
function notOfferedError(z: ZObject, platform: PlatformDefinition, spec: ActionSpec, action: ActionDefinition, bundle: Bundle, response: ApiResponse): Error {
  const secrets = credentialSecrets(bundle.authData, platform);
  const message = vendorMessage(platform, response, secrets);
  // The call already succeeded in rendering this path, so rendering it again cannot throw.
  const call = redact(`${spec.request.method} ${renderPath(spec.request.path, bundle.inputData)}`, secrets);
  // A 404 on a path that names an id is most often a mistyped or unknown id: said first.
  const idKey = response.status === 404 ? [...placeholdersOf(spec.request).path][0] : undefined;
  const id = idKey === undefined ? undefined : bundle.inputData[idKey];
  if (idKey !== undefined && (typeof id === 'string' || typeof id === 'number')) {
    const noun = labelOf(action, idKey).toLowerCase();
    return new z.errors.Error(
      redact(`${platform.name} has no ${noun} "${String(id)}" on your account: it answered ${call} with HTTP 404 ("${message}"). Check the ID you mapped. `, secrets) +
        `If the ID is right, your ${platform.name} API may not offer "${action.label}" (${spec.unconfirmed}): do this step in ${platform.name}'s dashboard instead.`,
      'NotFound',
      404,
    );
  }
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

/** The job counts (`ActionOutcome.countPaths`) that do not read a number above 0: a done job with one of them changed nothing. */
function emptyCounts(outcome: ActionOutcome, response: ApiResponse): string[] {
  return (outcome.countPaths ?? []).filter((path) => !(Number(getPath(response.data, path) ?? 0) > 0));
}

/**
 * Refuses an answer whose job (`ActionSpec.outcome`) is not known to be done: still queued or
 * running, failed, done with failed items, or done having processed nothing.
 * @param item the id the action was for (the result's assumed `id`), named when nothing was processed
 * @throws z.errors.Error naming the platform, the job's id and state, and the vendor's item errors (redacted)
 */
function checkOutcome(
  z: ZObject,
  platform: PlatformDefinition,
  outcome: ActionOutcome,
  action: ActionDefinition,
  bundle: Bundle,
  response: ApiResponse,
  item: unknown,
): void {
  const state = getPath(response.data, outcome.statusPath);
  const failed = outcome.failedCountPath === undefined ? 0 : Number(getPath(response.data, outcome.failedCountPath) ?? 0);
  const done = typeof state === 'string' && outcome.done.includes(state);
  const empty = done ? emptyCounts(outcome, response) : [];
  if (done && !(failed > 0) && empty.length === 0) return;
  const secrets = credentialSecrets(bundle.authData, platform);
  const id = outcome.idPath === undefined ? undefined : getPath(response.data, outcome.idPath);
  const job = typeof id === 'string' || typeof id === 'number' ? ` (job ${String(id)})` : '';
  const errors = outcome.errorsPath === undefined ? undefined : getPath(response.data, outcome.errorsPath);
  const detail = Array.isArray(errors) && errors.length > 0 ? `: "${redact(errors.map(itemErrorText).join('; '), secrets).slice(0, 300)}"` : '';
  const what = typeof state === 'string' ? `"${state.slice(0, 40)}"` : 'no state';
  const itemText = typeof item === 'string' || typeof item === 'number' ? ` ${redact(String(item), secrets).slice(0, 40)}` : '';
  const message = !done
    ? `${platform.name} accepted "${action.label}"${job} but reports it as ${what}, not done${detail}. It is not known to have happened: check in ${platform.name} before running it again.`
    : failed > 0
      ? `${platform.name} processed "${action.label}"${job} but reports ${failed} item(s) failed${detail}. Nothing was changed; check the ID and the item in ${platform.name}.`
      : `${platform.name} completed "${action.label}"${job} but processed no item (${empty.join(', ')}: 0), so nothing is known to have changed for ID${itemText}. Check that this ID exists in ${platform.name}.`;
  throw new z.errors.Error(message, 'NotDone', 502);
}

/**
 * Refuses an answer whose list of changed ids (`ActionSpec.changedIds`) lacks the id sent: the
 * vendor took the call (HTTP 200) but changed nothing, e.g. a status it does not allow from here.
 * @throws z.errors.Error naming the platform and the id (redacted), never reading as done
 */
function checkChanged(z: ZObject, platform: PlatformDefinition, changed: NonNullable<ActionSpec['changedIds']>, action: ActionDefinition, bundle: Bundle, response: ApiResponse): void {
  const listed = getPath(response.data, changed.path);
  const sent = String(bundle.inputData[changed.input] ?? '').trim();
  if (Array.isArray(listed) && listed.some((id) => String(id) === sent)) return;
  const id = redact(sent, credentialSecrets(bundle.authData, platform)).slice(0, 40);
  throw new z.errors.Error(
    `${platform.name} answered "${action.label}" without changing ${labelOf(action, changed.input)} ${id}: it is not among the IDs ${platform.name} reports changed (${changed.path}). ` +
      `Check in ${platform.name} that the ID exists and that its current status allows this change.`,
    'NotChanged',
    422,
  );
}

/**
 * Runs an action on the connected platform.
 * @returns the normalized record of what changed: the vendor's response where it returns the
 *   object, over what is known from the inputs where it does not
 * @throws z.errors.Error naming the platform when it does not offer the action (also when an
 *   `unconfirmed` endpoint answers 404 / 405), when an input has the wrong form, or (through the
 *   middleware) when the vendor refuses
 */
async function performAction(z: ZObject, bundle: Bundle, action: ActionDefinition): Promise<ZapOutput> {
  const platform = platformOf(z, bundle);
  const spec = actionSpecOf(z, platform, action);
  checkInputs(z, platform, spec, action, bundle);
  // `confirm`: an error envelope or an HTML page with HTTP 200 must not read as the action done.
  const notOffered = spec.unconfirmed === undefined ? [] : NOT_OFFERED_STATUSES;
  // Generated inputs (a required password the user left empty) go to the vendor only, never into the output.
  const response = await callPlatform(z, platform, spec.request, withGeneratedInputs(spec, bundle.inputData), { confirm: true, acceptStatuses: notOffered });
  if (notOffered.includes(response.status)) throw notOfferedError(z, platform, spec, action, bundle, response);
  const assumed = spec.result.assume ? renderObject(spec.result.assume, bundle.inputData) : {};
  if (spec.outcome) checkOutcome(z, platform, spec.outcome, action, bundle, response, assumed.id);
  if (spec.changedIds) checkChanged(z, platform, spec.changedIds, action, bundle, response);
  const found = spec.result.resultPath === undefined ? undefined : getPath(response.data, spec.result.resultPath);
  // A vendor that answers a single create with a one-item array (`data: [{…}]`) means that item.
  const returned = Array.isArray(found) && found.length === 1 ? found[0] : found;
  const object = isJsonObject(returned) ? returned : {};
  const raw = isJsonObject(returned) ? returned : isJsonObject(response.data) ? response.data : {};
  const kind = recordKindOf(spec.result.event);
  // The vendor event this change corresponds to: the one the data names, else the one for exactly this change, else the vendor's
  // status-change event of the record kind, else (no vendor event at all) the normalized event.
  const vendorEvent =
    spec.result.vendorEvent ??
    platform.events.find((event) => event.event === spec.result.event)?.key ??
    platform.events.find((event) => event.event === `${kind}.status_changed`)?.key ??
    spec.result.event;
  const normalized = normalizeRecord({ platform, kind, event: spec.result.event, vendorEvent }, object, raw);
  const fromResponse = Object.fromEntries(Object.entries(normalized).filter(([, value]) => value !== '' && value !== undefined));
  return withPayloadText({ ...normalized, ...assumed, ...fromResponse } as NormalizedOutput);
}

/** The record fields an action knows from its inputs on a platform (`result.assume`), beyond what the vendor returns. */
export function assumedKeys(platform: PlatformDefinition, action: ActionDefinition): string[] {
  const spec = platform.actions[action.key];
  return spec === undefined || 'unsupported' in spec ? [] : Object.keys(spec.result.assume ?? {});
}

/** Builds a Zapier create from its data (core's `defineCreate`, so its shape is checked against Zapier's schema). */
export function defineAction<K extends ActionKey>(action: ActionDefinition<K>) {
  return defineCreate({
    key: action.key,
    noun: action.noun,
    display: { label: action.label, description: action.description },
    operation: {
      inputFields: actionInputFields(action),
      perform: (z: ZObject, bundle: Bundle) => performAction(z, bundle, action),
      sample: action.sample,
      outputFields: recordOutputFields(action.record, (platform) => assumedKeys(platform, action)),
    },
  });
}
