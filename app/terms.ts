/**
 * A platform's own words in a single-platform app: the record names of its data's `terms` (Tolt's
 * "Partner" for an Affiliate) replace the app's vocabulary in labels, nouns and help texts, never
 * in keys, so the output keys stay those of the multi-platform app.
 */
import type { PlatformTerms } from '../platforms/types';
import type { RecordKind } from '../platforms/records';

/** Phrases that keep the app's word whatever the platform calls the record (a referral link is not a commission link). */
const KEPT_AFTER = '(?! (?:Hub|link|links|code|codes|Link|Links|Code|Codes)\\b)';

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The replacement for one matched word, keeping its case (Title, lower or UPPER) and its plural. */
function inCaseOf(matched: string, term: string, plural: boolean): string {
  const word = plural ? `${term}s` : term;
  if (matched === matched.toUpperCase()) return word.toUpperCase();
  return matched.charAt(0) === matched.charAt(0).toUpperCase() ? capitalized(word) : word.toLowerCase();
}

/** "a"/"an" as the word after it needs, keeping the article's case. */
function articleFor(article: string, next: string): string {
  const wanted = /^[aeiou]/i.test(next) ? 'an' : 'a';
  return article.charAt(0) === 'A' ? capitalized(wanted) : wanted;
}

/**
 * `text` with each record word of `terms` replaced, e.g. "Approve an Affiliate" → "Approve a Partner"
 * for `{ affiliate: 'Partner' }`. Words inside keys (`affiliate_id`), hyphenated words and the
 * phrases of KEPT_AFTER are left as they are.
 */
export function reword(text: string, terms: PlatformTerms | undefined): string {
  if (terms === undefined) return text;
  let out = text;
  for (const [kind, term] of Object.entries(terms) as [RecordKind, string][]) {
    if (term.toLowerCase() === kind) continue;
    const pattern = new RegExp(`\\b(?:(an?|An?) )?(${kind})(s?)(?![\\w-])${KEPT_AFTER}`, 'gi');
    out = out.replace(pattern, (_whole, article: string | undefined, word: string, plural: string) => {
      const replaced = inCaseOf(word, term, plural !== '');
      return article === undefined ? replaced : `${articleFor(article, replaced)} ${replaced}`;
    });
  }
  return out;
}

/** The texts of a field a user reads (label, help text), reworded; everything else as it is. */
export function rewordField<T>(field: T, terms: PlatformTerms | undefined): T {
  if (terms === undefined || field === null || typeof field !== 'object') return field;
  const copy: Record<string, unknown> = { ...(field as Record<string, unknown>) };
  for (const key of ['label', 'helpText'] as const) {
    if (typeof copy[key] === 'string') copy[key] = reword(copy[key], terms);
  }
  return copy as T;
}
