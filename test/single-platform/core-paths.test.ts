/**
 * A single-platform app as Zapier runs it (issue 27), through zapier-platform-core's own handler:
 * each field's own dropdown (perform-based choices, called at its place in the definition) lists
 * what the multi-platform app's hidden trigger lists for the same answer from the platform; each
 * operation linked to a record resource gives the output fields of its multi-platform twin.
 */
import nock from 'nock';
import { CHOICE_LISTS, type ChoiceListKey } from '../../triggers/choice-lists';
import type { RecordKind } from '../../platforms/records';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { listAnswer, listItemFilling } from '../helpers/full-list-item';
import { resolvedDefinition } from '../publishing/resolved';
import { runThroughCore } from '../security/core-run';
import { SINGLE_PLATFORM_BUILDS } from './builds';

const KINDS = ['triggers', 'creates', 'searches'] as const;

type Field = { key: string; dynamic?: string; choices?: { perform?: unknown } };
type Operation = { inputFields?: unknown[]; resource?: string };
/** A kind's operations as these tests read them (every one has an operation). */
type Operations = Record<string, { operation: Operation }>;

/** The connection's fields (no Platform field: the app has its platform fixed). */
function connectionOf(platform: PlatformDefinition): Record<string, string> {
  return { api_key: 'key', ...Object.fromEntries((platform.connection.extraFields ?? []).map((field) => [field.key, 'value'])) };
}

/** A vendor list item (programs, groups, applicants) with its id and label where the platform's data reads them. */
function vendorItem(idPath: string, labelPath: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [path, value] of [
    [idPath, '4521'],
    [labelPath, 'Spring Partners'],
  ] as const) {
    const parts = path.split('.');
    let at = item;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = value;
  }
  return item;
}

const RECORD_OF: Partial<Record<ChoiceListKey, RecordKind>> = { referral_list: 'referral', affiliate_list: 'affiliate', payout_list: 'payout', applicant_list: 'affiliate' };

/** Answers every request to the platform as its list `key` would be answered: one pending record filling the field map, or one vendor item. */
function answerLists(platform: PlatformDefinition, key: ChoiceListKey): void {
  const vendor = key === 'program_list' ? platform.choices?.program : key === 'group_list' ? platform.choices?.group : key === 'applicant_list' ? platform.choices?.applicant : undefined;
  const kind = RECORD_OF[key] ?? 'referral';
  const answer =
    vendor !== undefined ? listAnswer(vendor.itemsPath, [vendorItem(vendor.idPath, vendor.labelPaths[0])]) : listAnswer(platform.lists[kind]?.itemsPath ?? '', [listItemFilling(platform, kind, 'pending')]);
  const origin = new URL(platform.baseUrl).origin;
  nock(origin).persist().get(/.*/).reply(200, answer);
  nock(origin).persist().post(/.*/).reply(200, answer);
}

afterEach(() => nock.cleanAll());

describe.each(SINGLE_PLATFORM_BUILDS.map((build) => [build.id, build] as const))('%s single-platform app through core', (id, build) => {
  const platform = findPlatform(id)!;
  const definition = { triggers: build.definition.triggers as Operations, creates: build.definition.creates as Operations, searches: build.definition.searches as Operations };
  const ownDropdowns = KINDS.flatMap((kind) =>
    Object.entries(definition[kind]).flatMap(([key, item]) =>
      (item.operation.inputFields ?? []).flatMap((field, index) =>
        typeof field === 'object' && field !== null && (field as Field).choices?.perform !== undefined ? [{ kind, key, index, field: (field as Field).key }] : [],
      ),
    ),
  );
  const linked = KINDS.flatMap((kind) => Object.entries(definition[kind]).flatMap(([key, item]) => (item.operation.resource === undefined ? [] : [{ kind, key }])));

  it('keeps its dropdowns on its fields and its shared outputs in resources', () => {
    // Every platform with an action has a dropdown of its own, every one with two operations of a kind a resource: the cases below are never empty.
    if (Object.keys(definition.creates).length > 0 && id !== 'viralref') expect(ownDropdowns.length).toBeGreaterThan(0);
    if (Object.keys(definition.creates).length > 1) expect(linked.length).toBeGreaterThan(1);
  });

  it("lists in each field's own dropdown what the multi-platform app's hidden trigger lists", async () => {
    const multi = (await resolvedDefinition(id)) as Record<(typeof KINDS)[number], Record<string, { operation: { inputFields?: Field[] } }>>;
    for (const { kind, key, index, field } of ownDropdowns) {
      const twin = (multi[kind][key].operation.inputFields ?? []).find((candidate) => candidate.key === field);
      const list = twin?.dynamic?.split('.')[0] as ChoiceListKey | undefined;
      expect([key, field, list !== undefined && list in CHOICE_LISTS]).toEqual([key, field, true]);
      answerLists(platform, list!);
      const single = await runThroughCore(`${kind}.${key}.operation.inputFields.${index}.choices.perform`, { authData: connectionOf(platform), inputData: {}, meta: {} }, undefined, build.definition);
      const hidden = await runThroughCore(`triggers.${list}.operation.perform`, { authData: { ...connectionOf(platform), platform: id }, inputData: {}, meta: { page: 0 } });
      nock.cleanAll();
      expect([key, field, single.error?.message]).toEqual([key, field, undefined]);
      const page = single.results as { results: unknown[]; paging_token: string | null };
      expect([key, field, page.results]).toEqual([key, field, hidden.results]);
      expect([key, field, page.results.length > 0, page.paging_token === null || typeof page.paging_token === 'string']).toEqual([key, field, true, true]);
    }
  });

  it('gives each operation linked to a resource the output fields of its multi-platform twin', async () => {
    for (const { kind, key } of linked) {
      const single = await runThroughCore(`${kind}.${key}.operation.outputFields`, { authData: connectionOf(platform), inputData: {} }, undefined, build.definition);
      const multi = await runThroughCore(`${kind}.${key}.operation.outputFields`, { authData: { ...connectionOf(platform), platform: id }, inputData: {} });
      const keys = (run: typeof single) => ((run.results ?? []) as { key: string }[]).map((field) => field.key);
      expect([key, keys(single).length > 1, keys(single)]).toEqual([key, true, keys(multi)]);
    }
  });
});
