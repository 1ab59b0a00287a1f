/**
 * The texts a body-signing vendor may have signed. Usually the raw body itself; for a vendor that
 * writes the signature into the body it signed (a documented envelope may carry
 * `"signature": "sha256=…"`), the body as it was before that field was added, which can only be
 * reconstructed: byte for byte without the field, or re-serialized compactly or as Python's
 * `json.dumps` writes it (the vendor's documented verifier is Python).
 */
import type { SingleSignatureScheme } from '../platforms/types';

type SignedBody = Extract<SingleSignatureScheme, { type: 'hmac' }>['signedBody'];

/** `json.dumps` with its defaults: `, ` and `: ` separators, non-ASCII escaped as `\uXXXX`. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([key, entry]) => `${asciiOnly(JSON.stringify(key))}: ${pythonJson(entry)}`).join(', ')}}`;
  }
  return asciiOnly(JSON.stringify(value) ?? 'null');
}

function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The raw body with the field's `"name": "value"` pair (and one adjacent comma) cut out, every other byte kept. */
function withoutPair(rawBody: string, field: string, value: string): string | undefined {
  const pair = `"${escapeRegExp(field)}"\\s*:\\s*${escapeRegExp(JSON.stringify(value))}`;
  for (const pattern of [new RegExp(`\\s*,\\s*${pair}`), new RegExp(`${pair}\\s*,?\\s*`)]) {
    if (pattern.test(rawBody)) return rawBody.replace(pattern, '');
  }
  return undefined;
}

/** The body as plain JSON (numbers as numbers, as the vendor serialized them), or undefined. */
function parsedObject(rawBody: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param signedBody the scheme's `signedBody` (default: the raw body)
 * @returns the candidate signed texts, most likely first, without repeats; empty when the body
 *   lacks the field it supposedly added
 */
export function signedBodies(rawBody: string, signedBody: SignedBody = 'raw'): string[] {
  if (signedBody === 'raw') return [rawBody];
  const body = parsedObject(rawBody);
  const field = signedBody.withoutField;
  const value = body?.[field];
  if (body === undefined || typeof value !== 'string') return [];
  const rest = Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));
  const texts = [withoutPair(rawBody, field, value), pythonJson(rest), JSON.stringify(rest)];
  return [...new Set(texts.filter((text): text is string => text !== undefined))];
}

/**
 * The signature a body carries in its own field (the field `signedBody.withoutField` names), which
 * may be the one proof the vendor sends when no header carries it.
 * @returns the field's text, or undefined for `raw` or a body without it
 */
export function signatureInBody(rawBody: string, signedBody: SignedBody = 'raw'): string | undefined {
  if (signedBody === 'raw') return undefined;
  const value = parsedObject(rawBody)?.[signedBody.withoutField];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
