/**
 * Actions (one Make module per Zapier create the platform implements) and their input fields.
 * Dropdowns become `rpc://` selects where the platform has the list behind them.
 */
import type { ActionInputField } from '../../fields/operations';
import { ACTION_SPECS } from '../../fields/actions';
import { recordKindOf, type NormalizedOutput } from '../../platforms/records';
import type { ActionKey, PlatformDefinition, RequestSpec, Template } from '../../platforms/types';
import type { AppFiles } from './app-files';
import { requestOf, requestPlaceholders, resolverFor } from './context';
import { recordOutput } from './fields';
import type { IssueLog, Reporter } from './issues';
import { asExpression, pathExpression, placeholdersOf, quote, translateObject, wrap } from './iml';
import type { JsonRecord } from './json';
import { camelName, outputInterface, outputSample } from './modules-common';
import { sentenceCase } from './labels';
import { makeWording } from './wording';

/** The shape of a Zapier create built by creates/create-factory.ts, as far as Make needs it. */
interface ZapierAction {
  key: ActionKey;
  display: { label: string; description: string };
  /** Make's label, from the action's spec. */
  makeLabel: string;
  operation: { inputFields: ActionInputField[]; sample: NormalizedOutput };
}

/** The app's actions as Zapier defines them (catalogued once in fields/actions/). */
export const ZAPIER_ACTIONS: readonly ZapierAction[] = ACTION_SPECS.map((spec) => ({
  key: spec.key,
  display: { label: spec.label, description: spec.description },
  makeLabel: spec.makeLabel,
  operation: { inputFields: spec.inputFields, sample: spec.sample },
}));

/** `rpc://<name>` for a Zapier `dynamic` (`affiliate_list.id.label`) when this app has that RPC. */
export type RpcLookup = (dynamic: string | undefined) => string | undefined;

/**
 * Make's check of an ID that stands in a URL path: one segment, never `.` or `..` (which would
 * address another endpoint, as platforms/template.ts refuses on Zapier), no `/ ? # \\ %` and no
 * spaces; digits only where the vendor's ids are integers.
 */
export const PATH_ID_PATTERN = '^(?!\\.{1,2}$)[^/?#\\\\%\\s]+$';
const INTEGER_PATTERN = '^[0-9]+$';

/** How parametersOf types the fields: emails, fields a URL path holds, digit-only ids, dropdowns. */
export interface ParameterOptions {
  required?: readonly string[];
  /** Inputs the vendor needs as an email address (besides fields named `email` / `*_email`). */
  emails?: readonly string[];
  /** Inputs placed in the request's URL path. */
  inPath?: readonly string[];
  /** Inputs the vendor needs as a plain decimal integer. */
  integers?: readonly string[];
  /** The platform's own values of an input, value → label (`ActionSpec.inputChoices`): a select. */
  choices?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  rpc: RpcLookup;
}

/** True for an input that holds an email address: named so, or declared so by the platform. */
function isEmail(key: string, emails: readonly string[] | undefined): boolean {
  return key === 'email' || key.endsWith('_email') || Boolean(emails?.includes(key));
}

/** Make parameters from Zapier input fields, restricted to `used` names. */
export function parametersOf(fields: readonly ActionInputField[], used: ReadonlySet<string>, options: ParameterOptions): JsonRecord[] {
  return fields
    .filter((field) => used.has(field.key))
    .map((field) => {
      const rpc = options.rpc(field.dynamic);
      const choices = options.choices?.[field.key];
      const type = isEmail(field.key, options.emails) ? 'email' : rpc || choices ? 'select' : field.type === 'boolean' ? 'boolean' : field.type === 'number' ? 'number' : 'text';
      const param: JsonRecord = { name: field.key, label: sentenceCase(field.label), type, required: Boolean(field.required) || Boolean(options.required?.includes(field.key)), help: makeWording(field.helpText ?? '') };
      if (type === 'select' && rpc) param.options = rpc;
      else if (type === 'select' && choices) param.options = Object.entries(choices).map(([value, label]) => ({ label, value }));
      const pattern = options.integers?.includes(field.key) ? INTEGER_PATTERN : options.inPath?.includes(field.key) ? PATH_ID_PATTERN : undefined;
      if (pattern !== undefined && (type === 'text' || type === 'select')) param.validate = { pattern };
      return param;
    });
}

/** The inputs a request's URL path names, e.g. `['referral_id']` for `/referrals/{{referral_id}}/approve`. */
export function pathInputs(request: RequestSpec): string[] {
  return placeholdersOf(request.path);
}

function assumedFallbacks(assume: Record<string, Template> | undefined, resolve: ReturnType<typeof resolverFor>, report: Reporter): Record<string, string> {
  if (!assume) return {};
  const translated = translateObject(assume, resolve, report);
  return Object.fromEntries(Object.entries(translated).map(([field, value]) => [field, asExpression(value)]));
}

/** The inputs an action declares in one format (`ActionSpec.inputFormats`). */
function inputsOfFormat(formats: Record<string, 'email' | 'integer'> | undefined, format: 'email' | 'integer'): string[] {
  return Object.entries(formats ?? {}).flatMap(([key, value]) => (value === format ? [key] : []));
}

/**
 * The vendor event an action's result corresponds to, as creates/create-factory.ts names it: the
 * one the action's data names (`named`: `result.vendorEvent`), else the platform's event for exactly this change, else its status-change event of the record kind, else
 * the normalized event itself (never an internal key such as `approve_referral`).
 */
export function actionVendorEvent(platform: PlatformDefinition, event: string, named?: string): string {
  const kind = event.split('.')[0];
  return named ?? platform.events.find((item) => item.event === event)?.key ?? platform.events.find((item) => item.event === `${kind}.status_changed`)?.key ?? event;
}

/** Adds every action the platform implements; the others are reported with the platform's reason. */
export function addActions(app: AppFiles, platform: PlatformDefinition, connection: string, rpc: RpcLookup, log: IssueLog): string[] {
  const names: string[] = [];
  for (const action of ZAPIER_ACTIONS) {
    const name = camelName(action.key);
    const spec = platform.actions[action.key];
    if (spec === undefined || 'unsupported' in spec) {
      log.add(`module ${name}`, 'info', `not generated: ${makeWording(spec ? spec.unsupported : `${platform.name} does not offer "${action.makeLabel}" through its API.`)}`);
      continue;
    }
    const report = log.for(`module ${name}`);
    const known = new Set(action.operation.inputFields.map((field) => field.key));
    const used = new Set([...requestPlaceholders(spec.request), ...placeholdersOf(spec.result.assume ?? {}), ...(spec.requiredInputs ?? []), ...Object.keys(spec.inputFormats ?? {})]);
    const resolve = resolverFor(platform, { inputs: known, extra: { limit: { literal: 1 }, page: { literal: 1 } } });
    const request = requestOf(spec.request, resolve, report);
    const kind = recordKindOf(spec.result.event);
    const root = spec.result.resultPath === undefined ? 'body' : pathExpression('body', spec.result.resultPath);
    const output = recordOutput(
      {
        platform,
        kind,
        event: spec.result.event,
        vendorEvent: actionVendorEvent(platform, spec.result.event, spec.result.vendorEvent),
        root,
        raw: spec.result.resultPath === undefined ? 'body' : `ifempty(${root}, body)`,
        fallbacks: assumedFallbacks(spec.result.assume, resolve, report),
        noObject: spec.result.resultPath === undefined,
      },
      report,
    );
    request.response = { output };
    // A job the vendor may finish later (ActionSpec.outcome) must not read as done: Make's `valid` fails the module with the reason.
    if (spec.outcome) {
      const state = pathExpression('body', spec.outcome.statusPath);
      const done = spec.outcome.done.map((value) => `${state} == ${quote(value)}`).join(' || ');
      const failed = spec.outcome.failedCountPath === undefined ? undefined : `ifempty(${pathExpression('body', spec.outcome.failedCountPath)}, 0) == 0`;
      (request.response as JsonRecord).valid = {
        condition: wrap(failed === undefined ? `(${done})` : `(${done}) && ${failed}`),
        message: `${platform.name} has not finished this (state ${wrap(state)}): it is not known to have happened. Check in ${platform.name} before running it again.`,
      };
    }
    // A vendor that answers 200 having changed nothing (ActionSpec.changedIds): Make's `valid` fails the module unless its list holds something.
    if (spec.changedIds && !spec.outcome) {
      (request.response as JsonRecord).valid = {
        condition: wrap(`length(${pathExpression('body', spec.changedIds.path)}) > 0`),
        message: `${platform.name} changed nothing: the ID is not among those it reports changed. Check that it exists and that its status allows this change.`,
      };
    }
    app.add(
      'module',
      name,
      {
        label: action.makeLabel,
        description: makeWording(action.display.description),
        moduleType: 'action',
        // Tracking a refund adds a record (a negative commission, a refund entry), as creating a referral does.
        actionCrud: action.key.startsWith('create_') || action.key.startsWith('track_') ? 'create' : 'update',
        connection,
      },
      {
        communication: request,
        staticParams: [],
        mappableParams: parametersOf(action.operation.inputFields, new Set([...used].filter((key) => known.has(key))), {
          // Make's IML cannot generate a password: a generated input is required there.
          required: [...(spec.requiredInputs ?? []), ...Object.keys(spec.generatedInputs ?? {})],
          emails: inputsOfFormat(spec.inputFormats, 'email'),
          integers: inputsOfFormat(spec.inputFormats, 'integer'),
          inPath: pathInputs(spec.request),
          choices: spec.inputChoices,
          rpc,
        }),
        interface: outputInterface([output], kind),
        samples: outputSample(platform, action.operation.sample, [output], { event: spec.result.event, vendorEvent: actionVendorEvent(platform, spec.result.event, spec.result.vendorEvent) }),
      },
    );
    names.push(name);
  }
  return names;
}

