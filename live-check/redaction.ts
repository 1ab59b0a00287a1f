/**
 * Masks everything secret or personal before the live check prints or writes it: the connection's
 * credentials, webhook secrets and tokens (known ones, and any value under a key that names a
 * secret), and email addresses. Built on the app's own `redact` (platforms/redact.ts), which also
 * catches URL-encoded and JSON-escaped forms.
 */
import { redact } from '../platforms/redact';

/** What replaces a secret value in a JSON document. */
export const MASKED = '[redacted]';

/** JSON keys whose values are secrets whatever their text, e.g. `secret_key`, `signing_secret`, `token`. */
const SECRET_KEY = /secret|token|password|passwd|api[_-]?key|authorization|signature|private[_-]?key/i;

/** An email address (deliberately loose: a false positive only hides more). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** The same, URL-encoded (`a%40b.com`), as in a search request's query. */
const ENCODED_EMAIL = /[A-Za-z0-9._+-]+%40[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

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

  /** `text` with every known secret and every email masked. */
  text(text: string): string {
    return redact(text, this.secrets)
      .replace(EMAIL, (email) => maskEmail(email, '@'))
      .replace(ENCODED_EMAIL, (email) => maskEmail(email, '%40'));
  }

  /**
   * A deep copy of a JSON value with secret-named keys' values replaced by `[redacted]` (and
   * learned as secrets, so their other occurrences go too), then every string masked by `text`.
   */
  json<T>(value: T): T {
    this.learnSecretFields(value);
    return this.maskStrings(value) as T;
  }

  private learnSecretFields(value: unknown): void {
    if (Array.isArray(value)) for (const item of value) this.learnSecretFields(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_KEY.test(key) && (typeof item === 'string' || typeof item === 'number')) this.add(String(item));
        else this.learnSecretFields(item);
      }
    }
  }

  private maskStrings(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.maskStrings(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && typeof item === 'string' && item !== '' ? MASKED : this.maskStrings(item)]),
      );
    }
    return value;
  }
}
