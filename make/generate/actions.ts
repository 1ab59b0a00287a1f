/**
 * Actions (one Make module per Zapier create the platform implements) and their input fields.
 * Dropdowns become `rpc://` selects where the platform has the list behind them.
 */
import type { ActionInputField } from '../../creates/create-factory';
import { ACTION_SPECS } from '../../creates';
import { recordKindOf, type NormalizedOutput } from '../../platforms/records';
import type { ActionKey, PlatformDefinition, Template } from '../../platforms/types';
import type { AppFiles } from './app-files';
import { requestOf, requestPlaceholders, resolverFor } from './context';
import { recordOutput } from './fields';
import type { IssueLog, Reporter } from './issues';
import { asExpression, pathExpression, placeholdersOf, quote, translateObject, wrap } from './iml';
import type { JsonRecord } from './json';
import { camelName, recordInterface, sampleFor } from './modules-common';
import { sentenceCase } from './labels';
import { makeWording } from './wording';

/** Make's module label per action, in Make's sentence case with an article ("Create an affiliate"). */
export const MAKE_ACTION_LABELS: Readonly<Record<ActionKey, string>> = {
  approve_referral: 'Approve a referral',
  deny_referral: 'Deny a referral',
  create_referral: 'Create a referral',
  create_affiliate: 'Create an affiliate',
  approve_affiliate: 'Approve an affiliate',
  deny_affiliate: 'Deny an affiliate',
  mark_payout_paid: 'Mark a payout as paid',
};

/** The shape of a Zapier create built by creates/create-factory.ts, as far as Make needs it. */
interface ZapierAction {
  key: ActionKey;
  display: { label: string; description: string };
  operation: { inputFields: ActionInputField[]; sample: NormalizedOutput };
}

/** The app's actions as Zapier defines them (catalogued once in creates/index.ts). */
export const ZAPIER_ACTIONS: readonly ZapierAction[] = ACTION_SPECS.map((spec) => ({
  key: spec.key,
  display: { label: spec.label, description: spec.description },
  operation: { inputFields: spec.inputFields, sample: spec.sample },
}));

/** `rpc://<name>` for a Zapier `dynamic` (`affiliate_list.id.label`) when this app has that RPC. */
export type RpcLookup = (dynamic: string | undefined) => string | undefined;

/** Make parameters from Zapier input fields, restricted to `used` names. */
export function parametersOf(fields: readonly ActionInputField[], used: ReadonlySet<string>, options: { required?: readonly string[]; emails?: readonly string[]; rpc: RpcLookup }): JsonRecord[] {
  return fields
    .filter((field) => used.has(field.key))
    .map((field) => {
      const rpc = options.rpc(field.dynamic);
      const type = options.emails?.includes(field.key) ? 'email' : rpc ? 'select' : field.type === 'boolean' ? 'boolean' : field.type === 'number' ? 'number' : 'text';
      const param: JsonRecord = { name: field.key, label: sentenceCase(field.label), type, required: Boolean(field.required) || Boolean(options.required?.includes(field.key)), help: makeWording(field.helpText ?? '') };
      if (type === 'select' && rpc) param.options = rpc;
      return param;
    });
}

function assumedFallbacks(assume: Record<string, Template> | undefined, resolve: ReturnType<typeof resolverFor>, report: Reporter): Record<string, string> {
  if (!assume) return {};
  const translated = translateObject(assume, resolve, report);
  return Object.fromEntries(Object.entries(translated).map(([field, value]) => [field, asExpression(value)]));
}

/** Adds every action the platform implements; the others are reported with the platform's reason. */
export function addActions(app: AppFiles, platform: PlatformDefinition, connection: string, rpc: RpcLookup, log: IssueLog): string[] {
  const names: string[] = [];
  for (const action of ZAPIER_ACTIONS) {
    const name = camelName(action.key);
    const spec = platform.actions[action.key];
    if (spec === undefined || 'unsupported' in spec) {
      log.add(`module ${name}`, 'info', `not generated: ${makeWording(spec ? spec.unsupported : `${platform.name} does not offer "${MAKE_ACTION_LABELS[action.key]}" through its API.`)}`);
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
        vendorEvent: platform.events.find((event) => event.event === spec.result.event)?.key ?? action.key,
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
    app.add(
      'module',
      name,
      {
        label: MAKE_ACTION_LABELS[action.key],
        description: makeWording(action.display.description),
        moduleType: 'action',
        actionCrud: action.key.startsWith('create_') ? 'create' : 'update',
        connection,
      },
      {
        communication: request,
        staticParams: [],
        mappableParams: parametersOf(action.operation.inputFields, new Set([...used].filter((key) => known.has(key))), {
          required: spec.requiredInputs,
          emails: Object.entries(spec.inputFormats ?? {}).filter(([, format]) => format === 'email').map(([key]) => key),
          rpc,
        }),
        interface: recordInterface(kind),
        samples: sampleFor(platform, action.operation.sample),
      },
    );
    names.push(name);
  }
  return names;
}

