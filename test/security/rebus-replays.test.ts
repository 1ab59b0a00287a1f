/**
 * Issue 22 items 3 and 11: Rebus AI's "body without its own signature field" candidate verifies
 * the text received with that one member cut out, never a re-serialization, and repeats are keyed
 * on what the signature covers, not on the bytes received: one captured delivery reformatted
 * seven ways runs once, and an id beyond 2^53 changed by one no longer verifies.
 */
import { createHmac } from 'node:crypto';
import { findPlatform } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { verifyDelivery } from '../../receive/verify';
import { fakeCacheRpc } from '../helpers/fake-cache-rpc';
import { useFixtureClock } from '../helpers/fixture-clock';
import { hookRequest } from '../helpers/deliveries';
import { runThroughCore } from './core-run';
import type { ZObject } from 'zapier-platform-core';

const SECRET = 'rebus-chosen-secret-0c1d2e3f';
const rebus = findPlatform('rebus') as PlatformDefinition;
const hex = (text: string) => createHmac('sha256', SECRET).update(text, 'utf8').digest('hex');

/** The documented envelope as Rebus AI would sign it (before adding its signature), compact. */
const signedText = '{"event":"commission.approved","timestamp":1640995200,"data":{"commission_id":123,"affiliate_id":456,"amount":85.5,"order_id":789}}';
const digest = hex(signedText);
const inner = signedText.slice(1, -1);

/** One captured delivery, rewritten seven ways that all still carry a valid signature for the same signed text. */
const REWRITES: readonly [string, string][] = [
  ['as sent', `{${inner},"signature":"sha256=${digest}"}`],
  ['spaces around the signature member', `{${inner} ,  "signature" : "sha256=${digest}"}`],
  ['a newline before it', `{${inner},\n"signature":"sha256=${digest}"}`],
  ['the member moved first', `{"signature":"sha256=${digest}",${inner}}`],
  ['the member first, spaced after', `{"signature" :"sha256=${digest}" ,\t${inner}}`],
  ['upper-case hex', `{${inner},"signature":"sha256=${digest.toUpperCase()}"}`],
  ['upper-case prefix', `{${inner},"signature":"SHA256=${digest}"}`],
];

describe('Rebus AI: one signed event, however its bytes are rewritten', () => {
  useFixtureClock('rebus');

  it('verifies every rewrite, and all of them run the Zap once', async () => {
    const store = fakeCacheRpc();
    const subscribeData = { id: '1', platform: 'rebus', subscriptions: [{ id: '1', events: ['commission.approved'], secret: SECRET }] };
    let runs = 0;
    for (const [, rawBody] of REWRITES) {
      const run = await runThroughCore(
        'triggers.new_platform_event.operation.perform',
        { authData: { platform: 'rebus', api_key: 'sk_test_1' }, inputData: { event: 'commission.approved' }, subscribeData, meta: { zap: { id: 5 } }, ...hookRequest(rawBody, {}) },
        store,
      );
      expect(run.error).toBeUndefined();
      runs += (run.results as unknown[]).length;
    }
    expect(runs).toBe(1);
    // Every copy was verified and reached the repeat check: seven markers under one key.
    expect(new Set(store.sets.map((set) => set.key)).size).toBe(1);
    expect(store.sets).toHaveLength(REWRITES.length);
  });
});

describe('Rebus AI: an id beyond 2^53', () => {
  const z = {} as ZObject;
  const expectation = { secrets: [{ secret: SECRET }] };
  // 2^53 is 9007199254740992: as a double, ...993 reads as ...992, so parsing cannot tell them apart.
  const genuineText = '{"event":"commission.approved","timestamp":1640995200,"data":{"commission_id":9007199254740992}}';
  const withSignature = (text: string, signature: string) => `${text.slice(0, -1)},"signature":"${signature}"}`;

  it('verifies the exact text it was signed over', async () => {
    const rawBody = withSignature(genuineText, `sha256=${hex(genuineText)}`);
    expect(await verifyDelivery(z, rebus, { rawBody, headers: {}, query: {} }, expectation, Date.now())).toMatchObject({ ok: true });
  });

  it('refuses the same signature once the id is changed by one', async () => {
    const forged = withSignature(genuineText.replace('9007199254740992', '9007199254740993'), `sha256=${hex(genuineText)}`);
    expect(await verifyDelivery(z, rebus, { rawBody: forged, headers: {}, query: {} }, expectation, Date.now())).toMatchObject({ ok: false, reason: 'signature_mismatch' });
  });

  it('refuses a body whose signature field appears twice (which one was added is unknown)', async () => {
    const twice = withSignature(withSignature(genuineText, `sha256=${hex(genuineText)}`), 'sha256=00');
    expect(await verifyDelivery(z, rebus, { rawBody: twice, headers: {}, query: {} }, expectation, Date.now())).toMatchObject({ ok: false });
  });
});
