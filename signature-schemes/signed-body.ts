/**
 * The texts a body-signing vendor may have signed. Usually the raw body itself; for a vendor that
 * writes the signature into the body it signed (a documented envelope may carry
 * `"signature": "sha256=…"`), the body as it was before that field was added: the raw text with
 * that one member cut out, every other byte kept. Never a re-serialization: parsing reads numbers
 * as doubles (an id of 2^53 + 1 reads as 2^53), so a re-serialized body could verify a delivery
 * whose text says something else.
 */
import type { SingleSignatureScheme } from './types';

type SignedBody = Extract<SingleSignatureScheme, { type: 'hmac' }>['signedBody'];

/** One member of a JSON object's text: where it starts (its key's quote) and ends (after its value), and its key. */
interface MemberSpan {
  key: string;
  start: number;
  end: number;
}

const WHITESPACE = /[ \t\n\r]/;

function skipWhitespace(text: string, at: number): number {
  let index = at;
  while (index < text.length && WHITESPACE.test(text[index])) index += 1;
  return index;
}

/** The index after the string starting at `at` (its opening quote). */
function skipString(text: string, at: number): number {
  let index = at + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The index after the value starting at `at`: a string, an object or array (nesting counted), or a bare literal. */
function skipValue(text: string, at: number): number {
  if (text[at] === '"') return skipString(text, at);
  if (text[at] === '{' || text[at] === '[') {
    let depth = 0;
    let index = at;
    while (index < text.length) {
      const char = text[index];
      if (char === '"') {
        index = skipString(text, index);
        continue;
      }
      if (char === '{' || char === '[') depth += 1;
      if (char === '}' || char === ']') depth -= 1;
      index += 1;
      if (depth === 0) return index;
    }
    return index;
  }
  let index = at;
  while (index < text.length && !/[,}\] \t\n\r]/.test(text[index])) index += 1;
  return index;
}

/**
 * The top-level members of a JSON object's text, in order. Call it only on text that parses as a
 * JSON object (the scanner trusts its grammar).
 */
function topLevelMembers(text: string): MemberSpan[] {
  const members: MemberSpan[] = [];
  let index = skipWhitespace(text, text.indexOf('{') + 1);
  while (index < text.length && text[index] === '"') {
    const keyEnd = skipString(text, index);
    const key = JSON.parse(text.slice(index, keyEnd)) as string;
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    const end = skipValue(text, valueStart);
    members.push({ key, start: index, end });
    const next = skipWhitespace(text, end);
    if (text[next] !== ',') break;
    index = skipWhitespace(text, next + 1);
  }
  return members;
}

/**
 * The raw body with its one top-level `field` member cut out with one adjacent comma and the
 * whitespace around it, every other byte kept.
 * @returns undefined when the field is absent or appears twice (which of them was added is unknown)
 */
function withoutMember(rawBody: string, field: string): string | undefined {
  const members = topLevelMembers(rawBody);
  const at = members.findIndex((member) => member.key === field);
  if (at === -1 || members.findIndex((member, index) => index > at && member.key === field) !== -1) return undefined;
  const member = members[at];
  if (at > 0) return rawBody.slice(0, members[at - 1].end) + rawBody.slice(member.end);
  const next = members[1];
  return rawBody.slice(0, member.start) + rawBody.slice(next === undefined ? skipWhitespace(rawBody, member.end) : next.start);
}

/** The body as plain JSON, or undefined. */
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
 * @returns the candidate signed texts: the raw body, or the body without its signature member;
 *   empty when the body lacks the string field it supposedly added, or has it twice
 */
export function signedBodies(rawBody: string, signedBody: SignedBody = 'raw'): string[] {
  if (signedBody === 'raw') return [rawBody];
  const field = signedBody.withoutField;
  if (typeof parsedObject(rawBody)?.[field] !== 'string') return [];
  const text = withoutMember(rawBody, field);
  return text === undefined ? [] : [text];
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
