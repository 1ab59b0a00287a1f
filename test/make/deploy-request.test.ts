/**
 * `npm run make:deploy` refuses bad input before it builds anything: an unknown or missing
 * `--platform`, no token, an unknown or missing zone, each with a message saying what to set.
 */
import { deployRequest, MAKE_ZONES } from '../../make/deploy';
import { PLATFORMS } from '../../platforms/registry';

const env = { MAKE_API_TOKEN: 'a-token', MAKE_ZONE: 'eu1.make.com' };

describe('deployRequest', () => {
  it('takes every registered platform, or the one named', () => {
    expect(deployRequest([], env)).toEqual({ token: 'a-token', zone: 'eu1.make.com', platforms: PLATFORMS });
    expect(deployRequest(['--platform', 'tolt'], env).platforms.map((platform) => platform.id)).toEqual(['tolt']);
  });

  it('refuses an unknown or missing platform, listing the known ones', () => {
    expect(() => deployRequest(['--platform', 'toltt'], env)).toThrow(`--platform toltt names no registered platform; known: ${PLATFORMS.map((platform) => platform.id).join(', ')}`);
    expect(() => deployRequest(['--platform'], env)).toThrow('--platform needs a platform id');
    expect(() => deployRequest(['--platform', '--verbose'], env)).toThrow('--platform needs a platform id');
  });

  it('refuses a missing or blank token without echoing anything of it', () => {
    expect(() => deployRequest([], { MAKE_ZONE: 'eu1.make.com' })).toThrow(/^MAKE_API_TOKEN is not set/);
    expect(() => deployRequest([], { ...env, MAKE_API_TOKEN: '  ' })).toThrow(/^MAKE_API_TOKEN is not set/);
  });

  it('refuses a missing or unknown zone, naming the zones Make documents', () => {
    expect(() => deployRequest([], { MAKE_API_TOKEN: 'a-token' })).toThrow(`MAKE_ZONE is not set: set it to the host of your Make dashboard, without https:// (one of ${MAKE_ZONES.join(', ')}).`);
    expect(() => deployRequest([], { ...env, MAKE_ZONE: 'https://eu1.make.com' })).toThrow(/^MAKE_ZONE https:\/\/eu1.make.com is no Make zone: .*without https:\/\//);
    expect(() => deployRequest([], { ...env, MAKE_ZONE: 'eu3.make.com' })).toThrow(/^MAKE_ZONE eu3.make.com is no Make zone/);
    for (const zone of MAKE_ZONES) expect(deployRequest([], { ...env, MAKE_ZONE: zone }).zone).toBe(zone);
  });
});
