/**
 * Figure 4's verdicts: per platform and operation kind, the most requests one call made, and why
 * a count above one is forced by the vendor (derived from the platform's data), else a miss.
 */
import { findPlatform } from '../platforms/registry';
import { OPERATION_KINDS, type OperationKind } from './operation-kinds';
// The worker loads nock: only its types are imported here.
import type { OperationCount } from './requests-worker';

export interface RequestsRow {
  platform: string;
  kind: OperationKind;
  /** Most requests one successful call made; undefined when no app key could run it on this platform. */
  maxRequests?: number;
  /** App keys measured / keys the platform does not offer (failed before any request). */
  measured: number;
  notOffered: number;
  met: boolean;
  reason: string;
}

/** Why a vendor forces more than one request, read from its definition; undefined when nothing does. */
function forcedReason(platformId: string, kind: OperationKind, requests: number): string | undefined {
  const platform = findPlatform(platformId);
  if (!platform || platform.webhooks.kind !== 'api') return undefined;
  if (kind === 'subscribe' && requests === 2 && platform.webhooks.findExisting && platform.webhooks.eventsPerSubscription === 'one') {
    return `look-up first: ${platform.name} allows one webhook per event, so subscribing blindly would clash with or overwrite another tool's`;
  }
  return undefined;
}

/** Error texts are core's JSON (`{"message": …}`) or plain. */
function shortError(error: string): string {
  try {
    const parsed = JSON.parse(error) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // plain text
  }
  return error;
}

export function summarizeRequests(counts: readonly OperationCount[]): RequestsRow[] {
  const platforms = [...new Set(counts.map((count) => count.platform))];
  const rows: RequestsRow[] = [];
  for (const platform of platforms) {
    for (const kind of OPERATION_KINDS) {
      const calls = counts.filter((count) => count.platform === platform && count.kind === kind);
      if (calls.length === 0) continue;
      const succeeded = calls.filter((call) => call.error === undefined);
      // A subscribe to several vendor events on a one-per-event API makes one round per subscription.
      const perCall = succeeded.map((call) => (call.subscriptions && call.subscriptions > 1 ? call.requests / call.subscriptions : call.requests));
      const failedAfterRequests = calls.filter((call) => call.error !== undefined && call.requests > 0);
      const maxRequests = perCall.length > 0 ? Math.max(...perCall) : undefined;
      const forced = maxRequests !== undefined && maxRequests > 1 ? forcedReason(platform, kind, maxRequests) : undefined;
      const met = failedAfterRequests.length === 0 && (maxRequests === undefined || maxRequests <= 1 || forced !== undefined);
      let reason = forced ?? '';
      if (maxRequests === undefined) reason = shortError(calls[0].error ?? 'not run').slice(0, 90);
      if (failedAfterRequests.length > 0) reason = `failed after requests: ${failedAfterRequests.map((call) => `${call.key} (${shortError(call.error ?? '')})`).join('; ')}`;
      if (maxRequests !== undefined && maxRequests > 1 && forced === undefined) reason = `unexplained: ${succeeded.map((call) => call.calls.join(', ')).join(' / ')}`;
      rows.push({ platform, kind, maxRequests, measured: succeeded.length, notOffered: calls.length - succeeded.length, met, reason });
    }
  }
  return rows;
}
