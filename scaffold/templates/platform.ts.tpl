/**
 * __NAME__. NEW-PLATFORM-TODO: name the vendor's API reference here and tag every fact as
 * documented or inferred (with its basis), as shared/platforms/README.md does.
 */
import { definePlatform } from '../types';

/** The source of every request below until it is read in a vendor document. */
const UNREAD = 'NEW-PLATFORM-TODO: not yet read in a vendor document';

export const __ID__ = definePlatform({
  id: '__ID__',
  name: '__NAME__',
  connection: {
    keyLocation: 'NEW-PLATFORM-TODO: where the dashboard shows the API key',
    keyHelpUrl: 'https://__ID__.example/NEW-PLATFORM-TODO',
  },
  baseUrl: 'https://api.__ID__.example/v1',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: { method: 'GET', path: '/me', source: UNREAD },
  errorMessagePaths: ['message', 'error'],
  events: [],
  delivery: { eventPath: 'event', idPath: 'id' },
  signature: { type: 'hmac', header: 'X-__NAME__-Signature', encodings: ['hex'], source: UNREAD },
  webhooks: { kind: 'dashboard', directions: 'NEW-PLATFORM-TODO: where in the dashboard to paste the URL and find the signing secret.' },
  fields: {},
  statuses: {},
  lists: {},
  actions: {},
});
