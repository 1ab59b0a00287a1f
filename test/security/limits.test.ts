/**
 * Vendor values that are out of bounds stay in bounds (issue 12, finding 12): Retry-After is
 * clamped to 1..3600 s (or left out when it is no number of seconds), an existing webhook whose
 * target is not a URL is explained instead of raising a TypeError, and a list never returns more
 * items than were asked for.
 */
import { RETRY_AFTER_BOUNDS } from '../../platforms/middleware';
import { appTester, createOperation, triggerOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { upPromoteKit } from '../../workshops/uppromote/kit';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';

async function throttled(retryAfter: string): Promise<Error> {
  const scope = upPromoteKit
    .api()
    .post('/api/v2/referral/1781959/status', { status: 'approved' })
    .reply(429, { status: 429, message: 'slow down' }, { 'Retry-After': retryAfter });
  const error = await appTester(createOperation('approve_referral').perform, { authData: upPromoteKit.authData, inputData: { referral_id: '1781959' } }).then(
    () => {
      throw new Error('expected a ThrottledError');
    },
    (caught: unknown) => caught as Error,
  );
  expect(scope.isDone()).toBe(true);
  expect(error.name).toBe('ThrottledError');
  return error;
}

describe('Retry-After', () => {
  it.each([
    ['999999', RETRY_AFTER_BOUNDS.max],
    ['0', RETRY_AFTER_BOUNDS.min],
    ['2.5', 3],
  ])('%s s becomes %i s', async (header, delay) => {
    expect(JSON.parse((await throttled(header)).message)).toEqual({ message: `UpPromote is rate-limiting this account ("slow down"); retry in ${delay} s.`, delay });
  });

  it.each(['-5', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT'])('%j is left out', async (header) => {
    const parsed = JSON.parse((await throttled(header)).message) as { message: string; delay?: number };
    expect(parsed.message).toBe('UpPromote is rate-limiting this account ("slow down").');
    expect(parsed.delay).toBeUndefined();
  });
});

describe('an existing UpPromote webhook whose target is not a URL', () => {
  it('is explained as a clash, not raised as a TypeError', async () => {
    const scope = upPromoteKit
      .api()
      .get('/api/v2/webhook-subscriptions')
      .query(true)
      .reply(200, { status: 200, message: 'success', data: [{ event: 'referral.new', target_url: 'not a url', secret_key: 'x' }] });
    const message = await rejectionMessage(appTester(triggerOperation('new_referral').performSubscribe, { authData: upPromoteKit.authData, targetUrl: TARGET_URL }));
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^UpPromote allows only one webhook per event, and "referral.new" is already sent to another address \(an address that is not a valid URL\)/);
  });
});

describe('list results', () => {
  it('performList returns at most a test step (3) when the vendor sends 20,000 items', async () => {
    const items = Array.from({ length: 20_000 }, (_, index) => ({ id: index + 1, status: 'pending', order_id: 1000 + index }));
    const scope = upPromoteKit
      .api()
      .get('/api/v2/referrals')
      .query({ page: '1', per_page: '3' })
      .reply(200, { status: 200, message: 'success', data: items });
    const records = (await appTester(triggerOperation('new_referral').performList, { authData: upPromoteKit.authData, meta: { limit: 10 } })) as { id: string }[];
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['1', '2', '3']);
  });
});
