/**
 * The connection: custom auth with the platform, its API key (and PartnerStack's public key).
 * The test makes one cheap authenticated call on the chosen platform; the connection label names
 * the platform and, where known, the account.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { callPlatform } from './platforms/api';
import { CATALOGUE, PLATFORM_CHOICES } from './platforms/catalogue';
import { platformOf } from './platforms/registry';
import { readAt, textSchema } from './platforms/schemas';

const keyHelp = PLATFORM_CHOICES.map(
  ({ value, label }) => `**${label}**: ${CATALOGUE[value].keyHelp.where} ([where to find it](${CATALOGUE[value].keyHelp.url}))`,
).join('. ');

/** What the test returns; Zapier hands it to the connection label as `bundle.inputData`. */
export interface ConnectionTestResult {
  platform: string;
  platform_name: string;
  account?: string;
}

/**
 * Proves the key works with the platform's cheapest authenticated call; for a platform that
 * documents no endpoint to call (`connectionTest: null`), only checks that a key was entered.
 * @throws ExpiredAuthError for a rejected key, z.errors.Error for a missing key (untestable
 *   platforms) and for other vendor errors (middleware)
 */
async function test(z: ZObject, bundle: Bundle): Promise<ConnectionTestResult> {
  const platform = platformOf(z, bundle);
  const check = platform.connectionTest;
  let fromVendor: string | undefined;
  if (check === null) {
    const key = bundle.authData.api_key;
    if (typeof key !== 'string' || key.trim() === '') {
      throw new z.errors.Error(
        `Enter your ${platform.name} API key (${CATALOGUE[platform.id].keyHelp.where}).`,
        'MissingApiKey',
        400,
      );
    }
  } else {
    const response = await callPlatform(z, platform, check, {});
    fromVendor = check.accountPath ? readAt(response.data, check.accountPath, textSchema) : undefined;
  }
  const named = typeof bundle.authData.account_name === 'string' ? bundle.authData.account_name.trim() : '';
  const account = named || fromVendor;
  return { platform: platform.id, platform_name: platform.name, ...(account ? { account } : {}) };
}

/** "UpPromote: Northwind Store", or just the platform when no account name is known. */
async function connectionLabel(_z: ZObject, bundle: Bundle): Promise<string> {
  const name = String(bundle.inputData.platform_name ?? '');
  const account = bundle.inputData.account;
  return typeof account === 'string' && account !== '' ? `${name}: ${account}` : name;
}

export default {
  type: 'custom' as const,
  fields: [
    {
      key: 'platform',
      label: 'Platform',
      required: true,
      choices: Object.fromEntries(PLATFORM_CHOICES.map(({ value, label }) => [value, label])),
      helpText: 'The affiliate platform this connection talks to.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      required: true,
      type: 'password' as const,
      helpText: `Your platform's API key (for PartnerStack, the **secret** key). ${keyHelp}.`,
    },
    {
      key: 'public_key',
      label: 'Public Key (PartnerStack Only)',
      required: false,
      type: 'password' as const,
      helpText:
        'PartnerStack only: the **public** key shown next to the secret key under Settings → Integrations → PartnerStack API Keys ([where to find it](https://docs.partnerstack.com/docs/authentication)). Leave empty for other platforms.',
    },
    {
      key: 'account_name',
      label: 'Account Name',
      required: false,
      helpText: 'Optional: a name for this account (for example your shop name), shown in the connection list so you can tell connections apart.',
    },
  ],
  test,
  connectionLabel,
};
