/**
 * Make's words for text the platform data writes for Zapier (dashboard directions, reasons a
 * module is missing): a Make user has scenarios and webhook addresses, not Zaps, and Make's
 * webhook has no signing secret field.
 */

const REWRITES: readonly [RegExp, string][] = [
  [/this Zap's URL/g, 'the address of this Make webhook'],
  [/the Zap's URL/g, 'the address of the Make webhook'],
  // Make cannot check a signature (no raw body in an app's webhook), so the secret is not asked for.
  [/\s*Signing Secret:[^.]*\./g, ''],
  [/\(its events still reach Zapier through the [^)]*\)/g, '(its events still reach Make through the instant triggers, whose webhook you register there)'],
  [/\bZaps\b/g, 'scenarios'],
  [/\bZap\b/g, 'scenario'],
];

/** The text with Zapier's wording replaced by Make's, e.g. "paste this Zap's URL" → "paste the address of this Make webhook". */
export function makeWording(text: string): string {
  return REWRITES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
