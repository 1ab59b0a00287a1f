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
  if (filter === 'number') return `parseNumber(${expression}, '.')`;
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
