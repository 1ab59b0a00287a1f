/** Prints the playground's steps readably and keeps the verdict. */

export interface StepResult {
  title: string;
  ok: boolean;
  detail?: string;
}

/** Collects steps; `print` decides whether they go to stdout (the CLI) or stay silent (tests). */
export class Report {
  readonly steps: StepResult[] = [];
  /** Everything the app handed back (outputs, labels, error messages), for the secret scan. */
  readonly observed: unknown[] = [];
  /** Every secret the run handed the app or got from it (keys, webhook secrets, URL tokens). */
  readonly secrets = new Set<string>();

  observe(value: unknown): void {
    this.observed.push(value);
  }

  secret(value: string | undefined): void {
    if (value) this.secrets.add(value);
  }

  /** What the app printed (z.console) since the last step: shown under that step. */
  private appLines: string[] = [];
  /** How many lines the app printed in the whole run. */
  appLineCount = 0;

  constructor(private readonly print: boolean) {}

  /**
   * A line the app printed while a step ran, e.g. "Affiliate Hub ignored a delivery …" for a URL
   * check or a forged delivery: expected in a green run, so it is shown indented under the step it
   * belongs to (the next one reported) instead of as a bare line that reads like an error.
   */
  appLog(line: string): void {
    this.appLines.push(line);
    this.appLineCount += 1;
  }

  section(title: string): void {
    if (this.print) process.stdout.write(`\n== ${title}\n`);
  }

  step(title: string, ok: boolean, detail?: string): boolean {
    this.steps.push({ title, ok, detail });
    if (this.print) {
      process.stdout.write(`${ok ? '  ✓' : '  ✗'} ${title}\n`);
      if (detail) process.stdout.write(detail.replace(/^/gm, '      ') + '\n');
    }
    this.flushAppLog();
    return ok;
  }

  /** Prints the app's lines not yet shown (under the step just reported, or at the end of the run). */
  flushAppLog(): void {
    if (this.print) for (const line of this.appLines) process.stdout.write(`      app log: ${line}\n`);
    this.appLines = [];
  }

  get failures(): StepResult[] {
    return this.steps.filter((step) => !step.ok);
  }
}

/** One line per normalized record: the fields a user maps most, never `raw`. */
export function describeRecord(record: Record<string, unknown>): string {
  const keys = ['event', 'vendor_event', 'id', 'status', 'previous_status', 'email', 'affiliate_email', 'sale_amount', 'commission_amount', 'amount', 'currency'];
  return keys
    .filter((key) => record[key] !== undefined)
    .map((key) => `${key}=${JSON.stringify(record[key])}`)
    .join(' ');
}
