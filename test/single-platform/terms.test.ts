/**
 * The vendor's words in a single-platform app (app/terms.ts) and the build command's arguments
 * (zapier-build/cli.ts): what the user reads changes, keys and fixed phrases never do.
 */
import { reword } from '../../app/terms';
import { platformArgument, platformsNamed } from '../../zapier-build/cli';
import { BUILDABLE_PLATFORMS } from '../../app/build-app';

describe('reword', () => {
  const tolt = { affiliate: 'Partner', referral: 'Commission' } as const;

  it.each([
    ['Approve Affiliate', 'Approve Partner'],
    ['Triggers when an affiliate changes status.', 'Triggers when a partner changes status.'],
    ['Lists affiliates awaiting approval.', 'Lists partners awaiting approval.'],
    ['An Affiliate and a Referral', 'A Partner and a Commission'],
    ['New Referral (Polling)', 'New Commission (Polling)'],
  ])('%s → %s', (text, expected) => {
    expect(reword(text, tolt)).toBe(expected);
  });

  it.each([
    'Map the affiliate_id from an earlier step.',
    'Built from Affiliate Hub.',
    'Copy the referral link and the referral codes.',
    'For affiliate-marketing platforms.',
  ])('keeps keys and fixed phrases: %s', (text) => {
    expect(reword(text, tolt)).toBe(text);
  });

  it('changes nothing without terms, or where the vendor uses the same word', () => {
    expect(reword('Create Affiliate', undefined)).toBe('Create Affiliate');
    expect(reword('Create Affiliate', { affiliate: 'Affiliate' })).toBe('Create Affiliate');
  });
});

describe('the build command', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['--platform', 'tolt'], 'tolt'],
    [['--platform=rewardful', '--validate'], 'rewardful'],
  ])('reads %j as platform %s', (args, expected) => {
    expect(platformArgument(args)).toBe(expected);
  });

  it('refuses --platform without an id', () => {
    expect(() => platformArgument(['--platform'])).toThrow(/needs a platform id/);
    expect(() => platformArgument(['--platform', '--validate'])).toThrow(/needs a platform id/);
  });

  it('builds every registered platform for `all`, one for an id', () => {
    expect(platformsNamed('all')).toEqual(BUILDABLE_PLATFORMS);
    expect(platformsNamed('tolt')).toEqual(['tolt']);
  });
});
