/**
 * The Make "Track a refund" module, generated from the same action data as Zapier's Track Refund
 * (fields/actions/track_refund.ts, each platform's `actions.track_refund`): run here as Make would
 * run it — the base's URL and headers, the module's request evaluated over its parameters (the
 * IML subset through test/make/iml-evaluator.ts), sent over HTTP to nock, the answer mapped through
 * the module's output — on the two platforms that document a refund call; every other app has no such module.
 */
import nock from 'nock';
import { generateApp, type GeneratedApp } from '../../make/generate/app';
import { ZAPIER_ACTIONS } from '../../make/generate/actions';
import { PLATFORMS, findPlatform } from '../../platforms/registry';
import refund from '../../workshops/firstpromoter/fixtures/track-refund.200.response.json';
import { evaluateTemplate } from './iml-evaluator';

type Value = Parameters<typeof evaluateTemplate>[1][string];
type JsonObject = Record<string, Value>;

function appOf(id: string): GeneratedApp {
  const platform = findPlatform(id);
  if (platform === undefined) throw new Error(`no platform ${id}`);
  return generateApp(platform);
}

function json(app: GeneratedApp, path: string): JsonObject {
  const content = app.files.get(path);
  if (content === undefined || content === null || typeof content !== 'object' || Array.isArray(content)) throw new Error(`${path}: not a JSON object`);
  return content as JsonObject;
}

/**
 * Runs an action module once: base URL + module URL, base headers over the connection, body over
 * the parameters; a 2xx answer goes through `response.output` (statusCode and body in scope).
 * @throws Error with the status when the vendor refuses (Make's base `error` would apply)
 */
async function runAction(app: GeneratedApp, module: string, connection: JsonObject, parameters: JsonObject): Promise<Value> {
  const base = json(app, 'general/base.iml.json');
  const communication = json(app, `modules/${module}/${module}.communication.iml.json`);
  const url = `${String(evaluateTemplate(base.baseUrl, { connection }))}${String(evaluateTemplate(communication.url, { parameters }))}`;
  const headers = { ...(evaluateTemplate(base.headers, { connection }) as Record<string, string>), 'Content-Type': 'application/json' };
  const body = communication.body === undefined ? undefined : JSON.stringify(evaluateTemplate(communication.body, { parameters }));
  const answer = await fetch(url, { method: String(communication.method), headers, body });
  if (answer.status >= 400) throw new Error(`HTTP ${answer.status}`);
  const text = await answer.text();
  const response = communication.response as JsonObject;
  return evaluateTemplate(response.output, { parameters, statusCode: answer.status, body: text === '' ? null : (JSON.parse(text) as Value) });
}

afterEach(() => nock.cleanAll());

describe('Make "Track a refund"', () => {
  it('comes from the same catalogue entry as the Zapier create', () => {
    const action = ZAPIER_ACTIONS.find((item) => item.key === 'track_refund');
    expect(action).toMatchObject({ makeLabel: 'Track a refund', display: { label: 'Track Refund' } });
    const component = (json(appOf('firstpromoter'), 'makecomapp.json').components as JsonObject).module as JsonObject;
    expect(component.trackRefund).toMatchObject({ label: 'Track a refund', moduleType: 'action', actionCrud: 'create' });
  });

  it('exists only in the apps of platforms that document a refund call', () => {
    const withModule = PLATFORMS.filter((platform) => generateApp(platform).files.has('modules/trackRefund/trackRefund.communication.iml.json')).map((platform) => platform.id);
    expect(withModule.sort()).toEqual(['firstpromoter', 'tolt']);
  });

  it('FirstPromoter: tracks the refund in cents against the sale and outputs the negative commission', async () => {
    const scope = nock('https://api.firstpromoter.com', { reqheaders: { authorization: 'Bearer fp_key_1', 'account-id': 'acc_1' } })
      .post('/api/v2/track/refund', { email: 'hello@testmintli.com', event_id: 'test_sale_12340987_refund', amount: 1000, sale_event_id: 'test_sale_12340987' })
      .reply(200, refund);
    const output = await runAction(
      appOf('firstpromoter'),
      'trackRefund',
      { api_key: 'fp_key_1', account_id: 'acc_1' },
      { customer_email: 'hello@testmintli.com', refund_id: 'test_sale_12340987_refund', refund_amount: '10', sale_id: 'test_sale_12340987' },
    );
    expect(scope.isDone()).toBe(true);
    // Make types the output by the module's interface (id: text); the evaluator keeps the JSON number.
    expect(String((output as JsonObject).id)).toBe('10940148');
    expect(output).toMatchObject({ platform: 'firstpromoter', event: 'referral.created', vendor_event: 'commission.created', status: 'approved', commission_amount: -2, order_id: 'test_sale_12340987_refund', customer_email: 'hello@testmintli.com' });
  });

  it('FirstPromoter: requires the sale, email, refund ID and amount, the email typed as one', () => {
    const params = appOf('firstpromoter').files.get('modules/trackRefund/trackRefund.mappable-params.iml.json') as JsonObject[];
    const byName = Object.fromEntries(params.map((param) => [param.name, param]));
    expect(Object.keys(byName).sort()).toEqual(['customer_email', 'refund_amount', 'refund_id', 'sale_id']);
    expect(byName.customer_email).toMatchObject({ type: 'email', required: true });
    expect(byName.refund_id).toMatchObject({ required: true });
    expect(byName.refund_amount).toMatchObject({ type: 'number', required: true });
    expect(byName.sale_id).toMatchObject({ required: true });
  });

  it('Tolt: refunds the transaction by id and outputs it as refunded, with the transaction.updated Tolt fires', async () => {
    const scope = nock('https://platform.tolt.com', { reqheaders: { authorization: 'Bearer tlt_key_1' } })
      .post('/v2/transactions/txn_1/refund', {})
      .reply(200, { success: true, message: 'Success', data: { id: 'txn_1', status: 'refunded', amount: 14999 } });
    const output = await runAction(appOf('tolt'), 'trackRefund', { api_key: 'tlt_key_1' }, { sale_id: 'txn_1' });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ id: 'txn_1', event: 'referral.status_changed', vendor_event: 'transaction.updated', status: 'refunded', vendor_status: 'refunded' });
    expect((output as JsonObject).commission_amount).toBeUndefined();
  });

  it('Tolt: refuses a sale (transaction) ID holding a dot segment through Make\'s own validation', () => {
    const [param] = appOf('tolt').files.get('modules/trackRefund/trackRefund.mappable-params.iml.json') as JsonObject[];
    expect(param).toMatchObject({ name: 'sale_id', required: true });
    const pattern = new RegExp(String((param.validate as JsonObject).pattern));
    expect(pattern.test('txn_1')).toBe(true);
    expect(pattern.test('..')).toBe(false);
  });
});
