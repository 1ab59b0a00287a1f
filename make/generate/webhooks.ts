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
import { EVENT_PARAM } from '../../platforms/delivery';
import { recordKindOf, STATUSES } from '../../platforms/records';
import type { PlatformDefinition, VendorEvent } from '../../platforms/types';
import { selectVendorEvents } from '../../triggers/event-selection';
import type { AppFiles } from './app-files';
import { mergeByEvent, recordOutput } from './fields';
import type { IssueLog, Reporter } from './issues';
import { asExpression, firstPresent, pathExpression, quote, wrap } from './iml';
import type { Json, JsonRecord } from './json';
import { recordInterface, sampleFor } from './modules-common';
import { refetchFor, refetchNotes } from './refetch';
import { sentenceCase } from './labels';
import { makeWording } from './wording';
import { attachDetach } from './attach-detach';
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
  if (platform.webhooks.kind === 'api') return `query.${EVENT_PARAM}`;
  if (events.length === 1 && !chosen) return quote(events[0].key);
  report('warning', `${platform.name} deliveries name no event and dashboard webhooks cannot route by URL: every delivery is read as ${chosen ? 'the chosen event' : `"${events[0].key}"`}.`);
  return chosen ? 'parameters.event' : quote(events[0].key);
}

/** The normalized output of each vendor event, merged into one output object. */
function outputOf(platform: PlatformDefinition, events: readonly VendorEvent[], eventIml: string, report: Reporter): JsonRecord {
  const variants = events.map((vendorEvent) => {
    if (vendorEvent.event === undefined) {
      // The event's object id where it names one (platforms/delivery.ts), else the delivery's id.
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
  return mergeByEvent(eventIml, variants);
}

function webhookParams(platform: PlatformDefinition, trigger: MakeTrigger): JsonRecord[] {
  const params: JsonRecord[] = [];
  if (trigger.events === 'chosen') {
    params.push({
      name: 'event',
      label: 'Event',
      type: 'select',
      required: true,
      help: `The ${platform.name} event to listen to.`,
      options: platform.events.map((event) => ({ label: event.label, value: event.key })),
    });
  }
  if (trigger.statusFilter && trigger.record) {
    params.push({
      name: 'status',
      label: 'Only when the status becomes',
      type: 'select',
      required: false,
      help: 'Leave empty to run on every status change, or pick a status to run only when a change lands on it.',
      options: STATUSES[trigger.record].filter((status) => status !== 'unknown').map((status) => ({ label: sentenceCase(status), value: status })),
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

/** The iterate condition: the family's events, the status filter, the dashboard URL token. */
function conditionOf(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[], eventIml: string, output: JsonRecord): string {
  const parts = [
    trigger.events === 'chosen' ? `${eventIml} == parameters.event` : `(${events.map((event) => `${eventIml} == ${quote(event.key)}`).join(' || ')})`,
  ];
  if (trigger.statusFilter && output.status !== undefined) {
    parts.push(`(ifempty(parameters.status, '') == '' || ${asExpression(output.status)} == parameters.status)`);
  }
  if (platform.webhooks.kind === 'dashboard') {
    parts.push(`(ifempty(parameters.url_token, '') == '' || query.${tokenParam(platform)} == parameters.url_token)`);
  }
  return parts.join(' && ');
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
  const eventIml = eventExpression(platform, events, trigger.events === 'chosen', report);
  const output = outputOf(platform, events, eventIml, report);
  const communication: JsonRecord = {
    // One delivery is one bundle; the documented top-level `condition` drops what is not for this trigger.
    condition: wrap(conditionOf(platform, trigger, events, eventIml, output)),
    output,
  };
  const code: Record<string, Json> = { communication, params: webhookParams(platform, trigger) };
  const api = platform.webhooks.kind === 'api' ? platform.webhooks : undefined;
  if (api) Object.assign(code, attachDetach(platform, api, trigger, events, report));
  const refetch = refetchFor(platform, trigger, events, log.for(`module ${trigger.name}`));
  refetchNotes(platform, trigger, refetch, (severity, message) => log.add('security', severity, message));
  const fetching = refetch && refetch.refetched.length > 0 ? refetch : undefined;
  // A webhook that is not attached gets a connection only when its module calls the API (Make's
  // guidance for webhooks that send an id to fetch the data by), so a platform whose events name an object asks for one.
  const withConnection = api !== undefined || fetching ? connection : null;
  app.add('webhook', webhookId, { label: trigger.label, webhookType: 'web', connection: withConnection }, code);
  const firstMapped = events.find((event) => event.event !== undefined);
  const checked = fetching
    ? ` Each event is checked by fetching the ${fetching.kind} from ${platform.name} by its id: a forged event can at worst re-send a real ${fetching.kind}, never invent one.`
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
      interface: recordInterface(trigger.record),
      samples: sampleFor(platform, trigger.sample, firstMapped?.key),
    },
  );
  return trigger.name;
}
