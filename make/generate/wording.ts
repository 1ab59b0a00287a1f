/**
 * Make's words for text the platform data and the operation catalogues write for Zapier (dashboard
 * directions, reasons a module is missing, help texts): a Make user has scenarios, modules and
 * webhook addresses, not Zaps and Zapier triggers, and Make's webhook has no signing secret field.
 */
import { ACTION_SPECS } from '../../fields/actions';
import { HOOK_TRIGGER_SPECS } from '../../fields/hook-triggers/index';
import { SEARCH_SPECS } from '../../fields/searches';

const REWRITES: readonly [RegExp, string][] = [
  [/this Zap's URL/g, 'the address of this Make webhook'],
  [/the Zap's URL/g, 'the address of the Make webhook'],
  // Make cannot check a signature (no raw body in an app's webhook), so the secret is not asked for.
  [/\s*Signing Secret:[^.]*\./g, ''],
  [/\(its events still reach Zapier through the [^)]*\)/g, '(its events still reach Make through the instant triggers, whose webhook you register there)'],
  // The Zapier search puts an exact match first; Make's keeps the vendor's order.
  [/\s*An exact match comes first\./g, ''],
  [/\bZaps\b/g, 'scenarios'],
  [/\bZap\b/g, 'scenario'],
];

/** `escape('a.b')` → `a\.b`: a label as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Zapier operation labels → the Make module's label, e.g. "a New Referral trigger" → "the Watch new referrals module". */
function labelRewrites(): [RegExp, string][] {
  const triggers = HOOK_TRIGGER_SPECS.map((spec) => [spec.label, spec.make.label] as const);
  const operations = [...ACTION_SPECS, ...SEARCH_SPECS].map((spec) => [spec.label, spec.makeLabel] as const);
  return [
    ...triggers.map(([zapier, make]): [RegExp, string] => [new RegExp(`\\ban? ${literal(zapier)} trigger\\b`, 'g'), `the "${make}" module`]),
    ...triggers.map(([zapier, make]): [RegExp, string] => [new RegExp(`\\b${literal(zapier)} trigger\\b`, 'g'), `"${make}" module`]),
    ...operations.map(([zapier, make]): [RegExp, string] => [new RegExp(`\\b${literal(zapier)}\\b`, 'g'), `"${make}"`]),
  ];
}

let rewrites: readonly [RegExp, string][] | undefined;

/** The text with Zapier's wording replaced by Make's, e.g. "paste this Zap's URL" → "paste the address of this Make webhook". */
export function makeWording(text: string): string {
  // Built on first use: the catalogues and Make's labels are read once every module has loaded.
  rewrites ??= [...REWRITES, ...labelRewrites()];
  return rewrites.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
