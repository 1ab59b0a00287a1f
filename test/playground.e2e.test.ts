/**
 * The playground flow end to end over real loopback HTTP: the emulator, the Zapier-like receiver
 * and the app through zapier-platform-core, for every platform. The same code `npm start` runs,
 * with its command line (`--platform <id>`) and its printing of the app's own log lines.
 */
import { routeAppLog } from '../playground/app-log';
import { runPlayground } from '../playground/flow';
import { Report } from '../playground/report';
import { platformArgument, selectScenarios } from '../playground/run';
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

describe('npm start -- --platform <id>', () => {
  it('runs every platform without the option, one with it', () => {
    expect(selectScenarios(SCENARIOS, platformArgument([]))).toHaveLength(SCENARIOS.length);
    expect(selectScenarios(SCENARIOS, platformArgument(['--platform', 'tolt'])).map((scenario) => scenario.vendor)).toEqual(['tolt']);
    expect(selectScenarios(SCENARIOS, platformArgument(['--platform=rebus'])).map((scenario) => scenario.vendor)).toEqual(['rebus']);
  });

  it.each([
    [['--platform'], /needs a platform id/],
    [['--platform', '--verbose'], /needs a platform id/],
    [['tolt'], /unknown argument "tolt"/],
  ])('refuses %j', (argv, message) => {
    expect(() => platformArgument(argv)).toThrow(message);
  });

  it('names the known ids for an unknown one', () => {
    expect(() => selectScenarios(SCENARIOS, 'nosuch')).toThrow(/no platform "nosuch"; known: .*tolt/);
  });
});

describe("the app's log lines in the printed run", () => {
  it('are indented under the step they belong to, not printed bare', () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    const report = new Report(true);
    const restore = routeAppLog(report);
    try {
      console.log('Affiliate Hub ignored a delivery from Acme: empty body (a URL check, not an event)\n');
      report.step('Turn on "new-referral"', true);
      report.step('Connection test', true);
    } finally {
      restore();
      write.mockRestore();
    }
    expect(printed.join('')).toBe(
      '  ✓ Turn on "new-referral"\n      app log: Affiliate Hub ignored a delivery from Acme: empty body (a URL check, not an event)\n  ✓ Connection test\n',
    );
    expect(report.appLineCount).toBe(1);
  });
});
