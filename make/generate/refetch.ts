/**
 * Re-fetching the object a webhook names (issue 7). Make gives an app's webhook neither the raw body
 * nor the connection, so no signature can be checked there; the instant trigger module, which has
 * the connection, fetches the object again by the id the webhook's record carries (`payload.id`)
 * through the platform's get-by-id endpoint (`PlatformDefinition.gets`) and outputs the normalized
 * record built from what the vendor returned. The delivery stays under `raw`.
 *
 * What a forged delivery can then cause at worst: a run for a real object, with that object's real
 * data; a delivery naming another object or a status the object does not have ends the bundle with
 * no output, and one naming no object fails the run (DataError, 404). It cannot invent a record.
 *
 * Choices:
 * - Status triggers (anything but `*.created`) require the fetched status to equal the status the
 *   event announced, so a forged "approved" for a pending referral fails instead of running a
 *   scenario filtered on approvals. A legitimate event whose object changed again before the fetch
 *   (normal: an approval right after a creation) is dropped the same way, quietly: the bundle ends
 *   with no output instead of failing the run, and the later event carries the new state.
 * - Diff payloads (e.g. `*.status-changed`: `{<kind>_id, previous_status, current_status}`): the
 *   record is the fetched object; `previous_status` is not output, because neither the API nor a
 *   verifiable source knows it (the diff stays under `raw`).
 * - Events a get cannot serve (`GetSpec.notFor`, e.g. an affiliate-removed event, whose affiliate is
 *   gone) skip the request (`condition`) and pass the webhook's record on unchanged.
 * - Watch Platform Events is not re-fetched: one module makes one request, while its events span
 *   record kinds and objects no get returns.
 *
 * Make: an instant trigger's communication may make one request; `payload` is the webhook's output
 * (developers.make.com, custom apps → modules → instant trigger); `condition.default` is the module
 * output when the request is skipped; `response.iterate` with a `condition` outputs only the items
 * that pass it, so a one-item container whose item fails the checks yields no bundle at all.
 */
import type { RecordKind } from '../../platforms/records';
import type { GetSpec, PlatformDefinition, VendorEvent } from '../../platforms/types';
import { errorDirective } from './connection';
import { requestOf, resolverFor } from './context';
import { recordOutput } from './fields';
import type { Reporter } from './issues';
import { asExpression, pathExpression, quote, unwrap, wrap } from './iml';
import type { JsonRecord } from './json';
import type { MakeTrigger } from './triggers';

/** What the trigger module does with the webhook's record. */
export interface Refetch {
  /** The module's communication: one GET through the connection. */
  communication: JsonRecord;
  /** Vendor events whose object is fetched again. */
  refetched: readonly VendorEvent[];
  /** Vendor events passed on as received, with the reason (GetSpec.notFor). */
  passed: readonly { event: VendorEvent; reason: string }[];
  get: GetSpec;
  kind: RecordKind;
}

/**
 * The vendor object in the get's response. Read as the object, or as the first item when the vendor
 * wraps it in a 1-item array (some vendors' get-by-id does); IML arrays start at 1.
 */
function objectExpression(objectPath: string): string {
  const root = pathExpression('body', objectPath);
  return `ifempty(get(${root}, '1'), ${root})`;
}

const ID = 'toString(payload.id)';

/** The id is one path segment: URL-safe characters only (encodeURL leaves it unchanged), not `.` or `..`. */
const ID_IS_SEGMENT = `${ID} != '' && encodeURL(${ID}) == ${ID} && ${ID} != '.' && ${ID} != '..'`;

/**
 * The re-fetch of one instant trigger on one platform: undefined when the trigger has no record kind
 * or the platform no get for it; an empty communication when the get serves none of its events
 * (refetchNotes says why in the app's readme).
 * @param events the vendor events the trigger's webhook passes on
 */
export function refetchFor(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[], report: Reporter): Refetch | undefined {
  const kind = trigger.record;
  if (trigger.events === 'chosen' || kind === undefined) return undefined;
  const get = platform.gets?.[kind];
  if (!get) return undefined;
  const passed = events.flatMap((event) => (get.notFor?.[event.key] ? [{ event, reason: get.notFor[event.key] }] : []));
  const refetched = events.filter((event) => !get.notFor?.[event.key]);
  if (refetched.length === 0) return { communication: {}, refetched, passed, get, kind };

  const request = requestOf(get.request, resolverFor(platform, { extra: { id: { iml: 'payload.id' } } }), report);
  const output = recordOutput({ platform, kind, event: '', vendorEvent: '', root: objectExpression(get.objectPath), raw: 'payload.raw' }, report);
  const fetchedId = unwrap(String(output.id)) ?? "''";
  output.id = wrap(`ifempty(${fetchedId}, payload.id)`);
  output.event = '{{payload.event}}';
  output.vendor_event = '{{payload.vendor_event}}';

  const sameObject = `toString(ifempty(${fetchedId}, payload.id)) == ${ID}`;
  const checks = [ID_IS_SEGMENT, sameObject];
  const fetchedStatus = output.status === undefined ? undefined : asExpression(output.status);
  // Creation events announce no change, so only status events must agree with the object.
  const statusEvents = refetched.filter((event) => event.event !== undefined && !event.event.endsWith('.created'));
  if (fetchedStatus !== undefined && statusEvents.length > 0) {
    const exempt = refetched.filter((event) => !statusEvents.includes(event)).map((event) => `payload.vendor_event == ${quote(event.key)}`);
    checks.push(`(${[...exempt, "ifempty(payload.status, '') == ''", `${fetchedStatus} == payload.status`].join(' || ')})`);
  }
  // One item per checked id: an id is one path segment without commas once it passes the checks, so
  // split() gives a one-item array without `emptyarray` (a scenario keyword, not app IML).
  const iterate: JsonRecord = { container: wrap(`split(${ID}, ',')`), condition: wrap(checks.join(' && ')) };
  const error: JsonRecord = {
    ...errorDirective(platform),
    '404': {
      message: `${platform.name} has no ${kind} "{{payload.id}}": the event names an object that does not exist, so it was not passed on (a forged or outdated event).`,
      type: 'DataError',
    },
  };
  const communication: JsonRecord = { ...request, response: { iterate, error, output } };
  if (passed.length > 0) {
    communication.condition = {
      condition: wrap(refetched.map((event) => `payload.vendor_event == ${quote(event.key)}`).join(' || ')),
      default: '{{payload}}',
    };
  }
  return { communication, refetched, passed, get, kind };
}

/** Security notes for the app's readme: what the trigger checks and what a forged event can cause. */
export function refetchNotes(platform: PlatformDefinition, trigger: MakeTrigger, refetch: Refetch | undefined, note: Reporter): void {
  const kind = trigger.record;
  // A platform with no get at all gets one note for the whole app (make/generate/app.ts).
  if (Object.keys(platform.gets ?? {}).length === 0) return;
  if (trigger.events === 'chosen' || kind === undefined) {
    note('info', `${trigger.label}: not re-fetched (one module makes one request; its events span record kinds and objects no get returns), so a forged event passes on as sent.`);
    return;
  }
  if (!refetch) {
    note('warning', `${trigger.label}: ${platform.name} documents no call that fetches one ${kind}, so a forged event passes on as sent.`);
    return;
  }
  const call = `${refetch.get.request.method} ${refetch.get.request.path.replace('{{id}}', '{id}')}`;
  if (refetch.refetched.length > 0) {
    note(
      'info',
      `${trigger.label}: the ${kind} is fetched again by the id the event names (${call}) and output from what ${platform.name} returns` +
        ` (${refetch.refetched.map((event) => event.key).join(', ')}); a forged event can at worst re-send a real ${kind} or fail the run, never invent data; an event the ${kind} no longer matches ends quietly.`,
    );
  }
  for (const { event, reason } of refetch.passed) {
    note('warning', `${trigger.label}: ${event.key} is passed on as sent, not re-fetched: ${reason}.`);
  }
}
