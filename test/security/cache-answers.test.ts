/**
 * Issue 22 item 2: repeat checks and refusal reports fail closed. `z.cache.set(…, nx)` answers
 * true when it stored the key; Zapier's store answers false when `nx` found it; core's typing also
 * allows null. Only `true` may mean "new": against a cache answering null (or false), one event
 * delivered five times runs at most once (here: never) and a flood of forgeries reports nothing,
 * and the developer's log says why. Run through core's handler with a fake of Zapier's cache RPC.
 */
import { hmacHex, hookRequest } from '../helpers/deliveries';
import { fakeCacheRpc, type FakeCacheRpc } from '../helpers/fake-cache-rpc';
import { useFixtureClock } from '../helpers/fixture-clock';
import conversionCreated from '../../workshops/viralref/fixtures/conversion.created.json';
import { runThroughCore } from './core-run';

const SECRET = 'whsec_cache_answers';
const body = JSON.stringify(conversionCreated);
const genuine = hookRequest(body, { 'X-ViralRef-Signature': hmacHex(SECRET, body) });
const forged = hookRequest(body, { 'X-ViralRef-Signature': hmacHex('forger', body) });

/** Delivers one request five times to one Zap's dashboard trigger; counts runs and halted reports. */
async function fiveTimes(store: FakeCacheRpc, request: typeof genuine) {
  let runs = 0;
  let reports = 0;
  const logs: string[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const run = await runThroughCore(
      'triggers.dashboard_webhook.operation.perform',
      { authData: { platform: 'viralref', api_key: 'vr_key' }, inputData: { signing_secret: SECRET }, meta: { zap: { id: 'zap-cache' } }, ...request },
      store,
    );
    runs += Array.isArray(run.results) ? run.results.length : 0;
    if (run.error?.name === 'HaltedError') reports += 1;
    else if (run.error) throw run.error;
    logs.push(...run.logs.map((line) => line.message));
  }
  return { runs, reports, logs };
}

describe('a cache whose set answers something other than a clear true', () => {
  useFixtureClock('viralref');

  it.each([
    ['null', () => null],
    ['false', () => false],
  ])('answering %s: a genuine event delivered five times never runs twice, and the developer is told', async (_answer, setAnswer) => {
    const { runs, logs } = await fiveTimes(fakeCacheRpc({ setAnswer }), genuine);
    expect(runs).toBe(0);
    expect(logs.filter((line) => line.includes('Affiliate Hub ignored a repeated ViralRef delivery of conversion.created.'))).toHaveLength(5);
    if (setAnswer() === null) {
      expect(logs.filter((line) => line.includes("Zapier's cache gave no clear answer (null) when setting a repeat marker"))).toHaveLength(5);
    }
  });

  it.each([
    ['null', () => null],
    ['false', () => false],
  ])('answering %s: five forgeries report nothing (taken as already reported) and are only logged', async (_answer, setAnswer) => {
    const { runs, reports, logs } = await fiveTimes(fakeCacheRpc({ setAnswer }), forged);
    expect(runs).toBe(0);
    expect(reports).toBe(0);
    expect(logs.filter((line) => line.includes('Affiliate Hub ignored a delivery from ViralRef (dashboard webhook): signature check failed'))).toHaveLength(5);
  });

  it('answering true to every set, even over a key already there: five forgeries are still reported once', async () => {
    expect((await fiveTimes(fakeCacheRpc({ setAnswer: () => true }), forged)).reports).toBe(1);
  });

  it('answering true, then false once the key is there (Zapier\'s store): one run, one report', async () => {
    expect((await fiveTimes(fakeCacheRpc(), genuine)).runs).toBe(1);
    expect((await fiveTimes(fakeCacheRpc(), forged)).reports).toBe(1);
  });
});
