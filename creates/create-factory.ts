/**
 * The one create factory: every action of the app is this factory applied to its data (key,
 * labels, static input fields). The connected platform's `actions` data says which request does
 * it, or why the platform cannot; no action names a vendor.
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { callPlatform } from '../platforms/api';
import { normalizeRecord } from '../platforms/normalize';
import { getPath, isJsonObject } from '../platforms/paths';
import { recordKindOf, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { renderObject } from '../platforms/template';
import type { ActionKey, ActionSpec, PlatformDefinition } from '../platforms/types';
import { outputFieldsFor } from '../triggers/output-fields';

/** A static input field of an action (Zapier's shape, restricted to what the actions use). */
export interface ActionInputField {
  key: string;
  label: string;
  helpText: string;
  required?: boolean;
  type?: 'string' | 'boolean' | 'number';
  dynamic?: string;
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

/**
 * Runs an action on the connected platform.
 * @returns the normalized record of what changed: the vendor's response where it returns the
 *   object, over what is known from the inputs where it does not
 * @throws z.errors.Error naming the platform when it does not offer the action, when an input has
 *   the wrong form, or (through the middleware) when the vendor refuses
 */
async function performAction(z: ZObject, bundle: Bundle, action: ActionDefinition): Promise<NormalizedOutput> {
  const platform = platformOf(z, bundle);
  const spec = actionSpecOf(z, platform, action);
  checkInputs(z, platform, spec, action, bundle);
  // `confirm`: an error envelope or an HTML page with HTTP 200 must not read as the action done.
  const response = await callPlatform(z, platform, spec.request, bundle.inputData, { confirm: true });
  const returned = spec.result.resultPath === undefined ? undefined : getPath(response.data, spec.result.resultPath);
  const object = isJsonObject(returned) ? returned : {};
  const raw = isJsonObject(returned) ? returned : isJsonObject(response.data) ? response.data : {};
  const kind = recordKindOf(spec.result.event);
  // The vendor event this change corresponds to, where the platform has one.
  const vendorEvent = platform.events.find((event) => event.event === spec.result.event)?.key ?? action.key;
  const normalized = normalizeRecord({ platform, kind, event: spec.result.event, vendorEvent }, object, raw);
  const fromResponse = Object.fromEntries(Object.entries(normalized).filter(([, value]) => value !== '' && value !== undefined));
  const assumed = spec.result.assume ? renderObject(spec.result.assume, bundle.inputData) : {};
  return { ...normalized, ...assumed, ...fromResponse } as NormalizedOutput;
}

/** Builds a Zapier create from its data (core's `defineCreate`, so its shape is checked against Zapier's schema). */
export function defineAction(action: ActionDefinition) {
  return defineCreate({
    key: action.key,
    noun: action.noun,
    display: { label: action.label, description: action.description },
    operation: {
      inputFields: action.inputFields,
      perform: (z: ZObject, bundle: Bundle) => performAction(z, bundle, action),
      sample: action.sample,
      outputFields: outputFieldsFor(action.record),
    },
  });
}
