/**
 * The README of a single-platform build (build/<id>/README.md): what the app does for the vendor's
 * users, how to connect, and, for a vendor whose webhooks are set up only in its dashboard, why a
 * public listing needs its webhook API first (docs/publishing-single-platform.md says more).
 */
import { reword } from '../app/terms';
import type { PlatformDefinition } from '../platforms/types';

/** The parts of a definition the README lists. */
interface Listed {
  triggers?: Record<string, { display: { label?: string; description?: string; hidden?: boolean } } | undefined>;
  creates?: Record<string, { display: { label?: string; description?: string } } | undefined>;
  searches?: Record<string, { display: { label?: string; description?: string } } | undefined>;
}

function lines(group: Listed['triggers'] | Listed['creates']): string[] {
  return Object.values(group ?? {})
    .filter((item) => item !== undefined && !('hidden' in item.display && item.display.hidden))
    .map((item) => `- **${item?.display.label ?? ''}**: ${item?.display.description ?? ''}`);
}

/** The README text for `platform`'s app, listing the operations of `definition` (its `buildApp({ platform })`). */
export function singlePlatformReadme(platform: PlatformDefinition, definition: Listed): string {
  const key = platform.connection.apiKeyName ?? 'API key';
  const extra = (platform.connection.extraFields ?? []).map((field) => ` and your ${field.label} (${field.helpText})`).join('');
  const dashboard =
    platform.webhooks.kind === 'dashboard'
      ? [
          '',
          '## Instant events and a public listing',
          '',
          `${platform.name} sets up webhooks only in its dashboard, so "New Event from Dashboard Webhook" is a static webhook: the user pastes the Zap's URL into ${platform.name}. ` +
            'Zapier accepts no new static-webhook trigger in a public integration (its check D017), so this trigger is for private use; ' +
            `a public listing needs ${platform.name}'s webhook API (REST hooks: subscribe and unsubscribe calls). Until then the polling triggers serve a public listing.`,
        ]
      : [];
  return [
    `# ${platform.name} for Zapier`,
    '',
    `A Zapier integration for ${platform.name}: its ${reword('referrals, affiliates and payouts', platform.terms)} in your Zaps, built from the Affiliate Hub repository (\`npm run zapier:build -- --platform ${platform.id}\`).`,
    'Its trigger, action and output field keys are those of the multi-platform Affiliate Hub app, so a Zap moved between the two keeps its field mappings.',
    '',
    '## Connect',
    '',
    `Enter your ${platform.name} ${key} (${platform.connection.keyLocation}; ${platform.connection.keyHelpUrl})${extra}.`,
    '',
    '## Triggers',
    '',
    ...lines(definition.triggers),
    '',
    '## Actions',
    '',
    ...lines(definition.creates),
    '',
    '## Searches',
    '',
    ...lines(definition.searches),
    ...dashboard,
    '',
    '## Publishing',
    '',
    "The steps (build, `zapier-platform register`, push, invite) and what Zapier asks of a public app: the repository's docs/publishing-single-platform.md.",
    '',
  ].join('\n');
}
