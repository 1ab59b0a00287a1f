/** fast-check arbitraries shared by the webhook property tests. */
import fc from 'fast-check';

/** A different string of the same text: one character replaced, inserted or removed. */
export function mutation(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.constantFrom('replace', 'insert', 'delete'), fc.string({ minLength: 1, maxLength: 1 }))
    .map(([at, how, char]) => {
      if (how === 'insert') return text.slice(0, at) + char + text.slice(at);
      if (how === 'delete') return text.slice(0, at) + text.slice(at + 1);
      return text.slice(0, at) + char + text.slice(at + 1);
    })
    .filter((changed) => changed !== text);
}

/** A header name in random letter case (the property adds or leaves out Zapier's `Http-` renaming). */
export function recased(name: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) =>
    [...name].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join(''),
  );
}

/** Bodies a stranger could send: any text, any JSON, arrays, objects, and a few classics. */
export function junkBody(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.json(),
    fc.array(fc.jsonValue()).map((value) => JSON.stringify(value)),
    fc.dictionary(fc.string(), fc.jsonValue()).map((value) => JSON.stringify(value)),
    fc.constantFrom('', ' ', 'null', '[]', '{}', '{"event":"no.such-event"}', '\u0000', '{"id":'),
  );
}

/**
 * A changed signature header value. Changes that leave the same signature are not forgeries and
 * are left out: letter case (hex digests decode the same) and surrounding white space (header
 * values are trimmed).
 */
export function signatureMutation(value: string): fc.Arbitrary<string> {
  const same = (text: string) => text.trim().toLowerCase();
  return mutation(value).filter((changed) => same(changed) !== same(value));
}
