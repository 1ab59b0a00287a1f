/**
 * Removes secrets from text we show a user (error messages quoting a vendor's body). Vendors echo
 * what they were sent: an API key in a 401 body, a Basic header in an HTML error page, a webhook
 * secret or a target URL with our token in a 400/422. zapier-platform-core scrubs its own logs,
 * not our messages, so every vendor text passes through `redact` before it enters one.
 */
import type { AuthScheme, PlatformDefinition } from './types';

/** What replaces a secret in a message. */
export const REDACTED = '[redacted]';

/**
 * Values shorter than this are not searched for: replacing every "1" or "ab" of a message would
 * garble it without protecting anything (no real key is that short).
 */
const MIN_SECRET_LENGTH = 4;

/** The connection fields that always hold secrets (the platform id and account name are not). */
const SECRET_AUTH_FIELDS = ['api_key', 'public_key'] as const;

/**
 * Every form in which the connection's credentials can be echoed: `api_key`, `public_key` and
 * every extra connection field the platform marks `secret`, each as entered, and, for HTTP Basic
 * platforms, the base64 `user:password` of the Authorization header.
 * @param authData the connection's `bundle.authData` (missing fields are skipped)
 * @param platform the connected platform, when known (its secret fields and Basic scheme)
 */
export function credentialSecrets(authData: Record<string, unknown> | undefined, platform?: Pick<PlatformDefinition, 'auth' | 'connection'>): string[] {
  const data = authData ?? {};
  const extra = (platform?.connection?.extraFields ?? []).filter((field) => field.secret).map((field) => field.key);
  const text = (key: string): string => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const secrets = [...SECRET_AUTH_FIELDS, ...extra].map(text).filter((value) => value !== '');
  const auth = platform?.auth;
  if (auth?.type === 'basic') secrets.push(basicCredential(auth, data));
  return secrets;
}

/**
 * The base64 `user:password` an HTTP Basic platform sends (RFC 7617), from the connection's fields;
 * a missing field, or a scheme without `password`, counts as empty.
 */
export function basicCredential(auth: Extract<AuthScheme, { type: 'basic' }>, authData: Record<string, unknown>): string {
  const text = (key: string | undefined): string => (key !== undefined && typeof authData[key] === 'string' ? (authData[key] as string) : '');
  return Buffer.from(`${text(auth.username)}:${text(auth.password)}`).toString('base64');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every occurrence of every secret replaced by `[redacted]`, also in URL-encoded and
 * JSON-escaped form (a secret echoed inside a query string or a JSON string).
 * @param secrets values to remove; undefined, empty and very short values are ignored
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  if (forms.size === 0) return text;
  // Longest first, so a secret containing another is removed whole.
  const pattern = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return text.replace(new RegExp(pattern, 'g'), REDACTED);
}
