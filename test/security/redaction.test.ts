/**
 * Vendor error bodies that echo a secret never reach the user's message with it (issue 12,
 * finding 2): the connection's keys (and PartnerStack's Basic header), the webhook secret we
 * choose for Rebus AI and the URL token we put in PartnerStack's target URL.
 */
import nock from 'nock';
import { redact, REDACTED } from '../../platforms/redact';
import { appTester, createOperation, triggerOperation } from '../helpers/app';
import { rejectionMessage } from '../helpers/errors';
import { PARTNERSTACK_BASIC, PARTNERSTACK_PUBLIC_KEY, PARTNERSTACK_SECRET_KEY, partnerStackKit } from '../../workshops/partnerstack/kit';
import { REBUS_KEY, rebusKit } from '../../workshops/rebus/kit';
import { TAMIO_KEY, TAMIO_ORIGIN } from '../../workshops/tamio/kit';
import { UPPROMOTE_KEY, upPromoteKit } from '../../workshops/uppromote/kit';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/2/';
const PARTNERSTACK_BASIC_BASE64 = PARTNERSTACK_BASIC.slice('Basic '.length);

/** Runs an action and returns its error message, after checking every expected request was made. */
async function actionFailure(action: string, authData: Record<string, string>, inputData: Record<string, unknown>, scope: nock.Scope): Promise<string> {
  const message = await rejectionMessage(appTester(createOperation(action).perform, { authData, inputData }));
  expect(scope.isDone()).toBe(true);
  return message;
}

describe('the connection keys are redacted from vendor messages', () => {
  it('UpPromote 401 echoing the API key', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(401, { status: 401, message: `Invalid API key ${UPPROMOTE_KEY}` });
    const message = await actionFailure('approve_referral', upPromoteKit.authData, { referral_id: '1781959' }, scope);
    expect(message).toContain(`Invalid API key ${REDACTED}`);
    expect(message).not.toContain(UPPROMOTE_KEY);
  });

  it('UpPromote 429 echoing the API key (ThrottledError)', async () => {
    const scope = upPromoteKit
      .api()
      .post('/api/v2/referral/1781959/status', { status: 'approved' })
      .reply(429, { status: 429, message: `Too many requests for key ${UPPROMOTE_KEY}` }, { 'Retry-After': '30' });
    const message = await actionFailure('approve_referral', upPromoteKit.authData, { referral_id: '1781959' }, scope);
    expect(message).toContain(`Too many requests for key ${REDACTED}`);
    expect(message).not.toContain(UPPROMOTE_KEY);
  });

  it('Rebus AI 400 echoing the API key', async () => {
    const scope = rebusKit
      .api()
      .post('/api/v1/affiliate/payouts/901/process/')
      .reply(400, { success: false, message: `Bad request (Authorization: Bearer ${REBUS_KEY})` });
    const message = await actionFailure('mark_payout_paid', rebusKit.authData, { payout_id: '901' }, scope);
    expect(message).toContain(`Bearer ${REDACTED}`);
    expect(message).not.toContain(REBUS_KEY);
  });

  it('Tamio 403 echoing the API key', async () => {
    const scope = nock(TAMIO_ORIGIN, { reqheaders: { authorization: `Bearer ${TAMIO_KEY}` } })
      .post('/v2/affiliates/approve/a5af6690-1622-4726-b201-f829df269d28')
      .reply(403, { status: 0, error: `key ${TAMIO_KEY} may not approve affiliates`, error_code: 1003 });
    const authData = { platform: 'tamio', api_key: TAMIO_KEY };
    const message = await actionFailure('approve_affiliate', authData, { affiliate: 'a5af6690-1622-4726-b201-f829df269d28' }, scope);
    expect(message).toContain(`key ${REDACTED} may not approve`);
    expect(message).not.toContain(TAMIO_KEY);
  });

  it("PartnerStack's HTML 500 page echoing the Basic header and the public key", async () => {
    // The message quotes the page's first 300 characters: the Basic header falls inside them, and the
    // public key straddles the cut, so neither may survive even in part.
    const head = `<html><body>Authorization: Basic ${PARTNERSTACK_BASIC_BASE64} `;
    const page = `${head.padEnd(285, 'x')}public_key=${PARTNERSTACK_PUBLIC_KEY}</body></html>`;
    expect(page.indexOf(PARTNERSTACK_PUBLIC_KEY)).toBeLessThan(300);
    const scope = partnerStackKit
      .api()
      .patch('/api/v2/applications/appl_8WePUs6tWFsW4h/decision', { approved: true })
      .reply(500, page, { 'Content-Type': 'text/html' });
    const message = await actionFailure('approve_affiliate', partnerStackKit.authData, { affiliate: 'appl_8WePUs6tWFsW4h' }, scope);
    expect(message).toMatch(/^PartnerStack had a server error \(HTTP 500\)/);
    for (const secret of [PARTNERSTACK_BASIC_BASE64, PARTNERSTACK_BASIC_BASE64.slice(0, 8), PARTNERSTACK_PUBLIC_KEY.slice(0, 4), PARTNERSTACK_SECRET_KEY]) {
      expect(message).not.toContain(secret);
    }
  });
});

describe('secrets we generate are redacted from vendor messages', () => {
  it("PartnerStack's URL token, when a subscribe 422 echoes the target", async () => {
    const scope = partnerStackKit
      .api()
      .post('/api/v2/webhooks', (body: { target?: string }) => typeof body.target === 'string' && body.target.startsWith(TARGET_URL))
      .reply(function (_uri, body) {
        const target = (body as { target: string }).target;
        return [422, { message: `target ${target} is not reachable`, status: 422 }];
      })
      // The message names the field, so the other documented-by-someone name is tried once (issue 13 item 10).
      .post('/api/v2/webhooks', (body: { target_url?: string }) => typeof body.target_url === 'string' && body.target_url.startsWith(TARGET_URL))
      .reply(function (_uri, body) {
        const target = (body as { target_url: string }).target_url;
        return [422, { message: `target_url ${target} is not reachable`, status: 422 }];
      });
    const message = await rejectionMessage(
      appTester(triggerOperation('affiliate_status_changed').performSubscribe, { authData: partnerStackKit.authData, targetUrl: TARGET_URL }),
    );
    expect(scope.isDone()).toBe(true);
    expect(message).toMatch(/^PartnerStack refused to create the webhook \(HTTP 422: "target_url https:/);
    expect(message).toContain('ah_token=');
    expect(message).not.toMatch(/ah_token=[0-9a-f]{16}/);
  });

  it("Rebus AI's webhook secret, when a subscribe 400 echoes it", async () => {
    let sentSecret = '';
    const scope = rebusKit
      .api()
      .post('/api/v1/affiliate/webhooks/', (body: { url?: string; secret?: string }) => {
        sentSecret = body.secret ?? '';
        return body.url === TARGET_URL && /^[0-9a-f]{64}$/.test(sentSecret);
      })
      .reply(() => [400, { success: false, message: `secret "${sentSecret}" is too long` }]);
    const message = await rejectionMessage(
      appTester(triggerOperation('new_referral').performSubscribe, { authData: rebusKit.authData, targetUrl: TARGET_URL }),
    );
    expect(scope.isDone()).toBe(true);
    expect(message).toContain(`secret "${REDACTED}" is too long`);
    expect(message).not.toContain(sentSecret);
  });
});

describe('redact', () => {
  it('removes every form of every secret, longest first, and leaves short values alone', () => {
    const secret = 'sk_live/abc+def';
    const text = `raw ${secret}, query ${encodeURIComponent(secret)}, both sk_live/abc+def+more, tiny ab`;
    expect(redact(text, [secret, 'sk_live/abc+def+more', 'ab', undefined])).toBe(`raw ${REDACTED}, query ${REDACTED}, both ${REDACTED}, tiny ab`);
  });
});
