/** The Make "Watch … (polling)" modules generated from the polling trigger specs and the lists' polling data. */
import { generateApp } from '../../make/generate/app';
import { findPlatform } from '../../platforms/registry';

type Communication = { url: string; qs?: Record<string, unknown>; pagination?: { qs: Record<string, string>; condition: string }; response: { limit: string; trigger: { type: string; order: string; id: string; date: string } } };

function appOf(id: string) {
  const platform = findPlatform(id);
  if (!platform) throw new Error(`no platform ${id}`);
  return generateApp(platform);
}

function communication(id: string, module: string): Communication {
  return appOf(id).files.get(`modules/${module}/${module}.communication.iml.json`) as unknown as Communication;
}

describe('Make polling triggers', () => {
  it("reads UpPromote's list with the last day's window and lets Make track items by date", () => {
    const request = communication('uppromote', 'watchNewReferralsPolling');
    expect(request.url).toBe('/referrals');
    expect(request.qs).toMatchObject({ from_date: "{{formatDate(addDays(now, -1), 'YYYY-MM-DDTHH:mm:ss[Z]', 'UTC')}}", to_date: "{{formatDate(now, 'YYYY-MM-DDTHH:mm:ss[Z]', 'UTC')}}" });
    expect(request.response.trigger).toMatchObject({ type: 'date', order: 'unordered' });
    expect(request.response.trigger.date).toMatch(/^\{\{.*item\.created_at.*\}\}$/);
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
    expect(upPromote.pagination).toEqual({ qs: { page: '{{pagination.page}}' }, condition: '{{length(body.data) >= 100}}' });
    const tolt = communication('tolt', 'watchNewAffiliatesPolling');
    expect(tolt.pagination).toEqual({ qs: { starting_after: '{{body.next_cursor}}' }, condition: '{{body.has_more}}' });
    const limit = (id: string, module: string) =>
      (appOf(id).files.get(`modules/${module}/${module}.params.iml.json`) as unknown as { name: string; validate: { max: number } }[]).find((param) => param.name === 'limit');
    // Make's guidance: 300 at most; Tamio's pages hold 50 and its rate limit is unknown (6 pages a poll), so 3 pages.
    expect(limit('uppromote', 'watchNewReferralsPolling')?.validate.max).toBe(300);
    expect(limit('tamio', 'watchNewAffiliatesPolling')?.validate.max).toBe(150);
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
