/**
 * zod schemas for what enters the app from outside: webhook bodies and vendor API responses.
 * Each untrusted value is validated once, here, where it enters; the rest of the code reads it
 * through these types. zod's mini build keeps the app's cold start small.
 */
import { z } from 'zod/mini';
import { getPath } from './paths';

/** Any JSON object (webhook bodies, list items): its fields are read through field maps. */
export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** An array of JSON objects (a list endpoint's items). */
export const jsonObjectListSchema = z.array(jsonObjectSchema);

/** An identifier as vendors send them: a non-empty string or a number. */
export const vendorIdSchema = z.union([z.string().check(z.minLength(1)), z.number()]);

/** A secret or token: a non-empty string. */
export const secretSchema = z.string().check(z.minLength(1));

/**
 * Reads a value at a dotted path of a response body and validates it.
 * @returns the value, or undefined when absent or of the wrong shape
 */
export function readAt<T>(body: unknown, path: string, schema: z.ZodMiniType<T>): T | undefined {
  const result = schema.safeParse(getPath(body, path));
  return result.success ? result.data : undefined;
}

/**
 * Parses a raw webhook body as a JSON object.
 * @returns the object, or undefined for non-JSON, arrays and scalars
 */
export function parseJsonObject(rawBody: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  const result = jsonObjectSchema.safeParse(parsed);
  return result.success ? result.data : undefined;
}

/** What our subscribe stored in Zapier's `subscribeData` (see platforms/webhooks.ts). */
export const subscribeDataSchema = z.object({
  id: z.string(),
  platform: z.string(),
  subscriptions: z.array(
    z.object({
      events: z.array(z.string()),
      id: z.optional(z.string()),
      secret: z.optional(z.string()),
    }),
  ),
  token: z.optional(z.string()),
});
