/**
 * One Make webhook per instant trigger (an "event family"), and the instant trigger module on it.
 *
 * - `kind: 'api'` platforms: attach calls the vendor's subscribe request with Make's per-webhook
 *   URL (`{{webhook.url}}`), detach its unsubscribe request, so the unguessable URL exists only
 *   while the scenario has the trigger.
 * - `kind: 'dashboard'` platforms: no attach/detach; the user pastes the URL into the vendor's
 *   dashboard, optionally with a URL token the webhook then requires.
 *
 * The webhook's communication sees only the request (`body`, `query`, `headers`) and its own
 * parameters, never the connection and never the raw body: it filters the family's events and
 * outputs the normalized record. Where the platform has a get-by-id for the trigger's record kind,
 * the module (which has the connection) fetches the object again and outputs the record built from
 * the vendor's answer (make/generate/refetch.ts); elsewhere the module adds nothing.
 */
import { EVENT_PARAM, eventChosenPerUrl } from '../../platforms/event-route';
import { recordKindOf } from '../../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../../platforms/types';
import { selectVendorEvents } from '../../fields/event-selection';
import { statusChoices } from '../../fields/editor-fields';
import type { AppFiles } from './app-files';
import { mergeByEvent, recordOutput } from './fields';
import type { IssueLog, Reporter } from './issues';
import { asExpression, firstPresent, pathExpression, quote, wrap } from './iml';
import type { Json, JsonRecord } from './json';
import { outputInterface, outputSample } from './modules-common';
import { refetchFor, refetchNotes } from './refetch';
import { sentenceCase } from './labels';
import { makeWording } from './wording';
import { attachDetach } from './attach-detach';
import { standInCondition, standInRecord, standInsOf, type StandIn } from './stand-ins';
import type { MakeTrigger } from './triggers';

/** The query parameter a dashboard webhook may require (the platform's own for `url_token` schemes). */
function tokenParam(platform: PlatformDefinition): string {
  return platform.signature.type === 'url_token' ? platform.signature.param : 'ah_token';
}

/** IML of the delivery's vendor event name, reading `body` (the delivery). */
function eventExpression(platform: PlatformDefinition, events: readonly VendorEvent[], chosen: boolean, report: Reporter): string {
  const { eventPath, eventAliases } = platform.delivery;
  if (eventPath !== undefined) {
    const paths = typeof eventPath === 'string' ? [eventPath] : [...eventPath];
    const named = firstPresent(paths.map((path) => pathExpression('body', path)));
    const aliases = Object.entries(eventAliases ?? {});
    return aliases.length === 0 ? named : `switch(${named}, ${aliases.flatMap(([alias, key]) => [quote(alias), quote(key)]).join(', ')}, ${named})`;
  }
  // Make's webhook sees the request's headers (lower-cased names [INF]): the event header where the platform names one.
  if (platform.delivery.eventHeader !== undefined) return pathExpression('headers', platform.delivery.eventHeader.toLowerCase());
  if (platform.webhooks.kind === 'api') return `query.${EVENT_PARAM}`;
  if (events.length === 1 && !chosen) return quote(events[0].key);
  report('warning', `${platform.name} deliveries name no event and dashboard webhooks cannot route by URL: every delivery is read as ${chosen ? 'the chosen event' : `"${events[0].key}"`}.`);
  return chosen ? 'parameters.event' : quote(events[0].key);
}

/**
 * The normalized output of each vendor event, merged into one output object.
 * @param standIns the records of update events subscribed in place of refused ones (make/generate/stand-ins.ts)
 */
function outputOf(platform: PlatformDefinition, events: readonly VendorEvent[], eventIml: string, report: Reporter, standIns: readonly { vendorEvent: string; record: JsonRecord }[]): JsonRecord {
  const variants = events.map((vendorEvent) => {
    if (vendorEvent.event === undefined) {
      // The event's object id where it names one (receive/delivery.ts), else the delivery's id.
      const objectId = vendorEvent.idPath === undefined ? undefined : pathExpression(pathExpression('body', vendorEvent.objectPath ?? ''), vendorEvent.idPath);
      const deliveryId = platform.delivery.idPath ? pathExpression('body', platform.delivery.idPath) : undefined;
      const ids = [objectId, deliveryId].filter((expression): expression is string => expression !== undefined);
      const idText = ids.length === 0 ? '' : wrap(firstPresent(ids));
      const record: JsonRecord = { id: idText, platform: platform.id, event: 'other', vendor_event: vendorEvent.key, raw: '{{body}}' };
      return { vendorEvent: vendorEvent.key, record };
    }
    const record = recordOutput(
      {
        platform,
        kind: recordKindOf(vendorEvent.event),
        event: vendorEvent.event,
        vendorEvent: vendorEvent.key,
        root: pathExpression('body', vendorEvent.objectPath ?? ''),
        raw: 'body',
        overrides: vendorEvent.fields,
      },
      report,
    );
    return { vendorEvent: vendorEvent.key, record };
  });
  return mergeByEvent(eventIml, [...variants, ...standIns]);
}

/**
 * True when the user picks the trigger's vendor event: New Platform Event, or a platform whose
 * deliveries name no event and whose dashboard webhooks send one event each (`eventChosenPerUrl`),
 * where the trigger's family has more than one (one webhook address per event).
 */
function choosesEvent(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[]): boolean {
  return trigger.events === 'chosen' || (eventChosenPerUrl(platform) && events.length > 1);
}

function webhookParams(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[]): JsonRecord[] {
  const params: JsonRecord[] = [];
  if (choosesEvent(platform, trigger, events)) {
    params.push({
      name: 'event',
      label: 'Event',
      type: 'select',
      required: true,
      help:
        trigger.events === 'chosen'
          ? `The ${platform.name} event to listen to.`
          : `The ${platform.name} event this webhook's address is set up for in ${platform.name} (its deliveries do not name it).`,
      options: events.map((event) => ({ label: sentenceCase(event.label), value: event.key })),
    });
  }
  if (trigger.statusFilter && trigger.record) {
    params.push({
      name: 'status',
      label: 'Only when the status becomes',
      type: 'select',
      required: false,
      help: `Leave empty to run on every status change, or pick a status to run only when a change lands on it. The choices are the statuses ${platform.name} reports.`,
      // Only statuses the platform's status table can report: any other choice could never match.
      options: Object.entries(statusChoices(trigger.record, platform)).map(([value, label]) => ({ label: sentenceCase(label), value })),
    });
  }
  if (platform.webhooks.kind === 'dashboard') {
    const param = tokenParam(platform);
    params.push({
      name: 'url_token',
      label: 'URL token',
      type: 'text',
      required: false,
      help:
        `${platform.name} registers webhooks only in its dashboard: ${makeWording(platform.webhooks.directions)} ` +
        `To refuse requests that do not come from that registration, choose a long random token, enter it here and add "?${param}=<token>" to the address you paste.`,
    });
  }
  return params;
}

/** The webhook's condition: the family's events (and their stand-ins' status changes), the status filter, the dashboard URL token. */
function conditionOf(
  platform: PlatformDefinition,
  trigger: MakeTrigger,
  events: readonly VendorEvent[],
  eventIml: string,
  output: JsonRecord,
  standIns: readonly { standIn: StandIn; record: JsonRecord }[],
): string {
  const parts = [
    choosesEvent(platform, trigger, events)
      ? `${eventIml} == parameters.event`
      : `(${[...events.map((event) => `${eventIml} == ${quote(event.key)}`), ...standIns.map(({ standIn, record }) => standInCondition(eventIml, standIn, record))].join(' || ')})`,
  ];
  if (trigger.statusFilter && output.status !== undefined) {
    parts.push(`(ifempty(parameters.status, '') == '' || ${asExpression(output.status)} == parameters.status)`);
  }
  if (platform.webhooks.kind === 'dashboard') {
    parts.push(`(ifempty(parameters.url_token, '') == '' || query.${tokenParam(platform)} == parameters.url_token)`);
  }
  return parts.join(' && ');
}

/** The output mappings of a re-fetching module: the response's output and the condition's default. */
function refetchOutputs(communication: JsonRecord): JsonRecord[] {
  const response = communication.response as JsonRecord;
  const condition = communication.condition as JsonRecord | undefined;
  return [response.output as JsonRecord, ...(condition ? [condition.default as JsonRecord] : [])];
}

/**
 * Adds the webhook and instant trigger of one Make trigger, when the platform sends its events.
 * @returns the module name, or undefined (reported) when the platform serves none of the events
 */
export function addInstantTrigger(app: AppFiles, platform: PlatformDefinition, connection: string, trigger: MakeTrigger, log: IssueLog): string | undefined {
  const events = trigger.events === 'chosen' ? [...platform.events] : selectVendorEvents(platform, trigger.events);
  if (events.length === 0) {
    log.add(`module ${trigger.name}`, 'info', `not generated: ${platform.name} sends no event for "${trigger.label}".`);
    return undefined;
  }
  const webhookId = `${trigger.name}Webhook`;
  const report = log.for(`webhook ${webhookId}`);
  const eventIml = eventExpression(platform, events, choosesEvent(platform, trigger, events), report);
  const standIns = standInsOf(platform, trigger, events, report);
  const standInRecords = standIns.map((standIn) => ({ standIn, ...standInRecord(platform, standIn, report) }));
  const output = outputOf(platform, events, eventIml, report, standInRecords);
  const communication: JsonRecord = {
    // One delivery is one bundle; the documented top-level `condition` drops what is not for this trigger.
    condition: wrap(conditionOf(platform, trigger, events, eventIml, output, standInRecords)),
    output,
  };
  const code: Record<string, Json> = { communication, params: webhookParams(platform, trigger, events) };
  const api = platform.webhooks.kind === 'api' ? platform.webhooks : undefined;
  if (api) Object.assign(code, attachDetach(platform, api, trigger, events, report, standIns.length > 0));
  // A stand-in's object is re-fetched like the events it replaces, its status checked as theirs.
  const fetchedEvents = [...events, ...standIns.map((standIn) => ({ ...standIn.event, event: standIn.amountsTo }))];
  const refetch = refetchFor(platform, trigger, fetchedEvents, output, log.for(`module ${trigger.name}`));
  refetchNotes(platform, trigger, refetch, (severity, message) => log.add('security', severity, message));
  const fetching = refetch && refetch.refetched.length > 0 ? refetch : undefined;
  // A webhook that is not attached gets a connection only when its module calls the API (Make's
  // guidance for webhooks that send an id to fetch the data by), so a platform whose events name an object asks for one.
  const withConnection = api !== undefined || fetching ? connection : null;
  app.add('webhook', webhookId, { label: trigger.label, webhookType: 'web', connection: withConnection }, code);
  const firstMapped = events.find((event) => event.event !== undefined);
  // The module outputs the webhook's record, or what the re-fetch outputs (or its skipped-request default).
  const moduleOutputs = fetching ? refetchOutputs(fetching.communication) : [output];
  const checked = fetching
    ? ` Each event is checked by fetching the ${fetching.kind} from ${platform.name} by its id; "Confirmed by the API" says whether ${platform.name} returned it as the event describes it. Filter on it to pass on confirmed events only.`
    : '';
  app.add(
    'module',
    trigger.name,
    {
      label: trigger.label,
      description: `${trigger.description}${checked}`,
      moduleType: 'instant_trigger',
      connection: withConnection,
      webhook: webhookId,
    },
    {
      communication: fetching ? fetching.communication : {},
      staticParams: [],
      interface: outputInterface(moduleOutputs, trigger.record),
      samples: outputSample(platform, trigger.sample, moduleOutputs, { event: firstMapped?.event ?? 'other', vendorEvent: (firstMapped ?? events[0]).key }),
    },
  );
  return trigger.name;
}
