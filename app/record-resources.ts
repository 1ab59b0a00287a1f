/**
 * Zapier resources of a single-platform app: one per record kind (referral, affiliate, payout),
 * carrying the sample and the output fields that the operations returning that kind share. An
 * operation linked to it (`operation.resource`) carries neither: zapier-platform-core's
 * `compileApp` (src/tools/schema.js `copyPropertiesFromResource`) gives it the resource's, by
 * reference, before Zapier reads the definition, and copies and freezes them once per call instead
 * of once per operation (issue 27: a single-platform definition at most 40% of the multi-platform
 * one's nodes). The schema allows a resource of only `key`, `noun`, `sample` and `outputFields`
 * (zapier-platform-schema 19, ResourceSchema; BasicOperationSchema `resource`).
 *
 * Only operations whose output fields on this platform are exactly the group's are linked: core
 * sets a linked operation's `outputFields` and `sample` to the resource's, whatever it had.
 */
import { assumedKeys } from '../creates/create-factory';
import { ACTION_SPECS } from '../fields/actions';
import { HOOK_TRIGGER_SPECS } from '../fields/hook-triggers/index';
import { platformOutputFields } from '../fields/output-fields';
import { POLLING_TRIGGER_SPECS } from '../fields/polling-triggers';
import { SEARCH_SPECS } from '../fields/searches';
import type { RecordKind } from '../platforms/records';
import type { PlatformDefinition } from '../platforms/types';
import { reword } from './terms';

/** The operation kinds of a definition. */
export type OperationKind = 'triggers' | 'creates' | 'searches';

/** An operation as this module reads and writes it. */
interface Linkable {
  operation: { sample?: unknown; outputFields?: unknown; resource?: string } & Record<string, unknown>;
}

/** A resource as Zapier's schema takes it: key, noun, and what linked operations share. */
export interface RecordResource {
  key: RecordKind;
  noun: string;
  sample: unknown;
  outputFields: unknown;
}

/**
 * The record kind an operation returns and the keys it adds on the platform (an action's
 * assumptions), from its catalogue entry; undefined where its output is not one kind's record
 * as its kind's others have it (New Platform Event, the dashboard webhook, the status polls whose
 * ids name the change).
 */
function outputOf(kind: OperationKind, key: string, platform: PlatformDefinition): { record: RecordKind; extra: readonly string[] } | undefined {
  if (kind === 'creates') {
    const action = ACTION_SPECS.find((spec) => spec.key === key);
    return action && { record: action.record, extra: assumedKeys(platform, action) };
  }
  if (kind === 'searches') {
    const search = SEARCH_SPECS.find((spec) => spec.key === key);
    return search && { record: search.record, extra: [] };
  }
  const hook = HOOK_TRIGGER_SPECS.find((spec) => spec.key === key);
  if (hook !== undefined) return hook.record === undefined ? undefined : { record: hook.record, extra: [] };
  const poll = POLLING_TRIGGER_SPECS.find((spec) => spec.key === key);
  return poll === undefined || poll.watch === 'status' ? undefined : { record: poll.record, extra: [] };
}

/** What the editor lists for the operation's output on the platform (keys, labels, types), as text to compare. */
function outputSignature(record: RecordKind, extra: readonly string[], platform: PlatformDefinition): string {
  return JSON.stringify(platformOutputFields(platform, record, extra).map((field) => [field.key, field.label, field.type ?? '']));
}

/**
 * Links the operations of `groups` that return the same record with the same output fields to one
 * resource per record kind (the largest such group, at least two operations: a resource for one
 * operation saves nothing), removing their own sample and output fields.
 * @param groups the single-platform app's triggers, creates and searches by key (changed in place)
 * @returns the resources, by key, for the definition's `resources`
 */
export function linkRecordResources(groups: Record<OperationKind, Record<string, Linkable>>, platform: PlatformDefinition): Record<string, RecordResource> {
  const bySignature = new Map<string, { record: RecordKind; members: Linkable[] }>();
  for (const kind of ['triggers', 'creates', 'searches'] as const) {
    for (const [key, item] of Object.entries(groups[kind])) {
      const output = outputOf(kind, key, platform);
      if (output === undefined || item.operation.sample === undefined || item.operation.outputFields === undefined) continue;
      const signature = `${output.record} ${outputSignature(output.record, output.extra, platform)}`;
      const group = bySignature.get(signature) ?? { record: output.record, members: [] };
      group.members.push(item);
      bySignature.set(signature, group);
    }
  }
  const resources: Record<string, RecordResource> = {};
  const largestFirst = [...bySignature.values()].sort((a, b) => b.members.length - a.members.length);
  for (const { record, members } of largestFirst) {
    if (members.length < 2 || resources[record] !== undefined) continue;
    const [first] = members;
    const noun = reword(record.charAt(0).toUpperCase() + record.slice(1), platform.terms);
    resources[record] = { key: record, noun, sample: first.operation.sample, outputFields: first.operation.outputFields };
    for (const member of members) {
      delete member.operation.sample;
      delete member.operation.outputFields;
      member.operation.resource = record;
    }
  }
  return resources;
}
