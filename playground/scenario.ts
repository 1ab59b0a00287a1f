/**
 * What the playground does for one platform, as data: the Zaps it turns on, the events the
 * emulator sends, and the action whose effect must come back through a trigger.
 */
import type { Emulator, Vendor } from './emulator/server';

/** One Zap: a trigger with its inputs. */
export interface ZapPlan {
  /** Shown in the output, unique within the scenario. */
  name: string;
  trigger: string;
  inputData?: Record<string, unknown>;
  /** The platform cannot serve this trigger: subscribe must fail with a message naming it. */
  expectRefusal?: RegExp;
  /**
   * A static webhook the merchant registers in the vendor's dashboard instead of a REST hook:
   * the vendor events ticked there (all when empty). The secret the dashboard shows becomes the
   * Zap's `signing_secret` input.
   */
  dashboard?: { events: string[] };
}

/** An action run on an item found through a trigger's performList; its delivery must reach a Zap. */
export interface RoundTrip {
  action: string;
  /**
   * Where the item is found, and which: a trigger's performList, or (`dropdown`) a hidden
   * dropdown trigger's perform, as when the user picks it in the Zap editor.
   */
  findWith: { trigger: string; dropdown?: boolean; inputData?: Record<string, unknown>; where: (record: Record<string, unknown>) => boolean };
  input: (record: Record<string, unknown>) => Record<string, unknown>;
  /** The Zap that must run, and the normalized event and status it must see. */
  expect: { zap: string; event: string; status: string };
}

/**
 * A polling trigger checked twice, as Zapier does on its schedule, with a change made through an
 * action in between: the second poll must bring an id the first did not (a new record, or a
 * record in a new status), which is what Zapier would run the Zap on.
 */
export interface PollPlan {
  /** A polling trigger key, e.g. `new_affiliate_polling`. */
  trigger: string;
  inputData?: Record<string, unknown>;
  /** The action that makes the change, on an item found as a round trip finds it (`findWith` omitted: inputs only). */
  change?: { action: string; findWith?: RoundTrip['findWith']; input: (record: Record<string, unknown>) => Record<string, unknown> };
  /** The platform cannot serve this trigger: the poll must fail with a message matching this. */
  expectRefusal?: RegExp;
}

/**
 * The usual New Affiliate (Polling) plan: poll, create an affiliate through Create Affiliate, poll
 * again. `extra`: inputs the platform's Create Affiliate also needs (e.g. its program).
 */
export function newAffiliatePoll(extra: Record<string, unknown> = {}): PollPlan {
  return {
    trigger: 'new_affiliate_polling',
    change: { action: 'create_affiliate', input: () => ({ email: 'polly.poller@example.com', first_name: 'Polly', last_name: 'Poller', ...extra }) },
  };
}

export interface Scenario {
  vendor: Vendor;
  title: string;
  authData(emulator: Emulator): Record<string, string>;
  zaps: ZapPlan[];
  /** Vendor events the emulator sends, each to the Zaps subscribed to it; absent: every event the emulated vendor sends. */
  events?: string[];
  roundTrip?: RoundTrip;
  /** Polling triggers checked before and after a change (run after the round trip). */
  polls?: PollPlan[];
  /** The Zap whose delivery is replayed forged. */
  tamperZap: string;
  /**
   * How the forger gets it wrong: `body` (default) changes one digit and keeps the signature;
   * `token` replays it to the Zap's URL with the URL token (this query parameter) guessed, for a
   * vendor that signs nothing; `header` replays it with this header (a token we set on the
   * subscription, for a vendor that signs nothing but sends custom headers) guessed.
   */
  forgery?: { token: string } | { header: string };
}
