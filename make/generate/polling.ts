/**
 * Make polling triggers ("Watch new referrals (polling)" …), one per new-item polling trigger of
 * the Zapier app (fields/polling-triggers.ts), on every list the platform has. They read the
 * same list request from where the last run stopped, by Make's own trigger state (`trigger.type:
 * date`, `data.lastDate`), page by page within the vendor's rate limit, and let "Choose where to
 * start" (Make's epoch) decide the first run: polling-reading.ts says how, docs/polling.md what
 * that gives on each platform.
 *
 * The status-change polling triggers have no Make module: the Zapier polls compare each record's
 * status with the one the Zap saw before (kept in Zapier's cache), while Make's trigger keeps only
 * the last processed item's id or date, which a status change does not move. The issue log says so.
 */
import type { ListSpec, PlatformDefinition } from '../../platforms/types';
import type { PollingTriggerSpec } from '../../fields/operations';
import { POLLING_TRIGGER_SPECS } from '../../fields/polling-triggers';
import type { AppFiles } from './app-files';
import { requestOf, resolverFor } from './context';
import { recordOutput } from './fields';
import { firstPresent, pathExpression, quote, timeExpression, unwrap, wrap } from './iml';
import type { IssueLog } from './issues';
import type { JsonRecord } from './json';
import { camelName, outputInterface, outputSample } from './modules-common';
import { makeReading } from './polling-reading';

/** Largest number of items one run processes: Make's guidance is at most 300 or 3 pages. */
const MAX_LIMIT = 300;

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
  // As platforms/conversions.ts reads times: epoch seconds or milliseconds, or ISO text, which
  // `parseNumber` must never see (make/generate/iml.ts timeExpression).
  return wrap(timeExpression(pathExpression('item', path)));
}

/** Most items one run may process: Make's guidance (300), and no more than the pages a run may read hold. */
function maxItems(list: ListSpec, pages: number): number {
  return Math.min(MAX_LIMIT, list.maxPageSize * pages);
}

/** The epoch's limit: Make's guidance for "Choose where to start" (300, or 3 pages). */
function epochLimit(list: ListSpec, pages: number): number {
  return Math.min(MAX_LIMIT, list.maxPageSize * Math.min(3, pages));
}

function limitParam(platform: PlatformDefinition, list: ListSpec, pages: number): JsonRecord {
  const max = maxItems(list, pages);
  const reading =
    pages > 1
      ? `Each run reads ${platform.name}'s list from where the last run stopped, up to ${pages} pages of ${list.maxPageSize}; items beyond this limit wait for the next runs.`
      : `Each run reads one page (up to ${list.maxPageSize}) from ${platform.name}.`;
  return {
    name: 'limit',
    label: 'Limit',
    type: 'uinteger',
    required: true,
    default: Math.min(list.maxPageSize, 10),
    help: `The maximum number of items to process in one run. ${reading}`,
    validate: { min: 1, max },
  };
}

/** Fields that name an item in the "Choose where to start" list, best first. */
const EPOCH_LABELS = ['name', 'email', 'order_number', 'order_id', 'affiliate_email'];

/**
 * Make's epoch ("Choose where to start"): the trigger's own request, at most `limit` items (Make
 * asks for a static limit of at most 300 or 3 pages there), each labelled with its readable name
 * and id and dated with its creation time.
 */
function epochOf(output: JsonRecord, date: string, limit: number, qs: JsonRecord): JsonRecord {
  const id = unwrap(String(output.id)) ?? "''";
  const named = EPOCH_LABELS.flatMap((key) => (typeof output[key] === 'string' ? [unwrap(output[key]) ?? quote(output[key])] : []));
  const label = named.length === 0 ? id : `${firstPresent([...named, "''"])} + ' (' + ${id} + ')'`;
  return { ...(Object.keys(qs).length > 0 ? { qs } : {}), response: { limit, output: { label: wrap(label), date } } };
}

/** Adds one Make polling trigger; returns its name, or undefined (logged) when the list cannot serve it. */
function addPollingTrigger(app: AppFiles, platform: PlatformDefinition, connection: string, spec: PollingTriggerSpec, log: IssueLog): string | undefined {
  const naming = spec.make;
  const name = naming?.name ?? camelName(spec.key);
  const list = platform.lists[spec.record];
  if (!naming || !list) {
    log.add(`module ${name}`, 'info', `not generated: ${platform.name} offers no list of ${spec.record}s.`);
    return undefined;
  }
  const report = log.for(`module ${name}`);
  const request = requestOf(list.request, resolverFor(platform, { extra: { limit: { literal: list.maxPageSize }, page: { literal: 1 } } }), report);
  const reading = makeReading(list);
  request.qs = { ...((request.qs as JsonRecord | undefined) ?? {}), ...reading.qs };
  if (Object.keys(request.qs).length === 0) delete request.qs;
  const vendorEvent = platform.events.find((item) => item.event === `${spec.record}.created`)?.key ?? `${list.request.method} ${list.request.path}`;
  const output = recordOutput({ platform, kind: spec.record, event: `${spec.record}.created`, vendorEvent, root: 'item', raw: 'item' }, report);
  const date = creationDate(platform, spec.record);
  if (date === undefined || typeof output.id !== 'string') {
    // Make's trigger needs a date (or a numeric id) to know what it has processed.
    log.add(`module ${name}`, 'warning', `not generated: ${platform.name}'s ${spec.record} list items carry no creation time for Make to track.`);
    return undefined;
  }
  if (reading.pagination) request.pagination = reading.pagination;
  request.response = {
    iterate: wrap(pathExpression('body', list.itemsPath)),
    limit: '{{parameters.limit}}',
    output,
    trigger: { type: 'date', order: reading.order, id: output.id, date },
  };
  app.add(
    'module',
    name,
    { label: naming.label, description: `Checks ${platform.name} on the scenario's schedule for new ${spec.record}s. No webhook needed.`, moduleType: 'trigger', connection },
    {
      communication: request,
      // Make's triggers take static parameters only: nothing before them can be mapped.
      staticParams: [limitParam(platform, list, reading.pages)],
      epoch: epochOf(output, date, epochLimit(list, reading.pages), reading.epochQs),
      interface: outputInterface([output], spec.record),
      samples: outputSample(platform, spec.sample, [output], { event: `${spec.record}.created`, vendorEvent }),
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
      log.add(
        `module ${camelName(spec.key)}`,
        'info',
        `not generated: Make's polling trigger remembers only the last item it processed, not each ${spec.record}'s last status, so it cannot run once per status change (docs/polling.md). Use the instant trigger.`,
      );
      continue;
    }
    const name = addPollingTrigger(app, platform, connection, spec, log);
    if (name) names.push(name);
  }
  return names;
}
