/**
 * The last step before a record runs the Zap (after dedupe.ts on the receive path, and on every
 * list-based trigger): what the record lacks for the merchant's next step (a Slack message, a CRM
 * contact, a sheet row) is fetched or supplied, so a field the editor offers is filled live
 * (DESIGN.md section 3, "records are usable in the next step without look-ups"; issue 23 items 9,
 * 10 and 12). The platform's data says what (`PlatformDefinition.supplements`, `gets`):
 * - a record missing a field its get returns (`fetchWhenEmpty`) is fetched by id, its empty fields filled;
 * - a referral or payout naming its affiliate only by id gets `affiliate_email` and `affiliate_name`
 *   from the affiliate's get (`gets.affiliate`);
 * - a field kept in a list of its own (`fieldLookups`, e.g. referral links) is read from it;
 * - money without a currency takes the connection's Shop Currency (`currencyFromConnection`);
 * - an affiliate with a full name only gets first and last names from it;
 * - every record gets `event_name`, its event in words.
 * One request per distinct object, at most MAX_LOOKUPS per run, in order (vendors' rate limits).
 * A look-up that fails never drops the record: it runs as it is, flagged under `raw`.
 */
import type { ZObject } from 'zapier-platform-core';
import { callPlatform } from '../platforms/api';
import { eventName } from '../platforms/event-name';
import { FLAGS_KEY, nameParts, normalizeRecord } from '../platforms/normalize';
import { withPayloadText, type ZapOutput } from '../platforms/payload-text';
import { getPath, isJsonObject } from '../platforms/paths';
import { recordKindOf, UNMAPPED_EVENT, type JsonObject, type NormalizedOutput, type RecordKind } from '../platforms/records';
import type { FieldLookup, PlatformDefinition, RequestSpec } from '../platforms/types';

/** Distinct look-up requests one run may make: a poll of 100 records must not spend a vendor's minute allowance. */
export const MAX_LOOKUPS = 20;

/** The connection field that carries the shop's currency (authentication.ts). */
export const SHOP_CURRENCY_KEY = 'shop_currency';

/** An ISO-4217 code as a person types it: three letters, any case. */
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** The money fields of the record kinds; a record with none of them needs no currency. */
const MONEY_FIELDS = ['sale_amount', 'commission_amount', 'amount'] as const;

/** One run's look-ups: answers shared by records naming the same object, and what is left of the budget. */
interface Run {
  z: ZObject;
  platform: PlatformDefinition;
  memo: Map<string, Promise<JsonObject>>;
  left: number;
  /** True for records read from a list: they are the API's objects already, so `fetchWhenEmpty` would fetch them again for nothing. */
  listed: boolean;
}

/** Where the records come from and how many look-ups they may cost (see `enrichOutputs`). */
export interface EnrichOptions {
  /** `delivery` (default): webhook deliveries, or test-step records cut to what a delivery carries; `list`: list items as the API returns them. */
  from?: 'delivery' | 'list';
  /** Distinct look-up requests this run may make; default MAX_LOOKUPS. A poll passes its share of the vendor's rate limit. */
  maxLookups?: number;
}

type Output = NormalizedOutput & Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The record kind of an output: its event's, or (an event without counterpart) its vendor event's record. */
function kindOf(platform: PlatformDefinition, output: Output): RecordKind | undefined {
  if (output.event !== UNMAPPED_EVENT) return recordKindOf(output.event);
  return platform.events.find((event) => event.key === output.vendor_event)?.record;
}

/** The record's own id: a status-change output's `id` also names the change, its `record_id` only the record. */
function recordIdOf(output: Output): string | undefined {
  return textOf(output.record_id) ?? textOf(output.id);
}

/**
 * The vendor object one request answers with, shared by every record of the run that names it.
 * @throws Error when the budget is spent, the vendor refuses (middleware) or the answer holds no object at `objectPath`
 */
function fetchObject(run: Run, request: RequestSpec, objectPath: string, scope: Record<string, string>): Promise<JsonObject> {
  const key = `${request.method} ${request.path} ${JSON.stringify(request.query ?? {})} ${JSON.stringify(scope)}`;
  const known = run.memo.get(key);
  if (known !== undefined) return known;
  if (run.left <= 0) return Promise.reject(new Error('more look-ups than one run may make within the rate limit'));
  run.left -= 1;
  const pending = callPlatform(run.z, run.platform, request, scope, { confirm: true }).then((response) => {
    const found = getPath(response.data, objectPath);
    // A get through a list filter (`?ids[]=`) answers an array: its first item is the object.
    const object = Array.isArray(found) ? found[0] : found;
    if (!isJsonObject(object)) throw new Error('the answer holds no object');
    return object;
  });
  run.memo.set(key, pending);
  return pending;
}

/** Fills the output's empty fields from `filled`, never overwriting what the delivery said. */
function fillEmpty(output: Output, filled: Record<string, unknown>, keys: readonly string[] = Object.keys(filled)): void {
  for (const key of keys) if (isEmpty(output[key]) && !isEmpty(filled[key])) output[key] = filled[key];
}

/** The record fetched by id where the delivery lacks a field its get returns (`fetchWhenEmpty`). */
async function completeRecord(run: Run, kind: RecordKind, output: Output): Promise<void> {
  const wanted: readonly string[] | undefined = run.platform.supplements?.fetchWhenEmpty?.[kind]?.fields;
  const get = run.platform.gets?.[kind];
  const id = recordIdOf(output);
  if (run.listed || !wanted || !get || id === undefined || get.notFor?.[output.vendor_event] !== undefined) return;
  if (!wanted.some((field) => isEmpty(output[field]))) return;
  const object = await fetchObject(run, get.request, get.objectPath, { id });
  // The fetched object is the API's, which the platform's field map describes; an event's overrides
  // describe its delivery's own shape (a diff, a membership) and what they read is already in the output.
  const fetched = normalizeRecord({ platform: run.platform, kind, event: output.event, vendorEvent: output.vendor_event }, object, output.raw);
  fillEmpty(output, fetched as Record<string, unknown>, Object.keys(fetched).filter((key) => key !== 'raw'));
}

/** The affiliate fields each record kind carries (a Payout has no affiliate name, DESIGN.md section 2). */
const AFFILIATE_FIELDS: Record<Exclude<RecordKind, 'affiliate'>, readonly ('affiliate_email' | 'affiliate_name')[]> = {
  referral: ['affiliate_email', 'affiliate_name'],
  payout: ['affiliate_email'],
};

/** `affiliate_email` (and a referral's `affiliate_name`) of a record that names its affiliate only by id. */
async function addAffiliate(run: Run, kind: Exclude<RecordKind, 'affiliate'>, output: Output): Promise<void> {
  const get = run.platform.gets?.affiliate;
  const id = textOf(output.affiliate_id) ?? textOf(output.partnership_key);
  const fields = AFFILIATE_FIELDS[kind];
  if (!get || id === undefined || fields.every((field) => !isEmpty(output[field]))) return;
  const object = await fetchObject(run, get.request, get.objectPath, { id });
  const affiliate = normalizeRecord({ platform: run.platform, kind: 'affiliate', event: UNMAPPED_EVENT, vendorEvent: output.vendor_event }, object, object);
  fillEmpty(output, { affiliate_email: affiliate.email, affiliate_name: affiliate.name }, fields);
}

/** Where a field look-up's object sits in the answer: the first item of a list, or the one object. */
function lookupObjectPath(lookup: FieldLookup): string {
  if (lookup.itemsPath === undefined) return lookup.objectPath ?? '';
  return lookup.itemsPath === '' ? '0' : `${lookup.itemsPath}.0`;
}

/** Fields kept in other objects (`fieldLookups`): the first item's, or the object's, value. */
async function lookUpFields(run: Run, kind: RecordKind, output: Output): Promise<void> {
  for (const lookup of run.platform.supplements?.fieldLookups ?? []) {
    const id = lookup.idFrom === undefined ? recordIdOf(output) : textOf(getPath(output.raw, lookup.idFrom));
    if (lookup.kind !== kind || id === undefined || !isEmpty(output[lookup.field])) continue;
    const item = await fetchObject(run, lookup.request, lookupObjectPath(lookup), { id, limit: '1' }).catch((error: unknown) => {
      // An affiliate without a link is an empty list, not a failure.
      if (error instanceof Error && error.message === 'the answer holds no object') return undefined;
      throw error;
    });
    const value = textOf(getPath(item, lookup.valuePath));
    if (value !== undefined) output[lookup.field] = value;
  }
}

/** The connection's Shop Currency on money that names none, where the platform's objects never do. */
function addCurrency(platform: PlatformDefinition, kind: RecordKind, output: Output, shopCurrency: unknown): void {
  if (!isEmpty(output.currency) || !platform.supplements?.currencyFromConnection?.kinds.includes(kind)) return;
  if (typeof shopCurrency !== 'string' || !CURRENCY_CODE.test(shopCurrency.trim())) return;
  if (MONEY_FIELDS.some((field) => output[field] !== undefined)) output.currency = shopCurrency.trim().toUpperCase();
}

/** A failure's reason in words: Zapier's errors carry their message as JSON (`{"message": …, "code": …}`). */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed) && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: the message as it is.
  }
  return text;
}

/** The flags a record's `raw` already carries. */
function flagsOf(raw: JsonObject): string[] {
  const flags = raw[FLAGS_KEY];
  return Array.isArray(flags) ? flags.filter((flag): flag is string => typeof flag === 'string') : [];
}

async function enrichOne(run: Run, output: Output, shopCurrency: unknown): Promise<NormalizedOutput> {
  const kind = kindOf(run.platform, output);
  const named: Output = { ...output, event_name: eventName(run.platform, output.event, output.vendor_event) };
  if (kind === undefined) return named;
  const enriched: Output = named;
  const steps = [() => completeRecord(run, kind, enriched), ...(kind === 'affiliate' ? [] : [() => addAffiliate(run, kind, enriched)]), () => lookUpFields(run, kind, enriched)];
  const failures: string[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(reasonOf(error));
    }
  }
  addCurrency(run.platform, kind, enriched, shopCurrency);
  // A CRM wants first and last names: split a full name where the platform gives only that.
  if (kind === 'affiliate' && typeof enriched.name === 'string' && isEmpty(enriched.first_name) && isEmpty(enriched.last_name)) Object.assign(enriched, nameParts(enriched.name));
  if (failures.length === 0) return enriched;
  run.z.console.log(`Affiliate Hub could not fetch part of a ${kind} from ${run.platform.name}: ${failures.join('; ')}`);
  const flag = `fetching what the ${kind} lacks from ${run.platform.name} failed (${failures.join('; ')}); fields read from it are empty`;
  return { ...enriched, raw: { ...enriched.raw, [FLAGS_KEY]: [...flagsOf(enriched.raw), flag] } };
}

/**
 * The outputs with what they lack for the next step fetched or supplied (see the file comment).
 * @param authData the connection: its Shop Currency fills `currency` where the platform's data says so
 * @param options where the records come from and the look-up budget (`EnrichOptions`)
 * @returns new objects in the same order, `raw` as JSON text (platforms/payload-text.ts: this is where
 *   a trigger's records leave the app); a record whose look-up failed is flagged under `raw`, never dropped
 */
export async function enrichOutputs(
  z: ZObject,
  platform: PlatformDefinition,
  outputs: readonly NormalizedOutput[],
  authData: Record<string, unknown> | undefined,
  options: EnrichOptions = {},
): Promise<ZapOutput[]> {
  const run: Run = { z, platform, memo: new Map(), left: options.maxLookups ?? MAX_LOOKUPS, listed: options.from === 'list' };
  const enriched: ZapOutput[] = [];
  // One at a time: a vendor's rate limit counts the look-ups of a burst.
  for (const output of outputs) enriched.push(withPayloadText(await enrichOne(run, output as Output, authData?.[SHOP_CURRENCY_KEY])));
  return enriched;
}
