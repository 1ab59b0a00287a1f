/**
 * A fake vendor list for the polling simulations: records whose status and times a test scripts,
 * served through nock the way the platform's list data says the vendor serves them (page and limit
 * parameters, the date windows with their end, `sort` / `order`, the item array's place). A list
 * whose order is not documented is served oldest first, the order that hurts a poll most.
 *
 * It reads the platform's list data, so it checks the polling logic against Zapier's behaviour,
 * not the data against the vendor (that is the emulators' and the live check's job).
 */
import nock from 'nock';
import { findPlatform } from '../../platforms/registry';
import type { ListSpec, PlatformDefinition } from '../../platforms/types';
import type { RecordKind } from '../../platforms/records';

/** One record of the fake list. */
export interface FakeRecord {
  id: number;
  /** A normalized status; the item carries the platform's vendor value for it. */
  status: string;
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
}

/** How the platform's items carry what a poll reads. */
interface ItemShape {
  item(record: FakeRecord, vendorStatus: string): Record<string, unknown>;
}

const iso = (time: Date) => time.toISOString();

/** Item shapes per platform and kind, as each field map reads them (platforms/<id>/fields.ts). */
const SHAPES: Record<string, Partial<Record<RecordKind, ItemShape>>> = {
  uppromote: {
    referral: { item: (r, s) => ({ id: r.id, status: s, created_at: iso(r.createdAt) }) },
    affiliate: { item: (r, s) => ({ id: r.id, status: s, email: `a${r.id}@example.com`, created_at: iso(r.createdAt) }) },
  },
  rebus: {
    referral: { item: (r, s) => ({ id: r.id, status: { value: s, display: s }, created_date: iso(r.createdAt) }) },
    affiliate: { item: (r, s) => ({ id: r.id, status: { value: s, display: s }, join_date: iso(r.createdAt) }) },
  },
  tamio: {
    // `approved` true / false, null while pending [DOC].
    affiliate: { item: (r, s) => ({ id: `aff_${r.id}`, approved: s === 'true' ? true : s === 'false' ? false : null, date_joined: Math.floor(r.createdAt.getTime() / 1000) }) },
  },
  firstpromoter: {
    referral: { item: (r, s) => ({ id: r.id, status: s, created_at: iso(r.createdAt), status_updated_at: iso(r.statusChangedAt) }) },
    affiliate: { item: (r, s) => ({ id: r.id, email: `p${r.id}@example.com`, joined_at: iso(r.createdAt), promoter_campaigns: [{ id: r.id, state: s }] }) },
  },
  tolt: {
    referral: { item: (r, s) => ({ id: `comm_${r.id}`, status: s, amount: '100', currency: 'usd', created_at: iso(r.createdAt), updated_at: iso(r.updatedAt) }) },
    affiliate: { item: (r, s) => ({ id: `part_${r.id}`, status: s, email: `t${r.id}@example.com`, created_at: iso(r.createdAt), updated_at: iso(r.updatedAt) }) },
  },
  partnerstack: {
    // Cursor-paged by `starting_after` = an item's `key` [DOC]; times in epoch milliseconds.
    referral: { item: (r, s) => ({ key: `txn_${r.id}`, approved: s === 'true' ? true : s === 'false' ? false : null, amount: 100, created_at: r.createdAt.getTime() }) },
    affiliate: { item: (r) => ({ key: `part_${r.id}`, partner_key: `ptnr_${r.id}`, created_at: r.createdAt.getTime() }) },
  },
  rewardful: {
    referral: { item: (r, s) => ({ id: `c${r.id}`, state: s, amount: 100, currency: 'USD', created_at: iso(r.createdAt), updated_at: iso(r.updatedAt) }) },
    affiliate: { item: (r, s) => ({ id: `a${r.id}`, state: s, email: `r${r.id}@example.com`, created_at: iso(r.createdAt), updated_at: iso(r.updatedAt) }) },
  },
};

/** The platforms and kinds the simulation drives: every fake list, or those whose items carry a status the status triggers watch. */
export function simulatedLists(watch: 'created' | 'status'): [string, RecordKind][] {
  const all = Object.entries(SHAPES).flatMap(([id, kinds]) => Object.keys(kinds).map((kind) => [id, kind as RecordKind] as [string, RecordKind]));
  return all.filter(([id, kind]) => {
    const status = findPlatform(id)?.lists[kind]?.polling?.status;
    return watch === 'created' || (status !== undefined && 'field' in status);
  });
}

/** The first vendor value the platform's status table maps to a normalized status. */
function vendorValue(platform: PlatformDefinition, kind: RecordKind, status: string): string {
  const entry = Object.entries(platform.statuses[kind] ?? {}).find(([, normalized]) => normalized === status);
  if (!entry) throw new Error(`${platform.id} reports no ${kind} status ${status}`);
  return entry[0];
}

/** Up to three normalized statuses the platform reports for the kind, in a natural order. */
export function statusCycle(platform: PlatformDefinition, kind: RecordKind): [string, string, string] {
  const preferred = kind === 'referral' ? ['pending', 'approved', 'paid', 'denied'] : ['pending', 'active', 'inactive', 'denied', 'removed'];
  const reported = new Set<string>(Object.values(platform.statuses[kind] ?? {}));
  const cycle = preferred.filter((status) => reported.has(status));
  if (cycle.length < 3) throw new Error(`${platform.id} reports fewer than three ${kind} statuses`);
  return [cycle[0], cycle[1], cycle[2]];
}

function templateKey(list: ListSpec, placeholder: string): string | undefined {
  return Object.entries(list.request.query ?? {}).find(([, value]) => value === placeholder)?.[0];
}

/** Puts the items where the list's `itemsPath` reads them, inside the platform's success envelope. */
function body(platform: PlatformDefinition, list: ListSpec, items: unknown[]): unknown {
  if (list.itemsPath === '') return items;
  const root: Record<string, unknown> = {};
  const parts = list.itemsPath.split('.');
  let at = root;
  for (const part of parts.slice(0, -1)) at = (at[part] = {}) as Record<string, unknown>;
  at[parts[parts.length - 1]] = items;
  if (platform.envelope?.successPath) root[platform.envelope.successPath] = true;
  if (platform.envelope?.statusPath) root[platform.envelope.statusPath] = 200;
  return root;
}

/** Sets a dotted path in a JSON object, creating the objects on the way. */
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = root;
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1]] = value;
}

/** Whether a record's time passes a window parameter (`…after` is strict, other starts inclusive, a date compares by day). */
function inWindow(time: Date, value: string, end: boolean, strict: boolean): boolean {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = dateOnly ? iso(time).slice(0, 10) : iso(time).replace(/\.\d{3}Z$/, 'Z');
  if (end) return at <= value;
  return strict ? at > value : at >= value;
}

/** A fake list of one platform's records of one kind, served on nock until `stop`. */
export class FakeVendorList {
  readonly platform: PlatformDefinition;
  readonly list: ListSpec;
  readonly records: FakeRecord[] = [];
  /** Every request's query, in order. */
  readonly requests: Record<string, string>[] = [];
  private nextId = 1000;
  private readonly shape: ItemShape;

  constructor(
    platformId: string,
    readonly kind: RecordKind,
    private readonly now: () => Date,
  ) {
    const platform = findPlatform(platformId);
    const list = platform?.lists[kind];
    const shape = SHAPES[platformId]?.[kind];
    if (!platform || !list || !shape) throw new Error(`no fake list for ${platformId} ${kind}`);
    [this.platform, this.list, this.shape] = [platform, list, shape];
    const url = new URL(platform.baseUrl);
    nock(url.origin)
      .persist()
      .get(url.pathname + list.request.path)
      .query(true)
      .reply((uri) => [200, this.serve(Object.fromEntries(new URL(uri, url.origin).searchParams))]);
  }

  /** Adds a record created `ageSeconds` ago, in a status. */
  add(status: string, ageSeconds = 0): FakeRecord {
    const createdAt = new Date(this.now().getTime() - ageSeconds * 1000);
    const record = { id: (this.nextId += 1), status, createdAt, updatedAt: createdAt, statusChangedAt: createdAt };
    this.records.push(record);
    return record;
  }

  /** Changes a record's status now. */
  change(record: FakeRecord, status: string): void {
    Object.assign(record, { status, updatedAt: this.now(), statusChangedAt: this.now() });
  }

  /** Edits a record without changing its status (its update time moves). */
  touch(record: FakeRecord): void {
    record.updatedAt = this.now();
  }

  /** The id the normalized record carries (as the field map reads it). */
  idOf(record: FakeRecord): string {
    const item = this.shape.item(record, '');
    return String(item.partner_key ?? item.key ?? item.id);
  }

  private vendorStatus(record: FakeRecord): string {
    return this.platform.statuses[this.kind] ? vendorValue(this.platform, this.kind, record.status) : record.status;
  }

  private serve(query: Record<string, string>): unknown {
    this.requests.push(query);
    const polling = this.list.polling;
    let items = [...this.records];
    for (const filter of [polling?.createdSince, polling?.updatedSince]) {
      const value = filter && query[filter.param];
      if (!filter || value === undefined) continue;
      const timeOf = (record: FakeRecord) => (filter === polling?.updatedSince ? record.updatedAt : record.createdAt);
      items = items.filter((record) => inWindow(timeOf(record), value, false, filter.param.endsWith('after')));
      const until = filter.untilParam ? query[filter.untilParam] : undefined;
      if (until !== undefined) items = items.filter((record) => inWindow(timeOf(record), until, true, false));
    }
    const byUpdate = query.sort === 'updated_at';
    const descending = (query.order ?? (polling?.order === 'newest_first' ? 'desc' : 'asc')) === 'desc';
    items.sort((a, b) => {
      const [x, y] = byUpdate ? [a.updatedAt, b.updatedAt] : [a.createdAt, b.createdAt];
      const order = x.getTime() - y.getTime() || a.id - b.id;
      return descending ? -order : order;
    });
    const limitKey = templateKey(this.list, '{{limit}}');
    const pageKey = templateKey(this.list, '{{page}}');
    const limit = Number(limitKey ? query[limitKey] : 10);
    const page = Number(pageKey ? (query[pageKey] ?? 1) : 1);
    const cursor = polling?.cursor;
    const rendered = items.map((record) => this.shape.item(record, this.vendorStatus(record)));
    // A cursor list continues after the item (or the answer's cursor) named by its parameter.
    const after = cursor ? query[cursor.param] : undefined;
    const from = after === undefined ? (page - 1) * limit : rendered.findIndex((item) => String(cursor?.lastItemPath ? item[cursor.lastItemPath] : item.id) === after) + 1;
    const slice = rendered.slice(from, from + limit);
    const answer = body(this.platform, this.list, slice) as Record<string, unknown>;
    if (cursor) {
      const more = from + limit < rendered.length;
      setPath(answer, cursor.morePath, more);
      if (cursor.nextPath) setPath(answer, cursor.nextPath, more ? String(slice[slice.length - 1]?.id) : null);
    }
    return answer;
  }
}
