/**
 * __NAME__. NEW-PLATFORM-TODO: name the vendor's API reference here and give every fact its
 * source (a `source` naming the vendor page, or `inferred:` with the basis), as the other
 * platforms do; docs/platforms/__ID__.md then tells users what is confirmed and what is inferred.
 *
 * Until then this is the scaffold's working guess, the same one its emulator template makes
 * (workshops/__ID__/emulator/): a Bearer key, `GET /v1/affiliates`, webhooks pasted in the
 * dashboard and signed in `X-Signature` (hex HMAC-SHA256 of the raw body), deliveries
 * `{event, created_at, data}`. Replace each with what the vendor documents, in both.
 */
import { definePlatform } from '../types';

/** The source of every guess below until it is read in a vendor document. */
const UNREAD = 'inferred: the scaffold\'s guess, not yet read in a vendor document (NEW-PLATFORM-TODO)';

export const __ID__ = definePlatform({
  id: '__ID__',
  name: '__NAME__',
  connection: {
    keyLocation: 'NEW-PLATFORM-TODO: where the dashboard shows the API key',
    keyHelpUrl: 'https://__ID__.example/NEW-PLATFORM-TODO',
  },
  baseUrl: 'https://api.__ID__.example/v1',
  auth: { type: 'header', header: 'Authorization', value: 'Bearer {{api_key}}' },
  connectionTest: { method: 'GET', path: '/affiliates', query: { per_page: 1 }, source: UNREAD },
  errorMessagePaths: ['error', 'message'],
  events: [{ key: 'affiliate.created', label: 'Affiliate Created (affiliate.created)', event: 'affiliate.created', objectPath: 'data', example: 'none' }],
  delivery: { eventPath: 'event', timePath: 'created_at' },
  signature: { type: 'hmac', header: 'X-Signature', encodings: ['hex'], source: UNREAD },
  webhooks: { kind: 'dashboard', directions: 'NEW-PLATFORM-TODO: where in the dashboard to paste the URL and find the signing secret.' },
  fields: {
    affiliate: { id: 'id', email: 'email', name: 'name', created_at: { path: 'created_at', convert: 'time' } },
  },
  statuses: {},
  lists: {},
  actions: {},
});
