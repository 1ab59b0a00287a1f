/**
 * The message a Zap user sees for an error: zapier-platform-core's `z.errors.Error` with a code
 * serializes `{message, code, status}` as JSON into `error.message`; the editor shows `message`.
 */
export function userMessage(error: unknown): string {
  // zapier-platform-core appends "What happened:" and the bundle to a plain (non-JSON) message, e.g. a HaltedError's: not what the user sees.
  const text = (error instanceof Error ? error.message : String(error)).split('\nWhat happened:')[0];
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // a plain message
  }
  return text;
}
