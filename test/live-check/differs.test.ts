/**
 * Against a server that answers differently from what the platform data assumes (a renamed field,
 * a moved item array, a status the table lacks), the live check names each difference and exits
 * non-zero. The server is a small fastify app on loopback shaped like UpPromote's API.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { runCli } from './run-cli';

const API_KEY = 'live-check-test-key-5f2a9c';

/** An UpPromote affiliate as the data expects it, but with `email` renamed `email_address`. */
function affiliate(id: number) {
  return { id, status: 'active', email_address: `aff${id}@example.com`, first_name: 'Ada', last_name: 'Lovelace', company: 'Engines', program_id: 1, program_name: 'Main', custom_affiliate_link: 'https://s.example/a', coupons: [], created_at: '2026-01-01T00:00:00Z' };
}

/** A referral whose commission is `commission_amount` (not `commission`) and whose status is one the table lacks. */
function referral(id: number) {
  return { id, status: 'on_hold', order_id: 100 + id, order_number: `#${100 + id}`, total_sales: '10.00', commission_amount: '1.00', affiliate: { id: 1, email: 'aff1@example.com', first_name: 'Ada', last_name: 'Lovelace' }, customer_email: 'c@example.com', created_at: 1767225600 };
}

let server: FastifyInstance;
let url: string;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  server = Fastify({ logger: false });
  server.addHook('onRequest', async (request) => {
    authorizations.push(request.headers.authorization);
  });
  const base = '/uppromote/api/v2';
  server.get(`${base}/affiliates`, async () => ({ status: 200, message: 'ok', data: [affiliate(1), affiliate(2)] }));
  server.get(`${base}/referrals`, async () => ({ status: 200, message: 'ok', data: [referral(1)] }));
  // The payments moved under `data.items`.
  server.get(`${base}/payments/paid`, async () => ({ status: 200, message: 'ok', data: { items: [{ payment_id: 7, status: 'SUCCESS' }] } }));
  server.get(`${base}/programs`, async () => ({ status: 200, message: 'ok', data: [{ id: 1, name: 'Main' }] }));
  server.get(`${base}/webhook-subscriptions`, async () => ({ status: 200, message: 'ok', data: [] }));
  url = await server.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server.close();
});

describe('live check against a server that answers differently', () => {
  it('names each difference and exits non-zero', async () => {
    const run = await runCli(['--platform', 'uppromote'], { AFFILIATE_HUB_API_KEY: API_KEY, AFFILIATE_HUB_EMULATOR_URL: url });
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    const row = (text: string) => lines.find((line) => line.includes(text)) ?? `(no row with ${text})`;
    expect(row('affiliate.email ← email ')).toMatch(/DIFFERS .*found email_address instead/);
    expect(row('referral.commission_amount ← commission ')).toMatch(/DIFFERS .*found commission_amount instead/);
    expect(row('referral status value "on_hold"')).toMatch(/DIFFERS .*not in the status table/);
    expect(run.out).toMatch(/payout_list dropdown GET \/payments\/paid\n +DIFFERS +items at data +\[documented\] +found an object; a list at data\.items/);
    // An empty array is no rename of the path below it.
    expect(row('affiliate.coupon_code ←')).toMatch(/ABSENT .*optional/);
    // What still matches is confirmed, row by row.
    expect(row('affiliate.first_name ← first_name')).toMatch(/confirmed/);
    expect(row('referral.order_id ← order_id')).toMatch(/confirmed/);
    expect(run.out).toContain('Differences:');
    // The key went to the server as the app sends it, and nowhere into the report.
    expect(authorizations).toContain(API_KEY);
    expect(run.out + run.err).not.toContain(API_KEY);
    expect(run.out).not.toMatch(/aff1@example\.com/);
  });
});
