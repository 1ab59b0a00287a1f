/**
 * URL-encodes rendered template values as application/x-www-form-urlencoded text (form bodies
 * and query strings, written by node:querystring), refusing what that encoding would otherwise
 * lose: an object value (querystring writes it as an empty field) and a lone UTF-16 surrogate
 * (querystring throws a raw `URIError`). A refusal names the input, never its value.
 */
import { stringify, type ParsedUrlQueryInput } from 'node:querystring';
import { isUrlEncodable, TemplateValueError } from './template';
import type { Template } from './types';

/** The inputs a template value names (`{{first_name}} {{last_name}}` → `{{first_name}}, {{last_name}}`), else its field. */
function inputsOf(key: string, template: Template | undefined): string {
  const names = [...JSON.stringify(template ?? '').matchAll(/\{\{\s*([\w.]+)/g)].map((match) => `{{${match[1]}}}`);
  return names.length > 0 ? [...new Set(names)].join(', ') : `"${key}"`;
}

/**
 * One field value as querystring takes it: text, numbers and booleans as they are; an exact
 * integer (`exactInteger`'s raw JSON) as its digits.
 * @returns the value, or a reason it cannot be form-encoded
 */
function encodableValue(value: unknown): { value: string | number | boolean } | { reason: string } {
  if (typeof value === 'string') return isUrlEncodable(value) ? { value } : { reason: 'holds a broken character (a lone UTF-16 surrogate)' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value === null || value === undefined) return { value: '' };
  // `JSON.rawJSON` values are frozen objects that JSON.stringify writes as their own text.
  const raw = JSON.stringify(value);
  if (raw !== undefined && /^\d+$/.test(raw)) return { value: raw };
  return { reason: 'is a group of values (an object), not one value: map a single value' };
}

/**
 * Form-encodes rendered fields; an array repeats its field (`a=1&a=2`).
 * @param fields the rendered values, by field name
 * @param template the template they were rendered from, to name the inputs behind a refused value
 * @returns the encoded text, without a leading `?`
 * @throws TemplateValueError naming the input (its placeholder) when a value is an object, holds
 *   an object, or holds a lone surrogate
 */
export function encodeForm(fields: Record<string, unknown>, template: Record<string, Template>): string {
  const encodable: Record<string, string | number | boolean | (string | number | boolean)[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    const items = Array.isArray(value) ? value.map(encodableValue) : [encodableValue(value)];
    const refused = items.find((item) => 'reason' in item);
    if (refused !== undefined && 'reason' in refused) {
      throw new TemplateValueError(`${inputsOf(key, template[key])} ${refused.reason}, so it cannot be sent as the field "${key}"`);
    }
    const values = items.map((item) => ('value' in item ? item.value : ''));
    encodable[key] = Array.isArray(value) ? values : values[0];
  }
  return stringify(encodable as ParsedUrlQueryInput);
}
