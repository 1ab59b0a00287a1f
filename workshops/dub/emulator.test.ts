/**
 * The Dub Partners emulator over real loopback HTTP: Bearer auth and the plan gate in Dub's error
 * envelope, bare-array lists, the webhook API issuing a `whsec_` secret, and a tracked sale's
 * commission.created delivery whose `Dub-Signature` is recomputed here, never taken from the
 * emulator's helper.
 */
import { z as zod } from 'zod';
import type { Emulator } from '../../playground/emulator/server';
import { type Answer, type Receiver, callJson, closeHarness, hmacSha256Hex, startHarness } from '../../test/emulator/harness';
import { jsonAs } from '../../test/helpers/json-as';
import { API_KEY, FREE_PLAN_KEY } from './emulator';

let emulator: Emulator;
let receiver: Receiver;

beforeAll(async () => {
  ({ emulator, receiver } = await startHarness(() => Date.UTC(2025, 7, 1, 12)));
});
afterAll(() => closeHarness({ emulator, receiver }));

function api(path: string, options: { method?: string; body?: unknown; key?: string | null } = {}): Promise<Answer> {
  const authorization = options.key === null ? null : `Bearer ${options.key ?? API_KEY}`;
  return callJson(`${emulator.url}/dub${path}`, { method: options.method, body: options.body, authorization });
}

it('refuses a missing Bearer prefix and a wrong key with 401, and a Free-plan key on partner routes with 403', async () => {
  expect(await callJson(`${emulator.url}/dub/partners`, { authorization: API_KEY })).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
  expect(await api('/partners', { key: 'dub_nope' })).toMatchObject({ status: 401, json: { error: { message: 'Unauthorized: Invalid API key.' } } });
  expect(await api('/commissions', { key: FREE_PLAN_KEY })).toMatchObject({ status: 403, json: { error: { code: 'forbidden', message: 'Unauthorized: Need higher plan.' } } });
});

it('serves partners as a bare array, newest first on request, and refuses a page size over 100', async () => {
  const partners = await api('/partners?sortBy=createdAt&sortOrder=desc&pageSize=2');
  expect(partners.status).toBe(200);
  // The harness types every answer as an object; Dub's list is a bare array.
  const listed = jsonAs(zod.array(zod.looseObject({ createdAt: zod.string() })), partners.json, 'the partners list');
  expect(listed.map((item) => item.createdAt)).toEqual(['2025-07-20T08:15:00.000Z', '2025-07-01T09:00:00.000Z']);
  expect((await api('/commissions?pageSize=101')).status).toBe(422);
});

it('issues a secret on POST /webhooks, refuses the same URL twice, and signs a tracked sale with it', async () => {
  const created = await api('/webhooks', { body: { name: 'Affiliate Hub', url: `${receiver.url}/dub`, triggers: ['commission.created'] } });
  expect(created).toMatchObject({ status: 201, json: { id: expect.stringMatching(/^wh_/), secret: expect.stringMatching(/^whsec_/) } });
  expect((await api('/webhooks', { body: { name: 'Again', url: `${receiver.url}/dub`, triggers: ['commission.created'] } })).status).toBe(409);
  const sale = await api('/track/sale', { body: { customerExternalId: 'TaMD05AnuyqeI', amount: 4500, invoiceId: 'in_emu_1' } });
  expect(sale).toMatchObject({ status: 200, json: { sale: { amount: 4500, currency: 'usd', invoiceId: 'in_emu_1' } } });
  await emulator.settled();
  const [delivery] = receiver.at('/dub');
  expect(delivery.headers['dub-signature']).toBe(hmacSha256Hex(String(created.json.secret), delivery.body));
  expect(JSON.parse(delivery.body)).toMatchObject({ id: expect.stringMatching(/^evt_/), event: 'commission.created', data: { amount: 4500, earnings: 900, invoiceId: 'in_emu_1' } });
  expect((await api(`/webhooks/${String(created.json.id)}`, { method: 'DELETE' })).json).toEqual({ id: created.json.id });
});

it('denies a commission with a documented status and refuses an undocumented one', async () => {
  const denied = await api('/commissions/cm_1K09DJTBCRT24P6BRD515CK29', { method: 'PATCH', body: { status: 'fraud' } });
  expect(denied).toMatchObject({ status: 200, json: { status: 'fraud' } });
  expect((await api('/commissions/cm_1K09DJTBCRT24P6BRD515CK29', { method: 'PATCH', body: { status: 'approved' } })).status).toBe(422);
});
