/**
 * Make's naming conventions (developers.make.com, "Naming conventions"): module, field and option
 * labels in sentence case, unlike Zapier's Title Case. Acronyms keep their capitals.
 */

/** Words written in capitals wherever they appear. */
const ACRONYMS = new Set(['id', 'ids', 'url', 'urls', 'api', 'iso', 'utc', 'json', 'http', 'https', 'iban', 'vat', 'paypal']);

/**
 * Sentence case of a Title Case label: first word capitalised, the rest lower case, acronyms kept.
 * @example sentenceCase('Affiliate Email') === 'Affiliate email'; sentenceCase('Order ID') === 'Order ID'
 */
export function sentenceCase(label: string): string {
  return label
    .split(' ')
    .map((word, index) => {
      const bare = word.toLowerCase();
      const letters = bare.replace(/[^a-z]/g, '');
      if (ACRONYMS.has(letters)) {
        if (letters === 'paypal') return word.replace(/paypal/i, 'PayPal');
        // Plurals keep a lower-case s: "IDs", "URLs".
        return letters.endsWith('s') && letters !== 'https' ? `${word.slice(0, -1).toUpperCase()}s` : word.toUpperCase();
      }
      if (index === 0) return bare.charAt(0).toUpperCase() + bare.slice(1);
      return bare;
    })
    .join(' ');
}
