/**
 * The live check of one platform: every request the platform data describes, made through the
 * app as Zapier makes it, each answer checked against the paths the data reads from it.
 * Read-only unless `webhooks` (subscribe and remove again) or `write` (reversible actions on
 * records the user names) is given.
 */
import { PLATFORMS, findPlatform } from '../platforms/registry';
import { recordKindOf, type RecordKind } from '../platforms/records';
import type { ActionKey, ActionSpec, PlatformDefinition, SearchKey, WebhookApi } from '../platforms/types';
import { AppRunner, type Exchange } from './app-runner';
import {
  actionRows,
  choiceRows,
  connectionRows,
  describeRequest,
  listRows,
  lookupRows,
  searchRows,
  subscribeRows,
  unsubscribeRows,
} from './answer-checks';
import type { Redactor } from './redaction';
import type { Row } from './rows';

/**
 * The connection test failed (a wrong key, a vendor that cannot be reached): nothing else is
 * checked, since every other request would fail the same way. The message is redacted.
 */
export class ConnectionTestFailed extends Error {
  override name = 'ConnectionTestFailed';
}

/** What to check beyond the read-only default. */
export interface LiveCheckOptions {
  platform: PlatformDefinition;
  /** The connection: `platform`, `api_key` and the platform's extra fields. */
  authData: Record<string, string>;
  redactor: Redactor;
  /** Find Affiliate with this email. */
  email?: string;
  /** Find Referral with this order id. */
  orderId?: string;
  /** A public URL to subscribe one webhook per event to, and remove again. */
  webhooks?: string;
  /** Run the reversible actions on the named records. */
  write?: boolean;
  /** The affiliate (id, or email where the platform identifies affiliates by email) to approve, then deny. */
  affiliate?: string;
  /** The referral id to approve, then deny. */
  referral?: string;
}

/** Page size the lists are read with: what performList uses when Zapier sets no limit. */
const LIST_LIMIT = 10;

/** The REST-hook trigger whose performList reads each record kind's list. */
const LIST_TRIGGER: Record<RecordKind, string> = { referral: 'new_referral', affiliate: 'new_affiliate', payout: 'new_payout' };
/** The dropdown trigger over each record kind's list (used where the hook trigger cannot serve the platform). */
const RECORD_DROPDOWN: Record<RecordKind, string> = { referral: 'referral_list', affiliate: 'affiliate_list', payout: 'payout_list' };
/** Dropdown triggers over lists that are not records. */
const CHOICE_DROPDOWN = { program: 'program_list', group: 'group_list', applicant: 'applicant_list' } as const;
const SEARCH_KIND: Record<SearchKey, RecordKind> = { find_affiliate: 'affiliate', find_referral: 'referral' };

/** What core appends to an error's message outside a test run: the run's logs (requests and answers, personal data included). */
const CORE_LOG_APPENDIX = '\n\nConsole logs:';

/**
 * The message of an error the app threw, redacted. Outside a test run core wraps a message as JSON
 * (`{"message": …}`) for Zapier's UI and appends the run's console logs; the message itself is
 * what a maintainer needs.
 */
export function messageOf(redactor: Redactor, error: unknown): string {
  const full = error instanceof Error ? error.message : String(error);
  const appendix = full.indexOf(CORE_LOG_APPENDIX);
  const text = appendix === -1 ? full : full.slice(0, appendix);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { message?: unknown }).message === 'string') return redactor.text((parsed as { message: string }).message);
  } catch {
    // Not wrapped.
  }
  return redactor.text(text);
}

/** Runs one app operation; on an error, the rows say where it failed (the answer's own rows are still checked). */
async function attempt(
  redactor: Redactor,
  request: string | (() => string),
  source: string,
  run: () => Promise<{ result: unknown; exchanges: Exchange[] }>,
  check: (exchanges: Exchange[], result: unknown) => Row[],
  runner: AppRunner,
): Promise<Row[]> {
  const start = runner.exchanges.length;
  try {
    const { result, exchanges } = await run();
    return check(exchanges, result);
  } catch (error) {
    const exchanges = runner.exchanges.slice(start);
    const rows = exchanges.length > 0 ? check(exchanges, undefined).filter((row) => row.path !== 'answer') : [];
    const label = typeof request === 'string' ? request : request();
    return [...rows, { request: label, path: 'app result', source, verdict: 'differs', detail: `the app failed: ${messageOf(redactor, error)}` }];
  }
}

function isAction(spec: ActionSpec | { unsupported: string } | undefined): spec is ActionSpec {
  return spec !== undefined && 'request' in spec;
}

/** Every row of the read-only checks: connection test, lists, dropdowns, webhook look-up, searches. */
async function readOnlyRows(runner: AppRunner, options: LiveCheckOptions): Promise<Row[]> {
  const { platform, redactor } = options;
  const rows: Row[] = [];
  if (platform.connectionTest) {
    const spec = platform.connectionTest;
    const request = describeRequest('connection test', spec);
    let refusal: unknown;
    const test = async () => {
      try {
        return await runner.connectionTest();
      } catch (error) {
        refusal = error;
        throw error;
      }
    };
    const connection = await attempt(redactor, request, spec.source, test, (exchanges) => connectionRows(platform, exchanges), runner);
    // Every later request would be refused the same way: one clear line instead of a row per path.
    if (refusal !== undefined) throw new ConnectionTestFailed(`The ${platform.name} connection test (${spec.method} ${spec.path}) failed: ${messageOf(redactor, refusal)}`);
    rows.push(...connection);
  }
  for (const kind of Object.keys(platform.lists) as RecordKind[]) {
    const list = platform.lists[kind];
    if (!list) continue;
    const limit = Math.min(LIST_LIMIT, list.maxPageSize);
    // performList where the hook trigger serves the platform (it refuses, before any request, a
    // platform that sends no event of the kind); else the dropdown over the same list.
    const hook = LIST_TRIGGER[kind];
    let operation = `${hook}.performList`;
    let asked = limit;
    const run = async (): Promise<{ result: unknown; exchanges: Exchange[] }> => {
      if (platform.webhooks.kind === 'api' && runner.has('triggers', hook, 'performList')) {
        const before = runner.exchanges.length;
        try {
          return await runner.run('triggers', hook, 'performList', { meta: { limit } });
        } catch (error) {
          if (runner.exchanges.length > before) throw error;
        }
      }
      operation = `${RECORD_DROPDOWN[kind]} dropdown`;
      asked = Math.min(50, list.maxPageSize);
      return runner.run('triggers', RECORD_DROPDOWN[kind], 'perform', { meta: { page: 0 } });
    };
    rows.push(...(await attempt(redactor, () => describeRequest(operation, list.request), list.request.source, run, (exchanges) => listRows(platform, kind, list, operation, exchanges, asked), runner)));
  }
  for (const [key, trigger] of Object.entries(CHOICE_DROPDOWN) as [keyof typeof CHOICE_DROPDOWN, string][]) {
    const spec = platform.choices?.[key];
    if (!spec) continue;
    const operation = `${trigger} dropdown`;
    rows.push(
      ...(await attempt(redactor, describeRequest(operation, spec.request), spec.request.source, () => runner.run('triggers', trigger, 'perform', { meta: { page: 0 } }), (exchanges) => choiceRows(platform, key, spec, operation, exchanges), runner)),
    );
  }
  if (platform.webhooks.kind === 'api' && platform.webhooks.findExisting) {
    const api = platform.webhooks;
    const lookup = api.findExisting;
    for (const event of platform.events) {
      if (!lookup) break;
      const operation = `webhook look-up (${event.key})`;
      const found = await attempt(redactor, describeRequest(operation, lookup), lookup.source, () => runner.request(platform, lookup, { event: event.key }), (exchanges) => lookupRows(platform, api, operation, exchanges), runner);
      // The look-up answers what is registered, secrets included: learned so nothing prints them.
      rows.push(...found);
    }
  }
  const searches: [SearchKey, string | undefined, string][] = [
    ['find_affiliate', options.email, 'email'],
    ['find_referral', options.orderId, 'order_id'],
  ];
  for (const [key, value, input] of searches) {
    const spec = platform.searches?.[key];
    if (value === undefined) continue;
    if (spec === undefined || !('request' in spec)) {
      rows.push({ request: `${key} search`, path: 'search', source: '(none)', verdict: 'unchecked', detail: `${platform.name} does not offer it` });
      continue;
    }
    const operation = `${key} search`;
    rows.push(
      ...(await attempt(redactor, describeRequest(operation, spec.request), spec.request.source, () => runner.run('searches', key, 'perform', { inputData: { [input]: value } }), (exchanges) => searchRows(platform, SEARCH_KIND[key], spec, operation, exchanges), runner)),
    );
  }
  return rows;
}

/** Subscribes one webhook per vendor event to `url` through New Platform Event, then removes it. */
async function webhookRows(runner: AppRunner, options: LiveCheckOptions, api: WebhookApi, url: string): Promise<Row[]> {
  const { platform, redactor } = options;
  const rows: Row[] = [];
  for (const event of platform.events) {
    const operation = `subscribe (${event.key})`;
    let subscribeData: unknown;
    rows.push(
      ...(await attempt(
        redactor,
        describeRequest(operation, api.subscribe),
        api.subscribe.source,
        async () => {
          const answer = await runner.run('triggers', 'new_platform_event', 'performSubscribe', { inputData: { event: event.key }, targetUrl: url });
          subscribeData = answer.result;
          redactor.json(answer.result);
          for (const subscription of (answer.result as { subscriptions?: { secret?: string; issuedSecret?: string }[] }).subscriptions ?? []) {
            redactor.add(subscription.secret);
            redactor.add(subscription.issuedSecret);
          }
          redactor.add((answer.result as { token?: string }).token);
          return answer;
        },
        (exchanges) => [...lookupRows(platform, api, `subscribe look-up (${event.key})`, exchanges), ...subscribeRows(platform, api, operation, exchanges)],
        runner,
      )),
    );
    if (subscribeData === undefined) continue;
    const removal = `unsubscribe (${event.key})`;
    rows.push(
      ...(await attempt(
        redactor,
        describeRequest(removal, api.unsubscribe),
        api.unsubscribe.source,
        () => runner.run('triggers', 'new_platform_event', 'performUnsubscribe', { inputData: { event: event.key }, subscribeData }),
        // Where unsubscribe looks first (one-per-event vendors), the look-up now lists ours: its fields get checked.
        (exchanges) => [...lookupRows(platform, api, `unsubscribe look-up (${event.key})`, exchanges), ...unsubscribeRows(platform, api, removal, exchanges)],
        runner,
      )),
    );
  }
  return rows;
}

/** Approve then deny (reversible) each record the user named, through the app's creates. */
async function writeRows(runner: AppRunner, options: LiveCheckOptions): Promise<Row[]> {
  const { platform, redactor } = options;
  const plans: [ActionKey, Record<string, string>][] = [];
  if (options.affiliate) plans.push(['approve_affiliate', { affiliate: options.affiliate }], ['deny_affiliate', { affiliate: options.affiliate }]);
  if (options.referral) plans.push(['approve_referral', { referral_id: options.referral }], ['deny_referral', { referral_id: options.referral }]);
  const rows: Row[] = [];
  for (const [key, inputData] of plans) {
    const spec = platform.actions[key];
    if (!isAction(spec)) {
      rows.push({ request: key, path: 'action', source: '(none)', verdict: 'unchecked', detail: `${platform.name} does not offer it` });
      continue;
    }
    const operation = `${key} action`;
    const kind = recordKindOf(spec.result.event);
    const checked = await attempt(
      redactor,
      describeRequest(operation, spec.request),
      spec.request.source,
      () => runner.run('creates', key, 'perform', { inputData }),
      (exchanges) => actionRows(platform, kind, spec.request, spec.result.resultPath, operation, exchanges),
      runner,
    );
    // An answer need not repeat every field (the app fills them from the inputs): only a present id is required of it.
    rows.push(...checked.map((row): Row => (row.verdict === 'absent' && row.path.startsWith(`${kind}.`) && !row.path.startsWith(`${kind}.id `) ? { ...row, verdict: 'unchecked', detail: 'not in the answer (the app assumes it from the inputs)' } : row)));
  }
  return rows;
}

/**
 * Runs the live check.
 * @returns every row, in the order the requests were made
 * @throws ConnectionTestFailed when the connection test fails (nothing else is checked)
 * @throws Error for misuse (a platform without webhooks API given `webhooks`); other vendor failures are rows
 */
export async function runLiveCheck(options: LiveCheckOptions): Promise<Row[]> {
  const runner = new AppRunner(options.authData);
  const rows = await readOnlyRows(runner, options);
  if (options.webhooks !== undefined) {
    const api = options.platform.webhooks;
    if (api.kind !== 'api') throw new Error(`${options.platform.name} registers webhooks only in its dashboard: --webhooks has nothing to subscribe through.`);
    rows.push(...(await webhookRows(runner, options, api, options.webhooks)));
  }
  if (options.write) rows.push(...(await writeRows(runner, options)));
  return rows;
}

/** The platform with this id. @throws Error naming the registered ids otherwise */
export function platformNamed(id: string): PlatformDefinition {
  const platform = findPlatform(id);
  if (!platform) throw new Error(`No platform "${id}". Registered: ${PLATFORMS.map((known) => known.id).join(', ')}.`);
  return platform;
}
