/**
 * A small evaluator of the IML subset make/generate emits, so generated expressions can be run here
 * on vendor payloads (no Make account needed). Semantics follow Make's function reference where it
 * states them; where it does not, the evaluator is strict rather than lenient, so a misuse fails here
 * instead of passing by luck:
 * - `parseNumber` throws on text that is not a number (what Make does with ISO date text is not
 *   documented; the generator must never ask);
 * - `parseDate` knows only the formats we emit (`X`, `x`, ISO-8601) and throws on text they do not fit;
 * - `formatDate` and `addSeconds` take only a date (a `parseDate` result, `now`, Make's `data.lastDate`), not text;
 * - empty input (null, '') to those three gives null: Make's functions pass an empty value on
 *   (inferred from Make's mapping behaviour, not stated for each function);
 * - every function's arguments are evaluated before the call, as in Make (so `if` guards nothing).
 * Supported: literals ('text' with \\ escapes, numbers, null, true, false, undefined), dotted names, calls,
 * `! - * / + - < > <= >= == != && ||` and parentheses.
 */
import { createHash } from 'node:crypto';
import { ISO_OUTPUT_FORMAT, ISO_PARSE_FORMAT } from '../../make/generate/iml';

type Value = unknown;
type Token = { kind: 'string' | 'number' | 'name' | 'op'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:\\.|[^'\\])*)'|(\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(\|\||&&|==|!=|<=|>=|[-+*/<>!(),]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) throw new Error(`IML: cannot read "${source.slice(at, at + 30)}"`);
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'number', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'name', text: match[3] });
    else tokens.push({ kind: 'op', text: match[4] });
  }
  return tokens;
}

const isEmpty = (value: Value) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const text = (value: Value): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value));

function readPath(root: Value, steps: string[]): Value {
  return steps.reduce<Value>((value, step) => (value !== null && typeof value === 'object' ? (value as Record<string, Value>)[step] : undefined), root);
}

function dateOf(value: Value, fn: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new Error(`IML: ${fn} of ${text(value)}, which is no date`);
  return value;
}

/** The `formatDate` formats we emit (moment tokens, UTC): normalized times, and the time filters' four. */
const DATE_FORMATS: Record<string, (date: Date) => string> = {
  [ISO_OUTPUT_FORMAT]: (date) => date.toISOString(),
  'YYYY-MM-DDTHH:mm:ss[Z]': (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  'YYYY-MM-DD': (date) => date.toISOString().slice(0, 10),
  x: (date) => String(date.getTime()),
  X: (date) => String(Math.floor(date.getTime() / 1000)),
};

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  // Make's sha256(text): the lower-case hex digest (attach derives a token from the webhook address).
  sha256: (value) => createHash('sha256').update(text(value)).digest('hex'),
  ifempty: (value, otherwise) => (isEmpty(value) ? otherwise : value),
  if: (condition, then, otherwise) => (condition ? then : otherwise),
  switch: (subject, ...cases) => {
    for (let index = 0; index + 1 < cases.length; index += 2) if (text(cases[index]) === text(subject) && subject !== null && subject !== undefined) return cases[index + 1];
    return cases.length % 2 === 1 ? cases[cases.length - 1] : null;
  },
  toString: (value: Value) => text(value),
  lower: (value) => text(value).toLowerCase(),
  upper: (value) => text(value).toUpperCase(),
  trim: (value) => text(value).trim(),
  length: (value) => (Array.isArray(value) ? value.length : text(value).length),
  contains: (haystack, needle) => (Array.isArray(haystack) ? haystack.includes(needle) : text(haystack).includes(text(needle))),
  split: (value, separator) => text(value).split(text(separator)),
  encodeURL: (value) => encodeURIComponent(text(value)),
  first: (value) => (Array.isArray(value) ? value[0] : undefined),
  last: (value) => (Array.isArray(value) ? value[value.length - 1] : undefined),
  get: (value, path) => readPath(value, text(path).split('.').map((step) => (/^\d+$/.test(step) ? String(Number(step) - 1) : step))),
  round: (value) => Math.round(Number(value)),
  abs: (value) => Math.abs(Number(value)),
  parseNumber: (value, separator) => {
    const raw = text(value).trim();
    if (raw === '') return null;
    if (separator !== '.' || !/^-?\d+(\.\d+)?$/.test(raw)) throw new Error(`IML: parseNumber of "${raw}"`);
    return Number(raw);
  },
  parseDate: (value, format) => {
    const raw = text(value);
    if (raw === '') return null;
    if (format === 'X' && /^\d+(\.\d+)?$/.test(raw)) return new Date(Number(raw) * 1000);
    if (format === 'x' && /^\d+$/.test(raw)) return new Date(Number(raw));
    if (format === ISO_PARSE_FORMAT && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw)) return new Date(raw);
    throw new Error(`IML: parseDate of "${raw}" with format ${text(format)}`);
  },
  formatDate: (value, format, zone) => {
    if (isEmpty(value)) return null;
    const formatted = zone === 'UTC' ? DATE_FORMATS[text(format)]?.(dateOf(value, 'formatDate')) : undefined;
    if (formatted === undefined) throw new Error(`IML: formatDate format ${text(format)} ${text(zone)} is outside the subset`);
    return formatted;
  },
  addSeconds: (value, seconds) => (isEmpty(value) ? null : new Date(dateOf(value, 'addSeconds').getTime() + Number(seconds) * 1000)),
};

const BINARY: [string[], (left: Value, right: Value, op: string) => Value][] = [
  [['||'], (left, right) => left || right],
  [['&&'], (left, right) => left && right],
  [['==', '!='], (left, right, op) => (text(left) === text(right)) === (op === '==')],
  [['<', '>', '<=', '>='], (left, right, op) => ({ '<': Number(left) < Number(right), '>': Number(left) > Number(right), '<=': Number(left) <= Number(right), '>=': Number(left) >= Number(right) })[op]],
  [['+', '-'], (left, right, op) => (op === '-' ? Number(left) - Number(right) : typeof left === 'number' && typeof right === 'number' ? left + right : text(left) + text(right))],
  [['*', '/'], (left, right, op) => (op === '*' ? Number(left) * Number(right) : Number(left) / Number(right))],
];

/**
 * Evaluates one IML expression (the text inside `{{ }}`).
 * @param scope the names Make provides, e.g. `{ body, query, parameters }`
 * @throws Error on syntax outside the subset, an unknown function, or a strict function's refusal
 */
export function evaluateIml(expression: string, scope: Record<string, Value>): Value {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const take = (op?: string) => {
    const token = tokens[at];
    if (!token || (op !== undefined && token.text !== op)) throw new Error(`IML: expected ${op ?? 'more'} at token ${at} of ${expression.slice(0, 80)}`);
    at += 1;
    return token;
  };
  const binary = (level: number): Value => {
    if (level === BINARY.length) return unary();
    let left = binary(level + 1);
    const [ops, apply] = BINARY[level];
    while (peek()?.kind === 'op' && ops.includes(peek().text)) {
      const op = take().text;
      left = apply(left, binary(level + 1), op);
    }
    return left;
  };
  const unary = (): Value => {
    if (peek()?.text === '!') return take() && !unary();
    if (peek()?.text === '-' && peek()?.kind === 'op') return take() && -Number(unary());
    return primary();
  };
  const primary = (): Value => {
    const token = take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'op' && token.text === '(') {
      const value = binary(0);
      take(')');
      return value;
    }
    if (token.kind !== 'name') throw new Error(`IML: unexpected ${token.text}`);
    if (peek()?.text === '(') {
      take('(');
      const args: Value[] = [];
      while (peek()?.text !== ')') {
        args.push(binary(0));
        if (peek()?.text === ',') take(',');
      }
      take(')');
      const fn = FUNCTIONS[token.text];
      if (!fn) throw new Error(`IML: function ${token.text} is outside the subset`);
      return fn(...args);
    }
    if (token.text === 'null') return null;
    // Make's keyword for a value left out (a query parameter that is not sent).
    if (token.text === 'undefined') return undefined;
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    const [root, ...steps] = token.text.split('.');
    if (!Object.hasOwn(scope, root)) throw new Error(`IML: ${root} is not in scope`);
    return readPath(scope[root], steps);
  };
  const value = binary(0);
  if (at !== tokens.length) throw new Error(`IML: trailing input at token ${at} of ${expression.slice(0, 80)}`);
  return value;
}

/** Evaluates a JSON template as Make does: a string that is one `{{…}}` keeps the value's type, other strings interpolate, objects and arrays recurse. */
export function evaluateTemplate(template: unknown, scope: Record<string, Value>): Value {
  if (typeof template === 'string') {
    const whole = /^\{\{([\s\S]*)\}\}$/.exec(template);
    if (whole && !whole[1].includes('{{')) return evaluateIml(whole[1], scope);
    return template.replace(/\{\{([\s\S]*?)\}\}/g, (_, inner: string) => text(evaluateIml(inner, scope)));
  }
  if (Array.isArray(template)) return template.map((item) => evaluateTemplate(item, scope));
  if (template !== null && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, evaluateTemplate(value, scope)]));
  return template;
}
