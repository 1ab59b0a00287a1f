/**
 * The kinds of operation the requests benchmark counts, shared by its worker (which loads nock) and
 * its summary (which must not), so neither imports the other.
 */

/** One kind of app operation, as the benchmark's rows name it. */
export type OperationKind = 'connection test' | 'subscribe' | 'unsubscribe' | 'performList' | 'poll' | 'action' | 'search';

/** Every kind of operation the requests worker runs, in its order. */
export const OPERATION_KINDS: readonly OperationKind[] = ['connection test', 'subscribe', 'unsubscribe', 'performList', 'poll', 'action', 'search'];
