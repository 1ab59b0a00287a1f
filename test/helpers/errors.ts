import { userMessage } from '../../playground/user-message';

export { userMessage };

/** Awaits a promise expected to reject and returns the user-facing message. */
export async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return userMessage(error);
  }
  throw new Error('expected a rejection, but the promise resolved');
}
