/** The playground's polls: each platform's two polls around a change find a new id (or refuse as the platform's data says). */
import { runPlayground } from '../../playground/flow';
import { SCENARIOS } from '../../playground/scenarios';

describe('playground polls', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.title, scenario] as const))('%s: its polls pass', async (_title, scenario) => {
    const report = await runPlayground([{ ...scenario, zaps: [], events: [], roundTrip: undefined }], false);
    const polls = report.steps.filter((step) => step.title.startsWith('Poll "'));
    expect(polls).toHaveLength(scenario.polls?.length ?? 0);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.filter((step) => !step.ok)).toEqual([]);
    for (const step of polls.filter((item) => !item.title.includes('refused as expected'))) {
      // A status poll's new id is `<record id>:<status>:<time of the change>`; a new-item poll's is the record's own.
      expect(step.detail).toMatch(step.title.includes('_status_polling') ? /^new id [^\s:]+:[a-z_]+:\S+ ← / : /^new id [^\s:]+ ← /);
    }
  });
});
