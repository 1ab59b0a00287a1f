/**
 * Masks everything secret or personal before the live check prints or writes it: the connection's
 * credentials, webhook secrets and tokens (known ones, and any value under a key or parameter that
 * names a secret), email addresses, and personal data by field name and by value shape (names,
 * phones, addresses, postcodes, VAT numbers, Stripe customer ids: live-check/personal-data.ts).
 * Built on the app's own `redact` (platforms/redact.ts), which also catches URL-encoded and
 * JSON-escaped forms.
 */
import { redact } from '../platforms/redact';
import { PARAMETER, isPersonalKey, isPersonalValue, maskPersonalText } from './personal-data';

/** What replaces a secret value in a JSON document. */
export const MASKED = '[redacted]';

/** JSON keys whose values are secrets whatever their text, e.g. `secret_key`, `signing_secret`, `token`. */
const SECRET_KEY = /secret|token|password|passwd|api[_-]?key|authorization|signature|private[_-]?key/i;

/** An email address (deliberately loose: a false positive only hides more). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** The same, URL-encoded (`a%40b.com`), as in a search request's query. */
const ENCODED_EMAIL = /[A-Za-z0-9._+-]+%40[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** A value that is one email address and nothing else. */
const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `jane.doe@example.com` → `j***@***.com`: enough to see an email was there, not whose. */
function maskEmail(email: string, at: string): string {
  const [local, domain] = email.split(at);
  const tld = domain.includes('.') ? domain.slice(domain.lastIndexOf('.')) : '';
  return `${local.charAt(0)}***${at}***${tld}`;
}

/** Collects the secrets of one run and masks them (and every email) in text and JSON. */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** @param secrets known secrets (credentials, the webhook secret); empty values are ignored */
  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Adds a secret learned during the run (a subscription's signing secret, a token). */
  add(secret: unknown): void {
    if (typeof secret === 'string' && secret.trim() !== '') this.secrets.add(secret);
  }

  /**
   * `text` with every known secret, every email, the values of secret- or person-named query and
   * form parameters (`?ah_token=…`, `first_name=…`) and person-identifying shapes (Stripe customer
   * ids, IBANs, `+`-prefixed phone numbers) masked.
   */
  text(text: string): string {
    const masked = redact(text, this.secrets)
      .replace(EMAIL, (email) => maskEmail(email, '@'))
      .replace(ENCODED_EMAIL, (email) => maskEmail(email, '%40'));
    return maskPersonalText(masked, (key) => SECRET_KEY.test(key), MASKED);
  }

  /**
   * A deep copy of a JSON value with secret-named keys' values replaced by `[redacted]` (and
   * learned as secrets, so their other occurrences go too); person-named keys' values masked
   * whatever they hold (an email keeps its `j***@***.com` form, other text becomes `[redacted]`,
   * a number 0, an object or list is masked leaf by leaf); any other string masked by `text`, or
   * whole when it is shaped like a phone, VAT number or IP address.
   */
  json<T>(value: T): T {
    this.learn(value);
    return this.maskStrings(value) as T;
  }

  /**
   * Learns the secrets in a JSON value without masking anything: call it on every document of a
   * run first, so a secret seen in one (our subscribe request) is masked in all (the vendor's echo).
   */
  learn(value: unknown): void {
    this.learnSecretFields(value);
  }

  private learnSecretFields(value: unknown): void {
    if (typeof value === 'string') this.learnSecretParameters(value);
    else if (Array.isArray(value)) for (const item of value) this.learnSecretFields(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_KEY.test(key) && (typeof item === 'string' || typeof item === 'number')) this.add(String(item));
        else this.learnSecretFields(item);
      }
    }
  }

  /** Learns the values of secret-named parameters in a URL or form text (our token in a target URL we sent). */
  private learnSecretParameters(text: string): void {
    for (const [, , key, value] of text.matchAll(PARAMETER)) {
      if (value === '' || !SECRET_KEY.test(key)) continue;
      this.add(value);
      try {
        this.add(decodeURIComponent(value));
      } catch {
        // Not URL-encoded: learned as it is.
      }
    }
  }

  private maskStrings(value: unknown): unknown {
    if (typeof value === 'string') return isPersonalValue(value) ? MASKED : this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.maskStrings(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => {
          if (SECRET_KEY.test(key) && typeof item === 'string' && item !== '') return [key, MASKED];
          return [key, isPersonalKey(key) ? this.maskPersonal(item) : this.maskStrings(item)];
        }),
      );
    }
    return value;
  }

  /** Everything under a person-named key, keeping its shape (type, emptiness, nesting) so a replay still finds the field. */
  private maskPersonal(value: unknown): unknown {
    if (typeof value === 'string') {
      if (value === '') return value;
      return WHOLE_EMAIL.test(value.trim()) ? this.text(value) : MASKED;
    }
    if (typeof value === 'number') return 0;
    if (Array.isArray(value)) return value.map((item) => this.maskPersonal(item));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.maskPersonal(item)]));
    return value;
  }
}
