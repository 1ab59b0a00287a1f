/**
 * Every polling trigger against the emulator (an independent reading of the vendors' documents):
 * the filters, order and paging each poll sends are accepted, and what the platform's data says it
 * cannot serve is refused the same way. The emulator's clock is real time, as the poll's window is.
 */
import { EMULATOR_ENV } from '../../platforms/api';
import { PLATFORMS } from '../../platforms/registry';
import { startEmulator, type Emulator } from '../../playground/emulator/server';
import { SCENARIOS } from '../../playground/scenarios';
import { POLLING_TRIGGER_SPECS } from '../../fields/polling-triggers';
import { userMessage } from '../helpers/errors';
import { poll } from './poll';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  process.env[EMULATOR_ENV] = emulator.url;
});

afterAll(async () => {
  delete process.env[EMULATOR_ENV];
  await emulator.close();
});

const cases = PLATFORMS.flatMap((platform) => POLLING_TRIGGER_SPECS.map((spec) => [platform.id, spec.key, platform, spec] as const));

describe('polling against the emulator', () => {
  it.each(cases)('%s %s polls, or refuses as its data says', async (id, key, platform, spec) => {
    const scenario = SCENARIOS.find((item) => item.vendor === id);
    if (!scenario) throw new Error(`no scenario for ${id}`);
    const authData = scenario.authData(emulator);
    const list = platform.lists[spec.record];
    const status = list?.polling?.status;
    const offered = list !== undefined && (spec.watch === 'created' || (status !== undefined && 'field' in status));
    for (const meta of [{ limit: -1 }, { isLoadingSample: true }]) {
      const outcome = await poll(key, { authData, inputData: {}, meta }).then(
        (records) => ({ records }),
        (error: unknown) => ({ error: userMessage(error) }),
      );
      if (!offered) {
        // What it names instead is checked for every platform in test/editor/advice.test.ts.
        expect(outcome).toEqual({ error: expect.stringMatching(/Use ".+" instead\.$|No other trigger of this app does this on .+\.$/) });
        continue;
      }
      expect(outcome).toEqual({ records: expect.any(Array) });
      const records = 'records' in outcome ? outcome.records : [];
      if (meta.isLoadingSample) {
        expect(records.length).toBeGreaterThan(0);
        expect(records.length).toBeLessThanOrEqual(3);
      }
      for (const record of records) expect(record).toMatchObject({ platform: id, id: expect.any(String) });
      // `<record id>:<status>:<time of the change>`: a new id for every change.
      if (spec.watch === 'status') for (const record of records) expect(String(record.id).startsWith(`${String(record.record_id)}:${String(record.status)}:`)).toBe(true);
    }
  });
});
