/**
 * The connection: custom auth with the platform, its API key, and the fields only some platforms
 * need (each platform declares them in its `connection.extraFields`). The test makes one cheap
 * authenticated call on the chosen platform; the connection label names the platform and, where
 * known, the account. Every text here is derived from the registry, so it stays short however
 * many platforms there are.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { CONNECT_SECTION, readmeLink } from './help-links';
import { callPlatform } from './platforms/api';
import { probeBaseUrls } from './platforms/connection-probe';
import { PLATFORMS, platformOf } from './platforms/registry';
import { readAt, textSchema } from './platforms/schemas';
import type { ConnectionField } from './platforms/types';
import { SHOP_CURRENCY_KEY } from './receive/enrich';

/** The README section listing where every platform shows its keys (one link, whatever the number of platforms). */
export const KEY_HELP_URL = readmeLink(CONNECT_SECTION);

/** What the test returns; Zapier hands it to the connection label as `bundle.inputData`. */
export interface ConnectionTestResult {
  platform: string;
  platform_name: string;
  account?: string;
  /** True when the platform offers no call to test the key with (`connectionTest: null`): the label says so. */
  key_untested?: boolean;
  /** The fallback API the key answered on, where the documented base URL did not (platforms/connection-probe.ts): the label says so. */
  api_fallback?: string;
}

/** Platforms whose keys cannot be tested when connecting (`connectionTest: null`): the key's help says that some exist, without a per-platform list. */
const UNTESTABLE = PLATFORMS.filter((platform) => platform.connectionTest === null).map((platform) => platform.name);

/**
 * Platforms whose objects name no currency for some money and whose API exposes no account currency
 * (`supplements.currencyFromConnection`): the Shop Currency field's help names them.
 */
const CURRENCY_FROM_CONNECTION = PLATFORMS.filter((platform) => platform.supplements?.currencyFromConnection !== undefined).map((platform) => platform.name);

/**
 * The Shop Currency a connection carries, checked: empty, or a three-letter ISO-4217 code.
 * @throws z.errors.Error naming the field when it holds anything else
 */
function checkShopCurrency(z: ZObject, bundle: Bundle): void {
  const value = bundle.authData[SHOP_CURRENCY_KEY];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
  if (typeof value === 'string' && /^[A-Za-z]{3}$/.test(value.trim())) return;
  throw new z.errors.Error('Shop Currency must be a three-letter currency code such as USD or EUR, or empty.', 'InvalidShopCurrency', 400);
}

/** What the connection label adds for such a platform, so a connection never reads as "tested" when it was not. */
export const UNTESTED_LABEL = '(key not checked: no API to test it)';

/**
 * Proves the key works with the platform's cheapest authenticated call; for a platform that
 * documents no endpoint to call (`connectionTest: null`), only checks that a key was entered.
 * @throws ExpiredAuthError for a rejected key, z.errors.Error for a missing key or a missing
 *   platform-specific field (named), and for other vendor errors (middleware)
 */
async function test(z: ZObject, bundle: Bundle): Promise<ConnectionTestResult> {
  const platform = platformOf(z, bundle);
  checkShopCurrency(z, bundle);
  const check = platform.connectionTest;
  let fromVendor: string | undefined;
  let fallback: string | undefined;
  if (check === null) {
    const key = bundle.authData.api_key;
    if (typeof key !== 'string' || key.trim() === '') {
      throw new z.errors.Error(
        `Enter your ${platform.name} ${platform.connection.apiKeyName ?? 'API key'} (${platform.connection.keyLocation}).`,
        'MissingApiKey',
        400,
      );
    }
  } else {
    // A platform with unconfirmed base URLs tries each; the one that answers is remembered for the connection.
    const probed = platform.baseUrlFallbacks?.length ? await probeBaseUrls(z, platform, check) : undefined;
    const response = probed?.response ?? (await callPlatform(z, platform, check, {}));
    fromVendor = check.accountPath ? readAt(response.data, check.accountPath, textSchema) : undefined;
    fallback = probed?.fallbackLabel;
  }
  const named = typeof bundle.authData.account_name === 'string' ? bundle.authData.account_name.trim() : '';
  const account = named || fromVendor;
  return {
    platform: platform.id,
    platform_name: platform.name,
    ...(account ? { account } : {}),
    ...(check === null ? { key_untested: true } : {}),
    ...(fallback ? { api_fallback: fallback } : {}),
  };
}

/** "Acme: Northwind Store", or just the platform when no account name is known. */
async function connectionLabel(_z: ZObject, bundle: Bundle): Promise<string> {
  const name = String(bundle.inputData.platform_name ?? '');
  const account = bundle.inputData.account;
  const named = typeof account === 'string' && account !== '' ? `${name}: ${account}` : name;
  const fallback = bundle.inputData.api_fallback;
  const label = typeof fallback === 'string' && fallback !== '' ? `${named} (${fallback})` : named;
  return bundle.inputData.key_untested === true ? `${label} ${UNTESTED_LABEL}` : label;
}

/**
 * One connection field per extra-field key, labelled with the platforms that need it, e.g.
 * "Public Key (Acme Only)". Optional on the form (other platforms leave it empty);
 * `platformOf` names it when the chosen platform needs it and it is empty.
 */
function extraFields() {
  const byKey = new Map<string, { field: ConnectionField; platforms: string[] }>();
  for (const platform of PLATFORMS) {
    for (const field of platform.connection.extraFields ?? []) {
      const entry = byKey.get(field.key) ?? { field, platforms: [] };
      entry.platforms.push(platform.name);
      byKey.set(field.key, entry);
    }
  }
  return [...byKey.values()].map(({ field, platforms }) => ({
    key: field.key,
    label: `${field.label} (${platforms.join(', ')} Only)`,
    required: false,
    ...(field.secret ? { type: 'password' as const } : {}),
    helpText: `${platforms.join(', ')} only: ${field.helpText} Leave empty for other platforms.`,
  }));
}

export default {
  type: 'custom' as const,
  fields: [
    {
      key: 'platform',
      label: 'Platform',
      required: true,
      choices: Object.fromEntries(PLATFORMS.map((platform) => [platform.id, platform.name])),
      helpText: 'The affiliate platform this connection talks to.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      required: true,
      type: 'password' as const,
      helpText: `Your platform's API key (some platforms call it the secret key). [Where each platform shows it](${KEY_HELP_URL}).${
        UNTESTABLE.length > 0 ? ' Where a platform publishes no API to test a key against, the key cannot be checked when you connect, and the connection label says so.' : ''
      }`,
    },
    ...extraFields(),
    {
      key: SHOP_CURRENCY_KEY,
      label: 'Shop Currency',
      required: false,
      helpText: `Optional: your shop's currency as a three-letter code, for example USD. ${
        CURRENCY_FROM_CONNECTION.length > 0 ? `${CURRENCY_FROM_CONNECTION.join(', ')} send some amounts without their currency and offer no API to read it; ` : ''
      }records from those then carry this one as their Currency. Records whose platform names the currency keep the platform's.`,
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
} satisfies Authentication;
