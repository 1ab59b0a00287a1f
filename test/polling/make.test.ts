/** The Make "Watch … (polling)" modules generated from the polling trigger specs and the lists' polling data. */
import { z as zod } from 'zod';
import { generateApp } from '../../make/generate/app';
import { findPlatform } from '../../platforms/registry';
import { jsonAs } from '../helpers/json-as';
import { evaluateTemplate } from '../make/iml-evaluator';

/** The parts of a polling module's `communication.iml.json` these tests read; other keys are kept, since some are compared whole. */
const communicationSchema = zod.looseObject({
  url: zod.string(),
  qs: zod.record(zod.string(), zod.unknown()),
  pagination: zod.looseObject({ qs: zod.record(zod.string(), zod.string()), condition: zod.string() }).optional(),
  response: zod.looseObject({ limit: zod.string(), trigger: zod.looseObject({ type: zod.string(), order: zod.string(), id: zod.string(), date: zod.string() }) }),
});

/** A module's `epoch.iml.json` ("Choose where to start"), as far as these tests read it. */
const epochSchema = zod.looseObject({ qs: zod.record(zod.string(), zod.string()).optional(), response: zod.looseObject({ limit: zod.number() }) });

/** A module's `params.iml.json`: its static parameters (not each validated), of which these tests read the limit's bound. */
const paramsSchema = zod.array(zod.looseObject({ name: zod.string(), validate: zod.looseObject({ max: zod.number() }).optional() }));

function appOf(id: string) {
  const platform = findPlatform(id);
  if (!platform) throw new Error(`no platform ${id}`);
  return generateApp(platform);
}

function communication(id: string, module: string) {
  const path = `modules/${module}/${module}.communication.iml.json`;
  return jsonAs(communicationSchema, appOf(id).files.get(path), `${id} ${path}`);
}

function epoch(id: string, module: string) {
  const path = `modules/${module}/${module}.epoch.iml.json`;
  return jsonAs(epochSchema, appOf(id).files.get(path), `${id} ${path}`);
}

describe('Make polling triggers', () => {
  it("reads UpPromote's list from where Make's last run stopped, with the window's end, and no window without a date", () => {
    const request = communication('uppromote', 'watchNewReferralsPolling');
    expect(request.url).toBe('/referrals');
    const now = new Date('2026-03-05T12:00:00.250Z');
    const query = (lastDate?: Date) => evaluateTemplate(request.qs, { data: { lastDate }, now, parameters: {} }) as Record<string, unknown>;
    // One second before the last processed item (a strict "after" loses nothing), to now.
    expect(query(new Date('2026-03-02T09:00:00.500Z'))).toMatchObject({ from_date: '2026-03-02T08:59:59Z', to_date: '2026-03-05T12:00:00Z' });
    // No date from Make: neither parameter (UpPromote refuses from_date without to_date).
    expect(query()).toMatchObject({ from_date: undefined, to_date: undefined });
    expect(request.response.trigger).toMatchObject({ type: 'date', order: 'unordered' });
    expect(request.response.trigger.date).toMatch(/^\{\{.*item\.created_at.*\}\}$/);
  });

  it('reads a forward window oldest first (Tolt), while "Choose where to start" lists the newest', () => {
    const request = communication('tolt', 'watchNewAffiliatesPolling');
    expect(request.qs).toMatchObject({ sort: 'created_at', order: 'asc' });
    expect(request.response.trigger.order).toBe('asc');
    expect(epoch('tolt', 'watchNewAffiliatesPolling').qs).toEqual({ sort: 'created_at', order: 'desc', created_after: '{{undefined}}' });
  });

  it('keeps the newest-first order where it is documented, without a window, and parses epoch times', () => {
    const request = communication('tamio', 'watchNewAffiliatesPolling');
    expect(request.qs).not.toHaveProperty('from');
    expect(request.response.trigger).toMatchObject({ type: 'date', order: 'desc' });
    // Tamio's unix seconds become a date Make can compare (make/generate/iml.ts timeExpression).
    expect(request.response.trigger.date).toMatch(/^\{\{parseDate\(toString\(item\.date_joined\)/);
  });

  it('reads further pages while they are full, by page number or by the answer\'s cursor, up to a limit the rate limit allows', () => {
    const upPromote = communication('uppromote', 'watchNewReferralsPolling');
    // Pages 1 to 10: UpPromote's 120 a minute, a tenth of it a run (platforms/polling-budget.ts).
    expect(upPromote.pagination).toEqual({ qs: { page: '{{pagination.page}}' }, condition: '{{pagination.page <= 10 && (length(body.data) >= 100)}}' });
    const tolt = communication('tolt', 'watchNewAffiliatesPolling');
    expect(tolt.pagination).toEqual({ qs: { starting_after: '{{body.next_cursor}}' }, condition: '{{pagination.page <= 10 && (body.has_more)}}' });
    const limit = (id: string, module: string) =>
      jsonAs(paramsSchema, appOf(id).files.get(`modules/${module}/${module}.params.iml.json`), `${id} ${module}.params.iml.json`).find((param) => param.name === 'limit');
    // Make's guidance: 300 at most; Tamio's pages hold 50 and its rate limit is unknown (6 pages a run); its epoch lists 3 pages.
    expect(limit('uppromote', 'watchNewReferralsPolling')?.validate?.max).toBe(300);
    expect(limit('tamio', 'watchNewAffiliatesPolling')?.validate?.max).toBe(300);
    expect(limit('rebus', 'watchNewReferralsPolling')?.validate?.max).toBe(300);
    const epochLimit = epoch('tamio', 'watchNewAffiliatesPolling').response.limit;
    expect(epochLimit).toBe(150);
  });

  it('generates a module per list, none for status changes or missing lists, and logs why', () => {
    const tamio = appOf('tamio');
    const names = tamio.modules.map((module) => module.name);
    expect(names).toEqual(expect.arrayContaining(['watchNewAffiliatesPolling', 'watchNewPayoutsPolling']));
    expect(names).not.toContain('watchNewReferralsPolling');
    expect(tamio.modules.find((module) => module.name === 'watchNewPayoutsPolling')?.type).toBe('trigger');
    expect(tamio.issues.some((issue) => issue.component === 'module referralStatusPolling' && /remembers only the last item it processed, not each/.test(issue.message))).toBe(true);
    expect(appOf('viralref').modules.some((module) => module.name.endsWith('Polling'))).toBe(false);
  });
});
