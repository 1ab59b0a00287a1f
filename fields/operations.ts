/**
 * The shapes of the operation catalogues (actions/, searches/, hook-triggers/, polling-triggers.ts):
 * what each trigger, action and search is as data — key, labels, input fields, sample. The Zapier
 * layer (triggers/, creates/, searches/) builds its operations from these, and the Make generator
 * (make/generate/) its modules, so a Zapier key and a Make module name come from one entry.
 * Keys are literal types (`K`), so the app's definition keeps them and tests can name an operation.
 */
import type { NormalizedEvent, NormalizedOutput, RecordKind } from '../platforms/records';
import type { ActionKey, SearchKey } from '../platforms/types';
import type { TriggerEvents } from './event-selection';

/** How an operation is named in the generated Make app (make/generate/). */
export interface MakeNaming {
  /** Module name: letters and digits, camelCase, e.g. `watchNewReferrals`. */
  name: string;
  /** Make's wording, sentence case, e.g. "Watch new referrals". */
  label: string;
}

/** A static input field of an action (Zapier's shape, restricted to what the actions use). */
export interface ActionInputField {
  key: string;
  label: string;
  helpText: string;
  required?: boolean;
  /** `password`: masked in the editor and Zap history (a value the user types for the vendor only). */
  type?: 'string' | 'boolean' | 'number' | 'password';
  dynamic?: string;
  /** Zapier's `list: true`: the user maps or picks several values, sent as an array. */
  list?: boolean;
  /**
   * Help text for the Zap editor once the platform is known: `{platform}` becomes its name. The
   * plain `helpText` (every platform at once) is kept for the Make app and unknown connections.
   */
  connectedHelp?: string;
  /** Appended to `connectedHelp` where the platform leaves the field optional (never where it is required), e.g. "Leave empty for your default program." */
  whenOptional?: string;
}

/** The data that defines one action. */
export interface ActionDefinition<K extends ActionKey = ActionKey> {
  key: K;
  noun: string;
  /** Title Case. */
  label: string;
  description: string;
  /** The record kind the action returns. */
  record: RecordKind;
  /** Make's label, sentence case, e.g. "Approve a referral" (the module name is the key in camelCase). */
  makeLabel: string;
  inputFields: ActionInputField[];
  sample: NormalizedOutput;
}


/**
 * How a search compares the input with a record's field, both trimmed of surrounding spaces:
 * `case_insensitive` for what the vendor treats without case (email addresses), `case_sensitive`
 * for ids (order and Stripe charge ids: `ch_3AbC` is not `ch_3abc`).
 */
export type SearchMatch = 'case_insensitive' | 'case_sensitive';

/** The data that defines one search. */
export interface SearchDefinition<K extends SearchKey = SearchKey> {
  key: K;
  noun: string;
  /** Title Case. */
  label: string;
  description: string;
  record: RecordKind;
  /** The normalized event its results carry (what the record is: a created affiliate, a referral). */
  event: NormalizedEvent;
  /** How the input is compared with the platform's `matchField` (the Make app's scan filter compares the same way). */
  match: SearchMatch;
  /** Make's label, sentence case, e.g. "Search affiliates". */
  makeLabel: string;
  /** The required search field first (Zapier's check D009). */
  inputFields: ActionInputField[];
  sample: NormalizedOutput;
  /**
   * The input (e.g. `email`) that may hold the record's own id instead: a value that is not an email
   * address is looked up through the platform's get of the record kind (`gets`), one request, where
   * the platform has one (issue 23 item 9: a referral names its affiliate by id).
   */
  idInput?: string;
}

/** The data that defines one instant trigger. */
export interface HookTriggerSpec<K extends string = string> {
  /** Zapier key, snake_case. */
  key: K;
  noun: string;
  /** Title Case label. */
  label: string;
  /** Starts "Triggers when". */
  description: string;
  /**
   * The normalized events listened to, or `chosen`: the user picks one vendor event of the
   * connected platform (New Platform Event).
   */
  events: TriggerEvents | 'chosen';
  /** The record kind emitted (absent for `chosen`, where it depends on the event). */
  record?: RecordKind;
  /** Offers the optional "only when the status becomes" filter. */
  statusFilter?: boolean;
  /**
   * The status every record the trigger emits has, where its list holds every status (Payout
   * Paid: `paid`): the test step shows only such records.
   */
  emittedStatus?: string;
  /** A realistic output, as perform returns it for the platform it documents. */
  /** The Make instant trigger's module name and label. */
  make: MakeNaming;
  sample: NormalizedOutput;
}

/** The data that defines one polling trigger. */
export interface PollingTriggerSpec<K extends string = string> {
  /** Zapier key, snake_case, ending `_polling`. */
  key: K;
  noun: string;
  /** Title Case label, ending "(Polling)". */
  label: string;
  /** Starts "Triggers when", under 140 characters, says when to prefer it over the instant trigger. */
  description: string;
  record: RecordKind;
  /**
   * `created`: each new record once (triggers/polling-new.ts); `status`: each observed change of a
   * record's status once (triggers/polling-status.ts; the id is `<record id>:<status>:<time>`).
   */
  watch: 'created' | 'status';
  /** Key of the instant trigger (hook-triggers/) this one stands in for. */
  instant: string;
  /** Label of that instant trigger, for messages. */
  instantLabel: string;
  /** A realistic output, as perform returns it. */
  /** The Make polling trigger's module name and label; absent where the Make app has no module for it. */
  make?: MakeNaming;
  sample: NormalizedOutput;
}
