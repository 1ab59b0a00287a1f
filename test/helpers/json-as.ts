/**
 * Reads a value the code under test produced (a generated Make file, an emulated vendor's answer,
 * a definition's input fields) as the shape a test expects, checked instead of cast: a value of
 * another shape fails the test with zod's account of where it differs.
 *
 * Schemas that describe objects whose whole content a test compares (`toEqual`) should keep the
 * keys they do not name (`zod.looseObject`, `zod.record`): `zod.object` drops them, and the test
 * would then compare less than the value holds.
 */
// `zod`, not `z`: in this project `z` is Zapier's ZObject.
import { z as zod } from 'zod';

/**
 * @param schema the expected shape (zod 4)
 * @param value the value to read: JSON, or an object holding functions the schema accepts (`zod.custom`)
 * @param what names the value in the error, e.g. the generated file's path
 * @returns the value's data, typed by the schema (zod returns copies of the objects it parses)
 * @throws Error with zod's prettified issues when the value does not have the shape
 */
export function jsonAs<T>(schema: zod.ZodType<T>, value: unknown, what = 'the value'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what} does not have the expected shape:\n${zod.prettifyError(parsed.error)}`);
  return parsed.data;
}
