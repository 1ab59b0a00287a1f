/**
 * The live check drops zapier-platform-core's per-operation memory line and keeps anything else
 * logged off stdout, redacted (issue 21, item 12). The line is taken from core itself, run in a
 * child process outside a test run (core prints it only then), so a change of its format fails here.
 */
import { execFileSync } from 'node:child_process';
import { divertConsoleLog, isCoreMemoryLine } from '../../live-check/console';
import { Redactor } from '../../live-check/redaction';

/** What core's memory check prints on stdout in a process that is not a test run. */
function coreMemoryOutput(): string {
  const script = "require('zapier-platform-core/src/tools/memory-checker')({})";
  return execFileSync(process.execPath, ['-e', script], { cwd: `${__dirname}/../..`, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
}

describe("the live check's console", () => {
  it("recognizes core's memory line as core prints it", () => {
    const printed = coreMemoryOutput();
    expect(printed).toContain('RSSMEM');
    expect(isCoreMemoryLine(printed)).toBe(true);
    expect(isCoreMemoryLine('UpPromote did not accept the API key (RSSMEM)')).toBe(false);
  });

  it('drops the memory lines and writes the rest redacted', () => {
    const written: string[] = [];
    const restore = divertConsoleLog(new Redactor(['key-4b1e9f']), (text) => written.push(text));
    try {
      console.log('ZID:', 'a1b2c3', 'pid', 'ZRUN:', 3, 'RSSMEM:', { rss: 1 });
      console.log('request to %s failed', 'https://api.example/?key=key-4b1e9f', 'for ana@example.com');
    } finally {
      restore();
    }
    expect(written).toEqual(['request to https://api.example/?key=[redacted] failed for a***@***.com\n']);
  });
});
