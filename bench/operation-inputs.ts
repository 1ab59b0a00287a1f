/**
 * The inputs the bench gives an operation: the fields the Zap editor shows for the connected
 * platform, resolved by the app itself (core's `<operation>.inputFields` method, which runs the
 * dynamic fields built from the platform's data: request placeholders, `requiredInputs`,
 * `inputFormats`), each filled with a plausible value. No list of inputs per platform or action is
 * kept here, so a new platform's required inputs are fed as soon as its data names them.
 */
import type { PlatformDefinition } from '../platforms/types';
import type { Invoke } from './handler';

/** The part of a resolved Zapier input field the bench reads. */
interface ResolvedField {
  key?: unknown;
  type?: unknown;
  choices?: unknown;
}

/** An id-shaped value every platform's path and body templates accept. */
const SAMPLE_ID = '1001';
const SAMPLE_EMAIL = 'ana@example.com';

/**
 * A plausible value for one field: by type, then the first of its choices, then its key.
 * @param platform decides whether `affiliate` is an id or an email (`affiliateIdentifier`)
 */
export function sampleValue(field: ResolvedField, platform: PlatformDefinition): string | number | boolean {
  const key = typeof field.key === 'string' ? field.key : '';
  if (field.type === 'boolean') return true;
  if (field.type === 'number' || field.type === 'integer') return 10;
  const choices = Array.isArray(field.choices) ? field.choices.map((choice: { value?: unknown }) => choice.value) : typeof field.choices === 'object' && field.choices !== null ? Object.keys(field.choices) : [];
  if (typeof choices[0] === 'string') return choices[0];
  if (/email/.test(key) || (key === 'affiliate' && platform.affiliateIdentifier === 'email')) return SAMPLE_EMAIL;
  if (/currency/.test(key)) return 'USD';
  if (/amount/.test(key)) return '10.00';
  return SAMPLE_ID;
}

/**
 * The input data for one operation on one platform: every field the editor shows for the
 * connection (its notices, `type: 'copy'`, carry no value), filled by `sampleValue`.
 * @param operationPath e.g. `creates.approve_referral.operation`
 * @returns `{}` when the operation has no input fields, or when resolving them fails (the
 *   operation's own run then reports why)
 */
export async function inputsFor(invoke: Invoke, operationPath: string, authData: Record<string, string>, platform: PlatformDefinition): Promise<Record<string, unknown>> {
  let fields: unknown;
  try {
    fields = (await invoke(`${operationPath}.inputFields`, { authData, inputData: {} })).results;
  } catch {
    return {};
  }
  if (!Array.isArray(fields)) return {};
  return Object.fromEntries(
    (fields as ResolvedField[]).filter((field) => typeof field.key === 'string' && field.type !== 'copy').map((field) => [field.key as string, sampleValue(field, platform)]),
  );
}
