/**
 * The playground flow end to end over real loopback HTTP: the emulator, the Zapier-like receiver
 * and the app through zapier-platform-core, for every platform. The same code `npm start` runs.
 */
import { runPlayground } from '../playground/flow';
import { SCENARIOS } from '../playground/scenarios';

jest.setTimeout(60_000);

describe('playground', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.title, scenario] as const))('%s: every step passes', async (_title, scenario) => {
    const report = await runPlayground([scenario], false);
    expect(report.failures).toEqual([]);
    // The flow really ran: connection, subscriptions, deliveries, tamper check, unsubscriptions.
    expect(report.steps.length).toBeGreaterThan(scenario.zaps.length * 2 + (scenario.events?.length ?? 1));
    expect(report.steps.some((step) => step.title.startsWith('Forged delivery'))).toBe(true);
  });
});
