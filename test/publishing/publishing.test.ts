/**
 * Zapier's publishing checks, judged from the definition: zero findings for the app, and each
 * check proven able to fail on a definition broken the way it guards against.
 */
import { app } from '../helpers/app';
import { PLATFORMS } from '../../platforms/registry';
import { ACCEPTED, CHECKS, type AppDefinition, type Finding } from './checks';
import { resolvedDefinition, withSamplesOf } from './resolved';

// Core types a field's choices and a search-or-create's label more loosely than the checks read them
// (an object of any values; an optional label), so the app is read as the checks' view of it.
const definition = app as AppDefinition;

/** Findings the app does not accept on purpose (ACCEPTED says why for the others). */
function unaccepted(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.rule} ${finding.where}`).filter((place) => ACCEPTED[place] === undefined);
}

/** Rules judged on the definition as resolved per platform (the static one carries only base output fields). */
const RESOLVED_ONLY = new Set(['D024']);

function broken(mutate: (copy: AppDefinition) => void): AppDefinition {
  const copy: AppDefinition = {
    ...definition,
    authentication: { ...definition.authentication, fields: [...(definition.authentication?.fields ?? [])] },
    triggers: { ...definition.triggers },
    creates: { ...definition.creates },
    searches: { ...definition.searches },
    searchOrCreates: { ...definition.searchOrCreates },
  };
  mutate(copy);
  return copy;
}

function withOperation<T extends { operation: object }>(item: T, operation: object): T {
  return { ...item, operation: { ...item.operation, ...operation } };
}

describe('publishing checks', () => {
  it.each(Object.entries(CHECKS).filter(([rule]) => !RESOLVED_ONLY.has(rule)))('%s finds nothing in the app but what it accepts', (_rule, check) => {
    expect(unaccepted(check(definition))).toEqual([]);
  });

  describe.each(PLATFORMS.map((platform) => [platform.name, platform.id]))('as resolved for a %s connection', (_name, id) => {
    let resolved: AppDefinition;
    beforeAll(async () => {
      resolved = await resolvedDefinition(id);
    });

    it.each(Object.keys(CHECKS))('%s finds nothing but what it accepts', (rule) => {
      const judged = rule === 'D024' ? withSamplesOf(resolved, id) : resolved;
      expect(unaccepted(CHECKS[rule](judged))).toEqual([]);
    });
  });

  it('D017 finds exactly the static webhooks the docs explain (docs/development.md)', () => {
    expect(CHECKS.D017(definition).map((finding) => `${finding.rule} ${finding.where}`)).toEqual(Object.keys(ACCEPTED).filter((place) => place.startsWith('D017')));
  });

  const approve = () => definition.creates!.approve_referral;
  const newReferral = () => definition.triggers!.new_referral;

  const findAffiliate = () => definition.searches!.find_affiliate;
  const dashboard = () => definition.triggers!.dashboard_webhook;

  it.each<[string, (copy: AppDefinition) => void, RegExp]>([
    ['D001', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'api_key', label: 'Key', helpText: 'Paste it here.' }] })), /action approve_referral field api_key/],
    ['D004', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referrals', label: 'Referral IDs', helpText: 'Comma-separated.' }] })), /field referrals/],
    ['D006', (copy) => (copy.triggers!.dashboard_webhook = withOperation(dashboard(), { performList: undefined })), /static hook without performList/],
    ['HELP-REDUNDANT', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'note', label: 'Note', helpText: 'The note.' }] })), /repeats the label "Note"/],
    ['D008 (help text)', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'note', label: 'Note', helpText: 'See https://example.com/help for more.' }] })), /field note: bare URL https:\/\/example.com\/help/],
    ['D008 (directions)', (copy) => (copy.triggers!.dashboard_webhook = { ...dashboard(), display: { ...dashboard().display, directions: 'Paste it at https://example.com/webhooks.' } }), /dashboard_webhook directions: bare URL/],
    ['CHOICE-LABELS', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'status', label: 'Status', helpText: 'Pick one.', choices: ['approved', 'denied'] }] })), /choices without readable labels/],
    ['D013', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x y', dynamic: 'referral_list.id.label', search: 'find_nothing.id' }] })), /search "find_nothing.id"/],
    ['D014', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x y', search: 'find_referral.id' }] })), /without a dynamic dropdown/],
    ['D015', (copy) => (copy.searchOrCreates!.find_affiliate = { ...copy.searchOrCreates!.find_affiliate, create: 'create_nothing' }), /search-or-create find_affiliate/],
    ['D016', (copy) => (copy.triggers!.dashboard_webhook = { ...dashboard(), display: { ...dashboard().display, directions: '' } }), /static webhook without directions/],
    ['D017', (copy) => (copy.triggers!.second_static = { ...dashboard(), key: 'second_static' }), /trigger second_static/],
    ['D021 (trailing period)', (copy) => (copy.triggers!.new_referral = { ...newReferral(), display: { ...newReferral().display, description: 'Triggers when a referral arrives' } }), /trigger new_referral/],
    ['D024 (datetime)', (copy) => (copy.searches!.find_affiliate = withOperation(findAffiliate(), { outputFields: [{ key: 'id', label: 'ID' }, { key: 'created_at', label: 'Created At', type: 'datetime' }], sample: { id: '1', created_at: 'yesterday' } })), /sample created_at: declared datetime/],
    ['D024 (boolean)', (copy) => (copy.searches!.find_affiliate = withOperation(findAffiliate(), { outputFields: [{ key: 'id', label: 'ID' }, { key: 'active', label: 'Active', type: 'boolean' }], sample: { id: '1', active: 'yes' } })), /sample active: declared boolean/],
    ['M002 (length)', (copy) => (copy.creates!.approve_referral = { ...approve(), display: { ...approve().display, description: `Approves ${'a referral '.repeat(15)}.` } }), /under 140/],
    ['M002 (vendor name)', (copy) => (copy.creates!.approve_referral = { ...approve(), display: { ...approve().display, description: `Approves a referral in ${PLATFORMS[0].name}.` } }), /names the vendor/],
    ['D002', (copy) => (copy.authentication!.fields = copy.authentication!.fields!.map((field) => (field.key === 'api_key' ? { ...field, helpText: 'Your key.' } : field))), /connection field api_key/],
    ['D003', (copy) => (copy.authentication = { ...copy.authentication, connectionLabel: undefined }), /connection/],
    ['D004', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x' }] })), /action approve_referral field referral_id/],
    ['D004 (typed only where the help says so)', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'The referral to change.' }] })), /field referral_id/],
    ['D005', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'referral_id', label: 'Referral', helpText: 'x', dynamic: 'nope.id.label' }] })), /dynamic "nope.id.label"/],
    ['D006', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { performList: undefined })), /trigger new_referral/],
    ['D007', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [{ key: 'note', label: 'Note', helpText: 'See http://example.com' }] })), /non-https URL/],
    ['D009', (copy) => (copy.searches!.find_affiliate = withOperation(copy.searches!.find_affiliate, { inputFields: [{ key: 'email', label: 'Email', helpText: 'x' }] })), /search find_affiliate/],
    ['D010', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { status: 'pending' } })), /trigger new_referral/],
    ['D018', (copy) => (copy.triggers!.new_referral = { ...newReferral(), display: { ...newReferral().display, label: 'new referral' } }), /"new referral"/],
    ['D021', (copy) => (copy.triggers!.new_referral = { ...newReferral(), display: { ...newReferral().display, description: 'Fires on referrals.' } }), /trigger new_referral/],
    ['FIELD-LISTS', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: () => [] })), /action approve_referral/],
    ['D022', (copy) => (copy.creates!.approve_referral = withOperation(approve(), { inputFields: [() => []] })), /action approve_referral: no static input field/],
    ['D023', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { ...newReferral().operation.sample, created_at: '24/09/2025' } })), /sample created_at/],
    ['D024', (copy) => (copy.triggers!.new_referral = withOperation(newReferral(), { sample: { ...newReferral().operation.sample, surprise: 1 } })), /sample surprise/],
  ])('%s flags a definition broken the way it guards against', (rule, mutate, where) => {
    const findings = CHECKS[rule.split(' ')[0]](broken(mutate));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((finding) => `${finding.where}: ${finding.message}`).join('\n')).toMatch(where);
  });
});
