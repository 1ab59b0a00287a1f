/**
 * What the live check counts as personal data in a vendor's answers and our requests, by field
 * name and by value shape (issue 22, item 7). Deliberately broad: a false positive only hides more
 * of a fixture, a miss leaks a person. The rules read no vendor document; they follow the usual
 * names of such fields (snake_case, camelCase or bracketed form keys).
 */

/** Name tokens whose fields hold a person's data whatever the vendor: names, contact, address, tax and payment details. */
const PERSONAL_TOKENS = new Set([
  'name', 'firstname', 'lastname', 'fullname', 'middlename', 'surname', 'nickname', 'username', 'company',
  'email', 'mail', 'phone', 'mobile', 'telephone', 'tel', 'fax', 'whatsapp',
  'address', 'street', 'line1', 'line2', 'city', 'postcode', 'postal', 'zip', 'zipcode',
  'vat', 'tax', 'ssn', 'iban', 'bic', 'swift', 'paypal', 'passport', 'birthday', 'birthdate', 'dob', 'ip',
  'link', 'slug', 'coupon', 'avatar', 'photo', 'website',
  // What a search sends is what the user looks for: an email, a name.
  'search', 'query', 'q', 'term', 'keyword',
]);

/** A `…_name` field that names a thing, not a person (`program_name`, `event_name`): kept. */
const THING_NAMES = new Set(['program', 'campaign', 'group', 'product', 'plan', 'event', 'tag', 'status', 'currency', 'file', 'app', 'integration', 'webhook', 'field', 'type', 'host']);

/** A Stripe-linked customer or payment-instrument id (`cus_…`, `pm_…`, `card_…`, `src_…`, `ba_…`), also Tolt's `cus_…`. */
const STRIPE_PERSON_ID = /\b(cus|pm|card|src|ba)_[A-Za-z0-9]{6,}\b/g;
/** An IBAN (country, check digits, 11–30 letters and digits). */
const IBAN = /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/g;
/** An international phone number written with its `+`, e.g. `+44 20 7946 0958`. */
const INTERNATIONAL_PHONE = /\+\d[\d\s().-]{6,}\d/g;
/** A whole value shaped like a phone number: digits with separators, e.g. `(555) 010-7788`. */
const PHONE_VALUE = /^\+?[\d\s().-]{8,20}$/;
/** Values of that shape that are not phones: dates, decimals. */
const NOT_PHONE = /^\d{4}-\d{2}-\d{2}|^\d+\.\d+$/;
/** A whole value shaped like an EU VAT number, e.g. `DE123456789`, `GB 123 4567 89` (with six digits or more, see `digits`). */
const VAT_VALUE = /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)\s?U?[0-9A-Z][0-9A-Z\s]{6,14}$/;
/** A whole value shaped like an IPv4 address. */
const IPV4_VALUE = /^\d{1,3}(\.\d{1,3}){3}$/;
/** A whole value shaped like an IPv6 address (four groups or more, so a time such as `12:30:00` is not one). */
const IPV6_VALUE = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){3,7}$/i;
/** The last word of a field that holds an amount, a rate or a count: never personal (`tax_amount`, `vat_rate`). */
const QUANTITIES = new Set(['amount', 'rate', 'total', 'percent', 'percentage', 'cents', 'count']);
/** `key=value` in a query string or form body (groups: what precedes it, the key, the value). */
export const PARAMETER = /(^|[?&])([^=&?#\s"']+)=([^&#\s"']*)/g;

/** The lower-case words of a field name: `billingAddress_line1` → `billing`, `address`, `line1`; `customer[first_name]` → `customer`, `first`, `name`. */
function tokensOf(key: string): string[] {
  let decoded = key;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    // A key that is not URL-encoded text is read as it is.
  }
  return decoded
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

/**
 * True when a field of this name holds a person's data, e.g. `first_name`, `customerEmail`,
 * `billing_address`, `vat_number`, `stripe_customer_id`, `referral_link`; false for a thing's name
 * (`program_name`) and for ids, amounts, dates and statuses.
 */
export function isPersonalKey(key: string): boolean {
  const tokens = tokensOf(key);
  if (QUANTITIES.has(tokens[tokens.length - 1] ?? '')) return false;
  if (tokens.includes('stripe') && tokens.includes('customer')) return true;
  const joined = tokens.join('');
  if (PERSONAL_TOKENS.has(joined)) return true;
  return tokens.some((token, index) => PERSONAL_TOKENS.has(token) && !(token === 'name' && index > 0 && THING_NAMES.has(tokens[index - 1])));
}

function digits(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

/** True when a whole value looks like a phone number, a VAT number or an IP address. */
export function isPersonalValue(value: string): boolean {
  const text = value.trim();
  if (PHONE_VALUE.test(text) && !NOT_PHONE.test(text) && /[\s().+-]/.test(text) && digits(text) >= 8) return true;
  if (VAT_VALUE.test(text) && digits(text) >= 6) return true;
  return IPV4_VALUE.test(text) || (IPV6_VALUE.test(text) && /[0-9a-f]/i.test(text));
}

/**
 * `text` with person-identifying shapes masked wherever they occur (a path, a raw body, a
 * message): Stripe customer and payment ids, IBANs, `+`-prefixed phone numbers, and the value of
 * every query or form parameter whose name is personal or secret.
 * @param isSecretKey whether a parameter name names a secret (the redactor's rule)
 * @param masked what replaces a value
 */
export function maskPersonalText(text: string, isSecretKey: (key: string) => boolean, masked: string): string {
  return text
    .replace(PARAMETER, (whole, start: string, key: string, value: string) => (value !== '' && (isPersonalKey(key) || isSecretKey(key)) ? `${start}${key}=${masked}` : whole))
    .replace(STRIPE_PERSON_ID, (_id, prefix: string) => `${prefix}_${masked}`)
    .replace(IBAN, masked)
    .replace(INTERNATIONAL_PHONE, (phone) => (digits(phone) >= 8 ? masked : phone));
}
