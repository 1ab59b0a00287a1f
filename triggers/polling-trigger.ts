/**
 * The one polling-trigger factory: New Referral / Affiliate / Payout (Polling) and the two status
 * triggers read the connected platform's list API on Zapier's schedule. They need no webhook, no
 * dashboard step and no signature, so they work where the instant triggers cannot be set up.
 *
 * Zapier deduplicates polling results by `id` and expects them newest first. New-item triggers
 * emit the record under its own id; status triggers emit `<record id>:<status>` (its own id in
 * `record_id`), so the same record runs again exactly when its status changes. How each list is
 * ordered and filtered is the platform's data (`ListSpec.polling`); nothing here names a vendor.
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { convert } from '../platforms/conversions';
import { listRecords } from '../platforms/list';
import { getPath } from '../platforms/paths';
import { type NormalizedEvent, type NormalizedOutput, type RecordKind } from '../platforms/records';
import { statusChoices } from '../creates/dynamic-fields';
import { platformOf } from '../platforms/registry';
import type { ListPolling, ListSpec, PlatformDefinition, RequestSpec, TimeFilter } from '../platforms/types';
import { recordOutputFields, type OutputFieldsEntry } from './output-fields';
import { statusChangeOutput, type PollingTriggerSpec } from './polling-trigger-specs';

/** Items Zapier asks for while the user loads samples, when its bundle names no limit. */
export const SAMPLE_SIZE = 3;

/**
 * How far back a time filter reaches, in seconds. Zapier polls every 1 to 15 minutes and
 * deduplicates by id, so a day covers any delay in its schedule while keeping the first page to
 * the newest items on lists whose order is not newest first.
 */
export const LOOKBACK_SECONDS = 24 * 60 * 60;

/** Most pages one poll reads when Zapier asks for more items than the vendor's page holds. */
export const MAX_PAGES = 5;

/** What a list without polling data is taken to be: order unknown, no filters. */
const UNKNOWN_LIST: Omit<ListPolling, 'status'> = { order: 'unknown', source: 'none: the platform states nothing about polling this list' };

/** Label of the trigger that works for dashboard-only platforms (triggers/dashboard_webhook.ts). */
const DASHBOARD_TRIGGER_LABEL = 'New Event from Dashboard Webhook';

/** The normalized events a polled record may report, preferred first; payouts have no status-change event, their paid one is nearest. */
const POLLED_EVENTS: Record<PollingTriggerSpec['watch'], Record<RecordKind, readonly [NormalizedEvent, ...NormalizedEvent[]]>> = {
  created: { referral: ['referral.created'], affiliate: ['affiliate.created'], payout: ['payout.created', 'payout.paid'] },
  status: { referral: ['referral.status_changed'], affiliate: ['affiliate.status_changed'], payout: ['payout.paid'] },
};

const PLURAL: Record<RecordKind, string> = { referral: 'referrals', affiliate: 'affiliates', payout: 'payouts' };

/** Items wanted from this poll: Zapier's limit, 3 while loading samples, undefined for "no limit" (-1 or absent). */
export function wantedItems(meta: Partial<Bundle['meta']> | undefined): number | undefined {
  const limit = Number(meta?.limit);
  if (Number.isInteger(limit) && limit > 0) return limit;
  return meta?.isLoadingSample ? SAMPLE_SIZE : undefined;
}

/** A time as a filter parameter expects it. */
export function formatTime(time: Date, format: TimeFilter['format']): string | number {
  if (format === 'epoch_ms') return time.getTime();
  if (format === 'epoch_s') return Math.floor(time.getTime() / 1000);
  const iso = time.toISOString();
  // `2021-11-01T11:02:43Z` as vendors show it: no milliseconds.
  return format === 'date' ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The list request narrowed to the lookback window.
 * @param now the poll's time; the window is [now - LOOKBACK_SECONDS, now]
 * @returns the request with the filter's parameters added to its query (literal values, no placeholders)
 */
export function withTimeFilter(request: RequestSpec, filter: TimeFilter | undefined, now: Date): RequestSpec {
  if (filter === undefined) return request;
  const query = { ...request.query, ...filter.query, [filter.param]: formatTime(new Date(now.getTime() - LOOKBACK_SECONDS * 1000), filter.format) };
  if (filter.untilParam) query[filter.untilParam] = formatTime(now, filter.format);
  return { ...request, query };
}

/** Whether a request reads a page named by `{{page}}`, so a poll can ask for the next. */
function pagesByNumber(request: RequestSpec): boolean {
  return Object.values(request.query ?? {}).some((value) => value === '{{page}}');
}

/**
 * Sorts newest first by a time (ISO-8601 text); items without one keep their order after the others.
 * The sort is stable, so equal times keep the vendor's order.
 */
export function newestFirst<T>(items: readonly T[], timeOf: (item: T) => string | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, time: timeOf(item) }))
    .sort((a, b) => {
      if (a.time === undefined || b.time === undefined) return a.time === b.time ? a.index - b.index : a.time === undefined ? 1 : -1;
      return a.time === b.time ? a.index - b.index : a.time < b.time ? 1 : -1;
    })
    .map((entry) => entry.item);
}

function statusInput(bundle: Bundle): string | undefined {
  const status = bundle.inputData.status;
  return typeof status === 'string' && status !== '' ? status : undefined;
}

/** The trigger that serves the user when this one cannot: the instant trigger, or the dashboard webhook on dashboard-only platforms. */
function insteadLabel(platform: PlatformDefinition, spec: PollingTriggerSpec): string {
  return platform.webhooks.kind === 'dashboard' ? DASHBOARD_TRIGGER_LABEL : spec.instantLabel;
}

/** The list this trigger polls and what is known about it. @throws z.errors.Error when the platform's lists cannot serve it */
function listFor(z: ZObject, platform: PlatformDefinition, spec: PollingTriggerSpec): { list: ListSpec; polling: ListPolling } {
  const list = platform.lists[spec.record];
  if (!list) {
    throw new z.errors.Error(
      `${platform.name} offers no API list of ${PLURAL[spec.record]}, so "${spec.label}" has nothing to check. Use the "${insteadLabel(platform, spec)}" trigger instead.`,
      'PollingNotOffered',
      400,
    );
  }
  const hasStatusMap = platform.fields[spec.record]?.status !== undefined;
  const polling = list.polling ?? { ...UNKNOWN_LIST, status: hasStatusMap ? { field: 'status' } : { unavailable: `its ${PLURAL[spec.record]} carry no status` } };
  if (spec.watch === 'status' && 'unavailable' in polling.status) {
    throw new z.errors.Error(
      `"${spec.label}" cannot see status changes on ${platform.name}: ${polling.status.unavailable}. Use the instant "${insteadLabel(platform, spec)}" trigger instead.`,
      'PollingNotOffered',
      400,
    );
  }
  return { list, polling };
}

/**
 * The event and vendor event a polled record carries: the first of the trigger's events the
 * platform's catalogue names (a list of paid payments reports `payout.paid`), else the first event
 * with the list read as its vendor name.
 */
function eventsOf(platform: PlatformDefinition, spec: PollingTriggerSpec, list: ListSpec): { event: NormalizedEvent; vendorEvent: string } {
  const candidates = POLLED_EVENTS[spec.watch][spec.record];
  for (const event of candidates) {
    const named = platform.events.find((item) => item.event === event);
    if (named) return { event, vendorEvent: named.key };
  }
  return { event: candidates[0], vendorEvent: `${list.request.method} ${list.request.path}` };
}

/**
 * The time filter a poll sends (never for samples, which should show the account's data however
 * old): an updated-since filter for the status triggers whatever the order, since creation order
 * does not bring a recently changed old record to the first page; otherwise a filter only where
 * the order needs it (a first page that may not hold the newest items).
 */
function timeFilterFor(watch: PollingTriggerSpec['watch'], polling: ListPolling): TimeFilter | undefined {
  if (watch === 'status' && polling.updatedSince) return polling.updatedSince;
  if (polling.order === 'newest_first') return undefined;
  return watch === 'created' ? polling.createdSince : polling.updatedSince;
}

/**
 * One poll: reads the newest page(s) of the platform's list and returns records Zapier deduplicates by id.
 * @returns newest first, at most `bundle.meta.limit` (3 while loading samples); one request unless
 *   Zapier asks for more than the vendor's page holds (then up to MAX_PAGES, stopping at a short page)
 * @throws z.errors.Error (PollingNotOffered) when the platform's lists cannot serve the trigger,
 *   naming the trigger to use instead; the middleware's errors when the vendor refuses
 */
async function poll(z: ZObject, bundle: Bundle, spec: PollingTriggerSpec): Promise<NormalizedOutput[]> {
  const platform = platformOf(z, bundle);
  const { list, polling } = listFor(z, platform, spec);
  const wanted = wantedItems(bundle.meta);
  const pageSize = Math.min(list.maxPageSize, wanted ?? list.maxPageSize);
  const filter = bundle.meta?.isLoadingSample ? undefined : timeFilterFor(spec.watch, polling);
  const request = withTimeFilter(list.request, filter, new Date());
  const pages = wanted !== undefined && wanted > pageSize && pagesByNumber(list.request) ? Math.min(MAX_PAGES, Math.ceil(wanted / pageSize)) : 1;
  const { event, vendorEvent } = eventsOf(platform, spec, list);

  const records: NormalizedOutput[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const found = await listRecords(z, { platform, kind: spec.record, event, vendorEvent }, request, list.itemsPath, { limit: pageSize, page });
    records.push(...found);
    if (found.length < pageSize) break;
  }

  let ordered = records;
  if (spec.watch === 'status' && polling.updatedAt) {
    const { path, convert: conversion } = polling.updatedAt;
    ordered = newestFirst(records, (record) => {
      const time = convert(getPath(record.raw, path), conversion);
      return typeof time === 'string' ? time : undefined;
    });
  } else if (polling.order !== 'newest_first') {
    ordered = newestFirst(records, (record) => ('created_at' in record && typeof record.created_at === 'string' ? record.created_at : undefined));
  }

  const wantedStatus = spec.watch === 'status' ? statusInput(bundle) : undefined;
  const outputs =
    spec.watch === 'created'
      ? ordered
      : ordered
          // A record whose status cannot be read has no status to change: it cannot be told apart from its next state.
          .filter((record): record is NormalizedOutput & { status: string } => 'status' in record && typeof record.status === 'string')
          .filter((record) => wantedStatus === undefined || record.status === wantedStatus)
          .map((record) => statusChangeOutput(record));
  // Zapier expects each id once per poll (a vendor page may overlap the next).
  const seen = new Set<string>();
  const unique = outputs.filter((output) => {
    if (seen.has(output.id)) return false;
    seen.add(output.id);
    return true;
  });
  return wanted === undefined ? unique : unique.slice(0, wanted);
}

function inputFieldsOf(spec: PollingTriggerSpec) {
  if (spec.watch !== 'status') return [];
  return [
    {
      key: 'status',
      label: 'Only When the Status Becomes',
      required: false,
      choices: statusChoices(spec.record),
      helpText:
        'Leave empty to run on every status change, or pick a status to run only when a change lands on it. A record first seen in a status also counts as a change.',
    },
  ];
}

function outputFieldsOf(spec: PollingTriggerSpec): OutputFieldsEntry[] {
  // The base fields static, the connected platform's as a dynamic entry (triggers/output-fields.ts).
  const fields = recordOutputFields(spec.record);
  if (spec.watch !== 'status') return fields;
  // `id` changes with the status so Zapier runs again; the record's own id stays in `record_id`.
  return fields.flatMap((field) =>
    typeof field !== 'function' && field.key === 'id' ? [{ key: 'id', label: 'ID (Record ID and Status)' }, { key: 'record_id', label: 'Record ID' }] : [field],
  );
}

/**
 * Builds a Zapier polling trigger from its data.
 * @returns the trigger definition: perform polls the connected platform's list (see `poll`)
 */
export function definePollingTrigger(spec: PollingTriggerSpec) {
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'polling' as const,
      inputFields: inputFieldsOf(spec),
      perform: (z: ZObject, bundle: Bundle) => poll(z, bundle, spec),
      canPaginate: false,
      sample: spec.sample,
      outputFields: outputFieldsOf(spec),
    },
  });
}
