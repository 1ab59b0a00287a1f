/**
 * What the generator could not translate, collected instead of thrown so one build reports every
 * gap of every platform at once. `error` fails `npm run make:build`; `warning` is a known loss
 * on Make (printed and written to make-app/build-report.json); `info` explains a choice.
 */
export type Severity = 'error' | 'warning' | 'info';

/** One finding, e.g. `{ platform: 'acme', component: 'webhook watchNewReferralsWebhook', severity: 'warning', message: '…' }`. */
export interface Issue {
  platform: string;
  component: string;
  severity: Severity;
  message: string;
}

/** Collects issues for one platform. */
export class IssueLog {
  readonly issues: Issue[] = [];

  constructor(readonly platform: string) {}

  add(component: string, severity: Severity, message: string): void {
    this.issues.push({ platform: this.platform, component, severity, message });
  }

  /** A reporter bound to one component, handed to translators that know nothing of components. */
  for(component: string): Reporter {
    return (severity, message) => this.add(component, severity, message);
  }
}

/** Reports an issue about the component being generated. */
export type Reporter = (severity: Severity, message: string) => void;
