/**
 * A simulation of Make's polling trigger running a generated "Watch new … (polling)" module against a
 * fake vendor list (test/polling/fake-vendor-list.ts, served through nock), so scripted histories
 * can show what a scenario sees. The module's IML runs in the evaluator (iml-evaluator.ts).
 *
 * What Make does, as this simulation does it (Make's trigger documentation and its polling-trigger
 * guide; the internals marked [INF] are from that guide, not Make's public reference):
 * - a `date` trigger keeps the last processed item's date (`data.lastDate`, given to the request) and
 *   the ids processed at that date [INF]; "Choose where to start" sets the first date;
 * - a run requests the first page, then evaluates the pagination `condition` after each answer with
 *   `pagination.page` at the page just read and again at the next, and asks for the next page only
 *   when both hold [INF];
 * - it keeps the items dated after `lastDate` (or at it, not yet processed), sorts them by date and
 *   id, processes the oldest `limit` and remembers the last one processed. Make's own early stop at
 *   the last processed item of a `desc` list is not simulated: it would only read fewer pages.
 */
import { z as zod } from 'zod';
import { generateApp } from '../../make/generate/app';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { jsonAs } from '../helpers/json-as';
import { evaluateIml, evaluateTemplate } from './iml-evaluator';

type Json = Record<string, unknown>;

const jsonObject = zod.record(zod.string(), zod.unknown());

/** The parts of a module's `communication.iml.json` the simulation runs (other keys kept, unread). */
const communicationSchema = zod.looseObject({
  url: zod.string(),
  qs: jsonObject.optional(),
  pagination: zod.looseObject({ qs: jsonObject, condition: zod.string() }).optional(),
  response: zod.looseObject({
    iterate: zod.string(),
    output: jsonObject,
    trigger: zod.looseObject({ id: zod.string(), date: zod.string(), order: zod.string() }),
  }),
});

type Communication = zod.infer<typeof communicationSchema>;

/** A module's `params.iml.json`: its static parameters, of which the simulation reads the limit's bounds. */
const paramsSchema = zod.array(zod.looseObject({ name: zod.string(), validate: zod.object({ min: zod.number(), max: zod.number() }).optional() }));

/** Make's trigger state of one scenario's module. */
export interface MakeTriggerState {
  lastDate?: Date;
  sameDateIds: string[];
}

/** What one run did. */
export interface MakeRun {
  /** The processed items' outputs, oldest first (Make's order of bundles). */
  outputs: Json[];
  /** Requests made to the vendor. */
  requests: number;
}

const inner = (template: string) => template.replace(/^\{\{|\}\}$/g, '');

/** A generated polling module, run as Make runs it, with a state that persists between runs. */
export class SimulatedMakeTrigger {
  readonly platform: PlatformDefinition;
  readonly communication: Communication;
  /** The module's static parameters (its limit's bounds). */
  readonly limitBounds: { min: number; max: number };
  state: MakeTriggerState = { sameDateIds: [] };

  constructor(
    platformId: string,
    readonly module: string,
    private readonly now: () => Date,
  ) {
    const platform = findPlatform(platformId);
    if (!platform) throw new Error(`no platform ${platformId}`);
    this.platform = platform;
    const files = generateApp(platform).files;
    const communication = files.get(`modules/${module}/${module}.communication.iml.json`);
    if (!communication) throw new Error(`no module ${module} in ${platformId}'s Make app`);
    this.communication = jsonAs(communicationSchema, communication, `${module}.communication.iml.json`);
    const params = jsonAs(paramsSchema, files.get(`modules/${module}/${module}.params.iml.json`), `${module}.params.iml.json`);
    this.limitBounds = params.find((param) => param.name === 'limit')?.validate ?? { min: 1, max: 1 };
  }

  /** "Choose where to start": From now on, Since specific date, or All (1970-01-01). */
  start(date: Date): void {
    this.state = { lastDate: date, sameDateIds: [] };
  }

  /** The first page's query, as Make sends it (parameters without a value left out). */
  query(limit: number): URLSearchParams {
    return this.search(evaluateTemplate(this.communication.qs ?? {}, this.scope(limit)) as Json);
  }

  /** One scheduled run. */
  async run(limit: number): Promise<MakeRun> {
    const { response, pagination } = this.communication;
    let query = this.query(limit);
    const items: unknown[] = [];
    let requests = 0;
    for (let page = 1; ; page += 1) {
      requests += 1;
      const body = await this.fetch(query);
      items.push(...((evaluateIml(inner(response.iterate), { body }) as unknown[] | undefined) ?? []));
      if (!pagination) break;
      const scope = (at: number) => ({ ...this.scope(limit), body, pagination: { page: at } });
      // Evaluated after the answer and again before the next request, with the next page's number.
      if (!evaluateIml(inner(pagination.condition), scope(page)) || !evaluateIml(inner(pagination.condition), scope(page + 1))) break;
      const next = evaluateTemplate(pagination.qs, scope(page + 1)) as Json;
      query = this.search({ ...Object.fromEntries(query), ...next });
    }
    return { outputs: this.process(items, limit), requests };
  }

  /** Make's decision: items after the state, oldest first, at most `limit`; the state moves to the last processed. */
  private process(items: unknown[], limit: number): Json[] {
    const { trigger, output } = this.communication.response;
    const { lastDate, sameDateIds } = this.state;
    const seen = new Set<string>();
    const fresh = items
      .map((item) => ({ id: String(evaluateTemplate(trigger.id, { item })), date: evaluateTemplate(trigger.date, { item }) as Date, item }))
      .filter((entry) => {
        if (seen.has(entry.id)) return false;
        seen.add(entry.id);
        if (lastDate === undefined) return true;
        const [at, last] = [entry.date.getTime(), lastDate.getTime()];
        return at > last || (at === last && !sameDateIds.includes(entry.id));
      })
      .sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
    const last = fresh[fresh.length - 1];
    if (last) {
      const sameDate = fresh.filter((entry) => entry.date.getTime() === last.date.getTime()).map((entry) => entry.id);
      const kept = lastDate?.getTime() === last.date.getTime() ? sameDateIds : [];
      this.state = { lastDate: last.date, sameDateIds: [...kept, ...sameDate] };
    }
    return fresh.map((entry) => evaluateTemplate(output, { item: entry.item, ...this.scope(limit) }) as Json);
  }

  private scope(limit: number) {
    return { parameters: { limit }, data: { lastDate: this.state.lastDate }, now: this.now(), connection: {}, temp: {} };
  }

  /** Make's query string: undefined values left out, arrays repeated. */
  private search(values: Json): URLSearchParams {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
    }
    return search;
  }

  private async fetch(query: URLSearchParams): Promise<unknown> {
    // A fixed query list (Rewardful's `expand[]`) is already in the module's URL.
    const url = this.communication.url;
    const answer = await fetch(`${this.platform.baseUrl}${url}${url.includes('?') ? '&' : '?'}${query.toString()}`);
    if (!answer.ok) throw new Error(`${this.platform.id} answered ${answer.status}`);
    return answer.json();
  }
}
