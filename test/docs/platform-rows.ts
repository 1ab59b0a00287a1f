/**
 * What the README's two per-platform tables and each platform's page must say, derived from the
 * platform's data, so a platform added, removed or changed cannot leave them behind. Each function
 * returns one finding per disagreement ([] when all agree).
 */
import type { RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';

/** The table row (`| … |` line) whose first cell links the platform's page, or undefined. */
export function rowOf(section: string, platform: PlatformDefinition): string[] | undefined {
  const line = section.split('\n').find((item) => item.startsWith(`| [${platform.name}](docs/platforms/${platform.id}.md) |`));
  return line?.split(' | ').map((cell) => cell.replace(/^\| |\|$/g, '').trim());
}

/** The text of a README section: from its `## ` heading to the next one. */
export function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** "Connect a platform": the key location as the connection's help says it, and how webhooks are set up. */
export function connectRowFindings(readme: string, platform: PlatformDefinition): string[] {
  const row = rowOf(section(readme, 'Connect a platform'), platform);
  if (row === undefined) return [`${platform.name}: no row in "Connect a platform"`];
  const findings: string[] = [];
  if (row[1] !== platform.connection.keyLocation) findings.push(`${platform.name}: key location "${row[1]}" is not the connection's "${platform.connection.keyLocation}"`);
  const webhooks = platform.webhooks.kind === 'api' ? 'automatic (REST hooks)' : `[in ${platform.name}'s dashboard](docs/platforms/${platform.id}.md#dashboard-webhook)`;
  if (row[2] !== webhooks) findings.push(`${platform.name}: webhooks "${row[2]}", expected "${webhooks}"`);
  return findings;
}

const KIND_WORDS: Record<RecordKind, string> = { referral: 'referrals', affiliate: 'affiliates', payout: 'payouts' };

/** The polling cell a platform's lists call for, e.g. `referrals, affiliates; status changes`, or `—`. */
function pollingCell(platform: PlatformDefinition): string {
  const lists = (Object.keys(KIND_WORDS) as RecordKind[]).filter((kind) => platform.lists[kind]?.polling !== undefined);
  if (lists.length === 0) return '—';
  // Status triggers exist for referrals and affiliates only.
  const statuses = lists.filter((kind) => kind !== 'payout').some((kind) => {
    const status = platform.lists[kind]?.polling?.status;
    return status !== undefined && !('unavailable' in status);
  });
  return `${lists.map((kind) => KIND_WORDS[kind]).join(', ')}${statuses ? '; status changes' : ''}`;
}

/** "Capabilities per platform": instant trigger kind, polling lists, actions offered and unconfirmed, searches. */
export function capabilityRowFindings(readme: string, platform: PlatformDefinition, actionCount: number): string[] {
  const row = rowOf(section(readme, 'Capabilities per platform'), platform);
  if (row === undefined) return [`${platform.name}: no row in "Capabilities per platform"`];
  const [, instant = '', polling = '', actions = '', searches = ''] = row;
  const findings: string[] = [];
  const kind = platform.webhooks.kind === 'api' ? 'REST hooks' : 'dashboard webhook';
  if (!instant.startsWith(kind)) findings.push(`${platform.name}: instant triggers "${instant}" should start "${kind}"`);
  if (polling !== pollingCell(platform)) findings.push(`${platform.name}: polling "${polling}", expected "${pollingCell(platform)}"`);
  const offered = Object.values(platform.actions).filter((action) => action !== undefined && !('unsupported' in action));
  const unconfirmed = offered.filter((action) => 'unconfirmed' in action && action.unconfirmed !== undefined).length;
  const expectedActions = `${offered.length} of ${actionCount}${unconfirmed > 0 ? ` (${unconfirmed} unconfirmed)` : ''}`;
  if (!actions.startsWith(expectedActions) || (unconfirmed === 0 && /unconfirmed/.test(actions))) findings.push(`${platform.name}: actions "${actions}", expected "${expectedActions}"`);
  const offeredSearches = (['find_affiliate', 'find_referral'] as const).filter((key) => {
    const search = platform.searches?.[key];
    return search !== undefined && !('unsupported' in search);
  });
  const expectedSearches = offeredSearches.length === 0 ? '—' : offeredSearches.map((key) => key.replace('find_', '')).join(', ');
  if (searches !== expectedSearches) findings.push(`${platform.name}: searches "${searches}", expected "${expectedSearches}"`);
  return findings;
}

/**
 * A platform's page: the key location and vendor page the connection's help gives, the dashboard
 * directions the Zap editor shows (word for word, under "Dashboard webhook"), and its event count.
 */
export function pageFindings(page: string, platform: PlatformDefinition): string[] {
  const findings: string[] = [];
  if (!page.includes(platform.connection.keyLocation)) findings.push(`${platform.id}.md: lacks the key location "${platform.connection.keyLocation}"`);
  if (!page.includes(platform.connection.keyHelpUrl)) findings.push(`${platform.id}.md: lacks the vendor's key page ${platform.connection.keyHelpUrl}`);
  if (platform.webhooks.kind === 'dashboard') {
    const directions = page.slice(page.indexOf('\n## Dashboard webhook\n'));
    if (!page.includes('\n## Dashboard webhook\n') || !directions.includes(platform.webhooks.directions)) findings.push(`${platform.id}.md: "Dashboard webhook" lacks webhooks.directions word for word`);
  } else if (page.includes('\n## Dashboard webhook\n')) {
    findings.push(`${platform.id}.md: has dashboard directions, but ${platform.name} registers webhooks through its API`);
  }
  const events = /\| New Platform Event \| (\d+) events/.exec(page)?.[1];
  if (Number(events) !== platform.events.length) findings.push(`${platform.id}.md: New Platform Event says ${events ?? 'nothing'} events, the data has ${platform.events.length}`);
  return findings;
}
