/**
 * Zapier's perform-based dropdowns: a static input field's `choices: { perform }`
 * (zapier-platform-schema 19, FieldDynamicChoicesSchema; the pattern of zapier-platform-cli's
 * `dynamic-dropdown` template since 18.3), which Zapier calls as
 * `<kind>.<key>.operation.inputFields.<index>.choices.perform` and pages with the
 * `paging_token` the previous page returned. A single-platform app uses them instead of a
 * hidden trigger per list (app/single-platform.ts): a field then carries its own dropdown.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { CHOICE_LISTS, type Choice, type ChoiceList, type ChoiceListKey, type ChoicePageAt } from './choice-lists';

/** What a perform-based dropdown returns: one page of `{ id, label }`, and the token of the next page (null at the end). */
export interface PerformChoicesPage {
  results: Choice[];
  paging_token: string | null;
}

const pageAtSchema = zod.object({ page: zod.number().int().min(1), cursor: zod.string().min(1).optional() });

/**
 * Where the page a token names starts: the first page without a token (or with one this app did
 * not write, which Zapier would never send back), else the page and cursor the token carries.
 */
export function pageAtToken(token: unknown): ChoicePageAt {
  if (typeof token !== 'string' || token === '') return { page: 0 };
  try {
    return pageAtSchema.parse(JSON.parse(token));
  } catch {
    return { page: 0 };
  }
}

/**
 * The `choices.perform` of a field whose dropdown is `list` (a source of triggers/choice-lists.ts,
 * `CHOICE_LISTS`): the page `bundle.meta.paging_token` names (the first without one), and a token
 * for the next page, JSON text of its page number and cursor, or null when the list has no more.
 * @throws what the list's request throws (a vendor error reaches the editor with the vendor's message)
 */
export function performChoices(list: ChoiceList) {
  return async (z: ZObject, bundle: Bundle): Promise<PerformChoicesPage> => {
    const answer = await list(z, bundle, pageAtToken(bundle.meta?.paging_token));
    return { results: answer.choices, paging_token: answer.next === undefined ? null : JSON.stringify(answer.next) };
  };
}

/** The dropdown source a `dynamic` reference (`<key>.id.label`) names, when it is one of this app's. */
export function choiceListOf(dynamic: string): ChoiceList | undefined {
  const key = dynamic.split('.')[0];
  return key in CHOICE_LISTS ? CHOICE_LISTS[key as ChoiceListKey] : undefined;
}
