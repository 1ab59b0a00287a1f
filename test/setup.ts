/**
 * Every test runs with the network closed: only loopback (the emulator and the playground's
 * receiver in end-to-end tests) is reachable. A request to a real vendor host fails the test.
 */
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));

afterEach(() => {
  nock.cleanAll();
});
