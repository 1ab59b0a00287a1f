/**
 * Issue 7 on Make: instant trigger modules re-fetch the object a webhook names where the platform
 * has a get-by-id for the record kind (`PlatformDefinition.gets`), and output the record built
 * from the vendor's answer; events a get cannot serve pass on as received; everything else keeps
 * an empty module communication. Checked on the generated files, in memory.
 */
import { generateApp, type GeneratedApp } from '../../make/generate/app';
import { MAKE_TRIGGERS } from '../../make/generate/triggers';
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformDefinition, PlatformId } from '../../platforms/types';
import { selectVendorEvents } from '../../fields/event-selection';
import { evaluateIml, evaluateTemplate } from './iml-evaluator';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const apps = new Map<PlatformId, GeneratedApp>(PLATFORMS.map((platform) => [platform.id, generateApp(platform)]));

function appOf(id: PlatformId): GeneratedApp {
  const app = apps.get(id);
  if (!app) throw new Error(`no app for ${id}`);
  return app;
}

function platformOf(id: PlatformId): PlatformDefinition {
  const platform = PLATFORMS.find((item) => item.id === id);
  if (!platform) throw new Error(`no platform ${id}`);
  return platform;
}

function file(app: GeneratedApp, path: string): JsonObject {
  const content = app.files.get(path);
  if (content === undefined || typeof content === 'string' || content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new Error(`${path}: not a JSON object in ${app.platform}`);
  }
  return content as JsonObject;
}

function communication(app: GeneratedApp, module: string): JsonObject {
  return file(app, `modules/${module}/${module}.communication.iml.json`);
}

function components(app: GeneratedApp, type: 'module' | 'webhook'): Record<string, JsonObject> {
  const all = file(app, 'makecomapp.json').components as JsonObject;
  return all[type] as Record<string, JsonObject>;
}

function response(comm: JsonObject): JsonObject {
  return comm.response as JsonObject;
}

describe('which trigger modules re-fetch, from the platform data', () => {
  const cases = PLATFORMS.flatMap((platform) =>
    MAKE_TRIGGERS.filter((trigger) => trigger.events !== 'chosen' && trigger.record).flatMap((trigger) => {
      if (trigger.events === 'chosen' || !trigger.record) return [];
      const events = selectVendorEvents(platform, trigger.events);
      if (events.length === 0) return [];
      const get = platform.gets?.[trigger.record];
      const fetched = get ? events.filter((event) => !get.notFor?.[event.key]) : [];
      return [[platform.id, trigger.name, fetched.length > 0] as const];
    }),
  );

  it.each(cases)('%s %s re-fetches: %s', (id, name, fetches) => {
    const comm = communication(appOf(id), name);
    expect(Object.keys(comm).length > 0).toBe(fetches);
    const connection = components(appOf(id), 'module')[name].connection;
    // A module that calls the API binds the connection, and so does its webhook (even a dashboard one).
    if (fetches) {
      expect(connection).toBe(id);
      expect(components(appOf(id), 'webhook')[`${name}Webhook`].connection).toBe(id);
    }
  });

  it.each(PLATFORMS.map((platform) => [platform.id]))('%s Watch Platform Events is not re-fetched', (id) => {
    expect(communication(appOf(id), 'watchPlatformEvents')).toEqual({});
  });

  it('platforms without gets keep dashboard webhooks free of a connection (ViralRef)', () => {
    for (const webhook of Object.values(components(appOf('viralref'), 'webhook'))) expect(webhook.connection).toBeNull();
    expect(appOf('viralref').issues).toEqual(expect.arrayContaining([expect.objectContaining({ component: 'security', message: expect.stringContaining('every event passes on as sent') })]));
  });
});

describe('UpPromote', () => {
  const app = appOf('uppromote');
  const webhookOutput = (name: string) => file(app, `webhooks/${name}Webhook/${name}Webhook.communication.iml.json`).output as JsonObject;

  it('Watch New Referrals fetches GET /referrals/{id} by the webhook record id and keeps the delivery under raw', () => {
    const comm = communication(app, 'watchNewReferrals');
    expect(comm).toMatchObject({ url: '/referrals/{{payload.id}}', method: 'GET' });
    const output = response(comm).output as JsonObject;
    expect(output).toMatchObject({ platform: 'uppromote', id: '{{payload.id}}', event: '{{payload.event}}', vendor_event: '{{payload.vendor_event}}', raw: '{{payload.raw}}' });
    // Read from the fetched object (or its first item when UpPromote wraps it in an array).
    expect(output.order_id).toBe("{{get(ifempty(get(body.data, '1'), body.data), 'order_id')}}");
  });

  it('uses no response.iterate, which Make does not allow on instant triggers', () => {
    for (const platform of PLATFORMS) {
      for (const [name, meta] of Object.entries(components(appOf(platform.id), 'module'))) {
        if (meta.moduleType !== 'instant_trigger') continue;
        const comm = communication(appOf(platform.id), name);
        expect([platform.id, name, (comm.response as JsonObject | undefined)?.iterate, comm.pagination]).toEqual([platform.id, name, undefined, undefined]);
      }
    }
  });

  it('a 404 is a DataError naming the id, not a record', () => {
    const error = response(communication(app, 'watchNewReferrals')).error as JsonObject;
    expect(error['404']).toEqual({ type: 'DataError', message: expect.stringContaining('UpPromote has no referral "{{payload.id}}"') });
    expect(error['401']).toMatchObject({ type: 'InvalidAccessTokenError' });
  });

  it('confirmed is true only for the object the event names, in the status it announces', () => {
    const comm = communication(app, 'watchReferralStatusChanges');
    const output = response(comm).output as JsonObject;
    const payload = { ...evaluateTemplate(webhookOutput('watchReferralStatusChanges'), { body: { referral_id: 17, previous_status: 'pending', current_status: 'approved' }, query: {}, headers: {}, parameters: {} }) as JsonObject };
    expect(payload).toMatchObject({ id: 17, status: 'approved' });
    const run = (data: JsonObject) => evaluateTemplate(output, { payload, body: { data }, statusCode: 200, parameters: {} }) as JsonObject;
    expect(run({ id: 17, status: 'approved', order_id: 'o-1' })).toMatchObject({ id: 17, confirmed: true, order_id: 'o-1', status: 'approved' });
    expect(run({ id: 17, status: 'pending' }).confirmed).toBe(false);
    expect(run({ id: 18, status: 'approved' }).confirmed).toBe(false);
    // New Referral announces no status, so only the id is compared.
    expect(JSON.stringify(response(communication(app, 'watchNewReferrals')).output)).not.toContain('payload.status');
    expect(output.previous_status).toBeUndefined();
  });

  it('makes no request for an id that is not one URL segment, and passes the record on unconfirmed', () => {
    const comm = communication(app, 'watchNewReferrals');
    const condition = comm.condition as JsonObject;
    const fetches = (id: unknown) => evaluateIml(String(condition.condition).slice(2, -2), { payload: { id } });
    expect([fetches(1781959), fetches('abc-1')]).toEqual([true, true]);
    expect(['..', '.', '', '1/../webhooks', '1?x=2', 'a b'].map(fetches)).toEqual([false, false, false, false, false, false]);
    expect(condition.default).toMatchObject({ id: '{{payload.id}}', raw: '{{payload.raw}}', confirmed: false });
  });

  it('Watch Paid Payouts fetches GET /payments/{id} and checks the status', () => {
    const comm = communication(app, 'watchPaidPayouts');
    expect(comm.url).toBe('/payments/{{payload.id}}');
    expect((response(comm).output as JsonObject).confirmed).toContain('== payload.status');
  });

  it('the module description and the readme say what confirmed means', () => {
    expect(components(app, 'module').watchNewReferrals.description).toContain('"Confirmed by the API"');
    const readme = app.files.get('README.md');
    expect(readme).toEqual(expect.stringContaining('Watch new referrals: the referral is fetched again by the id the event names (GET /referrals/{id})'));
    expect(readme).toEqual(expect.stringContaining('an instant trigger cannot drop one'));
    expect(readme).toEqual(expect.stringContaining('`previous_status` is not output'));
  });
});

describe('Tamio (dashboard webhooks)', () => {
  const app = appOf('tamio');

  it('Watch New Affiliates fetches GET /affiliates/retrieve/{uuid} and reads `affiliate`', () => {
    const comm = communication(app, 'watchNewAffiliates');
    expect(comm.url).toBe('/affiliates/retrieve/{{payload.id}}');
    expect((response(comm).output as JsonObject).email).toBe("{{get(ifempty(get(body.affiliate, '1'), body.affiliate), 'email')}}");
  });

  it('Watch Affiliate Status Changes re-fetches approved / declined and passes affiliate-removed on as received', () => {
    const comm = communication(app, 'watchAffiliateStatusChanges');
    const condition = comm.condition as JsonObject;
    expect(condition.condition).toMatch(/^\{\{\(payload\.vendor_event == 'affiliate-approved' \|\| payload\.vendor_event == 'affiliate-declined'\) && /);
    expect(condition.default).toMatchObject({ id: '{{payload.id}}', confirmed: false });
    expect(app.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ component: 'security', severity: 'warning', message: expect.stringContaining('affiliate-removed is passed on as sent, with "Confirmed by the API" false') })]),
    );
  });

  it('the webhook of a re-fetching trigger binds the connection; Watch Platform Events does not', () => {
    const webhooks = components(app, 'webhook');
    expect(webhooks.watchNewAffiliatesWebhook.connection).toBe('tamio');
    expect(webhooks.watchPlatformEventsWebhook.connection).toBeNull();
    // The webhook's own communication still reads no connection (Make gives it none).
    expect(JSON.stringify(file(app, 'webhooks/watchNewAffiliatesWebhook/watchNewAffiliatesWebhook.communication.iml.json'))).not.toContain('connection.');
  });
});

describe('PartnerStack', () => {
  const app = appOf('partnerstack');

  it('Watch New Affiliates fetches GET /partnerships/{partner_key}', () => {
    expect(platformOf('partnerstack').fields.affiliate?.id).toEqual({ path: ['partner_key', 'key', 'id'] });
    expect(communication(app, 'watchNewAffiliates')).toMatchObject({ url: '/partnerships/{{payload.id}}', method: 'GET' });
  });

  it('application decisions have no get, so Watch Affiliate Status Changes passes them on as received', () => {
    expect(communication(app, 'watchAffiliateStatusChanges')).toEqual({});
    expect(app.issues.filter((issue) => issue.component === 'security' && issue.message.includes('passed on as sent'))).toHaveLength(2);
  });
});
