/**
 * Renders request templates (`{{name}}` placeholders, see `Template` in types.ts) against a scope
 * of named values. Kept deliberately close to Make's IML `{{...}}` so the same data can be
 * translated for the Make app. A placeholder whose value is missing leaves its key out of the
 * query or body, unless the string has other placeholders with values. A placeholder may name one filter after a bar:
 * - `{{sale_amount | cents}}`: a major-unit amount (12.5) as integer minor units (1250), for
 *   vendors that take cents;
 * - `{{program_id | number}}`: a numeric text as a number, for vendors that want JSON numbers;
 * - `{{referral_id | integer}}`: an id typed as a plain decimal integer (digits only) as a JSON
 *   integer, exact beyond 2^53 (`exactInteger`); any other present value is refused
 *   (`TemplateValueError`), never dropped, so a list of ids cannot lose one silently.
 */
import type { Template } from './types';
import { getPath } from './paths';

/** Values a template may refer to: action inputs, `auth.*`, subscription facts. */
export type Scope = Record<string, unknown>;

const WHOLE = /^\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}$/;
const ANY = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

/**
 * Raised while rendering for a value that cannot stand where its template puts it; the message
 * names the placeholder (the input), never the value, and is worded for the user.
 */
export class TemplateValueError extends Error {
  override name = 'TemplateValueError';
}

/** A plain decimal integer as typed: digits only, surrounding spaces allowed (no sign, exponent, hex or decimals). */
export const PLAIN_INTEGER = /^\s*\d+\s*$/;

/** Node 22's `JSON.rawJSON` (not in the ES2022 typings): a value JSON.stringify writes as the given text. */
const rawJson = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;

/**
 * A plain decimal integer (`PLAIN_INTEGER`, a number or its text) as a value JSON.stringify
 * writes exactly: a number up to 2^53, beyond it a raw JSON integer of the digits as typed
 * (leading zeros dropped), so 9007199254740993 is not sent as …992.
 * @returns undefined for anything that is not a plain decimal integer
 */
export function exactInteger(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !PLAIN_INTEGER.test(value)) return undefined;
  const digits = value.trim().replace(/^0+(?=\d)/, '');
  const number = Number(digits);
  if (Number.isSafeInteger(number)) return number;
  return rawJson === undefined ? undefined : rawJson(digits);
}

/** The filters a placeholder may apply. A value `cents` or `number` cannot read counts as missing; `integer` refuses it. */
export const TEMPLATE_FILTERS = {
  cents: (value: unknown): unknown => {
    const amount = Number(value);
    return value === '' || !Number.isFinite(amount) ? undefined : Math.round(amount * 100);
  },
  number: (value: unknown): unknown => {
    const number = Number(value);
    return value === '' || !Number.isFinite(number) ? undefined : number;
  },
  integer: exactInteger,
} as const;

/** Filters whose unreadable value is an error rather than a missing value. */
const REFUSING_FILTERS: ReadonlySet<string> = new Set(['integer']);

function lookUp(scope: Scope, name: string, filter: string | undefined): unknown {
  const value = getPath(scope, name);
  if (filter === undefined || isAbsent(value)) return value;
  if (!Object.hasOwn(TEMPLATE_FILTERS, filter)) throw new Error(`Unknown template filter "${filter}"`);
  const out = TEMPLATE_FILTERS[filter as keyof typeof TEMPLATE_FILTERS](value);
  if (out === undefined && REFUSING_FILTERS.has(filter)) {
    throw new TemplateValueError(`{{${name}}} must be a whole number written with digits only (such as 12345)`);
  }
  return out;
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
export class PathValueError extends TemplateValueError {
  override name = 'PathValueError';
}

/** A UTF-16 surrogate without its pair (in `u` mode a paired one is one code point): no URL or form encoding can carry it. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * True when text can be URL-encoded (`encodeURIComponent`, `querystring`): no lone surrogate, which
 * would otherwise throw a raw `URIError`.
 */
export function isUrlEncodable(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * Renders a URL path; every placeholder is URL-encoded (so a `/` in a value stays inside its segment).
 * @throws PathValueError naming the placeholder when a path value is missing or blank (a path
 *   cannot drop a part), is `.` or `..` (it would leave its segment and address another endpoint),
 *   or holds a lone surrogate; TemplateValueError when a refusing filter (`integer`) cannot read it
 */
export function renderPath(path: string, scope: Scope): string {
  return path.replace(ANY, (_, name: string, filter: string | undefined) => {
    const value = lookUp(scope, name, filter);
    if (isAbsent(value) || String(value).trim() === '') throw new PathValueError(`Missing value for {{${name}}} in ${path}`);
    const text = String(value);
    if (DOT_SEGMENT.test(text.trim())) throw new PathValueError(`{{${name}}} is "${text}", which is not an ID (it would change the address ${path})`);
    if (!isUrlEncodable(text)) throw new PathValueError(`{{${name}}} holds a broken character (a lone UTF-16 surrogate) that cannot be sent in ${path}`);
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
