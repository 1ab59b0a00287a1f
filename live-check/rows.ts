/**
 * What a live check reports: one row per request and path the platform data reads, with the
 * data's assumption, its source tag and the verdict against the vendor's real answer.
 */

/**
 * - `confirmed`: the answer has what the data assumes.
 * - `differs`: it has something else instead (`found` says what: a renamed key, another type, a status the table lacks).
 * - `absent`: it has nothing of the kind.
 * - `unchecked`: nothing to check it against (an empty list); never fails the run.
 */
export type Verdict = 'confirmed' | 'differs' | 'absent' | 'unchecked';

/** One checked assumption. */
export interface Row {
  /** The app operation and request, e.g. `new_referral.performList GET /referrals`. */
  request: string;
  /** What was checked, e.g. `items at data` or `referral.affiliate_email ← affiliate.email`. */
  path: string;
  /** The data's `source` tag for it: `documented`, `inferred: …`, or `(untagged)`. */
  source: string;
  verdict: Verdict;
  /** What the answer held instead (differs), which candidate matched (confirmed), or why unchecked. */
  detail?: string;
  /**
   * An optional normalized field: absent from every item may only mean this account leaves it
   * empty, so it is reported but does not fail the run (a renamed key, `differs`, still does).
   */
  optional?: boolean;
}

/** True when a row means the platform data is wrong or unconfirmed by this answer. */
export function isFailure(row: Row): boolean {
  return row.verdict === 'differs' || (row.verdict === 'absent' && !row.optional);
}
