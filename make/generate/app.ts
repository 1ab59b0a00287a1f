/**
 * One Make custom app per platform, from its PlatformDefinition: base, connection, webhooks and
 * instant triggers, actions, searches, RPCs, the universal module, groups and a readme.
 *
 * Why one app per platform: a Make app has exactly one base (one base URL, one auth header) that
 * every module, RPC and webhook attach inherits, and each module binds one connection; the five
 * vendors differ in both, so one app each keeps every module's request plain data.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NormalizedOutput, RecordKind } from '../../platforms/records';
import type { PlatformDefinition } from '../../platforms/types';
import { addActions } from './actions';
import { addGets } from './gets';
import { AppFiles } from './app-files';
import { addConnection, baseOf } from './connection';
import { IssueLog, type Issue } from './issues';
import type { Json, JsonRecord } from './json';
import { addRpcs } from './rpcs';
import { addPollingTriggers } from './polling';
import { addListSearches, addSearches } from './searches';
import { MAKE_TRIGGERS } from './triggers';
import { addUniversalModule } from './universal';
import { addInstantTrigger } from './webhooks';
import { appIdentity, type AppIdentity } from './identity';
import { appReadme } from './readme';

// The identity is its own module (readme.ts needs it too); deploy and tests take it from here.
export { appIdentity, type AppIdentity };

/** A generated app: the files (relative path → content), its module groups and the issues found. */
export interface GeneratedApp {
  platform: string;
  identity: AppIdentity;
  files: Map<string, Json | string>;
  modules: { name: string; label: string; type: string }[];
  rpcs: string[];
  webhooks: string[];
  issues: Issue[];
}

/** `makecomapp.json` contents. The origin points the VS Code extension at the same Make app deploy uses. */
function manifestOf(app: AppFiles, identity: AppIdentity, zone: string): JsonRecord {
  return {
    fileVersion: 1,
    generalCodeFiles: { base: 'general/base.iml.json', common: 'general/common.json', readme: 'README.md', groups: 'general/groups.json' },
    components: app.components,
    origins: [
      { label: identity.label, baseUrl: `https://${zone}/api`, appId: identity.name, appVersion: 1, apikeyFile: '.secrets/apikey' },
    ],
  };
}

/** What a signing scheme signs with, e.g. "they are signed in X-Webhook-Signature (HMAC-SHA256 of the raw body) with a secret". */
function signedWith(scheme: PlatformDefinition['signature']): string {
  const first = scheme.type === 'candidates' ? scheme.candidates[0] : scheme;
  const header = first && 'header' in first && typeof first.header === 'string' ? ` in ${first.header}` : '';
  return `they are signed${header} over the raw body with a secret`;
}

function signatureNotes(platform: PlatformDefinition, log: IssueLog): void {
  const scheme = platform.signature;
  const component = 'security';
  if (scheme.type === 'url_token' || (scheme.type === 'candidates' && scheme.candidates[0]?.type === 'url_token')) {
    log.add(component, 'info', `${platform.name} deliveries carry no signature; on Make the per-webhook URL is the secret${platform.webhooks.kind === 'dashboard' ? ', plus an optional URL token' : ''}.`);
  } else if (scheme.type === 'header_token' || (scheme.type === 'candidates' && scheme.candidates[0]?.type === 'header_token')) {
    log.add(component, 'info', `${platform.name} deliveries carry no signature, only the token header attach set; on Make the per-webhook URL is the secret.`);
  } else if (scheme.type === 'remote') {
    log.add(component, 'warning', `Make cannot verify ${platform.name}'s deliveries: ${platform.name} checks a signature through its own API over the raw body, and Make's webhook has no raw body and no connection (Zapier verifies them). The webhook address is the secret: treat it as a password.`);
  } else {
    // Every other scheme (HMAC, Standard Webhooks, Stripe-style, a list of candidates) signs the raw body with a secret.
    log.add(component, 'warning', `Make cannot verify ${platform.name}'s deliveries: ${signedWith(scheme)}, and Make gives an app's webhook neither the raw body nor that secret (Zapier verifies them). The webhook address is the secret: treat it as a password.`);
  }
  // Per-trigger notes on re-fetching come from make/generate/refetch.ts; this is the case of none.
  if (Object.keys(platform.gets ?? {}).length === 0) {
    log.add(component, 'warning', `${platform.name} documents no call that fetches one referral, affiliate or payout by id, so Make cannot check an event by fetching its object again either: every event passes on as sent. Treat each webhook address as a password.`);
  }
}

/**
 * Generates the Make app of one platform.
 * @param zone Make zone for the VS Code origin, e.g. `eu1.make.com`
 */
export function generateApp(platform: PlatformDefinition, zone = 'eu1.make.com'): GeneratedApp {
  const log = new IssueLog(platform.id);
  const app = new AppFiles();
  const identity = appIdentity(platform);
  const connection = addConnection(app, platform, log);
  const rpc = addRpcs(app, platform, connection, log);
  const triggers = [
    ...MAKE_TRIGGERS.flatMap((trigger) => addInstantTrigger(app, platform, connection, trigger, log) ?? []),
    ...addPollingTriggers(app, platform, connection, log),
  ];
  const actions = addActions(app, platform, connection, rpc, log);
  const samples: Partial<Record<RecordKind, NormalizedOutput>> = {};
  for (const trigger of MAKE_TRIGGERS) if (trigger.record && !samples[trigger.record]) samples[trigger.record] = trigger.sample;
  const searches = [...addSearches(app, platform, connection, rpc, log), ...addListSearches(app, platform, connection, samples, log)];
  // Reading one record by its ID is an action on Make (`actionCrud: read`), grouped with the actions.
  actions.push(...addGets(app, platform, connection, samples, log));
  const universal = addUniversalModule(app, platform, connection);
  signatureNotes(platform, log);
  const groups = [
    { label: 'Triggers', modules: triggers },
    { label: 'Actions', modules: actions },
    { label: 'Searches', modules: searches },
    { label: 'Other', modules: [universal] },
  ].filter((group) => group.modules.length > 0);
  const modules = Object.entries(app.components.module).map(([name, meta]) => ({ name, label: String(meta.label), type: String(meta.moduleType) }));
  const files = new Map(app.files);
  files.set('general/base.iml.json', baseOf(platform, log));
  files.set('general/common.json', {});
  files.set('general/groups.json', groups);
  files.set('README.md', appReadme(platform, identity, modules, log.issues));
  files.set('makecomapp.json', manifestOf(app, identity, zone));
  return { platform: platform.id, identity, files, modules, rpcs: Object.keys(app.components.rpc), webhooks: Object.keys(app.components.webhook), issues: log.issues };
}

/**
 * Writes an app under `dir` (its previous contents removed, so no stale component survives). The
 * Make app a deploy recorded (its name and id mapping) is put into the origin by make/build.ts from
 * make-app/deploy-record.json, which a rebuild does not touch.
 */
export function writeApp(app: GeneratedApp, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of app.files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}
