/**
 * Issue 22 item 1: a refused delivery reaches Zapier as a short message and nothing else. Core
 * appends "What happened:" and the whole bundle (subscribe data with our secrets, the vendor's
 * issued secret, the target URL with its token, the raw delivery) to any error without
 * `doNotContextify`; so every platform's instant triggers (its REST hooks and the dashboard
 * trigger) are run here through core's own handler with a forged delivery full of personal data
 * and text the sender chose, and the complete message as core hands it to Zapier, and every line
 * core's logger would ship, are checked.
 */
import App from '../../index';
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformDefinition } from '../../platforms/types';
import { signDelivery } from '../../signature-schemes';
import { hookRequest } from '../helpers/deliveries';
import { runThroughCore, type CoreRun } from './core-run';

/** Text only a sender could have chosen, in the body, a header and the query. */
const MARK = 'SENDER-CHOSEN-7f3e';
const PERSON = 'victim.person@example.com';
const OUR_SECRET = 'our-chosen-secret-9b41d2c7e0';
const ISSUED_SECRET = 'vendor-issued-secret-5c8a11f0';
const URL_TOKEN = 'url-token-e27b90d4c1';
const DASHBOARD_SECRET = 'whsec_ZGFzaGJvYXJkLXNpZ25pbmctc2VjcmV0LTMyYg==';
const API_KEY = 'api-key-4d0c6e9a77';
const TARGET_URL = `https://hooks.zapier.com/hooks/standard/1/2/?ah_token=${URL_TOKEN}`;
const NEVER_SHOWN = [MARK, PERSON, OUR_SECRET, ISSUED_SECRET, URL_TOKEN, DASHBOARD_SECRET, API_KEY, 'hooks.zapier.com', 'What happened'];

const FORGED_BODY = JSON.stringify({
  event: `${MARK}.created`,
  event_type: MARK,
  type: MARK,
  id: MARK,
  email: PERSON,
  data: { email: PERSON, note: MARK },
});

function forgedRequest(platform: PlatformDefinition) {
  const signed = signDelivery(platform, FORGED_BODY, `whsec_${Buffer.from(MARK).toString('base64')}`);
  return hookRequest(FORGED_BODY, { ...signed.headers, 'X-Note': MARK }, { ...signed.query, ah_event: MARK });
}

const authData = (platform: PlatformDefinition) => ({ platform: platform.id, api_key: API_KEY, public_key: API_KEY, account_id: '1' });

/** The advice every signature refusal ends with. */
const SIGNATURE_ADVICE =
  "If it came from your platform, check this Zap's signing secret and the webhook's settings (see docs/security.md in Affiliate Hub's documentation); a forged request is refused the same way. The same refusal is not reported again for an hour.";

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checks a run that refused: one short halted message, and nothing to hide in it or in the logs. */
function expectQuietRefusal(run: CoreRun, where: string): void {
  expect(run.results).toBeUndefined();
  expect(run.error?.name).toBe('HaltedError');
  const message = run.error?.message ?? '';
  expect(message).toMatch(new RegExp(`^Affiliate Hub refused a delivery from ${escaped(where)}: signature check failed: [a-z_]+(?: \\(.*\\))?\\. ${escaped(SIGNATURE_ADVICE)}$`));
  expect(message).not.toContain('\n');
  for (const hidden of NEVER_SHOWN) {
    expect(message).not.toContain(hidden);
    expect(run.logText).not.toContain(hidden);
  }
  // The developer's log says what happened, once as a console line and once as the error.
  expect(run.logs.some((line) => line.data.log_type === 'console' && line.message.startsWith(`Affiliate Hub ignored a delivery from ${where}: signature check failed`))).toBe(true);
  expect(run.logs.some((line) => line.data.log_type === 'error' && line.message.startsWith(`Unhandled error: HaltedError: ${message}`))).toBe(true);
}

const hookTriggers = Object.values(App.triggers ?? {}).filter((trigger) => 'performSubscribe' in trigger.operation);
const restHookCases = PLATFORMS.filter((platform) => platform.webhooks.kind === 'api').flatMap((platform) =>
  hookTriggers.map((trigger) => [platform.name, trigger.key, platform] as const),
);

describe('a forged delivery to a REST-hook trigger', () => {
  it.each(restHookCases)('%s, %s: a short halted message, no secret, no personal data, nothing the sender chose', async (_name, key, platform) => {
    const subscribeData = {
      id: '1',
      platform: platform.id,
      subscriptions: [{ id: '1', events: platform.events.slice(0, 2).map((event) => event.key), secret: OUR_SECRET, issuedSecret: ISSUED_SECRET, target: TARGET_URL }],
      token: URL_TOKEN,
    };
    const run = await runThroughCore(`triggers.${key}.operation.perform`, {
      authData: authData(platform),
      inputData: { event: platform.events[0].key },
      subscribeData,
      targetUrl: TARGET_URL,
      meta: { zap: { id: 77 } },
      ...forgedRequest(platform),
    });
    expectQuietRefusal(run, platform.name);
  });
});

describe('a forged delivery to the dashboard trigger', () => {
  it.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s: a short halted message, no secret, no personal data, nothing the sender chose', async (_name, platform) => {
    const run = await runThroughCore('triggers.dashboard_webhook.operation.perform', {
      authData: authData(platform),
      inputData: { signing_secret: DASHBOARD_SECRET },
      targetUrl: TARGET_URL,
      meta: { zap: { id: 78 } },
      ...forgedRequest(platform),
    });
    expectQuietRefusal(run, `${platform.name} (dashboard webhook)`);
  });

  it('hands Zapier exactly this message for a forged ViralRef delivery', async () => {
    const viralRef = PLATFORMS.find((platform) => platform.id === 'viralref') as PlatformDefinition;
    const run = await runThroughCore('triggers.dashboard_webhook.operation.perform', {
      authData: authData(viralRef),
      inputData: { signing_secret: DASHBOARD_SECRET },
      ...forgedRequest(viralRef),
    });
    expect(run.error?.message).toBe(
      'Affiliate Hub refused a delivery from ViralRef (dashboard webhook): signature check failed: signature_mismatch (tried ' +
        'HMAC-SHA256 (hex or base64, optional sha256=) of the raw body: signature_mismatch; Standard Webhooks: missing_signature; ' +
        `Stripe-style t=…,v1=…: missing_signature). ${SIGNATURE_ADVICE}`,
    );
  });
});
