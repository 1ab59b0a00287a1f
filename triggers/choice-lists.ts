/**
 * Hidden triggers behind the dynamic dropdowns: vendor ids the user cannot know by heart
 * (referrals, affiliates, payouts, programs, groups), listed from the connected platform.
 * A platform without such a list gives an empty dropdown; typing or mapping a value still works.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callPlatform } from '../platforms/api';
import { listPage, listRecords } from '../platforms/list';
import { afterCursor, nextCursor } from '../platforms/list-cursor';
import { getPath } from '../platforms/paths';
import type { AffiliateRecord, NormalizedEvent, PayoutRecord, RecordKind, ReferralRecord } from '../platforms/records';
import { platformOf } from '../platforms/registry';
import { jsonObjectListSchema, readAt } from '../platforms/schemas';
import type { ChoiceKey, PlatformDefinition, RequestSpec } from '../platforms/types';
import { placeholdersOf } from '../fields/editor-fields';
import { toText } from '../platforms/conversions';
import { AFFILIATE_SAMPLE, PAYOUT_SAMPLE, REFERRAL_SAMPLE } from '../fields/samples';

/** One dropdown entry. */
export interface Choice {
  id: string;
  label: string;
}

/** Dropdown page size: the vendor's largest page, at most this. */
const CHOICES_PER_PAGE = 50;

const EVENT_OF: Record<RecordKind, NormalizedEvent> = {
  referral: 'referral.created',
  affiliate: 'affiliate.created',
  payout: 'payout.created',
};

function labelOf(kind: RecordKind, record: ReferralRecord | AffiliateRecord | PayoutRecord): string {
  const parts: (string | number | undefined)[] =
    kind === 'referral'
      ? [(record as ReferralRecord).order_number ?? (record as ReferralRecord).order_id, (record as ReferralRecord).commission_amount, (record as ReferralRecord).affiliate_email, record.status]
      : kind === 'affiliate'
        ? [(record as AffiliateRecord).name, (record as AffiliateRecord).email, record.status]
        : [(record as PayoutRecord).amount, (record as PayoutRecord).currency, (record as PayoutRecord).affiliate_email, record.status];
  const text = parts.filter((part) => part !== undefined && part !== '').join(' · ');
  return text === '' ? record.id : `${text} (${record.id})`;
}

/** The value an action takes for a record: the email where the platform's actions identify affiliates by email. */
function valueOf(platform: PlatformDefinition, kind: RecordKind, record: ReferralRecord | AffiliateRecord | PayoutRecord): string | undefined {
  if (kind === 'affiliate' && platform.affiliateIdentifier === 'email') return (record as AffiliateRecord).email;
  return record.id === '' ? undefined : record.id;
}

/**
 * Whether a request reads the page it is asked for (its template uses `{{page}}`): one that does
 * not would answer "load more" with its first page again, so the dropdown ends there instead.
 */
function pages(request: RequestSpec): boolean {
  return placeholdersOf(request).all.has('page');
}

/**
 * Where a dropdown page starts: Zapier's page number (0 for the first) and, for a cursor list, the
 * cursor the previous page named.
 */
export interface ChoicePageAt {
  page: number;
  cursor?: string;
}

/**
 * One dropdown page and where the next one starts (`next` undefined at the end); `byCursor` when
 * the list pages by cursor, so a hidden trigger keeps that cursor for "load more" (z.cursor).
 */
export interface ChoicePage {
  choices: Choice[];
  next?: ChoicePageAt;
  byCursor?: boolean;
}

/**
 * Where a page is asked to start: as ChoicePageAt, except that the cursor may be a reader, called
 * only by a list that pages by cursor (a hidden trigger's z.cursor: no call for a numbered list).
 */
export interface ChoicePageRequest {
  page: number;
  cursor?: string | (() => Promise<string | undefined>);
}

/** A dropdown's source: one page of choices of the connected platform. */
export type ChoiceList = (z: ZObject, bundle: Bundle, at: ChoicePageRequest) => Promise<ChoicePage>;

async function recordChoices(z: ZObject, bundle: Bundle, kind: RecordKind, at: ChoicePageRequest): Promise<ChoicePage> {
  const platform = platformOf(z, bundle);
  const list = platform.lists[kind];
  if (!list) return { choices: [] };
  const limit = Math.min(list.maxPageSize, CHOICES_PER_PAGE);
  const page = at.page + 1;
  const context = { platform, kind, event: EVENT_OF[kind], vendorEvent: '' } as const;
  const paging = list.polling?.cursor;
  let records;
  let next: ChoicePageAt | undefined;
  if (paging === undefined) {
    if (page > 1 && !pages(list.request)) return { choices: [] };
    records = await listRecords(z, context, list.request, list.itemsPath, { limit, page });
    // A short page is the last one; a request that does not read `{{page}}` has only one.
    next = pages(list.request) && records.length >= limit ? { page } : undefined;
  } else {
    // A cursor list: "load more" asks for the page after the cursor the previous page named; a
    // first page ignores any old cursor, a later one without a cursor is past the end.
    const after = page === 1 ? undefined : typeof at.cursor === 'function' ? await at.cursor() : at.cursor;
    if (page > 1 && !after) return { choices: [], byCursor: true };
    const answer = await listPage(z, context, afterCursor(list.request, paging, after), list.itemsPath, { limit, page });
    const cursor = nextCursor(answer.body, paging, answer.records.at(-1)?.raw);
    next = cursor === undefined || cursor === '' ? undefined : { page, cursor };
    records = answer.records;
  }
  // Pending first: the items an approval or denial is for, on top of the page.
  const pendingFirst = [...records.filter((record) => record.status === 'pending'), ...records.filter((record) => record.status !== 'pending')];
  const choices = pendingFirst.flatMap((record) => {
    const id = valueOf(platform, kind, record);
    return id === undefined ? [] : [{ id, label: labelOf(kind, record) }];
  });
  return { choices, ...(next ? { next } : {}), ...(paging === undefined ? {} : { byCursor: true }) };
}

async function vendorChoices(z: ZObject, bundle: Bundle, key: ChoiceKey, at: ChoicePageRequest): Promise<ChoicePage> {
  const platform = platformOf(z, bundle);
  const spec = platform.choices?.[key];
  if (!spec) return { choices: [] };
  const page = at.page + 1;
  if (page > 1 && !pages(spec.request)) return { choices: [] };
  const response = await callPlatform(z, platform, spec.request, { limit: CHOICES_PER_PAGE, page });
  const items = readAt(response.data, spec.itemsPath, jsonObjectListSchema) ?? [];
  // Each value once: a list read for the values it names (programs of partners) repeats them.
  const seen = new Set<string>();
  const choices = items.flatMap((item) => {
    const id = toText(getPath(item, spec.idPath));
    const label = spec.labelPaths.map((path) => toText(getPath(item, path))).find((text) => text !== undefined);
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: label ?? id }];
  });
  return { choices, ...(pages(spec.request) && items.length >= CHOICES_PER_PAGE ? { next: { page } } : {}) };
}

/** A dropdown entry of a record sample, as recordChoices builds it (the id, as platforms that act by id take it). */
function sampleChoice(kind: RecordKind, record: ReferralRecord | AffiliateRecord | PayoutRecord): Choice {
  return { id: record.id, label: labelOf(kind, record) };
}

/**
 * A hidden trigger's perform over a dropdown source: the page Zapier asks for (`bundle.meta.page`,
 * 0 first), the cursor of a cursor list kept per dropdown in z.cursor between pages.
 */
function triggerPerform(list: ChoiceList) {
  return async (z: ZObject, bundle: Bundle): Promise<Choice[]> => {
    const page = bundle.meta?.page ?? 0;
    const answer = await list(z, bundle, { page, cursor: async () => (await z.cursor.get().catch(() => null)) ?? undefined });
    if (answer.byCursor) {
      // A cursor that cannot be stored only loses "load more": the page itself is shown.
      await z.cursor.set(answer.next?.cursor ?? '').catch((error: unknown) => {
        z.console.log(`Affiliate Hub could not keep the dropdown's next-page cursor: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return answer.choices;
  };
}

/** A hidden polling trigger behind a dropdown (core's `defineTrigger`), with a sample of its own list. */
function hiddenTrigger<K extends string>(key: K, noun: string, what: string, sample: Choice, list: ChoiceList) {
  return defineTrigger({
    key,
    noun,
    display: { label: `${noun} List`, description: `Triggers when listing ${what} for a dropdown.`, hidden: true },
    operation: {
      perform: triggerPerform(list),
      canPaginate: true,
      sample: { ...sample },
      outputFields: [
        { key: 'id', label: `${noun} ID` },
        { key: 'label', label: noun },
      ],
    },
  });
}

/** Keys of the dropdown sources: the hidden triggers' keys. */
export type ChoiceListKey = 'referral_list' | 'affiliate_list' | 'payout_list' | 'program_list' | 'applicant_list' | 'group_list' | 'platform_event_list';

/**
 * The dropdown sources by hidden-trigger key: the multi-platform app reads them through its hidden
 * triggers (`dynamic: '<key>.id.label'`), a single-platform app mostly through perform-based
 * choices (triggers/perform-choices.ts).
 */
export const CHOICE_LISTS: Readonly<Record<ChoiceListKey, ChoiceList>> = {
  referral_list: (z, bundle, at) => recordChoices(z, bundle, 'referral', at),
  affiliate_list: (z, bundle, at) => recordChoices(z, bundle, 'affiliate', at),
  payout_list: (z, bundle, at) => recordChoices(z, bundle, 'payout', at),
  program_list: (z, bundle, at) => vendorChoices(z, bundle, 'program', at),
  /** Affiliates awaiting a decision (Approve / Deny Affiliate): the platform's own applicant list, else its affiliates. */
  applicant_list: (z, bundle, at) => (platformOf(z, bundle).choices?.applicant ? vendorChoices(z, bundle, 'applicant', at) : recordChoices(z, bundle, 'affiliate', at)),
  group_list: (z, bundle, at) => vendorChoices(z, bundle, 'group', at),
  /** The connected platform's vendor events (New Platform Event), from its catalogue: one page, no API call. */
  platform_event_list: async (z, bundle) => ({ choices: platformOf(z, bundle).events.map((event) => ({ id: event.key, label: event.label })) }),
};

export const referralList = hiddenTrigger('referral_list', 'Referral', 'recent referrals', sampleChoice('referral', REFERRAL_SAMPLE.created), CHOICE_LISTS.referral_list);
export const affiliateList = hiddenTrigger('affiliate_list', 'Affiliate', 'affiliates', sampleChoice('affiliate', AFFILIATE_SAMPLE.created), CHOICE_LISTS.affiliate_list);
export const payoutList = hiddenTrigger('payout_list', 'Payout', 'payouts', sampleChoice('payout', PAYOUT_SAMPLE.created), CHOICE_LISTS.payout_list);
// Program, group and applicant samples are constructed in the shape of the vendors' list items (id and name).
export const programList = hiddenTrigger('program_list', 'Program', 'affiliate programs', { id: '4521', label: 'Spring Partners Program' }, CHOICE_LISTS.program_list);
export const applicantList = hiddenTrigger('applicant_list', 'Applicant', 'affiliates awaiting approval', { id: 'appl_7Hc2Lq9', label: 'jamie.lee@example.com' }, CHOICE_LISTS.applicant_list);
export const groupList = hiddenTrigger('group_list', 'Group', 'partner groups', { id: 'grp_influencers', label: 'Influencers' }, CHOICE_LISTS.group_list);
