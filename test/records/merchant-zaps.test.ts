/**
 * Records a Slack or CRM step can use (issue 23 items 9-12), measured by the merchant's three Zaps
 * on every platform (test/records/cells.ts): run on the live path (a signed delivery through
 * perform, or a poll), every field the next step maps is filled, or the platform's data declares
 * (with a source) that the vendor cannot give it and the Zap editor's output fields say so for that
 * platform. Money that names no currency takes the connection's Shop Currency where the data says
 * so, and the editor's Currency label says where it comes from.
 */
import nock from 'nock';
import { PLATFORMS, findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { appTester, runsOf, triggerOperation, app, type OperationFunction } from '../helpers/app';
import { hookRequest } from '../helpers/deliveries';
import { signDelivery } from '../../signature-schemes';
import { useFixtureClock } from '../helpers/fixture-clock';
import { KITS } from '../platforms/kits';
import type { StoredSubscription } from '../platforms/kit';
import { CELLS, ZAPS, type Answer, type Cell } from './cells';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';
const DASHBOARD_SECRET = 'whsec_' + Buffer.from('merchant-zaps-dashboard-secret!!').toString('base64');
// No vendor example uses it, so a record carrying it got it from the connection.
const SHOP_CURRENCY = 'CHF';

type Row = Record<string, unknown>;

function platformOf(id: string): PlatformDefinition {
  const platform = findPlatform(id);
  if (!platform) throw new Error(`no platform ${id}`);
  return platform;
}

function authDataOf(platform: PlatformDefinition): Record<string, string> {
  const kit = KITS.find((item) => item.id === platform.id);
  const extra = CELLS.find((cell) => cell.platform === platform.id && cell.authData)?.authData;
  return { ...(kit?.authData ?? { platform: platform.id, api_key: 'test-key' }), ...extra, shop_currency: SHOP_CURRENCY };
}

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Each answer expected once, on the platform's origin. */
function expectAnswers(platform: PlatformDefinition, answers: readonly Answer[]): nock.Scope {
  const scope = nock(new URL(platform.baseUrl).origin);
  for (const answer of answers) {
    const interceptor = answer.method === 'POST' ? scope.post(answer.path) : scope.get(answer.path);
    (answer.query ? interceptor.query((query) => Object.entries(answer.query ?? {}).every(([key, value]) => String(query[key]) === value)) : interceptor.query(true)).reply(200, answer.body as nock.Body);
  }
  return scope;
}

async function subscribed(platformId: string, vendorEvent: string): Promise<{ stored: StoredSubscription; deliver: (body: Row) => ReturnType<typeof hookRequest> }> {
  const kit = KITS.find((item) => item.id === platformId);
  if (!kit) throw new Error(`no kit for ${platformId}`);
  const scope = kit.api();
  kit.expectSubscribe(scope, vendorEvent);
  const stored = (await appTester(triggerOperation('new_platform_event').performSubscribe, { authData: kit.authData, inputData: { event: vendorEvent }, targetUrl: TARGET_URL })) as StoredSubscription;
  nock.cleanAll();
  return {
    stored,
    deliver: (body) => {
      const signed = kit.deliver(vendorEvent, body, stored);
      return hookRequest(signed.rawBody, signed.headers, signed.query);
    },
  };
}

/** The runs the cell's live path produces. */
async function runLive(platform: PlatformDefinition, cell: Cell): Promise<Row[]> {
  const live = cell.live!;
  const authData = authDataOf(platform);
  if (live.via === 'hook') {
    const { stored, deliver } = await subscribed(platform.id, live.vendorEvent);
    const answers = expectAnswers(platform, cell.answers ?? []);
    const runs = await runsOf<Row>(appTester(triggerOperation(live.trigger).perform, { authData, inputData: live.inputData ?? {}, subscribeData: stored, ...deliver(live.body) }));
    expect(answers.isDone()).toBe(true);
    return runs;
  }
  if (live.via === 'dashboard') {
    const answers = expectAnswers(platform, cell.answers ?? []);
    const rawBody = JSON.stringify(live.body);
    const signed = signDelivery(platform, rawBody, DASHBOARD_SECRET, Date.now());
    const request = hookRequest(rawBody, { ...signed.headers, ...live.headers }, signed.query);
    const runs = await runsOf<Row>(appTester(triggerOperation('dashboard_webhook').perform, { authData, inputData: { signing_secret: DASHBOARD_SECRET, ...live.inputData }, ...request }));
    expect(answers.isDone()).toBe(true);
    return runs;
  }
  const answers = expectAnswers(platform, cell.answers ?? []);
  // The list may be read page after page: every read gets the same one item.
  nock(new URL(platform.baseUrl).origin).get(live.list.path).query(true).reply(200, live.list.body as nock.Body).persist();
  const runs = (await appTester(triggerOperation(live.trigger).perform, { authData, inputData: {}, meta: { zap: { id: `zap-${platform.id}` } } })) as Row[];
  expect(answers.isDone()).toBe(true);
  return runs;
}

type OutputField = { key: string; label: string };

/** The output fields the Zap editor shows for the trigger on the connected platform. */
async function editorFields(trigger: string, platform: PlatformDefinition): Promise<OutputField[]> {
  const entries = (app.triggers as Record<string, { operation: { outputFields: (OutputField | OperationFunction)[] } }>)[trigger].operation.outputFields;
  const fields: OutputField[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') fields.push(...((await appTester(entry, { authData: authDataOf(platform), inputData: {} })) as OutputField[]));
    else fields.push(entry);
  }
  return fields;
}

/** The reasons the platform's data gives for not having a group's fields, or undefined when a field of it is not declared. */
function declaredReasons(platform: PlatformDefinition, kind: 'referral' | 'affiliate' | 'payout', group: readonly string[]): string[] | undefined {
  const unavailable: Record<string, string | undefined> = platform.supplements?.unavailable?.[kind] ?? {};
  const reasons = group.map((field) => unavailable[field]);
  return reasons.every((reason): reason is string => typeof reason === 'string' && reason.length > 20) ? reasons : undefined;
}

afterEach(() => nock.cleanAll());

it('measures every registered platform on each of the three Zaps', () => {
  const measured = new Set(CELLS.map((cell) => `${cell.platform} ${cell.zap}`));
  const missing = PLATFORMS.flatMap((platform) => Object.keys(ZAPS).map((zap) => `${platform.id} ${zap}`)).filter((cell) => !measured.has(cell));
  expect(missing).toEqual([]);
});

describe.each(CELLS.map((cell) => [`${cell.platform} ${cell.zap}`, cell] as const))('merchant Zap %s', (_name, cell) => {
  const platform = platformOf(cell.platform);
  const zap = ZAPS[cell.zap];
  useFixtureClock(cell.platform);
  const trigger = cell.live?.via === 'hook' || cell.live?.via === 'poll' ? cell.live.trigger : cell.live?.via === 'dashboard' ? 'dashboard_webhook' : zap.trigger;

  it('fills every field the next step maps on the live path, or the data and the editor say the platform cannot', async () => {
    const runs = cell.live ? await runLive(platform, cell) : [];
    if (cell.live) expect(runs).toHaveLength(1);
    const record = runs[0] ?? {};
    const editor = await editorFields(trigger, platform);
    for (const group of zap.groups) {
      if (group.some((field) => isFilled(record[field]))) continue;
      // A record's `id` is always there when the Zap can run at all.
      const fields = cell.live === undefined ? group.filter((field) => field !== 'id') : group;
      if (fields.length === 0) continue;
      const reasons = declaredReasons(platform, zap.kind, fields);
      if (reasons === undefined) throw new Error(`${platform.name} ${cell.zap}: ${group.join(' / ')} is empty and not declared unavailable`);
      const labelled = editor.filter((field) => fields.includes(field.key) && field.label.includes(`Not Available on ${platform.name}`));
      expect(labelled.map((field) => field.key)).toEqual(expect.arrayContaining([...fields]));
    }
  });

  if (cell.live !== undefined && zap.groups.some((group) => group.includes('currency'))) {
    it('takes the currency from the vendor, or from the Shop Currency where the data says the vendor names none', async () => {
      const record = (await runLive(platform, cell))[0];
      const fromConnection = platform.supplements?.currencyFromConnection?.kinds.includes(zap.kind) === true;
      const currency = (await editorFields(trigger, platform)).find((field) => field.key === 'currency');
      if (fromConnection && record.currency === SHOP_CURRENCY) expect(currency?.label).toMatch(/Shop Currency/);
      if (!fromConnection) expect(record.currency).not.toBe(SHOP_CURRENCY);
      expect(record.currency).toMatch(/^[A-Z]{3}$/);
    });
  }
});

describe('no jargon in the records (issue 23 item 11)', () => {
  it('a yes/no status reads as a word', async () => {
    const cell = CELLS.find((item) => item.platform === 'partnerstack' && item.zap === 'hubspot')!;
    const record = (await runLive(platformOf('partnerstack'), cell))[0];
    expect(record).toMatchObject({ status: 'active', vendor_status: 'approved' });
  });

  describe('on a platform that gives a full name only', () => {
    useFixtureClock('rebus');
    it('first and last names come from it', async () => {
      const rebus = (await runLive(platformOf('rebus'), CELLS.find((item) => item.platform === 'rebus' && item.zap === 'hubspot')!))[0];
      expect(rebus).toMatchObject({ name: 'John Smith', first_name: 'John', last_name: 'Smith' });
    });
  });

  it('a polled record names no HTTP route as its platform event', async () => {
    for (const cell of CELLS.filter((item) => item.live?.via === 'poll')) {
      const record = (await runLive(platformOf(cell.platform), cell))[0];
      expect(record.vendor_event).not.toMatch(/^(GET|POST|PUT|PATCH|DELETE) /);
    }
  });
});
