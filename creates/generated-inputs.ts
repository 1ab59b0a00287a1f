/**
 * Inputs the app fills when the user leaves them empty (`ActionSpec.generatedInputs`), e.g. the
 * password a vendor requires to create an affiliate account. A generated value is sent to the
 * vendor only: it is never returned, logged or put in a message.
 */
import { randomInt } from 'node:crypto';
import type { ActionSpec } from '../platforms/types';

/** The character classes of a generated password; one of each is always present. */
const PASSWORD_CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%*+-=?@^_~'] as const;

/** Length of a generated password: well inside the common 8–72 character rules. */
export const GENERATED_PASSWORD_LENGTH = 24;

/**
 * A random password of GENERATED_PASSWORD_LENGTH characters (node:crypto's randomInt) holding an
 * upper-case letter, a lower-case letter, a digit and a symbol, no character three times in a row.
 */
export function generatePassword(): string {
  const all = PASSWORD_CLASSES.join('');
  const chars = PASSWORD_CLASSES.map((set) => set[randomInt(set.length)]);
  while (chars.length < GENERATED_PASSWORD_LENGTH) {
    const next = all[randomInt(all.length)];
    if (chars.length >= 2 && chars[chars.length - 1] === next && chars[chars.length - 2] === next) continue;
    chars.push(next);
  }
  // Shuffle so the guaranteed classes are not always first (Fisher–Yates).
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

/**
 * The action's inputs with every `generatedInputs` entry the user left empty filled in.
 * @returns a new object (the bundle's inputs are not changed, so nothing generated reaches the output)
 */
export function withGeneratedInputs(spec: Pick<ActionSpec, 'generatedInputs'>, inputs: Record<string, unknown>): Record<string, unknown> {
  const generated = Object.entries(spec.generatedInputs ?? {}).filter(([key]) => isEmpty(inputs[key]));
  if (generated.length === 0) return inputs;
  return { ...inputs, ...Object.fromEntries(generated.map(([key]) => [key, generatePassword()])) };
}
