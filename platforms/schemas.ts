/**
 * zod schemas for what enters the app from outside: webhook bodies and vendor API responses.
 * Each untrusted value is validated once, here, where it enters; the rest of the code reads it
 * through these types. zod's mini build keeps the app small, and it is required on first use,
 * not at load: loading it costs about a fifth of zapier-platform-core's own load time (every
 * Lambda cold start), and actions that validate nothing never need it (docs/performance.md).
 */
import type { z as Zod, ZodMiniType } from 'zod/mini';
import { getPath } from './paths';
import type { SubscribeData } from './subscribe-data';

type ZodMini = typeof Zod;

let zodMini: ZodMini | undefined;

/** zod/mini, required once, on the first validation. */
function zod(): ZodMini {
  zodMini ??= (require('zod/mini') as typeof import('zod/mini')).z;
  return zodMini;
}

/** What validating returns: the value typed, or failure (zod's own schemas satisfy this too). */
export type SafeParse<T> = { success: true; data: T } | { success: false };

/** A validator: one of the schemas below, or any zod schema. */
export interface Parser<T> {
  safeParse(value: unknown): SafeParse<T>;
}

/** A zod schema built on first use (building one costs load time too). */
function lazySchema<T>(build: (z: ZodMini) => ZodMiniType<T>): Parser<T> {
  let schema: ZodMiniType<T> | undefined;
  return {
    safeParse(value) {
      schema ??= build(zod());
      const result = schema.safeParse(value);
      return result.success ? { success: true, data: result.data } : { success: false };
    },
  };
}

/** Any JSON object (webhook bodies, list items): its fields are read through field maps. */
export const jsonObjectSchema = lazySchema((z) => z.record(z.string(), z.unknown()));

/** An array of JSON objects (a list endpoint's items). */
export const jsonObjectListSchema = lazySchema((z) => z.array(z.record(z.string(), z.unknown())));

/** An identifier as vendors send them: a non-empty string or a number. */
export const vendorIdSchema = lazySchema((z) => z.union([z.string().check(z.minLength(1)), z.number()]));

/** A secret or token: a non-empty string. */
export const secretSchema = lazySchema((z) => z.string().check(z.minLength(1)));

/** Any string (e.g. an account name in a vendor response). */
export const textSchema = lazySchema((z) => z.string());

/**
 * Reads a value at a dotted path of a response body and validates it.
 * @returns the value, or undefined when absent or of the wrong shape
 */
export function readAt<T>(body: unknown, path: string, schema: Parser<T>): T | undefined {
  const result = schema.safeParse(getPath(body, path));
  return result.success ? result.data : undefined;
}

/** A JSON string literal, or a JSON number literal (the tokens `parseJsonExact` looks at). */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Cheap pre-check: only a body with a run of 16+ digits can hold an integer beyond 2^53. */
const LONG_DIGITS = /\d{16}/;

/**
 * `JSON.parse`, except that integers beyond Number.MAX_SAFE_INTEGER are kept as their exact text
 * (9007199254740993 stays "9007199254740993" instead of becoming …992): vendor ids must survive.
 * Node 22's JSON.parse gives revivers no source text (`context.source` is not shipped), so unsafe
 * integer literals outside strings are quoted before parsing.
 * @throws SyntaxError for text that is not JSON, as JSON.parse does
 */
export function parseJsonExact(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const quoted = text.replace(STRING_OR_NUMBER, (token) =>
    token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
  return JSON.parse(quoted);
}

/**
 * Parses a raw webhook body as a JSON object, keeping large integer ids exact (`parseJsonExact`).
 * @returns the object, or undefined for non-JSON, arrays and scalars
 */
export function parseJsonObject(rawBody: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = parseJsonExact(rawBody);
  } catch {
    return undefined;
  }
  const result = jsonObjectSchema.safeParse(parsed);
  return result.success ? result.data : undefined;
}

/** What our subscribe stored in Zapier's `subscribeData`: the `SubscribeData` shape of platforms/subscribe-data.ts, checked against it by the type parameter. */
export const subscribeDataSchema = lazySchema<SubscribeData>((z) =>
  z.object({
    id: z.string(),
    platform: z.string(),
    subscriptions: z.array(
      z.object({
        events: z.array(z.string()),
        id: z.optional(z.string()),
        secret: z.optional(z.string()),
        issuedSecret: z.optional(z.string()),
        target: z.optional(z.string()),
        standIns: z.optional(z.record(z.string(), z.array(z.string()))),
      }),
    ),
    token: z.optional(z.string()),
  }),
);
