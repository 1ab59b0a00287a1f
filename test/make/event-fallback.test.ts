/**
 * FirstPromoter's Make app follows the Zapier side's event fallback (issue 25 item 1, issue 26): its
 * status event names are documented only since 2026-06-01, so attach tries them and, when the
 * account refuses them (400 or 422), subscribes the `*.updated` event instead; the webhook then passes
 * on only updates whose `changes` hold the status a refused event names, as that event. The attach
 * chain runs over HTTP (nock), its IML evaluated by test/make/iml-evaluator.ts as Make would.
 */
import nock from 'nock';
import { generateApp, type GeneratedApp } from '../../make/generate/app';
import { findPlatform, PLATFORMS } from '../../platforms/registry';
import commissionUpdated from '../../workshops/firstpromoter/fixtures/commission.updated.json';
import commissionApproved from '../../workshops/firstpromoter/fixtures/commission.approved.json';
import { evaluateTemplate } from './iml-evaluator';

type Value = Parameters<typeof evaluateTemplate>[1][string];
type JsonObject = Record<string, Value>;

const firstpromoter = findPlatform('firstpromoter');
if (firstpromoter === undefined) throw new Error('no firstpromoter');
const app = generateApp(firstpromoter);
const connection = { api_key: 'fp_key_1', account_id: 'acc_1' };
const webhook = { url: 'https://hook.eu1.make.com/abc123' };

function file(generated: GeneratedApp, path: string): Value {
  const content = generated.files.get(path);
  if (content === undefined) throw new Error(`${path}: missing`);
  return content as Value;
}

function webhookFile(name: string, part: 'attach' | 'communication'): Value {
  return file(app, `webhooks/${name}Webhook/${name}Webhook.${part}.iml.json`);
}

/**
 * Runs an attach chain as Make does: each request whose `condition` holds, its `valid` deciding
 * whether the answer is an error, its `temp` kept for the next ones, its `data` saved.
 * @returns what attach saved for detach
 */
async function runAttach(requests: JsonObject[]): Promise<JsonObject> {
  const base = file(app, 'general/base.iml.json') as JsonObject;
  let temp: JsonObject = {};
  let saved: JsonObject = {};
  for (const request of requests) {
    const scope = { connection, webhook, temp };
    if (request.condition !== undefined && !evaluateTemplate(request.condition, scope)) continue;
    const url = `${String(evaluateTemplate(base.baseUrl, scope))}${String(evaluateTemplate(request.url, scope))}`;
    const headers = { ...(evaluateTemplate(base.headers, scope) as Record<string, string>), 'Content-Type': 'application/json' };
    const answer = await fetch(url, { method: String(request.method), headers, body: JSON.stringify(evaluateTemplate(request.body, scope)) });
    const answered = { ...scope, statusCode: answer.status, body: (await answer.json()) as Value };
    const response = request.response as JsonObject;
    const valid = response.valid === undefined ? answer.status < 400 : Boolean(evaluateTemplate(response.valid, answered));
    if (!valid) throw new Error(`attach failed with HTTP ${answer.status}`);
    temp = { ...temp, ...((evaluateTemplate(response.temp ?? {}, answered) as JsonObject) ?? {}) };
    saved = { ...saved, ...((evaluateTemplate(response.data ?? {}, answered) as JsonObject) ?? {}) };
  }
  return saved;
}

/** What the webhook does with a delivery: `undefined` when its condition drops it, else its output. */
function receive(name: string, body: Value): JsonObject | undefined {
  const communication = webhookFile(name, 'communication') as JsonObject;
  const scope = { body, query: {}, headers: {}, parameters: {} };
  if (!evaluateTemplate(communication.condition, scope)) return undefined;
  return evaluateTemplate(communication.output, scope) as JsonObject;
}

const subscribed = (events: string[]) => (body: { event_types?: unknown; url?: unknown }) => JSON.stringify(body.event_types) === JSON.stringify(events) && body.url === webhook.url;
const api = () => nock('https://api.firstpromoter.com', { reqheaders: { authorization: 'Bearer fp_key_1', 'account-id': 'acc_1' } });

afterEach(() => nock.cleanAll());

describe('FirstPromoter Make attach: the status event names, else the *.updated stand-ins', () => {
  it('subscribes the status events when the account takes them, and makes no second call', async () => {
    const scope = api().post('/api/v2/company/webhooks', subscribed(['commission.approved', 'commission.denied'])).reply(201, { id: 71 });
    const saved = await runAttach(webhookFile('watchReferralStatusChanges', 'attach') as JsonObject[]);
    expect(scope.isDone()).toBe(true);
    expect(saved).toMatchObject({ subscription1: 71 });
  });

  it('subscribes commission.updated when the account refuses the status names (422), and detach gets that subscription', async () => {
    const scope = api()
      .post('/api/v2/company/webhooks', subscribed(['commission.approved', 'commission.denied']))
      .reply(422, { message: 'Validation failed', code: 'invalid_params', errors: { event_types: ['contains unknown event types: commission.approved'] } })
      .post('/api/v2/company/webhooks', subscribed(['commission.updated']))
      .reply(201, { id: 72 });
    const saved = await runAttach(webhookFile('watchReferralStatusChanges', 'attach') as JsonObject[]);
    expect(scope.isDone()).toBe(true);
    expect(saved).toMatchObject({ subscription1: 72 });
  });

  it('fails attach on any other refusal, without a second call', async () => {
    const scope = api().post('/api/v2/company/webhooks').reply(401, {});
    await expect(runAttach(webhookFile('watchPaidPayouts', 'attach') as JsonObject[])).rejects.toThrow('HTTP 401');
    expect(scope.isDone()).toBe(true);
  });
});

describe('FirstPromoter Make webhook: a stand-in update passes on only as a status change a refused event names', () => {
  it('passes commission.updated whose changes hold the status, as the approval it stands for', () => {
    expect(receive('watchReferralStatusChanges', commissionUpdated)).toMatchObject({ id: 13533003, event: 'referral.approved', vendor_event: 'commission.updated', status: 'approved', previous_status: 'pending' });
    const denied = { ...commissionUpdated, changes: { status: ['pending', 'denied'] }, data: { ...commissionUpdated.data, status: 'denied' } };
    expect(receive('watchReferralStatusChanges', denied)).toMatchObject({ event: 'referral.denied', status: 'denied' });
  });

  it('drops an update that changed something else, or moved to a status no refused event names', () => {
    expect(receive('watchReferralStatusChanges', { ...commissionUpdated, changes: { amount: [400, 500] } })).toBeUndefined();
    const pending = { ...commissionUpdated, changes: { status: ['approved', 'pending'] }, data: { ...commissionUpdated.data, status: 'pending' } };
    expect(receive('watchReferralStatusChanges', pending)).toBeUndefined();
  });

  it('still passes the status events themselves, as before', () => {
    expect(receive('watchReferralStatusChanges', commissionApproved)).toMatchObject({ event: 'referral.approved', vendor_event: 'commission.approved' });
  });

  it('passes payout.updated to "completed" as a paid payout, and nothing else of it', () => {
    const update = (status: string, changes: JsonObject) => ({ event_id: 'e1', event_type: 'payout.updated', action: 'updated', entity_type: 'payout', entity_id: 5, changes, data: { id: 5, status, amount: 3000 }, timestamp: '2025-05-01T00:00:00Z' });
    expect(receive('watchPaidPayouts', update('completed', { status: ['processing', 'completed'] }))).toMatchObject({ event: 'payout.paid', vendor_event: 'payout.updated', status: 'paid' });
    expect(receive('watchPaidPayouts', update('failed', { status: ['processing', 'failed'] }))).toBeUndefined();
    expect(receive('watchPaidPayouts', update('completed', { paid_at: [null, '2025-05-01T00:00:00Z'] }))).toBeUndefined();
  });

  it('gives no other platform a second attach request', () => {
    for (const platform of PLATFORMS.filter((item) => item.events.every((event) => event.fallback === undefined))) {
      for (const [path, content] of generateApp(platform).files) {
        if (path.endsWith('.attach.iml.json')) expect(JSON.stringify(content)).not.toContain('temp.refused');
      }
    }
  });
});

describe('FirstPromoter Make trigger module: a stand-in update is re-fetched and confirmed like the status event', () => {
  const module = file(app, 'modules/watchReferralStatusChanges/watchReferralStatusChanges.communication.iml.json') as JsonObject;
  const payload = receive('watchReferralStatusChanges', commissionUpdated) as JsonObject;
  const confirmed = (fetched: JsonObject[]) => (evaluateTemplate((module.response as JsonObject).output, { payload, body: fetched }) as JsonObject).confirmed;

  it('fetches the commission the update names', () => {
    expect(evaluateTemplate((module.condition as JsonObject).condition, { payload })).toBe(true);
  });

  it('confirms it only when FirstPromoter returns that commission in the announced status', () => {
    expect(confirmed([{ ...commissionUpdated.data, status: 'approved' }])).toBe(true);
    expect(confirmed([{ ...commissionUpdated.data, status: 'denied' }])).toBe(false);
  });
});
