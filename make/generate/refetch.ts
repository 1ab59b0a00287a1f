/**
 * Re-fetching the object a webhook names (issue 7). Make gives an app's webhook neither the raw body
 * nor the connection, so no signature can be checked there; the instant trigger module, which has
 * the connection, fetches the object again by the id the webhook's record carries (`payload.id`)
 * through the platform's get-by-id endpoint (`PlatformDefinition.gets`) and outputs the normalized
 * record built from what the vendor returned. The delivery stays under `raw`.
 *
 * Make's instant trigger outputs exactly one bundle per delivery and allows neither `iterate` nor
 * `pagination` (developers.make.com, instant trigger), so a module cannot drop a delivery. Instead
 * it says what the check found in `confirmed` (true: the vendor returned this very object, and for
 * status events the status the event announces); a scenario that must act only on confirmed events
 * puts a filter on it right after the trigger. What a forged delivery can then cause at worst: a
 * run with `confirmed` false, or a run with a real object's real data; one naming no object fails
 * the run (DataError, 404). It cannot invent a confirmed record.
 *
 * Choices:
 * - Status triggers (anything but `*.created`) are confirmed only when the fetched status equals the
 *   status the event announced. A legitimate event whose object changed again before the fetch
 *   (normal: an approval right after a creation) is unconfirmed too; its later event carries the new state.
 * - Diff payloads (e.g. `*.status-changed`: `{<kind>_id, previous_status, current_status}`): the
 *   record is the fetched object; `previous_status` is not output, because neither the API nor a
 *   verifiable source knows it (the diff stays under `raw`).
 * - Events a get cannot serve (`GetSpec.notFor`, e.g. an affiliate-removed event, whose affiliate is
 *   gone), and ids that are not one URL path segment, skip the request (`condition`) and pass the
 *   webhook's record on with `confirmed` false: no request is made to a path a delivery chose.
 * - Watch platform events is not re-fetched: one module makes one request, while its events span
 *   record kinds and objects no get returns.
 *
 * Make: an instant trigger's communication may make one request; `payload` is the webhook's output;
 * `condition.default` is the module output when the request is skipped.
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
import { CONFIRMED_KEY } from './modules-common';

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
export function objectExpression(objectPath: string): string {
  const root = pathExpression('body', objectPath);
  return `ifempty(get(${root}, '1'), ${root})`;
}

const ID = 'toString(payload.id)';

/** The id is one path segment: URL-safe characters only (encodeURL leaves it unchanged), not `.` or `..`. */
const ID_IS_SEGMENT = `${ID} != '' && encodeURL(${ID}) == ${ID} && ${ID} != '.' && ${ID} != '..'`;

/** The webhook's record passed on unchecked: every key it fills read from `payload`, and `confirmed` false. */
function passedOn(webhookOutput: JsonRecord): JsonRecord {
  return { ...Object.fromEntries(Object.keys(webhookOutput).map((key) => [key, `{{payload.${key}}}`])), [CONFIRMED_KEY]: false };
}

/**
 * The re-fetch of one instant trigger on one platform: undefined when the trigger has no record kind
 * or the platform no get for it; an empty communication when the get serves none of its events
 * (refetchNotes says why in the app's readme).
 * @param events the vendor events the trigger's webhook passes on
 * @param webhookOutput the webhook's output mapping (what `payload` holds)
 */
export function refetchFor(platform: PlatformDefinition, trigger: MakeTrigger, events: readonly VendorEvent[], webhookOutput: JsonRecord, report: Reporter): Refetch | undefined {
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
  output.id = '{{payload.id}}';
  output.event = '{{payload.event}}';
  output.vendor_event = '{{payload.vendor_event}}';

  // The vendor returned this object: a get answering a list (an `ids[]` filter) may return none.
  const checks = [`toString(${fetchedId}) == ${ID}`];
  const fetchedStatus = output.status === undefined ? undefined : asExpression(output.status);
  // Creation events announce no change, so only status events must agree with the object.
  const statusEvents = refetched.filter((event) => event.event !== undefined && !event.event.endsWith('.created'));
  if (fetchedStatus !== undefined && statusEvents.length > 0) {
    const exempt = refetched.filter((event) => !statusEvents.includes(event)).map((event) => `payload.vendor_event == ${quote(event.key)}`);
    checks.push(`(${[...exempt, "ifempty(payload.status, '') == ''", `${fetchedStatus} == payload.status`].join(' || ')})`);
  }
  output[CONFIRMED_KEY] = wrap(checks.join(' && '));
  const error: JsonRecord = {
    ...errorDirective(platform),
    '404': {
      message: `${platform.name} has no ${kind} "{{payload.id}}": the event names an object that does not exist (a forged or outdated event).`,
      type: 'DataError',
    },
  };
  const fetchable = passed.length > 0 ? `(${refetched.map((event) => `payload.vendor_event == ${quote(event.key)}`).join(' || ')}) && ${ID_IS_SEGMENT}` : ID_IS_SEGMENT;
  const communication: JsonRecord = { ...request, condition: { condition: wrap(fetchable), default: passedOn(webhookOutput) }, response: { error, output } };
  return { communication, refetched, passed, get, kind };
}

/** ", in the status the event announces" where the trigger's events announce a status. */
function statusNote(refetch: Refetch): string {
  return refetch.refetched.some((event) => event.event !== undefined && !event.event.endsWith('.created')) ? ', in the status the event announces' : '';
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
        ` (${refetch.refetched.map((event) => event.key).join(', ')}); "Confirmed by the API" is true only when ${platform.name} returned that ${kind}${statusNote(refetch)}, so a filter on it passes on no forged event; an event naming no ${kind} fails the run.`,
    );
  }
  for (const { event, reason } of refetch.passed) {
    note('warning', `${trigger.label}: ${event.key} is passed on as sent, with "Confirmed by the API" false: ${reason}.`);
  }
}
