/**
 * Make polling triggers ("Watch new referrals (polling)" …), one per new-item polling trigger of
 * the Zapier app (triggers/polling-trigger-specs.ts), on every list the platform has. They read the
 * same list request; Make remembers the last item it processed by date (`trigger.type: date`) and
 * sorts the page itself, so a list whose order is not newest first still works.
 *
 * The status-change polling triggers have no Make module: Zapier deduplicates a poll by a set of
 * ids (so `<id>:<status>` reruns a record when its status changes), while Make's trigger keeps only
 * the last processed item's id or date, which a status change does not move. The issue log says so.
 */
import type { ListSpec, PlatformDefinition, TimeFilter } from '../../platforms/types';
import { POLLING_TRIGGER_SPECS, type PollingTriggerSpec } from '../../triggers/polling-trigger-specs';
import type { AppFiles } from './app-files';
import { requestOf, resolverFor } from './context';
import { recordOutput } from './fields';
import { pathExpression, quote, wrap } from './iml';
import type { IssueLog } from './issues';
import type { JsonRecord } from './json';
import { camelName, recordInterface, sampleFor } from './modules-common';

/** Make's module name and label of each new-item polling trigger, e.g. `watchNewReferralsPolling`, "Watch new referrals (polling)". */
const MAKE_POLLING_NAMES: Readonly<Record<string, { name: string; label: string }>> = {
  new_referral_polling: { name: 'watchNewReferralsPolling', label: 'Watch new referrals (polling)' },
  new_affiliate_polling: { name: 'watchNewAffiliatesPolling', label: 'Watch new affiliates (polling)' },
  new_payout_polling: { name: 'watchNewPayoutsPolling', label: 'Watch new payouts (polling)' },
};

/** Largest number of items one run processes: Make's guidance is at most 300 or 3 pages. */
const MAX_LIMIT = 300;

/** Make's date formats for a time filter's value (IML `formatDate`, UTC). */
const MAKE_FORMATS: Readonly<Record<TimeFilter['format'], string>> = {
  iso: quote('YYYY-MM-DDTHH:mm:ss[Z]'),
  date: quote('YYYY-MM-DD'),
  epoch_ms: quote('x'),
  epoch_s: quote('X'),
};

/** The time filter as Make query parameters: the last day, as the Zapier poll reads it (triggers/polling-trigger.ts). */
function timeFilterQuery(filter: TimeFilter): JsonRecord {
  const format = MAKE_FORMATS[filter.format];
  const query: JsonRecord = { [filter.param]: wrap(`formatDate(addDays(now, -1), ${format}, 'UTC')`) };
  if (filter.untilParam) query[filter.untilParam] = wrap(`formatDate(now, ${format}, 'UTC')`);
  return query;
}

/**
 * The item's creation time for Make's `trigger.date`, from the field map's `created_at`: a short
 * expression (Make allows 512 characters), the first path only.
 * @returns undefined when the field map reads no creation time
 */
function creationDate(platform: PlatformDefinition, kind: PollingTriggerSpec['record']): string | undefined {
  const source = platform.fields[kind]?.created_at;
  if (source === undefined || (typeof source !== 'string' && 'join' in source)) return undefined;
  const spec = typeof source === 'string' ? { path: source } : source;
  const path = typeof spec.path === 'string' ? spec.path : spec.path[0];
  if (path === undefined) return undefined;
  const value = pathExpression('item', path);
  if (spec.convert !== 'time' && spec.convert !== 'epoch_s' && spec.convert !== 'epoch_ms') return wrap(value);
  // Epoch numbers as platforms/conversions.ts reads them: seconds below 1e11, else milliseconds; text as it is.
  const epoch = `parseNumber(toString(${value}), '.')`;
  return wrap(`if(toString(${epoch}) == trim(toString(${value})), parseDate(toString(${epoch}), if(abs(${epoch}) < 100000000000, 'X', 'x')), ${value})`);
}

function limitParam(platform: PlatformDefinition, list: ListSpec): JsonRecord {
  return {
    name: 'limit',
    label: 'Limit',
    type: 'uinteger',
    required: true,
    default: Math.min(list.maxPageSize, 10),
    help: `The maximum number of items to process in one run. Each run reads one page (up to ${list.maxPageSize}) from ${platform.name}.`,
    validate: { min: 1, max: Math.min(MAX_LIMIT, list.maxPageSize) },
  };
}

/** Adds one Make polling trigger; returns its name, or undefined (logged) when the list cannot serve it. */
function addPollingTrigger(app: AppFiles, platform: PlatformDefinition, connection: string, spec: PollingTriggerSpec, log: IssueLog): string | undefined {
  const naming = MAKE_POLLING_NAMES[spec.key];
  const name = naming?.name ?? camelName(spec.key);
  const list = platform.lists[spec.record];
  if (!naming || !list) {
    log.add(`module ${name}`, 'info', `not generated: ${platform.name} offers no list of ${spec.record}s.`);
    return undefined;
  }
  const report = log.for(`module ${name}`);
  const request = requestOf(list.request, resolverFor(platform, { extra: { limit: { literal: list.maxPageSize }, page: { literal: 1 } } }), report);
  const polling = list.polling;
  // As on Zapier: the window narrows a list whose first page may not hold the newest items.
  const filter = polling && polling.order !== 'newest_first' ? polling.createdSince : undefined;
  if (filter) request.qs = { ...((request.qs as JsonRecord | undefined) ?? {}), ...timeFilterQuery(filter) };
  const vendorEvent = platform.events.find((item) => item.event === `${spec.record}.created`)?.key ?? `${list.request.method} ${list.request.path}`;
  const output = recordOutput({ platform, kind: spec.record, event: `${spec.record}.created`, vendorEvent, root: 'item', raw: 'item' }, report);
  const date = creationDate(platform, spec.record);
  if (date === undefined || typeof output.id !== 'string') {
    // Make's trigger needs a date (or a numeric id) to know what it has processed.
    log.add(`module ${name}`, 'warning', `not generated: ${platform.name}'s ${spec.record} list items carry no creation time for Make to track.`);
    return undefined;
  }
  request.response = {
    iterate: wrap(pathExpression('body', list.itemsPath)),
    limit: '{{parameters.limit}}',
    output,
    trigger: { type: 'date', order: polling?.order === 'newest_first' ? 'desc' : 'unordered', id: output.id, date },
  };
  app.add(
    'module',
    name,
    { label: naming.label, description: `Checks ${platform.name} on the scenario's schedule for new ${spec.record}s. No webhook needed.`, moduleType: 'trigger', connection },
    {
      communication: request,
      staticParams: [],
      mappableParams: [limitParam(platform, list)],
      interface: recordInterface(spec.record),
      samples: sampleFor(platform, spec.sample, vendorEvent),
    },
  );
  return name;
}

/**
 * Adds the Make polling triggers of a platform.
 * @returns the module names added (none for a platform without lists)
 */
export function addPollingTriggers(app: AppFiles, platform: PlatformDefinition, connection: string, log: IssueLog): string[] {
  const names: string[] = [];
  for (const spec of POLLING_TRIGGER_SPECS) {
    if (spec.watch === 'status') {
      log.add(`module ${camelName(spec.key)}`, 'info', `not generated: Make's polling trigger remembers only the last item it processed, so it cannot run again when a ${spec.record}'s status changes. Use the instant trigger.`);
      continue;
    }
    const name = addPollingTrigger(app, platform, connection, spec, log);
    if (name) names.push(name);
  }
  return names;
}
