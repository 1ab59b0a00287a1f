/**
 * __NAME__'s contract kit, for when its webhooks are registered through its API (`webhooks.kind:
 * 'api'`; the contract test reads it then). NEW-PLATFORM-TODO: write it from the vendor's
 * documents (never from platforms/__ID__/): how the API answers subscribe and unsubscribe, how it
 * signs a delivery, and the documented payloads with the normalized fields they must give. See
 * test/platforms/kit.ts.
 */
import nock from 'nock';
import type { PlatformKit } from '../../test/platforms/kit';

const ORIGIN = 'https://api.__ID__.example';

function unwritten(what: string): never {
  throw new Error(`NEW-PLATFORM-TODO: workshops/__ID__/kit.ts does not yet say ${what}.`);
}

export const kit: PlatformKit = {
  id: '__ID__',
  authData: { platform: '__ID__', api_key: 'NEW-PLATFORM-TODO' },
  api: () => nock(ORIGIN),
  expectSubscribe: () => unwritten('how subscribe is answered'),
  expectUnsubscribe: () => unwritten('how unsubscribe is answered'),
  deliver: () => unwritten('how a delivery is signed'),
  deliveries: [],
};
