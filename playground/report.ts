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

  constructor(private readonly print: boolean) {}

  section(title: string): void {
    if (this.print) process.stdout.write(`\n== ${title}\n`);
  }

  step(title: string, ok: boolean, detail?: string): boolean {
    this.steps.push({ title, ok, detail });
    if (this.print) {
      process.stdout.write(`${ok ? '  ✓' : '  ✗'} ${title}\n`);
      if (detail) process.stdout.write(detail.replace(/^/gm, '      ') + '\n');
    }
    return ok;
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
