/**
 * IML building blocks. Make's IML in app files is JavaScript-like: `{{ … }}` around an expression,
 * functions with comma-separated arguments, single-quoted strings, `==`, `||`, `&&`, `+`.
 * Everything here returns expression text WITHOUT the outer braces; `wrap` adds them.
 */
import { TEMPLATE_FILTERS } from '../../platforms/template';
import type { Template } from '../../platforms/types';
import type { Json } from './json';
import type { Reporter } from './issues';

/** `'text'`, with quotes and backslashes escaped: a string literal inside an IML expression. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `{{expr}}`. */
export function wrap(expression: string): string {
  return `{{${expression}}}`;
}

/** The expression inside a string that is exactly one `{{…}}`, or undefined. */
export function unwrap(value: string): string | undefined {
  const match = /^\{\{([\s\S]*)\}\}$/.exec(value);
  if (!match || match[1].includes('{{') || match[1].includes('}}')) return undefined;
  return match[1];
}

/** A JSON value as an IML expression: `{{x}}` → `x`, text → a quoted literal. */
export function asExpression(value: Json): string {
  if (typeof value === 'string') return unwrap(value) ?? quote(value);
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'null';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A dotted vendor path (`affiliate.email`, `coupons.0.code`) read from `root` (`item`, `body`).
 * Plain names become member access; paths with indices or odd names go through IML `get()`, whose
 * array indices start at 1 (our data's start at 0). A root that is itself a call is read through `get()` too.
 */
export function pathExpression(root: string, path: string): string {
  if (path === '') return root;
  const steps = path.split('.');
  // Member access only on a plain root (`body.data`); a computed root (`ifempty(…)`) goes through get().
  const plainRoot = root.split('.').every((step) => IDENTIFIER.test(step));
  if (plainRoot && steps.every((step) => IDENTIFIER.test(step))) return `${root}.${path}`;
  const imlPath = steps.map((step) => (/^\d+$/.test(step) ? String(Number(step) + 1) : step)).join('.');
  return `get(${root}, ${quote(imlPath)})`;
}

/** Make's `parseDate` format for ISO-8601 text (moment tokens; Make's docs parse `2016-12-28T16:03:06.372Z` with it). */
export const ISO_PARSE_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSSZ';

/** Make's `formatDate` format of our normalized times: ISO-8601 UTC with milliseconds, as `Date.toISOString()`. */
export const ISO_OUTPUT_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSS[Z]';

/**
 * A vendor time (epoch seconds, epoch milliseconds, or date text) as Make's date, the IML of
 * platforms/conversions.ts `toTime`. Text holding a `-` is date text (every ISO-8601 date has one), parsed with `parseDate`
 * and the ISO format; anything else is an epoch, in seconds when its integer part has at most 11
 * digits (below 1e11, as on Zapier), else milliseconds. `parseNumber` never sees date text: Make
 * evaluates every argument of `if`, so a guarded `parseNumber` would still run on it.
 * That moment's forgiving parse also takes ISO text without milliseconds or with an offset is
 * inferred from moment.js, which Make's date functions follow; Make's docs show only the full form.
 */
export function timeExpression(value: string): string {
  const text = `toString(${value})`;
  const format = `if(contains(${text}, '-'), ${quote(ISO_PARSE_FORMAT)}, if(length(first(split(${text}, '.'))) > 11, 'x', 'X'))`;
  return `parseDate(${text}, ${format})`;
}

/** The first non-empty of several expressions (Zapier's "first present path wins"). */
export function firstPresent(expressions: readonly string[]): string {
  if (expressions.length === 0) return 'null';
  return expressions.slice(0, -1).reduceRight((inner, expression) => `ifempty(${expression}, ${inner})`, expressions[expressions.length - 1]);
}

/** How a template placeholder is bound in one Make context. */
export type Binding = { iml: string } | { literal: Json };

/** Resolves a placeholder name (`referral_id`, `api_key`, `target_url`…) in one context; undefined = unknown there. */
export type Resolver = (name: string) => Binding | undefined;

const PLACEHOLDER_WHOLE = /^\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}$/;
const PLACEHOLDER_ANY = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

/** IML for our template filters (platforms/template.ts). */
function filtered(expression: string, filter: string | undefined, report: Reporter): string {
  if (filter === undefined) return expression;
  if (filter === 'cents') return `round(parseNumber(${expression}, '.') * 100)`;
  // `integer` as `number`: IML has no exact integers beyond 2^53, and Make checks no id format before sending.
  if (filter === 'number' || filter === 'integer') return `parseNumber(${expression}, '.')`;
  report('error', `template filter "${filter}" has no IML translation (make/generate/iml.ts)`);
  return expression;
}

function literalFiltered(value: Json, filter: string | undefined, report: Reporter): Json {
  if (filter === undefined) return value;
  if (!Object.hasOwn(TEMPLATE_FILTERS, filter)) {
    report('error', `unknown template filter "${filter}"`);
    return value;
  }
  const out = TEMPLATE_FILTERS[filter as keyof typeof TEMPLATE_FILTERS](value);
  return typeof out === 'number' ? out : null;
}

function bind(name: string, resolve: Resolver, report: Reporter): Binding {
  const binding = resolve(name);
  if (binding) return binding;
  report('error', `placeholder {{${name}}} has no value in this Make context`);
  return { literal: '' };
}

/**
 * Translates one of our request templates into IML. A string that is one placeholder keeps the
 * value's type (`{{parameters.x}}`, or the literal itself); placeholders inside text are inlined.
 * Make leaves out a body key whose mapped value is empty, as our renderer drops missing keys.
 */
export function translateTemplate(template: Template, resolve: Resolver, report: Reporter): Json {
  if (typeof template === 'string') {
    const whole = PLACEHOLDER_WHOLE.exec(template);
    if (whole) {
      const binding = bind(whole[1], resolve, report);
      return 'iml' in binding ? wrap(filtered(binding.iml, whole[2], report)) : literalFiltered(binding.literal, whole[2], report);
    }
    return template.replace(PLACEHOLDER_ANY, (_, name: string, filter: string | undefined) => {
      const binding = bind(name, resolve, report);
      if ('iml' in binding) return wrap(filtered(binding.iml, filter, report));
      const value = literalFiltered(binding.literal, filter, report);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(template)) return template.map((item) => translateTemplate(item, resolve, report));
  if (template !== null && typeof template === 'object') return translateObject(template, resolve, report);
  return template;
}

/** Translates every value of an object template. */
export function translateObject(template: Record<string, Template>, resolve: Resolver, report: Reporter): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(template)) out[key] = translateTemplate(value, resolve, report);
  return out;
}

/** Placeholder names used anywhere in a template. */
export function placeholdersOf(template: Template | undefined): string[] {
  if (template === undefined || template === null) return [];
  if (typeof template === 'string') return [...template.matchAll(PLACEHOLDER_ANY)].map((match) => match[1]);
  if (Array.isArray(template)) return template.flatMap((item) => placeholdersOf(item));
  if (typeof template === 'object') return Object.values(template).flatMap((item) => placeholdersOf(item));
  return [];
}
