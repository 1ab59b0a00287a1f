/**
 * Renders request templates (`{{name}}` placeholders, see `Template` in types.ts) against a scope
 * of named values. Kept deliberately close to Make's IML `{{...}}` so the same data can be
 * translated for the Make app. A placeholder whose value is missing leaves its key out of the
 * query or body, unless the string has other placeholders with values. A placeholder may name one filter after a bar:
 * - `{{sale_amount | cents}}`: a major-unit amount (12.5) as integer minor units (1250), for
 *   vendors that take cents;
 * - `{{program_id | number}}`: a numeric text as a number, for vendors that want JSON numbers.
 */
import type { Template } from './types';
import { getPath } from './paths';

/** Values a template may refer to: action inputs, `auth.*`, subscription facts. */
export type Scope = Record<string, unknown>;

const WHOLE = /^\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}$/;
const ANY = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

/** The filters a placeholder may apply. A value the filter cannot read counts as missing. */
export const TEMPLATE_FILTERS = {
  cents: (value: unknown): unknown => {
    const amount = Number(value);
    return value === '' || !Number.isFinite(amount) ? undefined : Math.round(amount * 100);
  },
  number: (value: unknown): unknown => {
    const number = Number(value);
    return value === '' || !Number.isFinite(number) ? undefined : number;
  },
} as const;

function lookUp(scope: Scope, name: string, filter: string | undefined): unknown {
  const value = getPath(scope, name);
  if (filter === undefined || isAbsent(value)) return value;
  if (!Object.hasOwn(TEMPLATE_FILTERS, filter)) throw new Error(`Unknown template filter "${filter}"`);
  return TEMPLATE_FILTERS[filter as keyof typeof TEMPLATE_FILTERS](value);
}

/** Marker for "this placeholder had no value": the key is dropped. */
const MISSING = Symbol('missing');

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function renderValue(template: Template, scope: Scope): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) {
      const value = lookUp(scope, whole[1], whole[2]);
      return isAbsent(value) ? MISSING : value;
    }
    // Text around placeholders ("{{first_name}} {{last_name}}") keeps what is present; only when
    // every placeholder is empty is the key dropped.
    let present = 0;
    const text = template.replace(ANY, (_, name: string, filter: string | undefined) => {
      const value = lookUp(scope, name, filter);
      if (isAbsent(value)) return '';
      present += 1;
      return String(value);
    });
    return present === 0 && text !== template ? MISSING : text.trim();
  }
  if (Array.isArray(template)) {
    return template.map((item) => renderValue(item, scope)).filter((item) => item !== MISSING);
  }
  if (template !== null && typeof template === 'object') return renderObject(template, scope);
  return template;
}

/** Renders every value of an object template; keys whose placeholders have no value are left out. */
export function renderObject(template: Record<string, Template>, scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    const rendered = renderValue(value, scope);
    if (rendered !== MISSING) out[key] = rendered;
  }
  return out;
}

/** A path value that is a dot segment: URL resolution would climb out of its place (`/referral/../status` → `/status`). */
const DOT_SEGMENT = /^\.{1,2}$/;

/** Raised by `renderPath` for a value that cannot stand in a path; its message is worded for the user. */
export class PathValueError extends Error {
  override name = 'PathValueError';
}

/**
 * Renders a URL path; every placeholder is URL-encoded (so a `/` in a value stays inside its segment).
 * @throws PathValueError naming the placeholder when a path value is missing or blank (a path
 *   cannot drop a part), or is `.` or `..` (it would leave its segment and address another endpoint)
 */
export function renderPath(path: string, scope: Scope): string {
  return path.replace(ANY, (_, name: string, filter: string | undefined) => {
    const value = lookUp(scope, name, filter);
    if (isAbsent(value) || String(value).trim() === '') throw new PathValueError(`Missing value for {{${name}}} in ${path}`);
    const text = String(value);
    if (DOT_SEGMENT.test(text.trim())) throw new PathValueError(`{{${name}}} is "${text}", which is not an ID (it would change the address ${path})`);
    return encodeURIComponent(text);
  });
}

/** Renders a string template to text (e.g. an auth header value); missing placeholders become ''. */
export function renderText(template: string, scope: Scope): string {
  return template.replace(ANY, (_, name: string, filter: string | undefined) => {
    const value = lookUp(scope, name, filter);
    return isAbsent(value) ? '' : String(value);
  });
}
