/**
 * Every test runs with the network closed: only loopback (the emulator and the playground's
 * receiver in end-to-end tests) is reachable. A request to a real vendor host fails the test.
 */
import nock from 'nock';
import { clearUserEnvironment } from './user-environment';

// Before any test file loads the app: a developer's AFFILIATE_HUB_EMULATOR_URL (or live-check
// credentials) must not redirect the requests the tests match with nock.
clearUserEnvironment();

// zapier-platform-core's handler ends a Lambda process that has grown past 450 MB after 250 calls,
// so that Zapier starts a fresh one. A jest worker is not a Lambda: the property tests call the
// handler thousands of times, and an exit there would only abort the run, so the check is off.
jest.mock('zapier-platform-core/src/tools/memory-checker', () => () => undefined);

nock.disableNetConnect();
nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));

afterEach(() => {
  nock.cleanAll();
});

// Jest loads nock afresh for every test file in the same worker; the previous file's copy must
// stop intercepting, or it refuses the next file's requests as "disallowed net connect".
afterAll(() => {
  nock.restore();
});
