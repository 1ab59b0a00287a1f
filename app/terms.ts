/**
 * A platform's own words in a single-platform app: the record names of its data's `terms` (a vendor's
 * "Partner" for an Affiliate) replace the app's vocabulary in labels, nouns and help texts, and its
 * name the multi-platform app's "your platform"; never in keys, so the output keys stay those of
 * the multi-platform app.
 */
import type { PlatformDefinition, PlatformTerms } from '../platforms/types';
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

/** The vendor a single-platform app speaks for: its name and its record words. */
export type Vendor = Pick<PlatformDefinition, 'name' | 'terms'>;

/**
 * The multi-platform texts' words for "whichever platform is connected", most specific first, and
 * their hedges ("(where the platform …)", "on platforms that …"), which one vendor's app
 * needs none of: the fields and steps it shows are those its platform serves.
 */
function platformPhrases(name: string): [RegExp, string][] {
  return [
    [/\s*\(where the platform [^)]*\)/g, ''],
    [/,? on platforms that [^:.;]*/g, ''],
    [/\b(?:your connected|the connected|your) platform\b/gi, name],
    [/\b[Tt]he platform\b/g, name],
    // The app is the vendor's: its label needs no name ("<Vendor> · New Event" in the editor).
    [/\bNew Platform Event\b/g, 'New Event'],
    [/\bon Platform\b/g, `on ${name}`],
  ];
}

/**
 * `text` as the vendor's own app says it: its record words (`reword`), and its name where the
 * multi-platform app says "your platform", e.g. "The affiliate's ID on your platform" → "The
 * partner's ID on <Vendor>", "New Platform Event" → "New Event".
 */
export function vendorText(text: string, vendor: Vendor): string {
  let out = reword(text, vendor.terms);
  for (const [pattern, replacement] of platformPhrases(vendor.name)) out = out.replace(pattern, replacement);
  return out;
}

/** The texts of a field a user reads (label, help text) in the vendor's words (`vendorText`); everything else as it is. */
export function vendorField<T>(field: T, vendor: Vendor): T {
  if (field === null || typeof field !== 'object') return field;
  const copy: Record<string, unknown> = { ...(field as Record<string, unknown>) };
  for (const key of ['label', 'helpText'] as const) {
    if (typeof copy[key] === 'string') copy[key] = vendorText(copy[key], vendor);
  }
  return copy as T;
}
