/**
 * The shape of a platform definition: everything Affiliate Hub knows about one vendor, as data
 * (DESIGN.md section 4). The generic layer (triggers/, creates/, searches/) interprets it for
 * Zapier; the Make generator reads the same data. Code appears only where data cannot say it
 * (a signature scheme of its own, an odd payload).
 */
import type { NormalizedEvent, RecordKind, RecordField, NormalizedStatus } from './records';
import type { SignatureScheme } from '../signature-schemes/types';

/**
 * Platform ids, the values of the connection's `platform` field: lower-case letters and digits,
 * e.g. `acme`. The registered ids are `RegisteredPlatformId` in registry.ts.
 */
export type PlatformId = string;

/**
 * A value in a request template. Strings may hold `{{name}}` placeholders filled from the call's
 * scope (action inputs, `auth.*`, `target_url`, `event`, `secret`, `subscription_id`, `limit`,
 * `page`). A string that is exactly one placeholder keeps the value's type (a number stays a number);
 * a placeholder whose value is missing drops the key from the query or body.
 */
export type Template = string | number | boolean | null | Template[] | { [key: string]: Template };

/** One HTTP request to the vendor's API, relative to the platform's base URL. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, e.g. `/referral/{{referral_id}}/status`. Placeholders are URL-encoded. */
  path: string;
  query?: Record<string, Template>;
  /** The body: JSON unless `encoding` says otherwise. */
  body?: Record<string, Template>;
  /**
   * How `body` is sent: `json` (default), or `form` (application/x-www-form-urlencoded, for APIs
   * that document form-encoded requests; an array value repeats its field, as in the query).
   */
  encoding?: 'json' | 'form';
  /** Where this request's shape comes from: `documented`, or `inferred: <basis>`. */
  source: string;
}

/** How the connection authenticates every request to the vendor. */
export type AuthScheme =
  /**
   * A header built from a template, e.g. `Authorization: Bearer {{api_key}}`, and any further
   * headers every request carries, e.g. `{ 'Account-Id': '{{account_id}}' }` for an API that also
   * wants the account named (each placeholder a connection field).
   */
  | { type: 'header'; header: string; value: string; extraHeaders?: Readonly<Record<string, string>> }
  /**
   * HTTP Basic with connection fields (`api_key` or a key of the platform's `extraFields`) as user
   * name and password; without `password` the password is empty (a secret sent as the user name).
   */
  | { type: 'basic'; username: string; password?: string };

/** A conversion applied to a vendor value before it lands in a normalized field. */
export type Conversion =
  /** Any scalar to a string (ids are strings whatever the vendor sends). */
  | 'text'
  /** A number or numeric string in major units, e.g. "12.50" → 12.5. */
  | 'decimal'
  /** An integer amount in minor units (cents) to major units, e.g. 1250 → 12.5. */
  | 'minor_units'
  /**
   * Any vendor time to ISO-8601 UTC: ISO-8601 (or other `Date`-readable) text, or epoch seconds /
   * milliseconds as a number or numeric text, told apart by magnitude (below 1e11 seconds, else
   * milliseconds: `toTime` in conversions.ts). Every field map's times use it.
   */
  | 'time'
  /** Alias of `time` (kept for older data): reads seconds and ISO text too. */
  | 'epoch_ms'
  /** Alias of `time` (kept for older data): reads milliseconds and ISO text too. */
  | 'epoch_s'
  /** Alias of `time` (kept for older data): reads epoch numbers too. */
  | 'iso'
  /** Upper-case text (ISO-4217 currency codes). */
  | 'upper'
  /** Through the platform's status table for the record kind; unknown values become `unknown`. */
  | 'status';

/**
 * Where a normalized field comes from: a dotted path (or several, the first present wins), or
 * several paths whose texts are joined with spaces (a first and a last name). A path starting
 * `$.` reads the whole delivery body instead of the vendor object (an envelope's `$.timestamp`).
 */
export type FieldSource =
  | {
      path: string | readonly string[];
      convert?: Conversion;
      /**
       * The vendor value to use when no path is present, e.g. `approved` for an event whose name
       * says the new status but whose payload does not (an `…approved` event whose payload carries no status).
       */
      default?: string | number | boolean;
      /**
       * For an amount whose unit is inferred (cents): a vendor value that is not a whole number
       * cannot be a count of cents, so the record is flagged (`FLAGS_KEY` under `raw`, with this
       * note) instead of silently reading it as cents.
       */
      flagFraction?: string;
    }
  | { join: readonly string[] };

/** How to fill each normalized field of a record kind from a vendor object. A bare string is a path read as text. */
export type FieldMap<K extends RecordKind> = { [F in RecordField<K> | 'id']?: string | FieldSource };

/** A vendor status (lower-cased) → normalized status, per record kind. */
export type StatusTable = { [K in RecordKind]?: Record<string, NormalizedStatus<K>> };

/** One event in the vendor's catalogue. */
export interface VendorEvent {
  /** The vendor's own event name, e.g. `referral.new`. */
  key: string;
  /** What the user sees in the New Platform Event dropdown. */
  label: string;
  /** The normalized event, where one corresponds. */
  event?: NormalizedEvent;
  /**
   * For an event without a normalized counterpart whose payload is still one of the records (a
   * conversion, a partner update): normalized as that kind with `event: 'other'`, so New Platform
   * Event gets the record's fields while no record trigger subscribes to it (and runs twice).
   */
  record?: RecordKind;
  /** Where the vendor object sits in the delivery body: a dotted path, '' for the body itself. */
  objectPath?: string;
  /** Field-map overrides for this event's payload (diff payloads, envelopes of their own). */
  fields?: FieldMap<RecordKind>;
  /**
   * For an event with no record kind: dotted path (below `objectPath`) of its object's own id, the
   * output's `id` (e.g. a program event's program `id`); without it the delivery's id stands in.
   */
  idPath?: string;
  /**
   * The normalized fields a delivery of this event fills, where it carries less than the record's
   * field map reads (a diff payload: `['status', 'previous_status']`); the base fields (`id`,
   * `platform`, `event`, `vendor_event`, `raw`) always. The test step of a trigger subscribing to it
   * shows only these (fields/test-step.ts), so a field filled while testing is filled live.
   * Absent: the whole field map.
   */
  delivers?: readonly string[];
  /** `documented`: a vendor example exists; `constructed`: built from documented field lists. */
  example: 'documented' | 'constructed' | 'none';
  /**
   * For an update event whose envelope lists what changed: a delivery whose body holds `path` (a
   * dotted path from the body, e.g. `changes.status`) changed that field. With `event`, such a
   * delivery is that normalized event (a status change) and one without the change stays the plain
   * update (`record`, event `other`). It is also the filter of a subscription that took this event
   * in place of a refused one (`fallback`): only deliveries holding the change run that Zap.
   */
  changed?: { path: string; event?: NormalizedEvent; source: string };
  /**
   * An event name not every account accepts (a newer name some accounts refuse at subscribe with a
   * 400 or 422): the event of the same object to subscribe instead, one with `changed`, so the Zap
   * turns on. Its deliveries then run that Zap only when they hold the change and the record's
   * status is the one this event names (its `fields.status.default`), as this event's normalized event.
   */
  fallback?: { event: string; source: string };
}

/** How the delivery names its event and its own id. */
export interface DeliveryShape {
  /**
   * Dotted path of the event name in the body, or candidate paths tried in order (the first holding
   * a string wins: for vendors whose envelope is not documented); absent when the body carries none
   * (route by subscription).
   */
  eventPath?: string | readonly string[];
  /**
   * Route by our `ah_event` URL parameter when the body names no event (at `eventPath`). Always on
   * when `eventPath` is absent; set beside `eventPath` for a vendor whose envelope may lack it.
   */
  routeByUrl?: boolean;
  /** Body event names that differ from the catalogue key (old naming schemes), → catalogue key. */
  eventAliases?: Record<string, string>;
  /**
   * The header naming the event, for a vendor that sends the event name in a header instead of the
   * body (read case-insensitively, with or without Zapier's `Http-` prefix), tried after
   * `eventPath`. A body signature does not cover headers: a genuine body re-sent under another
   * event name passes the signature, so such a platform's docs page says what limits that.
   */
  eventHeader?: string;
  /** Dotted path of the delivery's unique id, for deduplication. */
  idPath?: string;
  /**
   * For a vendor whose deliveries carry no event id (no `idPath`): a delivery is identified by its
   * vendor event, its record's normalized id and the values at these dotted paths of its vendor
   * object (e.g. a status or an update time), remembered for the retry window (`retryWindowSeconds`)
   * as an anonymous body is, so a retry never runs twice and a later, equal change still runs.
   */
  recordIdentity?: { paths: readonly string[]; source: string };
  /** Dotted path of the event's time in the body, where it has one: a body with it is unique to its event. */
  timePath?: string;
  /**
   * How long (seconds) the vendor keeps retrying one delivery: a body with neither id nor time is
   * taken for a retry only within it, so an identical, legitimately repeated state change still runs.
   */
  retryWindowSeconds?: number;
  /**
   * Dotted path of a flag that is `true` in the vendor's test deliveries (a dashboard "send test"),
   * whose object carries no record: such a delivery, once verified, produces no run and no error.
   */
  testPath?: string;
}

/** Webhook registration through the vendor's API (REST hooks). */
export interface WebhookApi {
  kind: 'api';
  /** `one`: one event per vendor subscription (several subscriptions per Zap); `many`: one subscription takes a list. */
  eventsPerSubscription: 'one' | 'many';
  subscribe: RequestSpec & {
    /** Dotted path of the vendor's id for the new subscription in the response. */
    idPath?: string;
    /** Dotted path of the signing secret in the response, when the vendor issues it. */
    secretPath?: string;
    /**
     * Body keys whose name is not confirmed, each with its candidate names in order (the first is
     * the key in `body`), e.g. `{ target: ['target', 'target_url'] }`. A 400 or 422 whose message
     * names one of them is retried with the next; the name that worked is remembered per connection.
     */
    fieldCandidates?: Record<string, readonly string[]>;
  };
  /** Placeholders: `subscription_id`, `event`. A 404 or 410 counts as already removed. */
  unsubscribe: RequestSpec;
  /** Finds an existing subscription for an event (vendors that allow only one per event). */
  findExisting?: RequestSpec & { itemsPath: string; targetField: string; secretField?: string };
  /** The caller chooses the secret (sent as `{{secret}}`) instead of the vendor issuing one. */
  callerChoosesSecret?: boolean;
  /**
   * Set when no vendor document describes this webhook API (only the vendor's code or a third party
   * shows it): what to do instead, appended to every refusal of subscribe (any vendor error but an
   * expired key or a rate limit), e.g. which trigger works without it.
   */
  unconfirmed?: string;
}

/** Webhooks that the merchant registers in the vendor's dashboard (no API). */
export interface WebhookDashboard {
  kind: 'dashboard';
  /** Where in the dashboard to paste the Zap's URL and find the signing secret. */
  directions: string;
  /**
   * Set when deliveries name no event (no `delivery.eventPath`) and each dashboard webhook sends
   * one event only: the dashboard trigger asks which catalogue event the Zap's URL was set up for,
   * and treats every delivery to it as that event. `source`: `documented`, or `inferred: <basis>`.
   */
  eventChosenPerUrl?: { source: string };
}

/** A list endpoint: performList, dropdowns and searches. */
export interface ListSpec {
  request: RequestSpec;
  /** Dotted path of the item array in the response. */
  itemsPath: string;
  /** Largest page the vendor serves. */
  maxPageSize: number;
  /** What the polling triggers need to know to read this list on Zapier's schedule (triggers/polling-trigger.ts). */
  polling?: ListPolling;
  /**
   * The normalized status every item of this list has, where the endpoint lists only those (a list
   * of paid payments: `paid`): New Payout (Polling) then fires when a payout is paid, so it does
   * Payout Paid's job (fields/alternatives.ts).
   */
  onlyStatus?: string;
}

/**
 * How a list behaves when it is polled, as the vendor documents it (or as inferred, in `source`).
 * Absent on a list: order `unknown`, no filters, and status changes seen only where the field map
 * reads a status.
 */
export interface ListPolling {
  /** The order of the items the request returns; anything but `newest_first` is re-sorted by creation time. */
  order: 'newest_first' | 'oldest_first' | 'unknown';
  /** A filter narrowing the list to items created since a time (new-item triggers). */
  createdSince?: TimeFilter;
  /**
   * A filter narrowing the list to items updated since a time (status triggers). Used by the status
   * triggers whatever the list's `order` (a list ordered by creation does not bring old records
   * that changed recently to its first page).
   */
  updatedSince?: TimeFilter;
  /**
   * Whether the items carry the record's status, so a poll sees a change: the vendor field it is
   * read from (the field map normalizes it), or why the list cannot tell (the status trigger then
   * refuses, naming the instant trigger instead).
   */
  status: { field: string } | { unavailable: string };
  /**
   * The item's last-update time (or its last status change), where items carry one: status changes
   * are ordered by it and it marks each change in the output id (triggers/polling-status.ts).
   */
  updatedAt?: { path: string; convert: 'epoch_ms' | 'epoch_s' | 'iso' };
  /**
   * Cursor paging, where the list pages by a cursor instead of a page number: the query parameter
   * that asks for the next page; where its value is, either in the answer (`nextPath`, below the
   * body) or on the page's last item (`lastItemPath`, below the item); and the answer's flag that
   * there is more (`morePath`). Polls and Make's polling modules page with it.
   */
  cursor?: { param: string; nextPath?: string; lastItemPath?: string; morePath: string };
  /**
   * For a list paged by number (`{{page}}`) whose answers carry a `Link` header (RFC 8288) naming
   * the next page (`rel="next"`): paging stops at a page whose header names none, even a full one.
   */
  linkHeaderPaging?: boolean;
  /**
   * For a list that is not newest first: status polls read only the records created in the last
   * this many days (through `createdSince`), so that the pages a poll can afford hold recent records
   * whatever the vendor's order. Absent: status polls read the first pages of the whole list.
   */
  statusWindowDays?: number;
  /**
   * The vendor's request allowance this list's calls count against; a poll spends a tenth of one
   * minute's worth at most (triggers/polling-pages.ts). Absent: unknown, taken as 60 a minute.
   */
  rateLimit?: RateLimit;
  /** `documented`, or `inferred: <basis>`, for the order, the filters and the status field. */
  source: string;
}

/** A vendor's request allowance, e.g. 120 requests per 60 seconds per shop. */
export interface RateLimit {
  requests: number;
  perSeconds: number;
  /** Who shares it, e.g. `shop` or `API key`, for help texts. */
  per: string;
  /** `documented`, or `inferred: <basis>`. */
  source: string;
}

/** A query filter on a time: the parameter and how the time is written in it. */
export interface TimeFilter {
  /** Query parameter, e.g. `from_date`. */
  param: string;
  /** `iso`: 2021-11-01T11:02:43Z; `date`: 2021-11-01; `epoch_ms` / `epoch_s`: unix time. */
  format: 'iso' | 'date' | 'epoch_ms' | 'epoch_s';
  /** The parameter of the window's end, where the vendor refuses the start alone (set to now). */
  untilParam?: string;
  /**
   * Further query parameters sent with the filter, overriding the list's own, e.g.
   * `{ sort: 'updated_at', order: 'asc' }` so a window of changes comes oldest change first.
   */
  query?: Readonly<Record<string, string>>;
  /**
   * True when the filter's `query` orders the window oldest first on the filtered time: a poll then
   * reads forward from the last item it processed (kept per Zap), so a burst is never skipped.
   */
  oldestFirst?: boolean;
}

/**
 * One get-by-id endpoint, e.g. `{ request: { method: 'GET', path: '/referrals/{{id}}', source: 'documented' }, objectPath: 'data' }`.
 * `{{id}}` is the record's normalized `id` (what the field map's `id` reads from a delivery).
 */
export interface GetSpec {
  request: RequestSpec;
  /** Dotted path of the vendor object in the response, '' for the body itself. */
  objectPath: string;
  /**
   * Vendor events of this record kind whose delivery names no object this get can return, each
   * with the reason, e.g. `{ 'affiliate-removed': 'the affiliate no longer exists' }`. Their
   * deliveries are passed on as received.
   */
  notFor?: Readonly<Record<string, string>>;
}

/** A vendor action behind one of the app's creates. */
export interface ActionSpec {
  request: RequestSpec;
  /** What the action changed, normalized from the response (`resultPath`) over what is known from the inputs. */
  result: {
    event: NormalizedEvent;
    /**
     * The vendor event this change fires, where it is not the platform's event of `event` (Tolt's
     * refund fires `transaction.updated`, not a commission event): the output's `vendor_event`.
     */
    vendorEvent?: string;
    resultPath?: string;
    /** Fields known without the response, as templates over the inputs. */
    assume?: Record<string, Template>;
  };
  /**
   * Inputs the vendor needs in a given form, checked before the call, e.g. `{ affiliate: 'email' }`:
   * `email` (required by the format itself), `integer` (a plain decimal integer as typed, digits
   * only, for vendors whose ids are JSON integers: `1e3`, `0x1F`, `12.0` and `-1` are refused; an
   * absent value is left to `requiredInputs`). Send such an id with the `| integer` template filter.
   */
  inputFormats?: Record<string, 'email' | 'integer'>;
  /**
   * Inputs the app fills when the user leaves them empty, each with its kind: `password` is a random
   * password of 24 characters with upper- and lower-case letters, digits and symbols (for a vendor
   * that requires one on create), never returned or logged. Make cannot generate one: it requires the input.
   */
  generatedInputs?: Readonly<Record<string, 'password'>>;
  /** Inputs this platform needs although the action's form marks them optional (forms are shared by all platforms). */
  requiredInputs?: readonly string[];
  /**
   * The values an input takes on this platform, value → label, e.g. `{ denial_status: { fraud: 'Fraud' } }`:
   * the editor shows them as a dropdown (the vendor still judges a mapped value).
   */
  inputChoices?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * What an input means on this platform beyond its generic help, appended to it in the Zap editor,
   * e.g. `{ payout_id: 'This sends the payment.' }`.
   */
  inputNotes?: Readonly<Record<string, string>>;
  /**
   * Set when no vendor document confirms the endpoint (only a third party shows it): what rests on
   * whom, e.g. `only a third-party connector shows this endpoint`. A 404 or 405 answer then tells the
   * user their API does not offer the action, with this note, instead of a generic "not found".
   */
  unconfirmed?: string;
  /**
   * For a vendor that answers an action with a job rather than the change itself (a batch it may
   * process later): where the answer says how far the job got. Unless the state at `statusPath` is
   * one of `done` and no item failed (`failedCountPath` > 0), the action fails with a message naming
   * the platform, the job's id and state and the vendor's item errors, so a queued or failed job never
   * reads as done.
   */
  outcome?: ActionOutcome;
  /**
   * For a vendor whose answer lists the ids it changed, with HTTP 200 even when it changed none
   * (`{ids_changed: [...], ids_not_changed: [...]}`): the dotted path of that list and the input
   * holding the id sent. Unless the id is listed, the action fails naming it, never reads as done.
   */
  changedIds?: { path: string; input: string; source: string };
}

/** How an action's answer reports a job's progress (see `ActionSpec.outcome`); paths are dotted, below the body. */
export interface ActionOutcome {
  statusPath: string;
  /** States that mean the change was made, e.g. `['completed']`. */
  done: readonly string[];
  /** A count of items the job could not change. */
  failedCountPath?: string;
  /** The vendor's per-item errors (an array of texts or objects with a message). */
  errorsPath?: string;
  /** The job's id, named in the message so the user can look it up. */
  idPath?: string;
  /**
   * Counts of the items a done job took and changed (`total`, `processed_count`): each must read a
   * number above 0, else the job changed nothing (an id the vendor does not know) and the action
   * fails naming the item (the result's assumed `id`). A count that is absent counts as 0.
   */
  countPaths?: readonly string[];
  /** `documented`, or `inferred: <basis>`. */
  source: string;
}

/** An action the platform's API does not offer: the message says why and what to do instead. */
export interface Unsupported {
  unsupported: string;
}

/** Create keys of the app that platforms implement. */
export type ActionKey =
  | 'approve_referral'
  | 'deny_referral'
  | 'create_referral'
  | 'create_affiliate'
  | 'approve_affiliate'
  | 'deny_affiliate'
  | 'mark_payout_paid'
  | 'track_refund';

/**
 * Which permission of a restricted API key a call needs, for the 403 message: the first rule whose
 * method (any when absent) and path prefix (below the base URL, e.g. `/affiliates/approve/`) match.
 */
export interface PermissionRule {
  method?: RequestSpec['method'];
  pathPrefix: string;
  /** The vendor's own permission name, e.g. `affiliates.view`; absent when the vendor does not name it (then `note` is required). */
  permission?: string;
  /** What a 403 on this call means when the permission is undocumented, told to the user in full. */
  note?: string;
}

/**
 * A connection field that only some platforms need (a public key beside the secret key, an account id), shown
 * on the connection screen as "<label> (<platforms> Only)".
 */
export interface ConnectionField {
  /** snake_case key in `bundle.authData`, e.g. `public_key`. */
  key: string;
  /** Title Case, e.g. `Public Key`. */
  label: string;
  /** One sentence: what it is and where the vendor shows it. */
  helpText: string;
  /** Sent as a credential (masked on the connection screen, redacted from every message). */
  secret: boolean;
}

/** What the connection screen and its messages say about this platform's keys. */
export interface ConnectionSpec {
  /** What the vendor calls the key entered as API Key, e.g. `secret key`; default `API key`. */
  apiKeyName?: string;
  /** Where the vendor's dashboard shows the key, e.g. `Settings → Integrations → API Key`. */
  keyLocation: string;
  /** The vendor page that says so. */
  keyHelpUrl: string;
  /**
   * What a refused key (401) or call (403) may mean beyond a wrong key, e.g. a plan without API
   * access; appended to the 401 message (a 403's is the `permissions` rule's note).
   */
  accessNote?: string;
  /** Fields this platform needs besides the API key; each is required for it. */
  extraFields?: readonly ConnectionField[];
}

/**
 * Where a vendor's response envelope carries its own verdict (platforms/api.ts reads it on every
 * action and list call): a body saying failure is an error even with HTTP 200.
 */
export interface ResponseEnvelope {
  /** Dotted path of a boolean that is `false` on failure, e.g. `success`. */
  successPath?: string;
  /** Dotted path of a status code (a number or numeric text) outside 200–299 on failure, e.g. `status`. */
  statusPath?: string;
}

/** Everything the app knows about one platform. */
export interface PlatformDefinition {
  id: PlatformId;
  /** Display name, e.g. `Acme`. */
  name: string;
  connection: ConnectionSpec;
  /** https base URL of the vendor API, without trailing slash. */
  baseUrl: string;
  /**
   * Further base URLs, in order, for a vendor whose documented base may not be live for every
   * account: the connection test falls to the next on a 404 or an unreachable host, the one that
   * answers is remembered for the connection and used by every call (platforms/base-url.ts), and
   * the connection label names it (`label`) when it is not `baseUrl`.
   */
  baseUrlFallbacks?: readonly { url: string; label: string; source: string }[];
  auth: AuthScheme;
  /**
   * A cheap authenticated call proving the key works; `accountPath` names the account in the
   * response, if any. `null` when the vendor documents no endpoint to call: the connection test
   * then only checks that a key was entered.
   */
  connectionTest: (RequestSpec & { accountPath?: string }) | null;
  /**
   * Record kinds the platform has no list of, each with why (e.g. a list only in a beta API of
   * another host): the polling triggers' refusal names it instead of a bare "no list".
   */
  unlisted?: { readonly [K in RecordKind]?: string };
  /** Permissions a restricted key needs per call, named in 403 messages; absent when the vendor has no such scheme. */
  permissions?: readonly PermissionRule[];
  /** Dotted paths where the vendor's error bodies carry their message, first present wins. */
  errorMessagePaths: readonly string[];
  /** Where a 2xx body says whether the call really succeeded, for vendors that answer some errors with HTTP 200. */
  envelope?: ResponseEnvelope;
  events: readonly VendorEvent[];
  delivery: DeliveryShape;
  signature: SignatureScheme;
  webhooks: WebhookApi | WebhookDashboard;
  /** Default field maps per record kind. */
  fields: { [K in RecordKind]?: FieldMap<K> };
  statuses: StatusTable;
  lists: { [K in RecordKind]?: ListSpec };
  /**
   * Get-by-id endpoints, where the vendor documents one for the record kind. Data only: the Make
   * app re-fetches the object a webhook names through them, because Make gives a webhook no raw
   * body to verify a signature over (docs/make.md); the Zapier app verifies signatures and does
   * not use them.
   */
  gets?: { [K in RecordKind]?: GetSpec };
  actions: Partial<Record<ActionKey, ActionSpec | Unsupported>>;
  /** Searches, by the app's search key. */
  searches?: Partial<Record<SearchKey, SearchSpec | Unsupported>>;
  /** Vendor lists behind dynamic dropdowns that are not records (programs, groups). */
  choices?: Partial<Record<ChoiceKey, ChoiceListSpec>>;
  /**
   * Which normalized field identifies an affiliate in this platform's actions (`id` unless the
   * API takes the email): the affiliate dropdown's value.
   */
  affiliateIdentifier?: 'id' | 'email';
  /**
   * What this platform's records lack for a Slack, CRM or sheet step, and where the app gets it
   * instead (receive/enrich.ts): the affiliate's email and name come from `gets.affiliate` wherever
   * a referral or payout names only the affiliate's id; this says the rest.
   */
  supplements?: RecordSupplements;
  /**
   * The vendor's own names for the records, where its documents use other words than the app's
   * (Tolt's "Partner" for an Affiliate): a single-platform app (app/terms.ts) shows them in labels
   * and help texts; keys and output fields keep the app's vocabulary.
   */
  terms?: PlatformTerms;
}

/** A vendor's names for the record kinds, singular and Title Case, e.g. `{ affiliate: 'Partner' }`. */
export type PlatformTerms = { readonly [K in RecordKind]?: string };

/**
 * The fields a platform's deliveries or lists leave empty although the next step needs them
 * (issue 23 items 9, 10 and 12), and how each is filled or why it cannot be.
 */
export interface RecordSupplements {
  /**
   * Record kinds whose money names no currency in any vendor object and whose API exposes no
   * account currency: the connection's optional Shop Currency fills `currency` (`source` says why).
   */
  currencyFromConnection?: { kinds: readonly RecordKind[]; source: string };
  /**
   * Normalized fields a delivery may leave empty that the record kind's get (`gets`) returns: a
   * record missing any of them is fetched by id, one request, before it runs the Zap.
   */
  fetchWhenEmpty?: { [K in RecordKind]?: { fields: readonly RecordField<K>[]; source: string } };
  /**
   * A field fetched from another object (an affiliate's referral link from a links list, a
   * commission's order id from its conversion), filled when empty.
   */
  fieldLookups?: readonly FieldLookup[];
  /**
   * Normalized fields no webhook, list or get of the vendor carries for a record kind, each with the
   * document (or absence) that says so: the Zap editor labels them "not available on <platform>".
   */
  unavailable?: { [K in RecordKind]?: Partial<Record<RecordField<K>, string>> };
}

/** One field filled from another vendor object (see `RecordSupplements.fieldLookups`). */
export interface FieldLookup {
  kind: RecordKind;
  field: string;
  /** `{{id}}` is the record's id, or the value at `idFrom`. */
  request: RequestSpec;
  /** Dotted path, in the record's vendor object (its `raw`), of the id the request takes, e.g. `conversion.id`; absent: the record's id. */
  idFrom?: string;
  /** A list answer: dotted path of its items (the first one holds the value). */
  itemsPath?: string;
  /** A single-object answer: dotted path of the object, '' for the body. */
  objectPath?: string;
  /** Dotted path of the value in the item or object. */
  valuePath: string;
}

/** Search keys of the app that platforms implement. */
export type SearchKey = 'find_affiliate' | 'find_referral';

/**
 * How a platform searches: a list that filters by the search input, or (`itemPath`) a get that
 * looks the input up directly, where a 404 means "none found".
 */
export interface SearchSpec {
  /** The request, with the search input as a placeholder (e.g. `affiliate_email: '{{email}}'`). */
  request: RequestSpec;
  /** Dotted path of the item array in a list response. */
  itemsPath?: string;
  /** Dotted path of the one object in a get response. */
  itemPath?: string;
  /**
   * The normalized field compared with the search input: only records whose field equals it are
   * returned, compared as the search's `match` rule says (searches/search-factory.ts).
   */
  matchField: string;
  /** The search input compared with it. */
  input: string;
  /**
   * For a vendor with no filter for the input: the request lists without it, and its items are
   * matched on `matchField` here, so only what this one request returns is searched. `limits`
   * says which records that leaves out (reported in the Make build report); `pageSize` is how
   * many items the request asks for, every one of them compared.
   */
  scan?: { pageSize: number; limits: string; source: string };
  /**
   * For a list search whose vendor pages by cursor (the list's `ListPolling.cursor`): the next
   * pages are read the same way, up to `maxPages` in all, until a page holds an exact match
   * (searches/search-factory.ts).
   */
  cursor?: NonNullable<ListPolling['cursor']> & { maxPages: number };
}

/**
 * Dropdown lists that are not normalized records: programs, partner groups, and `applicant` (the
 * affiliates awaiting a decision, where the platform decides on something other than the
 * affiliate record, e.g. applications; without it the affiliate list is used).
 */
export type ChoiceKey = 'program' | 'group' | 'applicant';

/** A vendor list shown as a dropdown: each item's value and label. */
export interface ChoiceListSpec {
  request: RequestSpec;
  itemsPath: string;
  idPath: string;
  /** Candidate label paths, the first present wins (vendors' field names are not always documented). */
  labelPaths: readonly string[];
}

/**
 * Declares a platform module's definition, keeping its `id` as a literal type so the registry can
 * derive the union of registered ids from its list.
 * @returns the definition unchanged
 */
export function definePlatform<const Id extends string>(definition: PlatformDefinition & { id: Id }): PlatformDefinition & { id: Id } {
  return definition;
}
