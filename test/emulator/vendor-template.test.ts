/**
 * The emulator template the scaffold copies (scaffold/templates/emulator/): rendered for a made-up
 * platform into a scratch workshop next to the real ones, it compiles, is found by the same
 * discovery the server uses, and serves its guard, its list and its event.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { DeliveryLog } from '../../playground/emulator/common/delivery-log';
import { discoverVendors } from '../../playground/emulator/common/discover-vendors';
import { renderTemplate } from '../../scaffold/parts';
import { type Receiver, hmacSha256Hex, startReceiver } from './harness';

const ROOT = join(__dirname, '..', '..');
const TEMPLATE = join(ROOT, 'scaffold', 'templates', 'emulator');
// A workshop's emulator folder at the depth of workshops/<id>/emulator/, so the template's
// `../../../playground/…` imports resolve; hidden, so neither tsc's `workshops` include nor the
// server's discovery ever sees a leftover.
const SCRATCH = join(ROOT, 'workshops', `.template-check-${process.pid}`);
const FOLDERS = new Map([['acme', join(SCRATCH, 'emulator')]]);

let receiver: Receiver;

beforeAll(async () => {
  mkdirSync(join(SCRATCH, 'emulator'), { recursive: true });
  for (const file of readdirSync(TEMPLATE)) {
    writeFileSync(join(SCRATCH, 'emulator', file.replace(/\.txt$/, '')), renderTemplate(readFileSync(join(TEMPLATE, file), 'utf8'), 'acme', 'Acme'));
  }
  receiver = await startReceiver();
});

afterAll(async () => {
  rmSync(SCRATCH, { recursive: true, force: true });
  await receiver.close();
});

describe('the vendor template, rendered for "acme"', () => {
  it('is discovered with its credentials and events', () => {
    const module = discoverVendors(FOLDERS).get('acme');
    expect(module?.credentials.api_key).toMatch(/^acme_emu_/);
    expect(module?.create({ now: Date.now, log: new DeliveryLog() }).events).toEqual(['affiliate.created']);
  });

  it('guards its list endpoint and pages it', async () => {
    const module = discoverVendors(FOLDERS).get('acme');
    if (!module) throw new Error('acme was not discovered');
    const instance = module.create({ now: Date.now, log: new DeliveryLog() });
    const server = Fastify();
    if (instance.routes) await server.register(instance.routes, { prefix: '/acme' });
    const origin = await server.listen({ host: '127.0.0.1', port: 0 });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}/acme${path}`, { headers });
    const auth = { authorization: `Bearer ${module.credentials.api_key}` };

    expect((await get('/v1/affiliates')).status).toBe(401);
    const page = await get('/v1/affiliates?per_page=1&page=2', auth);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { data: unknown[] }).data).toHaveLength(1);
    expect((await get('/v1/affiliates?page=0', auth)).status).toBe(400);
    expect((await get('/v1/nothing', auth)).status).toBe(404);
    await server.close();
  });

  it('sends its event, signed, to a dashboard endpoint', async () => {
    const module = discoverVendors(FOLDERS).get('acme');
    if (!module) throw new Error('acme was not discovered');
    const log = new DeliveryLog();
    const instance = module.create({ now: Date.now, log });
    const { secret } = instance.dashboard?.register(`${receiver.url}/hook`, []) ?? { secret: '' };
    const [record] = await instance.fire('affiliate.created', { name: 'Overridden' });
    expect(record?.ok).toBe(true);
    expect(JSON.parse(record?.body ?? '{}').data.name).toBe('Overridden');
    expect(record?.headers['X-Signature']).toBe(hmacSha256Hex(secret, record?.body ?? ''));
    expect(receiver.at('/hook')).toHaveLength(1);
  });
});
