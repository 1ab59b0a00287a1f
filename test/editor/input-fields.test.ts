/**
 * The Zap editor's input fields as Zapier resolves them for a connection of each platform: the
 * dynamic entries of every action, search and instant trigger, called through core's tester.
 */
import { ACTION_SPECS } from '../../fields/actions';
import { NOTICE_KEY, placeholdersOf, sharedActionFields, type EditorField } from '../../fields/editor-fields';
import { PLATFORMS } from '../../platforms/registry';
import { candidateSchemes } from '../../signature-schemes';
import type { PlatformDefinition } from '../../platforms/types';
import { SEARCH_SPECS } from '../../fields/searches';
import { app, appTester, type OperationFunction } from '../helpers/app';

type Entry = EditorField | OperationFunction;

/** Every entry of an operation's inputFields resolved for a connection of the platform, in order. */
async function resolve(entries: readonly Entry[], platform: string, inputData: Record<string, unknown> = {}): Promise<EditorField[]> {
  const fields: EditorField[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') fields.push(...((await appTester(entry, { authData: { platform, api_key: 'key' }, inputData })) as EditorField[]));
    else fields.push(entry);
  }
  return fields;
}

function inputEntries(kind: 'creates' | 'searches' | 'triggers', key: string): Entry[] {
  const item = (app[kind] as Record<string, { operation: { inputFields?: Entry[] } }>)[key];
  return item.operation.inputFields ?? [];
}

const byKey = (fields: EditorField[]) => Object.fromEntries(fields.map((field) => [field.key, field]));

describe.each(PLATFORMS.map((platform): [string, PlatformDefinition] => [platform.name, platform]))('actions for %s', (_name, platform) => {
  it.each(ACTION_SPECS.map((action) => [action.key]))('%s shows only what the platform uses, required where it needs it', async (key) => {
    const fields = await resolve(inputEntries('creates', key), platform.id);
    const spec = platform.actions[key as keyof PlatformDefinition['actions']];
    const shared = sharedActionFields(ACTION_SPECS.find((action) => action.key === key)!).map((field) => field.key);
    if (spec === undefined || 'unsupported' in spec) {
      // The notice first; after it only the static fields every offering platform shares (Zapier's D022).
      expect(fields[0]).toMatchObject({ key: NOTICE_KEY, type: 'copy' });
      expect(fields[0].helpText).toContain(platform.name);
      if (spec !== undefined) expect(fields[0].helpText).toContain(spec.unsupported);
      expect(fields.slice(1).map((field) => field.key)).toEqual(shared);
      return;
    }
    const { path, all } = placeholdersOf(spec.request);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields.filter((item) => item.type !== 'copy')) {
      expect(all.has(field.key)).toBe(true);
      expect(field.helpText).not.toContain('{platform}');
      if (path.has(field.key) || spec.requiredInputs?.includes(field.key)) expect(field.required).toBe(true);
    }
    // Every placeholder the platform fills from an input is offered (scope values such as `auth.*` are not inputs).
    const offered = new Set(ACTION_SPECS.find((action) => action.key === key)!.inputFields.map((field) => field.key));
    for (const name of all) if (offered.has(name)) expect(fields.map((field) => field.key)).toContain(name);
  });
});

describe('the platforms the issue names', () => {
  it('Create Referral: UpPromote needs Affiliate and Order ID, PartnerStack Customer Email and Sale Amount', async () => {
    const up = byKey(await resolve(inputEntries('creates', 'create_referral'), 'uppromote'));
    expect(up.affiliate.required).toBe(true);
    expect(up.order_id.required).toBe(true);
    expect(up.customer_email).toBeUndefined();
    expect(up.affiliate.helpText).toMatch(/UpPromote identifies the affiliate by email/);
    const ps = byKey(await resolve(inputEntries('creates', 'create_referral'), 'partnerstack'));
    expect(ps.customer_email.required).toBe(true);
    expect(ps.sale_amount.required).toBe(true);
    expect(ps.affiliate).toBeUndefined();
    expect(ps.order_id).toBeUndefined();
  });

  it('Mark Payout Paid: Rebus AI needs Payout, UpPromote Affiliate; Referrals is a list', async () => {
    const rebus = byKey(await resolve(inputEntries('creates', 'mark_payout_paid'), 'rebus'));
    expect(Object.keys(rebus)).toEqual(['payout_id']);
    expect(rebus.payout_id.required).toBe(true);
    const up = byKey(await resolve(inputEntries('creates', 'mark_payout_paid'), 'uppromote'));
    expect(up.affiliate.required).toBe(true);
    expect(up.payout_id).toBeUndefined();
    expect(up.referral_ids).toMatchObject({ list: true, dynamic: 'referral_list.id.label', required: false });
  });

  it('the affiliate dropdown is search-powered where the platform can find affiliates, with the value its actions take', async () => {
    const [upAffiliate] = await resolve(inputEntries('creates', 'create_referral'), 'uppromote');
    expect(upAffiliate).toMatchObject({ key: 'affiliate', search: 'find_affiliate.email' });
    const rebus = byKey(await resolve(inputEntries('creates', 'mark_payout_paid'), 'rebus'));
    expect(rebus.payout_id.search).toBeUndefined();
  });

  it('Create Affiliate shows Partner Group exactly where the platform\'s request takes it (PartnerStack among them)', async () => {
    for (const platform of PLATFORMS) {
      const keys = (await resolve(inputEntries('creates', 'create_affiliate'), platform.id)).map((field) => field.key);
      const spec = platform.actions.create_affiliate;
      const takes = spec !== undefined && !('unsupported' in spec) && placeholdersOf(spec.request).all.has('group_key');
      expect(keys.includes('group_key')).toBe(takes);
      if (platform.id === 'partnerstack') expect(keys).toContain('group_key');
    }
  });

  it('Approve Affiliate on UpPromote asks for the email, on Tamio for the affiliate', async () => {
    // Affiliate is static (every offering platform requires it); what a platform adds comes as a note after it.
    const up = byKey(await resolve(inputEntries('creates', 'approve_affiliate'), 'uppromote'));
    expect(up.affiliate).toMatchObject({ required: true });
    expect(up.affiliate_on_platform.helpText).toMatch(/UpPromote identifies it by email address/);
    const tamio = byKey(await resolve(inputEntries('creates', 'approve_affiliate'), 'tamio'));
    expect(tamio.affiliate).toMatchObject({ required: true });
    expect(tamio.affiliate_on_platform).toBeUndefined();
  });

  it('static fields are exactly those every platform offering the action requires (Zapier\'s D022)', () => {
    const shared = (key: string) => sharedActionFields(ACTION_SPECS.find((action) => action.key === key)!).map((field) => field.key);
    expect(shared('approve_referral')).toEqual(['referral_id']);
    expect(shared('create_affiliate')).toEqual(['email']);
    expect(shared('approve_affiliate')).toEqual(['affiliate']);
  });

  it('without a known platform every field is shown, as the static definition has them', async () => {
    const fields = await resolve(inputEntries('creates', 'create_referral'), 'nope');
    expect(fields.map((field) => field.key)).toEqual(ACTION_SPECS.find((action) => action.key === 'create_referral')!.inputFields.map((field) => field.key));
    expect(fields.every((field) => !('connectedHelp' in field))).toBe(true);
  });
});

describe.each(PLATFORMS.map((platform): [string, PlatformDefinition] => [platform.name, platform]))('searches for %s', (_name, platform) => {
  it.each(SEARCH_SPECS.map((search) => [search.key]))('%s: a notice first where the platform cannot search, then the search field', async (key) => {
    const fields = await resolve(inputEntries('searches', key), platform.id);
    const spec = platform.searches?.[key as 'find_affiliate' | 'find_referral'];
    const searchField = SEARCH_SPECS.find((search) => search.key === key)!.inputFields[0];
    expect(fields[fields.length - 1]).toMatchObject({ key: searchField.key, required: true });
    if (spec === undefined || 'unsupported' in spec) {
      expect(fields[0]).toMatchObject({ key: NOTICE_KEY, type: 'copy' });
      expect(fields[0].helpText).toContain(platform.name);
    } else {
      expect(fields).toHaveLength(1);
      // A scan (`spec.scan`) lists without the input and matches it afterwards.
      expect(spec.scan !== undefined || placeholdersOf(spec.request).all.has(searchField.key)).toBe(true);
    }
  });
});

describe('instant triggers', () => {
  it.each(['new_referral', 'new_affiliate', 'referral_status_changed'])('%s: dashboard-only platforms see a notice first (test/editor/advice.test.ts checks what it names)', async (key) => {
    for (const platform of PLATFORMS) {
      const fields = await resolve(inputEntries('triggers', key), platform.id);
      const notice = fields.find((field) => field.key === NOTICE_KEY);
      if (platform.webhooks.kind === 'dashboard') {
        expect(fields[0]).toBe(notice);
        expect(notice?.helpText).toContain(`${platform.name} registers webhooks only in its dashboard`);
      } else if (notice !== undefined) {
        expect(notice.helpText).toMatch(/sends no event/);
      }
    }
  });

  it.each([
    ['affiliate_status_changed', 'affiliate'],
    ['referral_status_changed', 'referral'],
    ['affiliate_status_polling', 'affiliate'],
    ['referral_status_polling', 'referral'],
  ] as const)('%s: the status filter offers only the statuses the platform reports, with readable labels', async (key, kind) => {
    for (const platform of PLATFORMS) {
      const status = (await resolve(inputEntries('triggers', key), platform.id)).find((field) => field.key === 'status');
      const reported = new Set(Object.values(platform.statuses[kind] ?? {}));
      expect(Object.keys(status?.choices ?? {}).sort()).toEqual([...reported].filter((value) => value !== 'unknown').sort());
      for (const [value, label] of Object.entries(status?.choices ?? {})) expect(label).toBe(value.charAt(0).toUpperCase() + value.slice(1));
    }
  });
});

describe('dashboard webhook Signing Secret', () => {
  it('is required exactly where only a secret can verify deliveries, optional where the platform\'s own API verifies them', async () => {
    for (const platform of PLATFORMS) {
      const fields = await resolve(inputEntries('triggers', 'dashboard_webhook'), platform.id);
      const secret = fields.find((field) => field.key === 'signing_secret');
      const asksEvent = platform.webhooks.kind === 'dashboard' && platform.webhooks.eventChosenPerUrl !== undefined;
      const tokensOnly = candidateSchemes(platform.signature).every((scheme) => scheme.type === 'url_token' || scheme.type === 'header_token');
      if (platform.delivery.eventPath === undefined && platform.delivery.eventHeader === undefined && !asksEvent) {
        expect(fields[0]).toMatchObject({ key: NOTICE_KEY, type: 'copy' });
      } else if (asksEvent) {
        // Deliveries name no event: the user names the one this URL receives, before the secret.
        expect(fields[0]).toMatchObject({ key: 'vendor_event', required: true });
        expect(Object.keys(fields[0].choices ?? {})).toEqual(platform.events.map((event) => event.key));
        expect(secret).toMatchObject({ required: true, type: 'password' });
        if (tokensOnly) expect(secret?.helpText).toMatch(/signs nothing/);
      } else if (candidateSchemes(platform.signature).some((scheme) => scheme.type === 'remote')) {
        expect(secret).toMatchObject({ required: false, type: 'password' });
        expect(secret?.helpText).toContain(`${platform.name}'s own API verifies`);
      } else {
        expect(secret).toMatchObject({ required: true, type: 'password' });
        if (platform.signature.type === 'url_token') expect(secret?.helpText).toMatch(/signs nothing/);
        else expect(secret?.helpText).not.toMatch(/signs nothing/);
      }
    }
  });
});

/** The test's own reading of what each hidden dropdown trigger lists (triggers/choice-lists.ts): the platform's records list, or its vendor choice list. */
function dropdownHasSource(platform: PlatformDefinition, dynamic: string): boolean {
  const trigger = dynamic.split('.')[0];
  const kind = ({ referral_list: 'referral', affiliate_list: 'affiliate', payout_list: 'payout' } as Record<string, 'referral' | 'affiliate' | 'payout'>)[trigger];
  if (kind !== undefined) return platform.lists[kind] !== undefined;
  if (trigger === 'applicant_list') return platform.choices?.applicant !== undefined || platform.lists.affiliate !== undefined;
  const choice = ({ program_list: 'program', group_list: 'group' } as Record<string, 'program' | 'group'>)[trigger];
  return choice !== undefined && platform.choices?.[choice] !== undefined;
}

describe.each(PLATFORMS.map((platform): [string, PlatformDefinition] => [platform.name, platform]))('required inputs for %s can be filled', (_name, platform) => {
  it.each(ACTION_SPECS.map((action) => [action.key]))('%s: a required field never says to leave it empty, and offers a dropdown only with items to list', async (key) => {
    const spec = platform.actions[key as keyof PlatformDefinition['actions']];
    if (spec === undefined || 'unsupported' in spec) return;
    const fields = await resolve(inputEntries('creates', key), platform.id);
    for (const field of fields) {
      if (field.required !== true) continue;
      expect(field.helpText).not.toMatch(/leave (it )?empty/i);
      // A dropdown is shown only where the platform can list its items, or (a static field) with a note saying to type or map the value.
      const note = fields.find((item) => item.key === `${field.key}_on_platform`);
      const hadDropdown = ACTION_SPECS.find((action) => action.key === key)!.inputFields.find((item) => item.key === field.key)?.dynamic !== undefined;
      if (field.dynamic !== undefined && !dropdownHasSource(platform, field.dynamic)) expect(note?.helpText).toMatch(/offers no list to pick from: type the ID or map it/);
      else if (field.dynamic === undefined && hadDropdown) expect(field.helpText).toMatch(/offers no list to pick from: type the ID or map it/);
    }
  });
});
